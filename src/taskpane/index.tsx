// Task pane entry: everything (waiting for Office, choosing Excel, the stand-in or the
// outside-Excel page, and the first-render mark) lives in bootstrap.tsx so that it can be tested.
import { startPane } from './bootstrap';

const container = document.getElementById('root');
if (container) startPane(container);

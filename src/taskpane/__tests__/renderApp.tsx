/**
 * Renders the whole pane on one tab with fake actions, the way the panels are used for real.
 */
import { render, screen, within } from '@testing-library/react';
import { App } from '../App';
import type { PaneTab } from '../App.types';
import type { PaneActions } from '../services';
import './domPolyfills';

/** Renders the App on `tab` and waits until the workbook settings have been read. */
export async function renderApp(actions: PaneActions, tab: PaneTab = 'setup') {
  const view = render(<App actions={actions} initialTab={tab} theme="light" />);
  const panel = await screen.findByRole('tabpanel');
  return { ...view, panel: within(panel) };
}

import type { PaneActions } from './services';
import type { PaneThemeName } from './theme';

/** The pane's tabs, in order. */
export type PaneTab =
  'setup' | 'import' | 'phase' | 'revise' | 'forecasts' | 'check' | 'chart' | 'settings';

/** Tab labels as the finance officer reads them. */
export const TAB_LABELS: Record<PaneTab, string> = {
  setup: 'Set up',
  import: 'Import',
  phase: 'Phase',
  revise: 'Revise',
  forecasts: 'Forecasts',
  check: 'Check',
  chart: 'Chart',
  settings: 'Settings',
};

/** Props of {@link App}. */
export interface AppProps {
  /** The workbook: the Office.js adapter in Excel, a fake in tests. */
  actions: PaneActions;
  initialTab?: PaneTab;
  /** Fixes the theme; when absent it follows Office, then the browser. */
  theme?: PaneThemeName;
}

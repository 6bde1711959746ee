import type { PaneActions } from './services';
import type { PaneThemeName } from './theme';

/** The pane's tabs, in order. */
export type PaneTab =
  | 'setup'
  | 'import'
  | 'phase'
  | 'revise'
  | 'forecasts'
  | 'actuals'
  | 'check'
  | 'chart'
  | 'close'
  | 'settings';

/** Tab labels as the finance officer reads them. */
export const TAB_LABELS: Record<PaneTab, string> = {
  setup: 'Set up',
  import: 'Import',
  phase: 'Phase',
  revise: 'Revise',
  forecasts: 'Forecasts',
  actuals: 'Actuals',
  check: 'Check',
  chart: 'Chart',
  close: 'Close year',
  settings: 'Settings',
};

/** The tab groups, one per step of the cycle, so the top row fits a 320px pane. */
export type PaneGroup = 'programme' | 'monitor' | 'check' | 'settings';

/** Each group's label and its tabs, in order. A group of one tab shows no second row. */
export const TAB_GROUPS: readonly { group: PaneGroup; label: string; tabs: readonly PaneTab[] }[] =
  [
    { group: 'programme', label: 'Programme', tabs: ['setup', 'import', 'phase', 'revise'] },
    { group: 'monitor', label: 'Monitor', tabs: ['forecasts', 'actuals', 'chart', 'close'] },
    { group: 'check', label: 'Check', tabs: ['check'] },
    { group: 'settings', label: 'Settings', tabs: ['settings'] },
  ];

/**
 * The group a tab belongs to.
 *
 * @example
 * groupOf('phase'); // 'programme'
 */
export function groupOf(tab: PaneTab): PaneGroup {
  return (TAB_GROUPS.find((entry) => entry.tabs.includes(tab)) ?? TAB_GROUPS[0]).group;
}

/** Props of {@link App}. */
export interface AppProps {
  /** The workbook: the Office.js adapter in Excel, a fake in tests. */
  actions: PaneActions;
  initialTab?: PaneTab;
  /** Fixes the theme; when absent it follows Office, then the browser. */
  theme?: PaneThemeName;
}

import type { ChartKind } from '../../services';

/** What each chart button says and does. */
export const CHARTS: readonly { kind: ChartKind; label: string; description: string }[] = [
  {
    kind: 'phasing',
    label: 'Chart quarterly phasing',
    description: 'Spend per quarter across the programme (a column chart).',
  },
  {
    kind: 'budget-forecast',
    label: 'Chart budget against forecast',
    description: 'Budget and forecast per area from the Monitoring sheet (gather forecasts first).',
  },
  {
    kind: 'trend',
    label: 'Chart the forecast trend',
    description:
      'In-year budget, actual to date and forecast of the programme at each period gathered (a line chart from the Monitoring history).',
  },
];

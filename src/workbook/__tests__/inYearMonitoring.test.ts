import {
  ZERO,
  fromNumber,
  monitorScheme,
  reprofileYears,
  type PhasedColumnAmount,
  type SchemeAtPeriod,
} from '../../core';
import {
  HISTORY_SHEET,
  IN_YEAR_COLUMNS,
  planInYearSheet,
  planPositionSheet,
  type InYearLine,
} from '../inYearMonitoring';
import { thresholdsOf } from '../monitoring';
import { isFormulaCell } from '../plan';
import { DEFAULT_SETTINGS } from '../settings';

const d = fromNumber;
const q = (year: number, amounts: number[]): PhasedColumnAmount[] =>
  amounts.map((amount, i) => ({
    column: { kind: 'quarter', year, quarter: (i + 1) as 1 },
    amount: d(amount),
  }));
const settings = { ...DEFAULT_SETTINGS, decimals: 2 };
const at = { year: 2016, period: 8 as const };
const schemes: SchemeAtPeriod[] = [
  {
    ref: 'CP-001',
    name: 'Compliance',
    area: 'Technology',
    approvedPhasing: q(2016, [2.6, 0, 0, 0]),
    actualToDate: d(2.26),
    inYearForecast: d(2.5),
    allYearsForecast: d(2.5),
  },
  {
    ref: 'CP-003',
    name: 'Technology refresh',
    area: 'Infrastructure',
    approvedPhasing: [...q(2016, [0.98, 0.98, 0.97, 0.97]), ...q(2017, [1, 1, 1, 1])],
    revisions: [
      {
        kind: 're-profile',
        amount: ZERO,
        date: { year: 2016, month: 10, day: 1 },
        yearAmounts: reprofileYears(d(0.5), 2016, 2017),
      },
    ],
    actualToDate: d(2.17),
    inYearForecast: d(3.0),
    allYearsForecast: d(7.9),
    explanation: 'Supplier delay',
  },
];
const lines: InYearLine[] = schemes.map((scheme) => ({
  row: monitorScheme(scheme, { at, thresholds: thresholdsOf(settings) }),
}));
const cellResult = (cell: unknown) =>
  isFormulaCell(cell as never) ? (cell as { result: unknown }).result : cell;

describe('planInYearSheet', () => {
  const { plan, rows } = planInYearSheet({
    at,
    lines,
    settings,
    actualsRows: 6,
    historyRows: 3,
    previous: { year: 2016, period: 6 },
  });

  it('lays the in-year and all-years columns side by side, slippage and under/overspend as formulas', () => {
    expect(plan.cells[3]).toEqual([...IN_YEAR_COLUMNS]);
    const refresh = plan.cells[rows.firstScheme];
    expect(refresh.slice(0, 6).map(cellResult)).toEqual([
      'CP-003',
      'Infrastructure',
      'Technology refresh',
      3.9,
      3.4,
      2.28,
    ]);
    const slippage = refresh[9];
    expect(isFormulaCell(slippage) && slippage.formula).toBe(
      `=I${rows.firstScheme + 1}-N${rows.firstScheme + 1}`,
    );
    expect(refresh.slice(8, 11).map(cellResult)).toEqual([0.4, 0.4, 0]);
  });

  it('reads actual to date from the Actuals table at the period, and movement from the history', () => {
    const row = plan.cells[rows.firstScheme - 1];
    const actual = row[6];
    // Whole columns (regression: lines appended by the pane's Bring in actuals were outside $D$2:$D$7).
    expect(isFormulaCell(actual) && actual.formula).toContain(
      "SUMIFS('Actuals'!$D:$D,'Actuals'!$A:$A,$A5,",
    );
    const movement = row[17];
    expect(isFormulaCell(movement) && movement.formula).toContain(`'${HISTORY_SHEET}'!`);
  });

  it('totals by area and overall, and slippage + under/overspend = variance on the total', () => {
    const total = plan.cells[rows.total - 1].map(cellResult);
    expect(total[0]).toBe('Total');
    expect(total[8]).toBeCloseTo((total[9] as number) + (total[10] as number), 12);
  });

  it('builds the committee table from the same lines', () => {
    const position = planPositionSheet({ at, lines, inYear: rows, settings });
    expect(position.cells[2]).toEqual([
      'Project',
      '16/17 Approved Budget',
      '16/17 Revised Budget',
      'Actual to date',
      '16/17 Forecast',
      '16/17 Variance',
      'of which slippage',
      'of which under/(over)spend',
      'All Years Budget',
      'All Years Forecast',
      'Explanation',
    ]);
    expect(position.cells.at(-1)?.[0]).toBe('TOTAL');
  });
});

/**
 * The In-year monitoring sheet planned at the settings' period from the Programme's phasing: the
 * in-year budget is the year's quarters, the actual to date the ledger's lines up to the period, a
 * scheme nobody has forecast is forecast at its budget, and an earlier period's forecasts,
 * explanations and links to returns carry over when the sheet moves on.
 */
import { fromNumber, readPeriodHeaders, type PhasedColumnAmount } from '../../core';
import {
  DEFAULT_SETTINGS,
  IN_YEAR_HEADER_ROW,
  isFormulaCell,
  monitoredPeriodOf,
  periodOfInYearSheet,
  planInYearStart,
  readActualsLines,
  type PlanCell,
  type StartingScheme,
} from '..';

const d = fromNumber;
const headers = readPeriodHeaders([
  '2016/17 Q1',
  '2016/17 Q2',
  '2016/17 Q3',
  '2016/17 Q4',
  '2017/18',
]);
if (!headers.ok) throw new Error(headers.message);
const phasing = (amounts: number[]): PhasedColumnAmount[] =>
  amounts.map((amount, i) => ({ column: headers.value[i], amount: d(amount) }));
const schemes: StartingScheme[] = [
  { ref: 'CP-001', name: 'Compliance', area: 'ICT', approvedPhasing: phasing([1, 1, 0.5, 0.1, 0]) },
  { ref: 'CP-002', name: 'Data centre', area: 'ICT', approvedPhasing: phasing([0, 0, 0, 0, 4]) },
];
const settings = { ...DEFAULT_SETTINGS, decimals: 2 };
const resultOf = (cell: PlanCell | undefined) => (isFormulaCell(cell) ? cell.result : cell);
/** Sheet values as Excel would hold them after writing the plan. */
const valuesOf = (cells: PlanCell[][]) => cells.map((row) => row.map(resultOf));

describe('planning the in-year sheets at the settings period', () => {
  const ledger = readActualsLines(
    [
      ['Scheme', 'Year', 'Period', 'Amount', 'Description'],
      ['CP-001', '2016/17', 2, 0.8, 'Firewall'],
      ['CP-001', '2016/17', 5, 0.4, 'Licences'],
      ['CP-001', 'next year', 2, 9, 'unreadable year: counts nowhere'],
    ],
    4,
  );

  it('reads the ledger lines it can, with their rows', () => {
    expect(ledger.map((line) => [line.ref, line.period, line.row])).toEqual([
      ['CP-001', 2, 2],
      ['CP-001', 5, 3],
    ]);
  });

  it('takes the year and period from the settings only when both are set', () => {
    expect(monitoredPeriodOf({ ...settings, monitoringYear: 2016, monitoringPeriod: 3 })).toEqual({
      year: 2016,
      period: 3,
    });
    expect(monitoredPeriodOf({ ...settings, monitoringYear: 2016 })).toBeUndefined();
  });

  it("starts at P3: the year's budget, spend to P3, forecast at budget until a holder returns one", () => {
    const start = planInYearStart({
      at: { year: 2016, period: 3 },
      schemes,
      ledger,
      actualsRows: 3,
      history: [],
      historyRows: 0,
      settings,
    });
    const values = valuesOf(start.inYear.plan.cells);
    expect(periodOfInYearSheet(values, 4)).toEqual({ year: 2016, period: 3 });
    const first = values[IN_YEAR_HEADER_ROW];
    // Ref, area, scheme, approved, revised, profiled to date, actual, forecast.
    expect(first.slice(0, 8)).toEqual(['CP-001', 'ICT', 'Compliance', 2.6, 2.6, 1, 0.8, 2.6]);
    // Nothing phased in 2016/17: an in-year budget of nil, the whole life in all-years.
    expect(values[IN_YEAR_HEADER_ROW + 1].slice(3, 5)).toEqual([0, 0]);
    expect(values[IN_YEAR_HEADER_ROW + 1][11]).toBe(4);
    expect(start.position.name).toBe('Capital budget position');
  });

  it('moves on to P6 keeping the holders forecasts, explanations and links', () => {
    const p3 = planInYearStart({
      at: { year: 2016, period: 3 },
      schemes,
      ledger,
      actualsRows: 3,
      history: [],
      historyRows: 0,
      settings,
    });
    const values = valuesOf(p3.inYear.plan.cells);
    const formulas = p3.inYear.plan.cells.map((row) =>
      row.map((cell) => (isFormulaCell(cell) ? cell.formula : '')),
    );
    values[IN_YEAR_HEADER_ROW][7] = 2.9;
    values[IN_YEAR_HEADER_ROW][16] = 'Licences cost more';
    formulas[IN_YEAR_HEADER_ROW + 1][12] = "='Forecast - Head of ICT'!F6";
    values[IN_YEAR_HEADER_ROW + 1][12] = 4.2;
    const p6 = planInYearStart({
      at: { year: 2016, period: 6 },
      schemes,
      ledger,
      actualsRows: 3,
      history: [],
      historyRows: 0,
      settings,
      kept: { values, formulas },
    });
    const cells = p6.inYear.plan.cells;
    const moved = valuesOf(cells);
    expect(moved[2][3]).toBe(6);
    // Spend to P6 now counts the P5 line; profiled to date the first two quarters.
    expect(moved[IN_YEAR_HEADER_ROW].slice(5, 8)).toEqual([2, 1.2, 2.9]);
    expect(moved[IN_YEAR_HEADER_ROW][16]).toBe('Licences cost more');
    const link = cells[IN_YEAR_HEADER_ROW + 1][12];
    expect(isFormulaCell(link) && link.formula).toBe("='Forecast - Head of ICT'!F6");
    expect(resultOf(link)).toBe(4.2);
  });
});

/**
 * Gather in the task pane when the workbook monitors the year: this version's forecast sheets
 * give the in-year forecast and explanation, the In-year monitoring sheet takes them, the
 * history gets one snapshot per scheme at the period, and Undo puts everything back.
 */
import { type FakeWorkbook } from '../../../tests/support/fake-excel';
import { workbookWithSampleProgramme } from '../../../tests/support/sampleProgramme';
import { fromNumber, monitoringRowOf, type MonitoringSnapshot } from '../../core';
import {
  DEFAULT_SETTINGS,
  HISTORY_SHEET,
  IN_YEAR_SHEET,
  planHistorySheet,
  planInYearSheet,
  type SheetPlan,
} from '../../workbook';
import { generateForecastSheets } from '../forecastSheets';
import { gatherForecasts } from '../monitoring';
import { undoLastChange } from '../undo';
import { officeGrid } from '../writePlan';

const d = fromNumber;
const at = { year: 2016, period: 8 as const };

/**
 * Writes a plan's cells as the pane would have: what Excel then holds (text typed with a leading
 * apostrophe, e.g. '2016/17, is held as the text itself; formulas are stored).
 */
function put(workbook: FakeWorkbook, plan: SheetPlan): void {
  const grid = officeGrid(plan).map((row) =>
    row.map((cell) => (typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell)),
  );
  const width = Math.max(...grid.map((row) => row.length));
  const last = String.fromCharCode(64 + width);
  workbook.setCells(plan.name, `A1:${last}${grid.length}`, grid);
}

describe('Gather into the in-year sheets', () => {
  let workbook: FakeWorkbook;
  beforeEach(async () => {
    workbook = await workbookWithSampleProgramme();
    const rows = [
      { ref: 'CP-001', name: 'Compliance', inYear: 2.6, allYears: 2.6, actual: 2.34 },
      { ref: 'CP-002', name: 'Service management', inYear: 1.1, allYears: 1.1, actual: 0.56 },
    ].map((s) =>
      monitoringRowOf({
        ref: s.ref,
        name: s.name,
        area: 'ICT infrastructure',
        inYearApproved: d(s.inYear),
        inYearRevised: d(s.inYear),
        profiledToDate: d(s.inYear),
        actualToDate: d(s.actual),
        inYearForecast: d(s.inYear),
        allYearsBudget: d(s.allYears),
        allYearsForecast: d(s.allYears),
      }),
    );
    const history: MonitoringSnapshot[] = rows.map((row) => ({
      ref: row.ref,
      at: { year: 2016, period: 6 },
      inYearBudget: row.inYearRevised,
      actualToDate: d(1),
      inYearForecast: row.inYearForecast,
      allYearsForecast: row.allYearsForecast,
    }));
    const settings = { ...DEFAULT_SETTINGS, decimals: 2 };
    put(workbook, planHistorySheet(history, settings));
    put(
      workbook,
      planInYearSheet({
        at,
        lines: rows.map((row) => ({ row })),
        settings,
        actualsRows: 0,
        historyRows: history.length,
        previous: { year: 2016, period: 6 },
      }).plan,
    );
    await generateForecastSheets();
  });

  it('shows each holder their in-year budget and actual to date, headed with the year and period', () => {
    expect(workbook.read('Forecast - Head of ICT', 'F4:J4')).toEqual([
      [
        'All-years forecast outturn',
        'In-year budget 2016/17',
        'Actual to date P8',
        'In-year forecast outturn 2016/17',
        'Explanation',
      ],
    ]);
    expect(workbook.read('Forecast - Head of ICT', 'A5:H6')).toEqual([
      ['CP-001', 'Compliance', 'ICT infrastructure', 2.6, 2.6, '', 2.6, 2.34],
      ['CP-002', 'Service management', 'ICT infrastructure', 1.1, 1.1, '', 1.1, 0.56],
    ]);
  });

  it("takes the holder's in-year forecast and explanation, and appends the period's snapshots", async () => {
    // CP-001 on the Head of ICT's sheet (row 5): all-years F, in-year I, explanation J.
    workbook.setCells('Forecast - Head of ICT', 'F5', [[2.48]]);
    workbook.setCells('Forecast - Head of ICT', 'I5:J5', [[2.3, 'Saving on licences']]);
    workbook.setCells('Forecast - Head of ICT', 'F6', [[1.1]]);
    workbook.setCells('Forecast - Head of ICT', 'I6', [[1.1]]);
    const result = await gatherForecasts();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.inYear).toEqual({
      at,
      updated: 2,
      appended: 2,
      refused: [],
      problems: [],
    });
    expect(workbook.read(IN_YEAR_SHEET, 'H5')).toEqual([[2.3]]);
    expect(workbook.read(IN_YEAR_SHEET, 'M5')).toEqual([[2.48]]);
    expect(workbook.read(IN_YEAR_SHEET, 'Q5')).toEqual([['Saving on licences']]);
    expect(workbook.read(IN_YEAR_SHEET, 'I5')).toEqual([['=E5-H5']]);
    // The P6 rows stay; the P8 rows follow them.
    expect(workbook.read(HISTORY_SHEET, 'A2:C5')).toEqual([
      ['CP-001', '2016/17', 6],
      ['CP-002', '2016/17', 6],
      ['CP-001', '2016/17', 8],
      ['CP-002', '2016/17', 8],
    ]);
    expect(workbook.read(HISTORY_SHEET, 'F4:H4')).toEqual([[2.3, 2.48, 'Saving on licences']]);
  });

  it('says which cell holds text where a forecast belongs, and leaves it there', async () => {
    workbook.setCells('Forecast - Head of ICT', 'F5', [[2.6]]);
    workbook.setCells('Forecast - Head of ICT', 'I5', [['about 2.3']]);
    const result = await gatherForecasts();
    expect(result.ok && result.value.inYear?.problems).toEqual([
      "the in-year forecast for CP-001 ('Forecast - Head of ICT'!I5) is not a figure: type it as a number, e.g. 2.4",
    ]);
    expect(workbook.read('Forecast - Head of ICT', 'I5')).toEqual([['about 2.3']]);
    // The in-year line keeps its forecast: nothing was made up from the text.
    expect(workbook.read(IN_YEAR_SHEET, 'H5')).toEqual([[2.6]]);
  });

  it('undoes the gathering: the in-year sheet as it was, the appended snapshots gone', async () => {
    const before = workbook.read(IN_YEAR_SHEET, 'A5:R6');
    workbook.setCells('Forecast - Head of ICT', 'F5', [[2.48]]);
    workbook.setCells('Forecast - Head of ICT', 'I5', [[2.3]]);
    expect((await gatherForecasts()).ok).toBe(true);
    expect(workbook.read(IN_YEAR_SHEET, 'H5')).toEqual([[2.3]]);
    await undoLastChange();
    expect(workbook.read(IN_YEAR_SHEET, 'A5:R6')).toEqual(before);
    expect(workbook.read(HISTORY_SHEET, 'A4:C5')).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
  });
});

/**
 * Gathering into the in-year sheets of a master over ExcelJS: reads the In-year monitoring,
 * Monitoring history and Actuals sheets, asks the workbook plan (src/workbook/inYearGathering.ts)
 * what to do, and does it: the returned figures written, the history's new rows appended below
 * the old ones, the In-year monitoring and Capital budget position cells written over in place.
 */
import type ExcelJS from 'exceljs';
import type { Decimal, Month } from '../../core';
import {
  ACTUALS_SHEET,
  DEFAULT_SETTINGS,
  HISTORY_SHEET,
  IN_YEAR_HEADER_ROW,
  IN_YEAR_SHEET,
  POSITION_SHEET,
  inYearBudgetsOf,
  inYearSettingsNote,
  monitoredPeriodOf,
  planInYearGathering,
  type GatheredForecast,
  type InYearGatheringPlan,
  type PlannerSettings,
  type ReadSheet,
  type SheetPlan,
} from '../../workbook';
import { fileCell } from '../writePlan';

export type { GatheredForecast };
/** What gathering did to the in-year sheets (the plan's report, without its cells). */
export type InYearGathering = Pick<
  InYearGatheringPlan,
  'at' | 'updated' | 'appended' | 'refused' | 'problems'
> & {
  /**
   * Said when the Settings name another period than the sheet states: the command line gathers at
   * the sheet's period and never moves it on (`inYearSettingsNote`).
   */
  settingsNote?: string;
};

const FORMULA_TYPE = 6;

/**
 * A cell's value as a reader sees it: a formula's cached result, or the value. `cell.result`, not
 * `cell.value.result`: ExcelJS 4.4's value getter drops a result of 0 (Cell._copyModel copies
 * only truthy fields).
 */
function shownValue(cell: ExcelJS.Cell): unknown {
  if (cell.type === FORMULA_TYPE) return cell.result;
  const value = cell.value;
  if (value && typeof value === 'object' && 'richText' in value)
    return (value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('');
  return value;
}

/** A sheet's cells from A1 over `columns` columns: values and formulas. */
function readSheet(sheet: ExcelJS.Worksheet, columns: number): ReadSheet {
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const rowValues: unknown[] = [];
    const rowFormulas: unknown[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = sheet.getCell(r, c);
      rowValues.push(shownValue(cell));
      const formula = cell.type === FORMULA_TYPE ? cell.formula : undefined;
      rowFormulas.push(typeof formula === 'string' ? `=${formula}` : undefined);
    }
    values.push(rowValues);
    formulas.push(rowFormulas);
  }
  return { values, formulas };
}

/** Writes a plan's cells over a sheet laid out by the same plan, from 0-based row `fromRow`, keeping its formats. */
function writeCellsInPlace(sheet: ExcelJS.Worksheet, plan: SheetPlan, fromRow = 0): void {
  plan.cells.forEach((row, r) => {
    if (r < fromRow) return;
    row.forEach((cell, c) => {
      sheet.getCell(r + 1, c + 1).value = fileCell(cell);
    });
  });
}

/**
 * Puts the gathered forecasts into the master's in-year sheets and appends the period's snapshot
 * to the history; `undefined` when the master has no In-year monitoring sheet.
 *
 * @example
 * const gathering = gatherInYear(master, [{ ref: 'CP-003', allYearsForecast: d(4.32), inYearForecast: d(3.92), explanation: 'Delivery slips to April' }], settings);
 * gathering?.appended; // one snapshot per scheme at P8
 */
export function gatherInYear(
  workbook: ExcelJS.Workbook,
  gathered: readonly GatheredForecast[],
  settings: PlannerSettings = DEFAULT_SETTINGS,
): InYearGathering | undefined {
  const sheet = workbook.getWorksheet(IN_YEAR_SHEET);
  if (!sheet) return undefined;
  const historySheet = workbook.getWorksheet(HISTORY_SHEET);
  const actuals = workbook.getWorksheet(ACTUALS_SHEET);
  const position = workbook.getWorksheet(POSITION_SHEET);
  const plan = planInYearGathering({
    inYear: readSheet(sheet, 18),
    ...(historySheet ? { history: readSheet(historySheet, 8).values } : {}),
    actualsRows: actuals ? countRows(readSheet(actuals, 1).values) : 0,
    sheets: workbook.worksheets.map((each) => each.name),
    hasPosition: position !== undefined,
    settings,
    gathered,
    writeThroughLinks: true,
  });
  const { at, updated, appended, refused, problems } = plan;
  const report: InYearGathering = { updated, appended, refused, problems };
  if (at) report.at = at;
  const settingsSay = monitoredPeriodOf(settings);
  const note =
    at && settingsSay
      ? inYearSettingsNote(at, settingsSay, settings.fiscalYearStartMonth as Month)
      : undefined;
  if (note) report.settingsNote = note;
  if (!plan.inYear) return report;
  for (const write of plan.writes) {
    const target = workbook.getWorksheet(write.sheet);
    if (target) target.getCell(write.row, write.column).value = write.value;
  }
  if (plan.history) {
    const target = historySheet ?? workbook.addWorksheet(HISTORY_SHEET);
    const { top, rows, formats } = plan.history;
    rows.forEach((row, i) =>
      row.forEach((value, c) => {
        const cell = target.getCell(top + i, c + 1);
        cell.value = fileCell(value);
        const format = formats[i]?.[c];
        if (format && format !== 'General') cell.numFmt = format;
      }),
    );
  }
  writeCellsInPlace(sheet, plan.inYear, IN_YEAR_HEADER_ROW);
  if (position && plan.position) writeCellsInPlace(position, plan.position);
  return report;
}

/** Data rows below a header: rows with something in column A, up to the first blank. */
function countRows(values: ReadSheet['values']): number {
  let count = 0;
  for (let r = 1; r < values.length; r++) {
    const first = values[r][0];
    if (first === null || first === undefined || String(first).trim() === '') break;
    count++;
  }
  return count;
}

/**
 * Each scheme's in-year revised budget on the master's In-year monitoring sheet, by Ref in lower
 * case (empty when there is no such sheet), to check a return's in-year budget against.
 *
 * @example
 * inYearBudgets(master).get('cp-003'); // 4.32
 */
export function inYearBudgets(workbook: ExcelJS.Workbook): Map<string, Decimal> {
  const sheet = workbook.getWorksheet(IN_YEAR_SHEET);
  return sheet ? inYearBudgetsOf(readSheet(sheet, 18).values) : new Map();
}

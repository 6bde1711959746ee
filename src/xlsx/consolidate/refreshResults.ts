/**
 * After forecasts are written, the formulas that use them still carry their old cached results.
 * Excel recalculates on open (fullCalcOnLoad), but a viewer that does not would show a stale
 * variance. So the shapes of formula the Monitoring sheet uses are worked out again exactly
 * (a link to one cell, a difference of two cells, a SUM down a column, and the task pane's
 * variance, flag and RAG formulas with the settings sheet they read), and any other formula
 * that reads the forecast column loses its cached result rather than keep a wrong one.
 */
import type ExcelJS from 'exceljs';
import { subtract, sum, toNumber, tryFromNumber, type Decimal } from '../../core';
import {
  SETTINGS_RANGE,
  SETTINGS_SHEET,
  lineFormulas,
  monitoringLine,
  parseSettings,
  type PlannerSettings,
} from '../../workbook';
import { linkedCell } from './forecastLink';

const DIFFERENCE = /^\s*\$?([A-Z]{1,3})\$?(\d+)\s*-\s*\$?([A-Z]{1,3})\$?(\d+)\s*$/;
const COLUMN_SUM = /^\s*SUM\(\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*$/i;

const FORMULA_TYPE = 6;

function numberAt(sheet: ExcelJS.Worksheet, address: string): Decimal | undefined {
  const cell = sheet.getCell(address);
  const value = cell.type === FORMULA_TYPE ? cell.result : cell.value;
  return typeof value === 'number' ? tryFromNumber(value) : undefined;
}

function linkResult(workbook: ExcelJS.Workbook, text: string): number | string | undefined {
  const link = linkedCell(text);
  if (!link) return undefined;
  const cell = workbook.getWorksheet(link.sheet)?.getCell(link.row, link.column);
  if (!cell) return undefined;
  const value = cell.type === FORMULA_TYPE ? cell.result : cell.value;
  if (typeof value === 'number' || typeof value === 'string') return value;
  // A blank source: the task pane's IF(ISBLANK(...),"",...) link shows "", a plain link 0.
  if (value === null || value === undefined) return /ISBLANK/i.test(text) ? '' : 0;
  return undefined;
}

/**
 * The settings the Monitoring formulas read, when the workbook has its settings sheet.
 *
 * @example
 * settingsOf(workbook)?.unit; // '£m'
 */
export function settingsOf(workbook: ExcelJS.Workbook): PlannerSettings | undefined {
  const sheet = workbook.getWorksheet(SETTINGS_SHEET);
  if (!sheet) return undefined;
  const values: unknown[][] = [];
  for (let r = 1; r <= SETTINGS_RANGE.rows; r++) {
    values.push([sheet.getCell(r, 1).value, sheet.getCell(r, 2).value ?? '']);
  }
  return parseSettings(values);
}

/** A line formula of the task pane's Monitoring (variance, flag or RAG), worked out by the engine. */
function lineResult(
  sheet: ExcelJS.Worksheet,
  text: string,
  row: number,
  settings: PlannerSettings | undefined,
): number | string | undefined {
  if (!settings) return undefined;
  const formulas = lineFormulas(row);
  const which = (['variance', 'flag', 'rag'] as const).find((key) => formulas[key] === `=${text}`);
  if (!which) return undefined;
  const budget = numberAt(sheet, `E${row}`);
  if (!budget) return undefined;
  const forecastCell = sheet.getCell(`F${row}`);
  const forecastValue =
    forecastCell.type === FORMULA_TYPE ? forecastCell.result : forecastCell.value;
  const forecast = numberAt(sheet, `F${row}`);
  // A blank forecast is "no forecast"; anything else unreadable is left for Excel.
  if (!forecast && forecastValue !== '' && forecastValue !== null && forecastValue !== undefined)
    return undefined;
  const line = monitoringLine('', budget, forecast, settings);
  if (which === 'variance') return line.variance ?? '';
  if (which === 'flag') return line.status;
  return line.rag ?? '';
}

function recompute(
  workbook: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  text: string,
  row: number,
  settings: PlannerSettings | undefined,
): number | string | undefined {
  const line = lineResult(sheet, text, row, settings);
  if (line !== undefined) return line;
  const linked = linkResult(workbook, text);
  if (linked !== undefined) return linked;
  const difference = DIFFERENCE.exec(text);
  if (difference) {
    const a = numberAt(sheet, `${difference[1]}${difference[2]}`);
    const b = numberAt(sheet, `${difference[3]}${difference[4]}`);
    return a && b ? toNumber(subtract(a, b)) : undefined;
  }
  const total = COLUMN_SUM.exec(text);
  if (total && total[1] === total[3]) {
    const figures: Decimal[] = [];
    for (let r = Number(total[2]); r <= Number(total[4]); r++) {
      const address = `${total[1]}${r}`;
      // A formula whose result was cleared (it read a forecast) leaves the sum unknown too.
      if (
        sheet.getCell(address).type === FORMULA_TYPE &&
        sheet.getCell(address).result === undefined
      )
        return undefined;
      const figure = numberAt(sheet, address);
      if (figure) figures.push(figure);
    }
    return toNumber(sum(figures));
  }
  return undefined;
}

/**
 * Brings the cached results of `sheet`'s formulas up to date after the column
 * `forecastColumn` (1-based) changed; top to bottom, left to right, so totals below and flags to
 * the right see the new figures.
 *
 * @example
 * refreshResults(workbook, monitoring, 4); // variances, flags and totals follow the new forecasts
 */
export function refreshResults(
  workbook: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  forecastColumn: number,
): void {
  const letters = sheet.getColumn(forecastColumn).letter;
  const readsForecast = new RegExp(`(^|[^A-Z$])\\$?${letters}\\$?\\d`);
  const settings = settingsOf(workbook);
  sheet.eachRow((row, rowNumber) => {
    row.eachCell((cell) => {
      if (cell.type !== FORMULA_TYPE) return;
      const value = cell.value as ExcelJS.CellFormulaValue;
      if (typeof value.formula !== 'string') return;
      const result = recompute(workbook, sheet, value.formula, rowNumber, settings);
      if (result !== undefined) cell.value = { formula: value.formula, result, date1904: false };
      else if (readsForecast.test(value.formula))
        cell.value = { formula: value.formula, date1904: false };
    });
  });
}

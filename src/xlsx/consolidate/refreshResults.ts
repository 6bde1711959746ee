/**
 * After forecasts are written, the formulas that use them still carry their old cached results.
 * Excel recalculates on open (fullCalcOnLoad), but a viewer that does not would show a stale
 * variance. So the shapes of formula the Monitoring sheet uses are worked out again exactly
 * (a link to one cell, a difference of two cells, a SUM down a column, the demo's flag), and any other formula that
 * reads the forecast column loses its cached result rather than keep a wrong one.
 */
import type ExcelJS from 'exceljs';
import { subtract, sum, toNumber, tryFromNumber, type Decimal } from '../../core/money';
import { varianceStatus } from '../../core/monitoring';
import { DEMO_SETTINGS } from '../demo/planDemo';
import { flagFormula } from '../demo/writeDemo';
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

function recompute(
  workbook: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  text: string,
  row: number,
): number | string | undefined {
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
      const figure = numberAt(sheet, `${total[1]}${r}`);
      if (figure) figures.push(figure);
    }
    return toNumber(sum(figures));
  }
  if (text === flagFormula(row)) {
    const budget = numberAt(sheet, `E${row}`);
    const forecast = numberAt(sheet, `F${row}`);
    if (!budget || !forecast) return undefined;
    return varianceStatus(budget, forecast, {
      absolute: DEMO_SETTINGS.thresholdAbsolute,
      percent: DEMO_SETTINGS.thresholdPercent,
    });
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
  sheet.eachRow((row, rowNumber) => {
    row.eachCell((cell) => {
      if (cell.type !== FORMULA_TYPE) return;
      const value = cell.value as ExcelJS.CellFormulaValue;
      if (typeof value.formula !== 'string') return;
      const result = recompute(workbook, sheet, value.formula, rowNumber);
      if (result !== undefined) cell.value = { formula: value.formula, result, date1904: false };
      else if (readsForecast.test(value.formula))
        cell.value = { formula: value.formula, date1904: false };
    });
  });
}

/**
 * Reading and writing cells of a loaded workbook for closing the year: figures and text as the
 * sheet shows them (a formula's cached result), the workbook's settings, and cached results.
 */
import type ExcelJS from 'exceljs';
import { tryFromNumber, type Decimal } from '../../core';
import { SETTINGS_SHEET, parseSettings, type PlannerSettings } from '../../workbook';

/** ExcelJS's type of a formula cell. */
export const FORMULA_TYPE = 6;

/**
 * What a cell shows: a formula's cached result, else its value.
 *
 * @example
 * valueOf(sheet.getCell('H2')); // 4.32 (the cached result of the revised budget formula)
 */
export function valueOf(cell: ExcelJS.Cell): unknown {
  return cell.type === FORMULA_TYPE ? cell.result : cell.value;
}

/**
 * A cell's figure; a formula with no cached result is 0 (ExcelJS leaves out a result of 0); blank
 * or text is undefined.
 *
 * @example
 * money(sheet.getCell('G2')); // { units: 260, scale: 2 }
 */
export function money(cell: ExcelJS.Cell): Decimal | undefined {
  const value = valueOf(cell);
  if (value === null || value === undefined || value === '')
    return cell.type === FORMULA_TYPE ? tryFromNumber(0) : undefined;
  return typeof value === 'number' ? tryFromNumber(value) : undefined;
}

/**
 * A cell's text, trimmed ('' for blank).
 *
 * @example
 * text(sheet.getCell('A2')); // 'CP-001'
 */
export function text(cell: ExcelJS.Cell): string {
  const value = valueOf(cell);
  return value === null || value === undefined ? '' : String(value).trim();
}

/**
 * The workbook's settings (unit, decimals, start month), defaults when it has no settings sheet.
 *
 * @example
 * settingsOf(workbook).decimals; // 2
 */
export function settingsOf(workbook: ExcelJS.Workbook): PlannerSettings {
  const sheet = workbook.getWorksheet(SETTINGS_SHEET);
  if (!sheet) return parseSettings(undefined);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return parseSettings(rows);
}

/**
 * The signed change of a Revisions row, as its `Signed amount` formula computes it.
 *
 * @example
 * signedAmount('reduction', 0.15); // -0.15
 */
export function signedAmount(kind: string, amount: number): number {
  if (kind === 'reduction') return -Math.abs(amount);
  return kind === 're-profile' ? 0 : amount;
}

/**
 * Keeps a formula and sets its cached result.
 *
 * @example
 * setResult(sheet.getCell('H2'), 4.32);
 */
export function setResult(cell: ExcelJS.Cell, result: number | string): void {
  cell.value = { formula: cell.formula, result } as ExcelJS.CellFormulaValue;
}

/**
 * Rounds away the float noise of adding figures.
 *
 * @example
 * round(0.1 + 0.2, 4); // 0.3
 */
export const round = (value: number, decimals: number) =>
  Math.round(value * 10 ** decimals) / 10 ** decimals;

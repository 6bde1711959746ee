/**
 * Builds the engine's grid (the used range of one worksheet) from ExcelJS cells, the same shape
 * the task pane reads with `range.values` and `range.numberFormat`.
 */
import type { Grid } from '../core';
import type { OfficeCellValue } from './cellValue';
import { toOfficeValue } from './cellValue';

/** One worksheet's used range as the engine's grid: `values[0][0]` sits at `origin` (0-based). */
export type SheetGrid = Grid;

/** Office.js reports an unformatted cell's number format as 'General'. */
export const GENERAL_FORMAT = 'General';

/** The few ExcelJS cell members the grid needs (shared by the whole-file and streaming readers). */
export interface CellLike {
  readonly value: unknown;
  readonly numFmt?: string;
  /** ExcelJS ValueType; 1 is a merged cell that is not the top-left one, 6 a formula. */
  readonly type?: number;
  /** A formula's cached result. */
  readonly result?: unknown;
}

const EXCELJS_MERGE_TYPE = 1;
const EXCELJS_FORMULA_TYPE = 6;

function officeValueOf(cell: CellLike, date1904: boolean): OfficeCellValue {
  // Office.js shows a merged area's value only in its top-left cell.
  if (cell.type === EXCELJS_MERGE_TYPE) return '';
  // ExcelJS leaves a falsy result (0, '', false) out of a formula's `value`: read `result` itself.
  if (cell.type === EXCELJS_FORMULA_TYPE) return toOfficeValue(cell.result, date1904);
  return toOfficeValue(cell.value, date1904);
}

/**
 * Collects cells row by row and returns the rectangular grid of the used range.
 *
 * @example
 * const builder = new SheetGridBuilder('Programme', false);
 * builder.add(2, 3, { value: 2.6, numFmt: '0.0' }); // C2
 * builder.build(); // { sheet: 'Programme', values: [[2.6]], numberFormats: [['0.0']], origin: { row: 1, column: 2 } }
 */
export class SheetGridBuilder {
  private readonly rows = new Map<
    number,
    { columns: number[]; values: OfficeCellValue[]; formats: string[] }
  >();
  private top = Infinity;
  private bottom = -Infinity;
  private left = Infinity;
  private right = -Infinity;

  constructor(
    private readonly sheet: string,
    private readonly date1904: boolean,
  ) {}

  /** Adds the cell at 1-based `row`, `column` (ExcelJS numbering). */
  add(row: number, column: number, cell: CellLike): void {
    const value = officeValueOf(cell, this.date1904);
    const format = cell.numFmt ?? GENERAL_FORMAT;
    if (value === '' && format === GENERAL_FORMAT) return;
    let entry = this.rows.get(row);
    if (!entry) {
      entry = { columns: [], values: [], formats: [] };
      this.rows.set(row, entry);
    }
    entry.columns.push(column);
    entry.values.push(value);
    entry.formats.push(format);
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (column < this.left) this.left = column;
    if (column > this.right) this.right = column;
  }

  /** The used range as a grid; an empty sheet gives an empty grid at A1. */
  build(): SheetGrid {
    if (this.rows.size === 0)
      return { sheet: this.sheet, values: [], numberFormats: [], origin: { row: 0, column: 0 } };
    const width = this.right - this.left + 1;
    const values: OfficeCellValue[][] = [];
    const numberFormats: string[][] = [];
    for (let row = this.top; row <= this.bottom; row++) {
      const rowValues: OfficeCellValue[] = new Array(width).fill('');
      const rowFormats: string[] = new Array(width).fill(GENERAL_FORMAT);
      const entry = this.rows.get(row);
      if (entry) {
        for (let i = 0; i < entry.columns.length; i++) {
          const index = entry.columns[i] - this.left;
          rowValues[index] = entry.values[i];
          rowFormats[index] = entry.formats[i];
        }
      }
      values.push(rowValues);
      numberFormats.push(rowFormats);
    }
    return {
      sheet: this.sheet,
      values,
      numberFormats,
      origin: { row: this.top - 1, column: this.left - 1 },
    };
  }
}

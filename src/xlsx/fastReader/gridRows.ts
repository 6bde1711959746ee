/**
 * Collects a sheet's cells row by row and builds the engine's grid of its used range, applying
 * merged areas the way ExcelJS does: only a merged area's top-left cell keeps its value.
 */
import type { OfficeCellValue } from '../cellValue';
import { GENERAL_FORMAT, type SheetGrid } from '../sheetGrid';

interface RowCells {
  columns: number[];
  values: OfficeCellValue[];
  formats: string[];
}

/** A merged area, 1-based and inclusive. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * 'B2:D4' (or 'B2') as an area; undefined when it is not an address.
 *
 * @example
 * areaOf('B2:D4'); // { top: 2, left: 2, bottom: 4, right: 4 }
 */
export function areaOf(reference: string): CellArea | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(
    reference.trim(),
  );
  if (!match) return undefined;
  const left = columnNumber(match[1]);
  const top = parseInt(match[2], 10);
  const right = match[3] ? columnNumber(match[3]) : left;
  const bottom = match[4] ? parseInt(match[4], 10) : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/**
 * Column letters as a 1-based number.
 *
 * @example
 * columnNumber('AB'); // 28
 */
export function columnNumber(letters: string): number {
  let number = 0;
  for (let i = 0; i < letters.length; i++) number = number * 26 + (letters.charCodeAt(i) & 31);
  return number;
}

/**
 * Cells of one sheet, collected as they stream past.
 *
 * @example
 * const rows = new GridRows();
 * rows.add(2, 3, 2.6, '0.0'); // C2
 * rows.build('Programme', []); // { sheet: 'Programme', values: [[2.6]], numberFormats: [['0.0']], origin: { row: 1, column: 2 } }
 */
export class GridRows {
  private readonly rows = new Map<number, RowCells>();
  // Empty cells with a number format: only a merged area brings them into the grid.
  private readonly blankRows: number[] = [];
  private readonly blankColumns: number[] = [];
  private readonly blankFormats: string[] = [];
  private current: RowCells | undefined;
  private currentRow = -1;

  /** Adds the cell at 1-based `row`, `column`; an empty cell in 'General' is left out (Office.js's used range). */
  add(row: number, column: number, value: OfficeCellValue, format: string): void {
    if (value === '' && format === GENERAL_FORMAT) return;
    if (row !== this.currentRow) {
      this.currentRow = row;
      this.current = this.rows.get(row);
      if (!this.current) {
        this.current = { columns: [], values: [], formats: [] };
        this.rows.set(row, this.current);
      }
    }
    const cells = this.current as RowCells;
    cells.columns.push(column);
    cells.values.push(value);
    cells.formats.push(format);
  }

  /**
   * Notes an empty cell that has a number format. Office.js's used range leaves it out, unless it
   * lies in a merged area (ExcelJS then reads it as part of the area, with its own format).
   */
  addFormattedBlank(row: number, column: number, format: string): void {
    if (format === GENERAL_FORMAT) return;
    this.blankRows.push(row);
    this.blankColumns.push(column);
    this.blankFormats.push(format);
  }

  /** The used range as a grid, after blanking merged cells other than each area's top-left. */
  build(sheet: string, merged: readonly CellArea[]): SheetGrid {
    for (const area of merged) this.blank(area);
    if (merged.length > 0) this.addMergedBlanks(merged);
    let top = Infinity;
    let bottom = -Infinity;
    let left = Infinity;
    let right = -Infinity;
    for (const [row, cells] of this.rows) {
      if (cells.columns.length === 0) continue;
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      for (const column of cells.columns) {
        if (column < left) left = column;
        if (column > right) right = column;
      }
    }
    if (top === Infinity)
      return { sheet, values: [], numberFormats: [], origin: { row: 0, column: 0 } };
    const width = right - left + 1;
    const values: OfficeCellValue[][] = [];
    const numberFormats: string[][] = [];
    for (let row = top; row <= bottom; row++) {
      const rowValues: OfficeCellValue[] = new Array<OfficeCellValue>(width).fill('');
      const rowFormats: string[] = new Array<string>(width).fill(GENERAL_FORMAT);
      const cells = this.rows.get(row);
      if (cells) {
        for (let i = 0; i < cells.columns.length; i++) {
          const index = cells.columns[i] - left;
          rowValues[index] = cells.values[i];
          rowFormats[index] = cells.formats[i];
        }
        // Let the collected row go as soon as it is copied, to keep the peak low.
        this.rows.delete(row);
      }
      values.push(rowValues);
      numberFormats.push(rowFormats);
    }
    return { sheet, values, numberFormats, origin: { row: top - 1, column: left - 1 } };
  }

  private addMergedBlanks(merged: readonly CellArea[]): void {
    const areasByRow = new Map<number, CellArea[]>();
    for (const area of merged) {
      // An area taller than the sheet's rows is looked up row by row from the blanks instead.
      for (let row = area.top; row <= Math.min(area.bottom, area.top + 1_048_576); row++) {
        const list = areasByRow.get(row);
        if (list) list.push(area);
        else areasByRow.set(row, [area]);
      }
    }
    for (let i = 0; i < this.blankRows.length; i++) {
      const row = this.blankRows[i];
      const column = this.blankColumns[i];
      const inArea = areasByRow
        .get(row)
        ?.some(
          (area) =>
            column >= area.left &&
            column <= area.right &&
            !(row === area.top && column === area.left),
        );
      if (inArea) {
        this.currentRow = -1;
        this.add(row, column, '', this.blankFormats[i]);
      }
    }
  }

  private blank(area: CellArea): void {
    const rowCount = area.bottom - area.top + 1;
    const visit = (row: number, cells: RowCells): void => {
      for (let i = cells.columns.length - 1; i >= 0; i--) {
        const column = cells.columns[i];
        if (column < area.left || column > area.right) continue;
        if (row === area.top && column === area.left) continue;
        if (cells.formats[i] === GENERAL_FORMAT) {
          cells.columns.splice(i, 1);
          cells.values.splice(i, 1);
          cells.formats.splice(i, 1);
        } else cells.values[i] = '';
      }
    };
    if (rowCount <= this.rows.size) {
      for (let row = area.top; row <= area.bottom; row++) {
        const cells = this.rows.get(row);
        if (cells) visit(row, cells);
      }
    } else {
      for (const [row, cells] of this.rows)
        if (row >= area.top && row <= area.bottom) visit(row, cells);
    }
  }
}

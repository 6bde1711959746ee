/**
 * Collects a sheet's cells row by row and builds the engine's grid of its used range, applying
 * merged areas the way ExcelJS does: only a merged area's top-left cell keeps its value. Each
 * row is kept dense from column A (padded with '' in 'General', which is what an absent cell
 * reads as), so building the grid copies little and allocates few objects.
 */
import type { OfficeCellValue } from '../cellValue';
import { GENERAL_FORMAT, type SheetGrid } from '../sheetGrid';

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

/** Excel's last column (XFD): a cell further right is damage, not data. */
const MAX_COLUMN = 16_384;

function sameFormats(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function present(value: OfficeCellValue, format: string | undefined): boolean {
  return value !== '' || (format !== undefined && format !== GENERAL_FORMAT);
}

/** Distinct format rows remembered for sharing when a row is not laid out like the one before. */
const RECENT_FORMAT_ROWS = 16;

/**
 * Cells of one sheet, collected as they stream past.
 *
 * Memory is what limits a 100k-row check (issue 15: under 300 MB), and garbage collection was a
 * third of its time, so the row being read is filled in one reused buffer and kept, once
 * finished, as one array of exactly its length; a row whose cells are all 'General' keeps no
 * formats at all, and rows laid out alike share one formats array in the grid (it is read-only).
 *
 * @example
 * const rows = new GridRows();
 * rows.add(2, 3, 2.6, '0.0'); // C2
 * rows.build('Programme', []); // { sheet: 'Programme', values: [[2.6]], numberFormats: [['0.0']], origin: { row: 1, column: 2 } }
 */
export class GridRows {
  // Indexed by 1-based row number; a row's arrays by 0-based column. A row's formats are
  // undefined while every cell of it is 'General'.
  private readonly values: OfficeCellValue[][] = [];
  private readonly formats: (string[] | undefined)[] = [];
  // Empty cells with a number format: only a merged area brings them into the grid.
  private readonly blankRows: number[] = [];
  private readonly blankColumns: number[] = [];
  private readonly blankFormats: string[] = [];
  // The row being filled: its cells are in the buffers up to `openLength`.
  private openRow = -1;
  private openLength = 0;
  private openFormatted = false;
  private readonly openValues: OfficeCellValue[] = [];
  private readonly openFormats: string[] = [];
  /** The longest row so far: shorter rows are padded to it once, when finished, not at build. */
  private widest = 0;

  /** Adds the cell at 1-based `row`, `column`; an empty cell in 'General' is left out (Office.js's used range). */
  add(row: number, column: number, value: OfficeCellValue, format: string): void {
    if ((value === '' && format === GENERAL_FORMAT) || column > MAX_COLUMN || column < 1) return;
    if (row !== this.openRow) this.openNewRow(row);
    const index = column - 1;
    const values = this.openValues;
    const formats = this.openFormats;
    let length = this.openLength;
    if (index >= length) {
      while (length < index) {
        values[length] = '';
        formats[length++] = GENERAL_FORMAT;
      }
      this.openLength = index + 1;
    }
    values[index] = value;
    formats[index] = format;
    if (format !== GENERAL_FORMAT) this.openFormatted = true;
  }

  /** Keeps the open row (exactly its length, padded to the widest row so far) and opens `row`. */
  private openNewRow(row: number): void {
    if (this.openRow >= 0) {
      const values = this.openValues;
      const formats = this.openFormats;
      let length = this.openLength;
      if (length > this.widest) this.widest = length;
      while (length < this.widest) {
        values[length] = '';
        formats[length++] = GENERAL_FORMAT;
      }
      this.values[this.openRow] = values.slice(0, length);
      this.formats[this.openRow] = this.openFormatted ? formats.slice(0, length) : undefined;
    }
    this.openRow = row;
    this.openLength = 0;
    this.openFormatted = false;
    // A row met again (out of order, or a merged area's cell) goes on from what it holds.
    const reopened = row >= 0 ? this.values[row] : undefined;
    if (reopened !== undefined) {
      const formats = this.formats[row];
      for (let i = 0; i < reopened.length; i++) {
        this.openValues[i] = reopened[i];
        this.openFormats[i] = formats === undefined ? GENERAL_FORMAT : formats[i];
      }
      this.openLength = reopened.length;
      this.openFormatted = formats !== undefined;
    }
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
    this.openNewRow(-1);
    if (merged.length > 0) {
      for (const area of merged) this.blank(area);
      this.addMergedBlanks(merged);
      this.openNewRow(-1);
    }
    let top = Infinity;
    let bottom = -Infinity;
    let left = Infinity;
    let right = -Infinity;
    this.values.forEach((rowValues, row) => {
      const rowFormats = this.formats[row];
      let first = 0;
      while (first < rowValues.length && !present(rowValues[first], rowFormats?.[first])) first++;
      if (first === rowValues.length) return;
      let last = rowValues.length - 1;
      while (!present(rowValues[last], rowFormats?.[last])) last--;
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (first < left) left = first;
      if (last > right) right = last;
    });
    if (top === Infinity)
      return { sheet, values: [], numberFormats: [], origin: { row: 0, column: 0 } };
    const width = right - left + 1;
    const values: OfficeCellValue[][] = [];
    const numberFormats: string[][] = [];
    const general = new Array<string>(width).fill(GENERAL_FORMAT);
    // Rows laid out alike share one formats array: the last few distinct ones are remembered.
    const recent: string[][] = [];
    for (let row = top; row <= bottom; row++) {
      let rowValues = this.values[row] ?? [];
      if (left > 0 || rowValues.length > width) rowValues = rowValues.slice(left, left + width);
      if (rowValues.length < width) {
        const padding = new Array<OfficeCellValue>(width - rowValues.length).fill('');
        rowValues = rowValues.concat(padding);
      }
      values.push(rowValues);
      const rowFormats = this.formats[row];
      if (rowFormats === undefined) {
        numberFormats.push(general);
        continue;
      }
      let cut = rowFormats.slice(left, left + width);
      while (cut.length < width) cut.push(GENERAL_FORMAT);
      const same = recent.find((candidate) => sameFormats(candidate, cut));
      if (same !== undefined) cut = same;
      else {
        if (recent.length === RECENT_FORMAT_ROWS) recent.shift();
        recent.push(cut);
      }
      numberFormats.push(cut);
    }
    this.values.length = 0;
    this.formats.length = 0;
    return { sheet, values, numberFormats, origin: { row: top - 1, column: left } };
  }

  private addMergedBlanks(merged: readonly CellArea[]): void {
    // Areas by row, so each blank looks at the few areas on its own row; a very tall area is
    // checked against every blank instead of being spread over its rows.
    const byRow = new Map<number, CellArea[]>();
    const tall: CellArea[] = [];
    for (const area of merged) {
      if (area.bottom - area.top > 10_000) {
        tall.push(area);
        continue;
      }
      for (let row = area.top; row <= area.bottom; row++) {
        const list = byRow.get(row);
        if (list) list.push(area);
        else byRow.set(row, [area]);
      }
    }
    const covers = (area: CellArea, row: number, column: number): boolean =>
      row >= area.top &&
      row <= area.bottom &&
      column >= area.left &&
      column <= area.right &&
      !(row === area.top && column === area.left);
    for (let i = 0; i < this.blankRows.length; i++) {
      const row = this.blankRows[i];
      const column = this.blankColumns[i];
      const inArea =
        (byRow.get(row)?.some((area) => covers(area, row, column)) ?? false) ||
        tall.some((area) => covers(area, row, column));
      if (!inArea) continue;
      // The cell had no value, so it is absent from its row: it reads as '' in its own format.
      const rowValues = this.values[row];
      const index = column - 1;
      if (
        rowValues === undefined ||
        rowValues.length <= index ||
        !present(rowValues[index], this.formats[row]?.[index])
      )
        this.add(row, column, '', this.blankFormats[i]);
      // Kept at once: the test above reads the rows as kept.
      this.openNewRow(-1);
    }
  }

  private blank(area: CellArea): void {
    const last = Math.min(area.bottom, this.values.length - 1);
    for (let row = area.top; row <= last; row++) {
      const rowValues = this.values[row];
      if (rowValues === undefined) continue;
      const end = Math.min(area.right, rowValues.length);
      for (let column = area.left; column <= end; column++) {
        if (row === area.top && column === area.left) continue;
        rowValues[column - 1] = '';
      }
    }
  }
}

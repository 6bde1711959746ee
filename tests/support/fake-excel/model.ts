/**
 * The state of an in-memory workbook: sheets of cells, tables, validation, protection,
 * conditional formats and charts. Formulas are stored, not evaluated.
 */
import { cellName, type Rect, rectAddress } from './address';
import { FakeOfficeError } from './errors';

export type CellValue = string | number | boolean;

/** One cell. Absent cells are empty with the General format, no fill, locked. */
export interface FakeCell {
  /** The constant, or the formula text (starting with `=`) when `isFormula`. */
  content: CellValue;
  isFormula: boolean;
  /** Text entered with a leading apostrophe (Excel's quote prefix): shown as text, never run. */
  quotePrefix: boolean;
  numberFormat: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  locked: boolean;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  top: number;
  left: number;
  columns: string[];
  /** Data rows, not counting the header and totals rows. */
  bodyRows: number;
  showTotals: boolean;
}

export interface FakeValidation {
  rect: Rect;
  rule: unknown;
}

export interface FakeConditionalFormat {
  rect: Rect;
  type: string;
  rule?: unknown;
  fill?: string;
  fontColor?: string;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy?: string;
  title?: string;
  /** Category axis labels, when the first column of the source holds labels. */
  categories?: string[];
  /** Series names, from the header row. */
  series?: string[];
}

export interface FakeProtection {
  protected: boolean;
  options?: unknown;
  password?: string;
}

/**
 * True when a protected sheet lets the add-in change cell formats (fill, font, number format,
 * conditional formats). `WorksheetProtectionOptions.allowFormatCells` "represents the worksheet
 * protection option allowing the formatting of cells"; it is off unless given:
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions#excel-excel-worksheetprotectionoptions-allowformatcells-member
 * (Excel's own rule: https://learn.microsoft.com/office/vba/api/excel.protection.allowformattingcells)
 */
export function formattingAllowed(protection: FakeProtection): boolean {
  if (!protection.protected) return true;
  return (
    (protection.options as { allowFormatCells?: unknown } | undefined)?.allowFormatCells === true
  );
}

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

/**
 * Excel's worksheet name rules: 1 to 31 characters, none of : \ / ? * [ ], not starting or ending
 * with an apostrophe, and not "History" (reserved). Excel's UI states them ("Rename a worksheet",
 * https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9);
 * the Office.js reference does not repeat them, so the stand-in refuses such a name with
 * InvalidArgument (the stricter choice) and Diagnostics does not rely on it.
 */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a sheet name cannot be blank';
  if (name.length > 31) return `'${name}' is longer than 31 characters`;
  if (SHEET_NAME_FORBIDDEN.test(name)) return `'${name}' contains one of : \\ / ? * [ ]`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `'${name}' starts or ends with an apostrophe`;
  if (name.toLowerCase() === 'history') return "'History' is reserved by Excel";
  return undefined;
}

/**
 * Excel's table (defined name) rules: start with a letter, underscore or backslash; then letters,
 * digits, periods and underscores; no spaces; not a cell reference (A1 or R1C1) nor C, c, R or r;
 * at most 255 characters; unique in the workbook, case-insensitively. From "Names in formulas"
 * (https://support.microsoft.com/office/names-in-formulas-fc2935f9-115d-4bef-a370-3aa8bb4c91f1)
 * and "Rename an Excel table" (https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114).
 */
export function tableNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 255) return 'a table name must have 1 to 255 characters';
  if (!/^[\p{L}_\\][\p{L}\p{N}._]*$/u.test(name))
    return `'${name}' must start with a letter or _ and hold only letters, digits, . and _`;
  if (/^[crCR]$/.test(name)) return `'${name}' is reserved`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[rR]\d*[cC]\d*$/.test(name))
    return `'${name}' reads as a cell reference`;
  return undefined;
}

/** Which Excel calculation mode is on (Excel.CalculationMode). */
export type FakeCalculationMode = 'Automatic' | 'AutomaticExceptTables' | 'Manual';

/** Rows of an Excel sheet. */
const SHEET_ROWS = 1_048_576;

export class FakeSheet {
  /** Cells by {@link FakeSheet.key}: a number, so that 100k-row tests do not build a string per cell. */
  readonly cells = new Map<number, FakeCell>();
  visibility = 'Visible';
  frozenRows = 0;
  frozenColumns = 0;
  protection: FakeProtection = { protected: false };
  validations: FakeValidation[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  charts: FakeChart[] = [];

  constructor(
    public name: string,
    public readonly id: string,
  ) {}

  /** Column-major, so that a programme's keys (few columns) stay small integers. */
  static key(row: number, column: number): number {
    return column * SHEET_ROWS + row;
  }

  /** The row and column of a {@link FakeSheet.key}. */
  static position(key: number): [number, number] {
    return [key % SHEET_ROWS, Math.floor(key / SHEET_ROWS)];
  }

  get(row: number, column: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(row, column));
  }

  /** The cell, created empty when missing (for writing). */
  touch(row: number, column: number): FakeCell {
    const key = FakeSheet.key(row, column);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {
        content: '',
        isFormula: false,
        quotePrefix: false,
        numberFormat: 'General',
        locked: true,
      };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Bounding box of cells with content (valuesOnly) or with anything set. */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      if (valuesOnly && cell.content === '' && !cell.isFormula) continue;
      const [r, c] = FakeSheet.position(key);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (bottom < 0) return undefined;
    return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** Moves the cells of columns [left, left+columns) at or below `fromRow` down by `count` rows. */
  shiftDown(fromRow: number, left: number, columns: number, count: number): void {
    const moving: [number, number, FakeCell][] = [];
    for (const [key, cell] of this.cells) {
      const [r, c] = FakeSheet.position(key);
      if (r >= fromRow && c >= left && c < left + columns) moving.push([r, c, cell]);
    }
    for (const [r, c] of moving) this.cells.delete(FakeSheet.key(r, c));
    for (const [r, c, cell] of moving) this.cells.set(FakeSheet.key(r + count, c), cell);
  }

  /** Removes `count` rows at `fromRow` in columns [left, left + columns); cells below move up. */
  shiftUp(fromRow: number, left: number, columns: number, count: number): void {
    const moving: [number, number, FakeCell][] = [];
    for (const [key, cell] of this.cells) {
      const [r, c] = FakeSheet.position(key);
      if (r >= fromRow && c >= left && c < left + columns) moving.push([r, c, cell]);
    }
    for (const [r, c] of moving) this.cells.delete(FakeSheet.key(r, c));
    for (const [r, c, cell] of moving)
      if (r >= fromRow + count) this.cells.set(FakeSheet.key(r - count, c), cell);
  }
}

/** Everything about one cell, as plain JSON, for before/after comparisons in tests. */
export interface CellSnapshot {
  content: CellValue;
  isFormula: boolean;
  quotePrefix: boolean;
  numberFormat: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  locked: boolean;
}

export interface SheetSnapshot {
  visibility: string;
  frozenRows: number;
  protection: FakeProtection;
  cells: Record<string, CellSnapshot>;
  validations: number;
  conditionalFormats: number;
  charts: number;
}

export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  activeSheet?: FakeSheet;
  selection?: { sheet: FakeSheet; rect: Rect };
  /** What the user has selected: cells, or a chart or shape (then getSelectedRange fails). */
  selectionKind: 'range' | 'chart' | 'shape' = 'range';
  /** The user is typing in a cell (Excel's cell-edit mode). */
  cellEditing = false;
  /** Every sync hangs, unanswered (seen on Excel on the web). */
  syncNeverReturns = false;
  /** Others are editing the workbook (co-authoring). */
  coauthoring = false;
  /** `Application.calculationMode`. A runtime setting, not saved with the workbook. */
  calculationMode: FakeCalculationMode = 'Automatic';
  /** Writes since the last calculation while in manual mode: formula results are stale. */
  staleFormulas = false;
  /** Calls of `Application.calculate`. */
  calculations = 0;
  /** Refuse `[@Col]` formulas outside a table (see RULES_AWAITING_ISSUE_10 in index.ts). */
  refuseThisRowOutsideTable = false;
  /** Keep a leading apostrophe as a character in Text (`@`) cells (see RULES_AWAITING_ISSUE_10). */
  keepApostropheInTextCells = false;
  private nextId = 1;

  addSheet(name: string): FakeSheet {
    if (this.findSheet(name))
      throw new FakeOfficeError(
        'ItemAlreadyExists',
        'WorksheetCollection.add',
        `a sheet named '${name}' already exists`,
      );
    const problem = sheetNameProblem(name);
    if (problem) throw new FakeOfficeError('InvalidArgument', 'WorksheetCollection.add', problem);
    const sheet = new FakeSheet(name, `{sheet-${this.nextId++}}`);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  findSheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  deleteSheet(sheet: FakeSheet): void {
    const index = this.sheets.indexOf(sheet);
    if (index >= 0) this.sheets.splice(index, 1);
    for (let i = this.tables.length - 1; i >= 0; i--)
      if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
    if (this.selection?.sheet === sheet) this.selection = undefined;
  }

  findTable(name: string): FakeTable | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  /** A JSON copy of every sheet's cells and settings, for tests that prove what changed. */
  snapshot(): Record<string, SheetSnapshot> {
    const result: Record<string, SheetSnapshot> = {};
    for (const sheet of this.sheets) {
      const cells: Record<string, CellSnapshot> = {};
      for (const [key, cell] of sheet.cells) {
        const [r, c] = FakeSheet.position(key);
        const isBlank =
          cell.content === '' &&
          !cell.isFormula &&
          cell.numberFormat === 'General' &&
          !cell.fill &&
          cell.locked &&
          !cell.bold &&
          !cell.fontColor;
        if (!isBlank) cells[cellName(r, c)] = { ...cell };
      }
      result[sheet.name] = {
        visibility: sheet.visibility,
        frozenRows: sheet.frozenRows,
        protection: { ...sheet.protection },
        cells,
        validations: sheet.validations.length,
        conditionalFormats: sheet.conditionalFormats.length,
        charts: sheet.charts.length,
      };
    }
    return result;
  }

  /** Cell addresses (`Sheet!A1`) that differ between two snapshots. */
  static diff(
    before: Record<string, SheetSnapshot>,
    after: Record<string, SheetSnapshot>,
  ): string[] {
    const changed: string[] = [];
    const names = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const name of names) {
      const a = before[name]?.cells ?? {};
      const b = after[name]?.cells ?? {};
      const cells = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const cell of cells)
        if (JSON.stringify(a[cell]) !== JSON.stringify(b[cell])) changed.push(`${name}!${cell}`);
      if (before[name] && after[name]) {
        const { cells: _a, ...restA } = before[name];
        const { cells: _b, ...restB } = after[name];
        if (JSON.stringify(restA) !== JSON.stringify(restB))
          changed.push(`${name}!(sheet settings)`);
      } else if (before[name] || after[name]) {
        changed.push(`${name}!(sheet ${before[name] ? 'deleted' : 'added'})`);
      }
    }
    return changed.sort();
  }

  /** The sheet-qualified address of a table part, e.g. for the pane. */
  static tableRect(table: FakeTable, part: 'all' | 'header' | 'body' | 'totals'): Rect {
    const columns = table.columns.length;
    const bodyTop = table.top + 1;
    switch (part) {
      case 'header':
        return { top: table.top, left: table.left, rows: 1, columns };
      case 'body':
        return { top: bodyTop, left: table.left, rows: table.bodyRows, columns };
      case 'totals':
        return { top: bodyTop + table.bodyRows, left: table.left, rows: 1, columns };
      default:
        return {
          top: table.top,
          left: table.left,
          rows: 1 + table.bodyRows + (table.showTotals ? 1 : 0),
          columns,
        };
    }
  }

  static describe(rect: Rect): string {
    return rectAddress(rect);
  }
}

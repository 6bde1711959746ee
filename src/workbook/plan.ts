/**
 * A plan of one sheet: everything a writer needs to put it into a workbook, as plain data. The
 * Office.js adapter (src/excel/writePlan.ts) and the ExcelJS writer (src/xlsx/writePlan.ts) both
 * write plans; neither decides a layout or spells a formula of its own.
 *
 * Rows and columns are 0-based throughout, as Office.js's `getRangeByIndexes` counts them.
 * Formulas are spelled as Office.js writes them: a leading `=`, A1 references, and inside a table
 * column `[@Column]` for "this row" and `[Column]` for the whole column (the ExcelJS writer
 * qualifies them with the table's name, see `qualifyTableFormula`).
 */
import type { CalendarDate } from '../core';

/** A plain cell value; `null` is a blank cell. Text is always text (a writer keeps `007` and `=x` as typed). */
export type PlanValue = string | number | boolean | null;

/** A native formula with the result the engine worked out (files carry it for viewers that do not recalculate). */
export interface FormulaCell {
  formula: string;
  /** What the formula computes; `undefined` when the engine cannot know (e.g. a link to another file). */
  result?: PlanValue;
}

/** A calendar date (no time, no time zone): written as an Excel date serial. */
export interface DateCell {
  date: CalendarDate;
}

export type PlanCell = PlanValue | FormulaCell | DateCell;

/** A rectangle of cells, 0-based. */
export interface RangePlan {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** Number formats of a block; each row as wide as the block. */
export interface FormatBlock {
  top: number;
  left: number;
  formats: string[][];
}

/** One column of a table: a this-row formula (filled down by Excel) and what its totals row shows. */
export interface TableColumnPlan {
  name: string;
  /**
   * A this-row formula such as `=[@[Approved budget]]+SUMIFS(...)`: valid only inside a table,
   * so a writer creates the table first and then writes this into the column's body.
   */
  formula?: string;
  /** The totals row cell: a label (`Total`) or a formula over the column with its result. */
  total?: { label: string } | FormulaCell;
}

/** An Excel table whose header row is at (top, left), with `rows` body rows below it. */
export interface TablePlan {
  name: string;
  top: number;
  left: number;
  /** Body rows (at least 1: Excel has no empty table body). */
  rows: number;
  columns: TableColumnPlan[];
  /** Shows a totals row below the body (its cells come from each column's `total`). */
  totalsRow: boolean;
  /** Excel table style name, e.g. `TableStyleMedium2`; the host's default when absent. */
  style?: string;
}

/** A drop-down list or a number rule on a range, with the message shown when it is broken. */
export type ValidationPlan =
  | { range: RangePlan; list: readonly string[] }
  | {
      range: RangePlan;
      /** Decimal numbers of at least `min`. */
      decimalAtLeast: number;
      alert: { title: string; message: string };
    };

/** Colours cells whose text contains `text` (e.g. Overspend in red). */
export interface ConditionalFormatPlan {
  range: RangePlan;
  rules: readonly { text: string; fill: string }[];
}

/** Sheet protection (no password: it stops slips, not people). */
export interface ProtectionPlan {
  allowFormatColumns: boolean;
  allowAutoFilter: boolean;
  allowSort: boolean;
  allowInsertRows: boolean;
  allowDeleteRows: boolean;
}

/** Everything one sheet holds, as the add-in and the command line write it. */
export interface SheetPlan {
  name: string;
  /** Cells from A1: row r, column c is `cells[r][c]`; rows may be shorter than others (the rest stays blank). */
  cells: PlanCell[][];
  /** Number formats, written before the values so that text such as `007` stays text. */
  formats: FormatBlock[];
  tables: TablePlan[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  /** Ranges in bold (titles, header rows). */
  bold: RangePlan[];
  /** Ranges with a fill colour (`#RRGGBB`). */
  fills: { range: RangePlan; color: string }[];
  /** Ranges left unlocked when the sheet is protected (the cells a budget holder types in). */
  unlocked: RangePlan[];
  /** Column widths in characters, by 0-based column. */
  columnWidths: { column: number; characters: number }[];
  /** Rows kept in view at the top (0 = none). */
  freezeRows: number;
  protection?: ProtectionPlan;
  /** Hidden from the tab bar (anyone can unhide it). */
  hidden?: boolean;
  /** Charts of a block of this sheet (the Office.js writer draws them; files get the data only). */
  charts?: ChartPlan[];
}

/** A chart of a block of cells, series by column: clustered columns unless it says `line`. */
export interface ChartPlan {
  /** The chart's name in the sheet (e.g. `Phasing`). */
  name: string;
  /** `line` for a trend over periods; clustered columns when absent. */
  kind?: 'line';
  title: string;
  source: RangePlan;
  /** Top-left cell of the chart, e.g. `D2`. */
  position: string;
}

/**
 * An empty plan of a sheet, to fill in.
 *
 * @example
 * const plan = emptySheet('Checks'); plan.cells.push(['Severity', 'Rule']);
 */
export function emptySheet(name: string): SheetPlan {
  return {
    name,
    cells: [],
    formats: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    bold: [],
    fills: [],
    unlocked: [],
    columnWidths: [],
    freezeRows: 0,
  };
}

/**
 * A formula cell.
 *
 * @example
 * formula('=E5-F5', 0.2); // { formula: '=E5-F5', result: 0.2 }
 */
export function formula(text: string, result?: PlanValue): FormulaCell {
  return result === undefined ? { formula: text } : { formula: text, result };
}

/** Whether a plan cell is a formula. */
export function isFormulaCell(cell: PlanCell | undefined): cell is FormulaCell {
  return typeof cell === 'object' && cell !== null && 'formula' in cell;
}

/** Whether a plan cell is a date. */
export function isDateCell(cell: PlanCell | undefined): cell is DateCell {
  return typeof cell === 'object' && cell !== null && 'date' in cell;
}

/**
 * A rectangle, 0-based.
 *
 * @example
 * range(3, 0, 1, 7); // the header row of a forecast sheet
 */
export function range(top: number, left: number, rows: number, columns: number): RangePlan {
  return { top, left, rows, columns };
}

/**
 * How wide the widest row of a plan is.
 *
 * @example
 * planWidth(emptySheet('x')); // 0
 */
export function planWidth(plan: Pick<SheetPlan, 'cells'>): number {
  return plan.cells.reduce((widest, row) => Math.max(widest, row.length), 0);
}

/**
 * Puts a cell into a plan, padding the rows and columns before it with blanks.
 *
 * @example
 * setCell(plan, 0, 30, 'Phasing check');
 */
export function setCell(
  plan: Pick<SheetPlan, 'cells'>,
  row: number,
  column: number,
  cell: PlanCell,
): void {
  while (plan.cells.length <= row) plan.cells.push([]);
  const line = plan.cells[row];
  while (line.length < column) line.push(null);
  line[column] = cell;
}

/**
 * The table whose header, body or totals row holds (row, column), if any.
 *
 * @example
 * tableAt(plan.tables, 0, 0)?.name; // 'Programme'
 */
export function tableAt(
  tables: readonly TablePlan[],
  row: number,
  column: number,
): TablePlan | undefined {
  return tables.find(
    (t) =>
      row >= t.top &&
      row <= t.top + t.rows + (t.totalsRow ? 1 : 0) &&
      column >= t.left &&
      column < t.left + t.columns.length,
  );
}

/**
 * Plain values describing a grid of cells and the table recognised in it.
 */
import type { PeriodColumn } from '../calendar';
import type { MoneyUnit } from '../money/units';

/**
 * A block of cells as Office.js or ExcelJS return them: numbers, text (`''` is empty), booleans,
 * null/undefined, and anything else a host may hand over (error objects), which is read as bad data.
 */
export interface Grid {
  /** Worksheet name, copied onto every finding. */
  sheet?: string;
  values: readonly (readonly unknown[])[];
  /** Number format codes in the same shape as `values` (`0.0`, `#,##0.00`, `General`). */
  numberFormats?: readonly (readonly (string | undefined)[])[];
  /** 0-based sheet position of `values[0][0]`, so addresses are the sheet's own; default A1. */
  origin?: { row: number; column: number };
}

/** What a column holds, in the finance officer's terms. */
export type ColumnRole =
  | 'label'
  | 'ref'
  | 'status'
  | 'budget'
  | 'forecast'
  | 'actual'
  | 'variance'
  /** Additions or reductions to a budget (`Additions/Reductions to Programme`). */
  | 'additions'
  | 'all-years-budget'
  | 'all-years-forecast'
  | 'period'
  | 'phasing'
  /** Figures under a header that names no role (totals are still checked). */
  | 'amount'
  /** Words that no check reads (impact, comments). */
  | 'text'
  | 'blank';

/** Which budget a budget column holds; the current budget is revised, else approved, else original. */
export type BudgetKind = 'original' | 'approved' | 'revised';

/** One column of a recognised table. */
export interface RecognisedColumn {
  /** 0-based index into the grid's rows. */
  index: number;
  /** Column letters on the sheet (respecting the grid's origin), e.g. `C`. */
  letters: string;
  /** Header text; two header rows are joined with a space (`2016/17 Q1`). */
  header: string;
  role: ColumnRole;
  /** True when the column holds figures that the checks add up. */
  figures: boolean;
  budgetKind?: BudgetKind;
  /** The money unit its header declares (`Capital £m` -> `£m`). */
  unit?: MoneyUnit;
  /** The quarter or year a period column covers. */
  period?: PeriodColumn;
  /** Decimal places the figures are shown to: from the number format, else the figures themselves. */
  decimals?: number;
  /** A percentage column (`%` in its header or units row): figures that are never added up. */
  percent?: boolean;
}

/** What a row of the grid is. */
export type RowKind =
  /** Above the header (a title, a note). */
  | 'title'
  | 'header'
  /** A scheme: has figures, or a label and other text. */
  | 'detail'
  /** Text only, in the label column or left of it (`DELIVERED OR IN PROGRESS`). */
  | 'heading'
  /** No label, no figures, more words for the row above. */
  | 'continuation'
  /** `Total`, `Sub-total`, `Grand total`, `Total ICT Investment`... */
  | 'total'
  | 'blank';

/** A table found in a grid, with no prior knowledge of its layout. */
export interface RecognisedTable {
  sheet?: string;
  origin: { row: number; column: number };
  /** 0-based indexes of the header row(s) in `grid.values` (empty when the grid has no header). */
  headerRows: number[];
  /** 0-based index of the first row below the header. */
  firstDataRow: number;
  /** One entry per grid column (the widest row). */
  columns: RecognisedColumn[];
  /** One kind per grid row, indexed like `grid.values`. */
  rowKinds: RowKind[];
  /** Index of the column naming each scheme, when there is one. */
  labelColumn?: number;
}

/**
 * Types shared by the task pane and the Excel adapter. Plain values only: the pane renders
 * these and never touches Office.js itself.
 */
import type {
  Finding,
  MoneyUnit,
  Rag,
  RevisionKind,
  Severity,
  TableReading,
  VarianceConvention,
} from '../core';
import type {
  LineStatus,
  MonitoringLine,
  PeriodKind,
  PlannerSettings,
  ProgrammeField,
} from '../workbook';

// The domain's types, declared once in core and workbook; re-exported for the pane.
export type {
  MoneyUnit,
  PeriodKind,
  VarianceConvention,
  RevisionKind,
  Rag,
  ProgrammeField,
  PlannerSettings,
  MonitoringLine,
};
/** A Monitoring line's status: core's variance status, or no forecast yet. */
export type VarianceStatus = LineStatus;

/** How a long action is getting on, for a progress bar. */
export interface Progress {
  /** What is happening now, in the officer's words ("Writing quarters"). */
  stage: string;
  done: number;
  total: number;
}

/** What an action is about to replace; shown in the pane's confirm dialog. */
export interface OverwriteNotice {
  /** The action asking, e.g. "Phase schemes". */
  action: string;
  sheet: string;
  /** A1 address of the block that will be written. */
  address: string;
  /** How many non-empty cells will be replaced. */
  cellCount: number;
  /** Up to 5 of them: as they read now, and what they become. */
  examples: { cell: string; was: string; becomes?: string }[];
  /** One sentence for the dialog body. */
  message: string;
}

/** Asks the user; resolves true to go ahead. `alert`/`confirm` throw inside Office, so the pane supplies a dialog. */
export type ConfirmOverwrite = (notice: OverwriteNotice) => Promise<boolean>;

/** Options every writing action accepts. Without `confirm`, an action that would replace non-empty cells does nothing and says so. */
export interface RunOptions {
  confirm?: ConfirmOverwrite;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** Every action resolves to a value or a message; none rejects at the user. */
export type ActionResult<T> =
  { ok: true; value: T } | { ok: false; message: string; cancelled?: boolean };

/** Options for a new programme sheet. */
export interface SetUpOptions {
  /** First fiscal year, e.g. 2016 for 2016/17. */
  firstYear: number;
  /** Last fiscal year (inclusive), e.g. 2019 for 2019/20. */
  lastYear: number;
  periods: PeriodKind;
  unit: MoneyUnit;
  /** Fill with the 2016 ICT investment programme so a new user sees a working example. */
  withSample: boolean;
  /** Decimal places shown; default from settings (1 for £m). */
  decimals?: number;
}

export interface SetUpResult {
  sheet: string;
  table: 'Programme';
  rows: number;
  /** Period column headers, e.g. `2016/17 Q1`. */
  periodHeaders: string[];
}

/** One source column of a selection being brought in, and what it was recognised as. */
export interface ImportColumn {
  /** 0-based column within the selection. */
  index: number;
  /** Header text as written in the sheet. */
  header: string;
  /** What it becomes in the Programme table; `period` columns keep their label; `ignore` is dropped. */
  role: ProgrammeField | 'period' | 'markers' | 'ignore';
  /**
   * For `period` columns: the header label, e.g. `2016/17 Q1`; for `markers` columns (quarters
   * marked `Q1-4`, `✓` under a year, as printed tables do): the period they mark, e.g. `2016/17`.
   */
  periodLabel?: string;
}

/** What the pane shows for confirmation before a selection becomes the Programme table. */
export interface ImportPreview {
  sheet: string;
  /** Where the selection is, e.g. `Sheet1!A3:F20`. */
  address: string;
  /** 0-based header row within the selection. */
  headerRow: number;
  columns: ImportColumn[];
  /** Number of scheme rows that will be brought in (headings and totals left out). */
  schemeRows: number;
  /** Unit of the figures, read from the headers (e.g. "Capital £m"). */
  unit: MoneyUnit;
  /**
   * What the reader could not read or found wrong, each with its cell (`E5: Cannot read the
   * marker ...`): a table printed with quarter markers is read whole before it is brought in.
   */
  notes?: string[];
}

export interface ImportResult {
  sheet: string;
  rows: number;
}

export interface PhaseOptions extends RunOptions {
  /** Phase only the table rows that intersect the current selection. */
  onlySelected?: boolean;
}

/** A scheme row that could not be phased. */
export interface PhasingProblem {
  ref: string;
  scheme: string;
  /** A1 of its Phasing cell on the Programme sheet. */
  cell: string;
  message: string;
}

export interface PhaseResult {
  phased: number;
  /** Rows whose phasing is TBC (or blank): not yet phased. */
  unphased: PhasingProblem[];
  errors: PhasingProblem[];
}

export interface RevisionInput {
  ref: string;
  /** The date approved, as plain values. */
  date: { year: number; month: number; day: number };
  kind: RevisionKind;
  /** In the programme's unit. Additions positive; reductions may be given either sign; a virement out is negative. */
  amount: number;
  reason: string;
  reference: string;
  approvedBy?: string;
  /** For a re-profile: the fiscal year (2016 = 2016/17) the money moves out of, and into. */
  fromYear?: number;
  toYear?: number;
}

export interface RevisionResult {
  /** 1-based row of the new entry on the Revisions sheet. */
  row: number;
  /** The amount as recorded, with the sign its kind gives it. */
  signedAmount: number;
}

/** A scheme as the pane lists it in forms (revision, forecast). */
export interface SchemeSummary {
  ref: string;
  scheme: string;
  area: string;
  budgetHolder: string;
  approvedBudget: number | null;
}

/** One forecast sheet made for a budget holder. */
export interface ForecastSheet {
  holder: string;
  sheet: string;
  schemes: number;
  /** True when the sheet was already there and left as it was (it may hold forecasts). */
  kept?: boolean;
}

export interface ForecastSheetsResult {
  /** One per budget holder. */
  sheets: ForecastSheet[];
}

export interface MonitoringResult {
  sheet: 'Monitoring';
  schemes: MonitoringLine[];
  areas: MonitoringLine[];
  total: MonitoringLine;
}

export interface CheckReport {
  sheet: string;
  address: string;
  findings: Finding[];
  counts: Record<Severity, number>;
  /** What the check read: each column's role, the totals and relations it checked, what it skipped. */
  reading?: TableReading;
}

export interface ChartResult {
  sheet: string;
  chart: string;
  /** True when the chart was already there (it follows the figures) and was shown, not made again. */
  existing?: boolean;
}

/** The state of the add-in's sheets, for the pane's empty states and next steps. */
export interface WorkbookInfo {
  /** False when the workbook has no Programme table. */
  programme: boolean;
  /** Sheet of the Programme table. */
  sheet?: string;
  /** Rows with a Ref or a scheme name (a blank row is not a scheme). */
  schemes: number;
  /** Fiscal years of the Programme's period columns (2026 = 2026/27), when it has any. */
  firstYear?: number;
  lastYear?: number;
  /** Forecast sheets made for budget holders. */
  forecastSheets: number;
  /** True when a Monitoring sheet exists. */
  monitoring: boolean;
}

/** One change the add-in made in this session, newest first in `changeHistory()`. */
export interface ChangeRecord {
  label: string;
  /** True for the change "Undo last change" would undo now. */
  next: boolean;
  /** For a change that cannot be undone: what to do instead. */
  irreversible?: string;
}

export interface UndoInfo {
  /** The action that can be undone, e.g. "Phase schemes". */
  label: string;
}

export type { Finding, Severity };

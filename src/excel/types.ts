/**
 * Types shared by the task pane and the Excel adapter. Plain values only: the pane renders
 * these and never touches Office.js itself.
 */
import type {
  Finding,
  LedgerMapping,
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
  /** The dialog's question when it is not "Replace N filled cells on Sheet?" (moving a sheet on). */
  title?: string;
  /** The yes button's words when not "Replace". */
  confirmLabel?: string;
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
  /**
   * When the settings name the year and period monitored: that period, the in-year sheets added
   * for it, and the period the In-year monitoring sheet was moved on from.
   */
  monitoring?: {
    at: { year: number; period: number };
    added: string[];
    movedFrom?: { year: number; period: number };
  };
}

export interface MonitoringResult {
  sheet: 'Monitoring';
  schemes: MonitoringLine[];
  areas: MonitoringLine[];
  total: MonitoringLine;
  /**
   * When the workbook monitors the year (an In-year monitoring sheet): the period gathered at,
   * schemes updated, snapshots appended to the history (or refused, and why), problems.
   */
  inYear?: {
    at?: { year: number; period: number };
    updated: number;
    appended: number;
    refused: string[];
    problems: string[];
    /** Sheets added because the settings name a period the workbook did not monitor yet. */
    added?: string[];
    /** The period the In-year monitoring sheet was moved on from (to the settings' period). */
    movedFrom?: { year: number; period: number };
  };
}

export interface CheckReport {
  sheet: string;
  address: string;
  findings: Finding[];
  counts: Record<Severity, number>;
  /** What the check read: each column's role, the totals and relations it checked, what it skipped. */
  reading?: TableReading;
  /** The user's saved correction of the reading, as applied: `{ G: 'variance' }`, `G=variance`. */
  correction?: { columns: Record<string, string>; text: string };
  /** Why a saved correction was not applied (unreadable, another version's, no longer fits). */
  readingNotice?: string;
}

export interface ChartResult {
  sheet: string;
  chart: string;
  /** True when the chart was already there (it follows the figures) and was shown, not made again. */
  existing?: boolean;
  /** True when the chart was there and was brought up to the periods gathered since. */
  updated?: boolean;
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

/** A ledger export as rows of cells (header row first), from text or from a range of the workbook. */
export interface LedgerRows {
  /** Where it came from, in words: a file name, 'Pasted text', or `Ledger!A1:D40`. */
  source: string;
  /** The sheet it was read from, when it came from the workbook (problems then link to cells). */
  sheet?: string;
  rows: unknown[][];
  /** Sheet rows above the first row (0 for text), so problems name the sheet's own rows. */
  rowOffset: number;
  /** Sheet columns left of the first column (0 for text). */
  columnOffset?: number;
}

/** One row of a ledger that is unreadable, unknown or repeated, at its row. */
export interface LedgerRowProblem {
  kind: 'unknown-ref' | 'no-ref' | 'duplicate' | 'text-amount' | 'bad-amount' | 'bad-date';
  severity: Severity;
  /** 1-based row, as Excel numbers rows (the text's line for pasted text). */
  row: number;
  sheet?: string;
  cell?: string;
  message: string;
}

/** What bringing in a ledger would do, for the officer to check before anything is written. */
export interface ActualsPreview {
  source: string;
  /** The ledger's heading row. */
  header: string[];
  /** Which column is which: guessed from the headings unless the officer chose. */
  mapping: LedgerMapping;
  guessed: boolean;
  /** Unit of the ledger's amounts, and the programme's (Actuals are kept in the programme's). */
  ledgerUnit: MoneyUnit;
  unit: MoneyUnit;
  /** Lines for schemes in the programme, and their total in the programme's unit. */
  lines: number;
  total: string;
  /** Lines whose ref or cost code is not a scheme, and their total. */
  unknownRefs: number;
  unknownTotal: string;
  /** Lines repeating an earlier line of the same export. */
  repeats: number;
  /** Lines identical to one already in the Actuals sheet (the same export brought in twice). */
  alreadyIn: number;
  /** Rows that cannot be brought in (amount or date unreadable, or no ref or cost code). */
  unreadable: number;
  problems: LedgerRowProblem[];
  /** Whether the workbook already has an Actuals sheet. */
  actualsExist: boolean;
  /** The year of periods written without one (Settings), as a label. */
  year?: string;
}

/** The officer's choices for lines that are not plainly new lines of known schemes. */
export interface ActualsChoices {
  /** Lines for refs not in the programme: left out, or kept under their own ref (counting towards no scheme). */
  unknownRefs: 'leave-out' | 'bring-in';
  /** Lines repeating an earlier line of the export: both brought in, or the repeat left out. */
  repeats: 'leave-out' | 'bring-in';
  /** Lines already in the Actuals sheet: left out, or brought in again. */
  alreadyIn: 'leave-out' | 'bring-in';
}

/** What bringing in actuals did. */
export interface ActualsResult {
  sheet: string;
  added: number;
  /** 1-based rows of the Actuals sheet written. */
  firstRow: number;
  lastRow: number;
  /** Total added, in the programme's unit. */
  total: number;
  unit: MoneyUnit;
  /** The Actuals sheet was made by this action. */
  created: boolean;
  leftOut: { unknownRefs: number; repeats: number; alreadyIn: number; unreadable: number };
}

/** One cell closing the year changes, as the confirm dialog shows it. */
export interface RolloverCellChange {
  sheet: string;
  /** A1 address, e.g. `M3`. */
  cell: string;
  /** What the cell is, e.g. `CP-001 2016/17 Q4` or `monitoringYear`. */
  what: string;
  now: string;
  becomes: string;
}

/** One Revisions line closing the year adds. */
export interface RolloverLine {
  ref: string;
  kind: RevisionKind;
  amount: number;
  /** The year money moves out of and into (carry-forward re-profiles), e.g. `2016/17`. */
  fromYear?: string;
  toYear?: string;
  reason: string;
  reference: string;
}

/** Every change "Close the year" would make, shown before it is confirmed. */
export interface RolloverPreview {
  /** The year being closed, e.g. `2016/17`, and the year that becomes current. */
  closing: string;
  next: string;
  /** Lines appended to the Revisions log, in order. */
  lines: RolloverLine[];
  /** Programme cells (and settings) that change: old -> new. */
  cells: RolloverCellChange[];
  /** Schemes whose phasing changes. */
  schemes: number;
}

/** What "Close the year" did. */
export interface RolloverResult {
  preview: RolloverPreview;
  /** Where the new Revisions lines are, e.g. `Revisions!A12:K18`. */
  revisionsSheet: string;
  revisionsAddress: string;
}

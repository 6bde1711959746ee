/**
 * What the task pane asks of the workbook. The pane only ever talks to this interface: in Excel it
 * is backed by the Office.js adapter (`src/excel`, bridged in `excelActions.ts`), in component tests
 * by a plain object of fakes. Keeping React away from Office.js keeps both testable.
 *
 * Where the pane shows exactly what the adapter returns, it uses the adapter's own types and
 * defaults (`src/excel/types.ts`, `src/workbook/settings.ts`: plain values, no Office.js).
 * The types declared here differ on purpose: they carry what the pane adds (a summary, exact
 * decimals from the form) or leave out what it does not show.
 */
import type { Decimal, Finding, TableReading } from '../core';
import type { LedgerMapping } from '../core';
import type {
  ActualsChoices,
  ActualsPreview,
  ActualsResult,
  ChangeRecord,
  LedgerRows,
  ForecastSheet,
  ImportColumn,
  ImportPreview,
  MoneyUnit,
  PeriodKind,
  PlannerSettings,
  Rag,
  RevisionKind,
  RevisionResult,
  RolloverPreview,
  RolloverResult,
  VarianceConvention,
  VarianceStatus,
  WorkbookInfo,
} from '../excel/types';

export type {
  ActualsChoices,
  ActualsPreview,
  ActualsResult,
  LedgerMapping,
  LedgerRows,
  ChangeRecord,
  ForecastSheet,
  ImportColumn,
  ImportPreview,
  PeriodKind,
  Rag,
  RevisionKind,
  RolloverPreview,
  RolloverResult,
  VarianceConvention,
  VarianceStatus,
  WorkbookInfo,
};
export { DEFAULT_SETTINGS } from '../workbook';

/** Units the programme's money columns can be shown in (the pane offers £, £k and £m). */
export type PaneUnit = MoneyUnit;

/** Which schemes an action works on. */
export type SchemeScope = 'selected' | 'all';

/** What a check runs on. */
export type CheckScope = 'programme' | 'selection' | 'sheet';

/** Settings kept in the workbook so that they travel with it: the adapter's own shape. */
export type PaneSettings = PlannerSettings;

/** A question asked before cells that hold something are overwritten. */
export interface OverwriteQuestion {
  /** Short title, e.g. "Replace 24 filled cells?". */
  title: string;
  /** What will be replaced and how to get it back, e.g. "Programme!H2:W40 holds figures ...". */
  message: string;
  /** A few of the cells that would be replaced: as they read now, and what they would become. */
  examples?: { cell: string; was: string; becomes?: string }[];
  /** Label of the button that goes ahead (default "Replace"). */
  confirmLabel?: string;
}

/** How far a long action has got. */
export interface ActionProgress {
  /** 0..1, or undefined while the total is not known. */
  fraction?: number;
  /** What it is doing now, e.g. "Writing rows 1,001 to 2,000". */
  label?: string;
}

/** Handed to every action that changes the workbook. */
export interface ActionContext {
  /** Cancelled when the user presses Cancel: stop between batches and leave the workbook whole. */
  signal: AbortSignal;
  onProgress(progress: ActionProgress): void;
  /** Resolves true when the user agrees to overwrite non-empty cells (a Fluent dialog). */
  confirmOverwrite(question: OverwriteQuestion): Promise<boolean>;
}

/**
 * What an action returns. A problem in the user's data or a refusal is `ok: false` with a message
 * saying what to do; a failure of Excel itself is thrown and the pane shows it.
 */
export type Outcome<T = undefined> =
  | { ok: true; value: T; summary: string; undoable?: boolean }
  | { ok: false; message: string; cancelled?: boolean };

/** Options of "Set up a capital programme". */
export interface SetUpRequest {
  /** First fiscal year, as the calendar year it starts in (2024 = 2024/25). */
  firstYear: number;
  /** Last fiscal year, inclusive (2026 = 2026/27). */
  lastYear: number;
  periods: PeriodKind;
  unit: PaneUnit;
  /** Fill with a working example from the council ICT programme. */
  fillWithSample: boolean;
}

/** Every role a column of an imported table can play. */
export type ColumnRole = ImportColumn['role'];

/** A scheme row that could not be phased. */
export interface UnphasedScheme {
  ref: string;
  scheme: string;
  /** Where its phasing phrase is, e.g. `Programme!I12`. */
  sheet?: string;
  cell?: string;
  /** Why, in a finance officer's words (absent for plain `TBC`). */
  message?: string;
}

/** Result of phasing. */
export interface PhaseReport {
  phased: number;
  /** Rows whose phasing is `TBC` (not yet phased). */
  unphased: UnphasedScheme[];
  /** Rows whose phrase or budget could not be read. */
  errors: UnphasedScheme[];
}

/** A scheme the user can revise. */
export interface SchemeChoice {
  ref: string;
  scheme: string;
  area?: string;
  budgetHolder?: string;
  /** Approved budget in the programme's unit, when there is one. */
  approvedBudget?: number | null;
}

/** A budget revision as entered in the form. */
export interface RevisionInput {
  ref: string;
  date: { year: number; month: number; day: number };
  kind: RevisionKind;
  /** Exact, in the programme's unit; additions positive, a virement out negative. */
  amount: Decimal;
  reason: string;
  reference: string;
  approvedBy: string;
  /** For a re-profile: the financial year the money moves out of (2026 = 2026/27) and into. */
  fromYear?: number;
  toYear?: number;
}

/** Result of recording a revision: its row on the Revisions sheet and the amount as signed. */
export type RevisionReceipt = RevisionResult;

/** A scheme whose forecast is off target, for the summary list. */
export interface OffTargetScheme {
  ref?: string;
  name: string;
  status: VarianceStatus;
  rag?: Rag;
  /** Variance in the programme's unit (sign per the convention setting). */
  variance: number | null;
}

/** How many schemes fall into each status and rating after gathering forecasts. */
export interface MonitoringSummary {
  /** The sheet written, `Monitoring`. */
  sheet: string;
  schemes: number;
  byStatus: Record<VarianceStatus, number>;
  byRag: Record<Rag, number>;
  /**
   * Totals like with like: budget, forecast and variance of the schemes that have a forecast
   * (null when none has), in the programme's unit.
   */
  totalBudget: number;
  totalForecast: number | null;
  totalVariance: number | null;
  /** How many schemes the totals cover, and how many have no forecast yet. */
  withForecast: number;
  missingForecast: number;
  /** Budget of the whole programme, forecast or not. */
  programmeBudget: number;
  /** Schemes over or under by more than the thresholds, worst first. */
  offTarget: OffTargetScheme[];
  /** When the workbook monitors the year: what the gathering did to the in-year sheets. */
  inYear?: InYearSummary;
}

/** A problem in words, with the cell it is about when it names one. */
export interface InYearProblem {
  text: string;
  sheet?: string;
  cell?: string;
}

/** What Gather did to the In-year monitoring and Monitoring history sheets. */
export interface InYearSummary {
  /** The period gathered at, e.g. `2016/17 P3` (unknown when the sheet could not be read). */
  period?: string;
  /** Schemes whose in-year line took a returned figure. */
  updated: number;
  /** Snapshots added to the Monitoring history, and why others were refused. */
  appended: number;
  refused: string[];
  problems: InYearProblem[];
  /** Sheets added for the period (a workbook that did not monitor it yet). */
  added: string[];
  /** The period the In-year monitoring sheet was moved on from, e.g. `2016/17 P3`. */
  movedFrom?: string;
}

/** Result of a check. */
export interface CheckReport {
  sheet: string;
  /** What was checked, e.g. `Programme!A1:W40`. */
  address: string;
  findings: Finding[];
  /** How the checked table was read (issue 12), when the adapter gives it. */
  reading?: TableReading;
  /** The user's saved correction of the reading, as applied: `{ G: 'variance' }`, `G=variance`. */
  correction?: { columns: Record<string, string>; text: string };
  /** Why a saved correction was not applied (unreadable, another version's, no longer fits). */
  readingNotice?: string;
}

/** Native charts the pane can add. */
export type ChartKind = 'phasing' | 'budget-forecast' | 'trend';

/** A ledger read for bringing in actuals, with the unit its amounts are in. */
export interface LedgerRequest {
  ledger: LedgerRows;
  /** The officer's mapping; guessed from the headings when absent. */
  mapping?: LedgerMapping;
  ledgerUnit: PaneUnit;
}

/** Everything the pane can ask of the workbook. */
export interface PaneActions {
  setUpProgramme(
    request: SetUpRequest,
    context: ActionContext,
  ): Promise<Outcome<{ sheet: string; rows: number; periodHeaders: string[] }>>;
  previewImport(context: ActionContext): Promise<Outcome<ImportPreview>>;
  importProgramme(
    preview: ImportPreview,
    context: ActionContext,
  ): Promise<Outcome<{ rows: number; sheet: string }>>;
  phase(scope: SchemeScope, context: ActionContext): Promise<Outcome<PhaseReport>>;
  listSchemes(): Promise<Outcome<SchemeChoice[]>>;
  recordRevision(
    revision: RevisionInput,
    context: ActionContext,
  ): Promise<Outcome<RevisionReceipt>>;
  generateForecastSheets(context: ActionContext): Promise<Outcome<ForecastSheet[]>>;
  gatherForecasts(context: ActionContext): Promise<Outcome<MonitoringSummary>>;
  check(scope: CheckScope, context: ActionContext): Promise<Outcome<CheckReport>>;
  /**
   * Saves the user's reading of a sheet's columns (`{ G: 'variance', H: 'E-D' }`; `{}` forgets
   * it), then checks again with it. Undoable.
   */
  correctReading(
    scope: CheckScope,
    sheet: string,
    columns: Readonly<Record<string, string>>,
    context: ActionContext,
  ): Promise<Outcome<CheckReport>>;
  selectCell(sheet: string | undefined, cell: string): Promise<Outcome>;
  highlightFindings(findings: readonly Finding[], context: ActionContext): Promise<Outcome<number>>;
  clearHighlights(context: ActionContext): Promise<Outcome<number>>;
  writeChecksSheet(
    findings: readonly Finding[],
    context: ActionContext,
  ): Promise<Outcome<{ sheet: string }>>;
  createChart(kind: ChartKind, context: ActionContext): Promise<Outcome<{ sheet: string }>>;
  /** Reads the selected range as a ledger export (headings first). */
  readLedgerSelection(context: ActionContext): Promise<Outcome<LedgerRows>>;
  /** What bringing in the ledger would do, row by row; changes nothing. */
  previewActuals(request: LedgerRequest, context: ActionContext): Promise<Outcome<ActualsPreview>>;
  /** Appends the ledger's lines to Actuals after the officer's choices (all-or-nothing, undoable). */
  bringInActuals(
    request: LedgerRequest,
    choices: ActualsChoices,
    context: ActionContext,
  ): Promise<Outcome<ActualsResult>>;
  /** What closing the year would change (Revisions lines, Programme cells); changes nothing. */
  previewRollover(context: ActionContext): Promise<Outcome<RolloverPreview>>;
  /** Closes the year after the confirm dialog: all-or-nothing and undoable. */
  closeTheYear(context: ActionContext): Promise<Outcome<RolloverResult>>;
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings, context: ActionContext): Promise<Outcome>;
  /** Description of the change "Undo last change" would revert, or undefined when there is none. */
  lastChange(): Promise<string | undefined>;
  /** The add-in's changes in this session, newest first, each named. */
  changeHistory(): Promise<ChangeRecord[]>;
  /** Is there a Programme, how many schemes and years, forecast sheets, Monitoring. */
  describeWorkbook(): Promise<WorkbookInfo>;
  undoLastChange(context: ActionContext): Promise<Outcome<string>>;
}

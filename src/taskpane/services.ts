/**
 * What the task pane asks of the workbook. The pane only ever talks to this interface: in Excel it
 * is backed by the Office.js adapter (`src/excel`, bridged in `excelActions.ts`), in component tests
 * by a plain object of fakes. Keeping React away from Office.js keeps both testable.
 */
import type { Finding } from '../core/findings';
import type { Decimal } from '../core/money/decimal';

/** Units the programme's money columns can be shown in (the pane offers £, £k and £m). */
export type PaneUnit = '£' | '£k' | '£m' | '£bn';

/** Columns per fiscal quarter or per fiscal year. */
export type PeriodKind = 'quarter' | 'year';

/** Which schemes an action works on. */
export type SchemeScope = 'selected' | 'all';

/** What a check runs on. */
export type CheckScope = 'programme' | 'selection' | 'sheet';

/** The four ways a budget changes during the year (DOMAIN.md, "Budget revisions"). */
export type RevisionKind = 'addition' | 'reduction' | 'virement' | 're-profile';

/** How variance is signed: budget - forecast (the default) or forecast - budget. */
export type VarianceConvention = 'budget-minus-forecast' | 'forecast-minus-budget';

/** The status a monitoring row gets from the variance thresholds. */
export type VarianceStatus = 'On target' | 'Underspend' | 'Overspend' | 'No forecast';

/** Red / amber / green rating. */
export type Rag = 'Green' | 'Amber' | 'Red';

/** Settings kept in the workbook so that they travel with it (same shape as the adapter's). */
export interface PaneSettings {
  /** First month of the fiscal year, 1 = January .. 12 = December (4 = April, UK public sector). */
  fiscalYearStartMonth: number;
  unit: PaneUnit;
  /** Decimal places the programme shows (and rounds to when phasing). */
  decimals: number;
  /** Flag a variance above this amount, in `unit`; null for no absolute threshold. */
  thresholdAbsolute: number | null;
  /** Flag a variance above this percentage of budget (10 means 10%); null for none. */
  thresholdPercent: number | null;
  /** RAG: Amber above this percentage of budget. */
  amberPercent: number;
  /** RAG: Red above this percentage of budget. */
  redPercent: number;
  convention: VarianceConvention;
}

/** The settings shown until the workbook's own have been read (a UK council in £m to 0.1). */
export const DEFAULT_SETTINGS: PaneSettings = {
  fiscalYearStartMonth: 4,
  unit: '£m',
  decimals: 1,
  thresholdAbsolute: 0.1,
  thresholdPercent: 10,
  amberPercent: 5,
  redPercent: 10,
  convention: 'budget-minus-forecast',
};

/** A question asked before cells that hold something are overwritten. */
export interface OverwriteQuestion {
  /** Short title, e.g. "Replace 24 filled cells?". */
  title: string;
  /** What will be replaced and how to get it back, e.g. "Programme!H2:W40 holds figures ...". */
  message: string;
  /** A few of the cells that would be replaced, as they read now. */
  examples?: { cell: string; was: string }[];
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
export type ColumnRole =
  | 'ref'
  | 'status'
  | 'area'
  | 'scheme'
  | 'description'
  | 'impact'
  | 'approvedBudget'
  | 'revisedBudget'
  | 'phasing'
  | 'profile'
  | 'fundingSource'
  | 'budgetHolder'
  | 'period'
  | 'ignore';

/** One column of the selected range as the engine recognised it. */
export interface ImportColumn {
  /** 0-based position within the selected range. */
  index: number;
  /** Header text as written in the sheet. */
  header: string;
  role: ColumnRole;
  /** For quarter or year columns: the label it gets, e.g. `2016/17 Q1`. */
  periodLabel?: string;
}

/** The selected range and what the engine made of it (the user may change column roles). */
export interface ImportPreview {
  sheet: string;
  /** Where the range is, e.g. `Sheet1!A3:F20`. */
  address: string;
  /** 0-based header row within the range. */
  headerRow: number;
  columns: ImportColumn[];
  /** Scheme rows that will be brought in (headings and totals left out). */
  schemeRows: number;
  /** Unit of the figures, read from the headers (e.g. "Capital £m"). */
  unit: PaneUnit;
}

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
}

/** Result of recording a revision. */
export interface RevisionReceipt {
  /** 1-based row of the new entry on the Revisions sheet. */
  row: number;
  /** The amount as recorded, with the sign its kind gives it. */
  signedAmount: number;
}

/** One forecast sheet made for a budget holder. */
export interface ForecastSheet {
  holder: string;
  sheet: string;
  schemes: number;
}

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
  /** Total budget, forecast and variance of the programme, in its unit. */
  totalBudget: number;
  totalForecast: number | null;
  totalVariance: number | null;
  /** Schemes over or under by more than the thresholds, worst first. */
  offTarget: OffTargetScheme[];
}

/** Result of a check. */
export interface CheckReport {
  sheet: string;
  /** What was checked, e.g. `Programme!A1:W40`. */
  address: string;
  findings: Finding[];
}

/** Native charts the pane can add. */
export type ChartKind = 'phasing' | 'budget-forecast';

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
  selectCell(sheet: string | undefined, cell: string): Promise<Outcome>;
  highlightFindings(findings: readonly Finding[], context: ActionContext): Promise<Outcome<number>>;
  clearHighlights(context: ActionContext): Promise<Outcome<number>>;
  writeChecksSheet(
    findings: readonly Finding[],
    context: ActionContext,
  ): Promise<Outcome<{ sheet: string }>>;
  createChart(kind: ChartKind, context: ActionContext): Promise<Outcome<{ sheet: string }>>;
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings, context: ActionContext): Promise<Outcome>;
  /** Description of the change "Undo last change" would revert, or undefined when there is none. */
  lastChange(): Promise<string | undefined>;
  undoLastChange(context: ActionContext): Promise<Outcome<string>>;
}

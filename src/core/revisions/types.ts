/**
 * Plain values for a scheme's budget revisions: the bridge from original to revised budget.
 */
import type { CalendarDate, FiscalYear } from '../calendar';
import type { Decimal } from '../money/decimal';

/**
 * What kind of change a revision is. An `addition` (new grant, s106 money) or a `reduction`
 * changes the scheme's all-years budget; a `virement` moves budget between schemes and must be
 * matched by the opposite virement elsewhere; a `re-profile` moves budget between years and leaves
 * the all-years total unchanged.
 */
export type RevisionKind = 'addition' | 'reduction' | 'virement' | 're-profile';

/** Every kind, in the order a form offers them. */
export const REVISION_KINDS: readonly RevisionKind[] = [
  'addition',
  'reduction',
  'virement',
  're-profile',
];

/** How much a re-profile moves into (+) or out of (-) one fiscal year. */
export interface YearAmount {
  year: FiscalYear;
  amount: Decimal;
}

/** Where a revision or a stated figure sits in the workbook, for findings one click from the cell. */
export interface SourceCell {
  sheet?: string;
  cell?: string;
}

/** One dated change to a scheme's budget, as recorded in the append-only Revisions table. */
export interface BudgetRevision {
  /** Ref of the scheme the change applies to (the Programme's Ref column). */
  ref: string;
  date: CalendarDate;
  kind: RevisionKind;
  /**
   * The change. Additions: positive (a negative addition is warned about). Reductions: either
   * sign, always reduces. Virements: + in, - out. Re-profiles: the change to the all-years budget,
   * which must be 0 (the years moved go in `yearAmounts`).
   */
  amount: Decimal;
  reason: string;
  /** Approval reference, e.g. a Cabinet report or delegated decision number. */
  reference: string;
  approvedBy?: string;
  /** For a re-profile: amounts moved into (+) and out of (-) each year; they must add up to 0. */
  yearAmounts?: readonly YearAmount[];
  source?: SourceCell;
}

/** A scheme's original budget and, when the programme prints them, its stated revised figures. */
export interface SchemeBudget {
  ref: string;
  /** Scheme name, used in messages. */
  name?: string;
  originalBudget: Decimal;
  /** Revised budget as printed in the programme or report. */
  statedRevised?: Decimal;
  /** Decimal places the revised budget is printed to; default: the figures' own. */
  revisedDecimals?: number;
  /** Where the stated revised budget is. */
  revisedSource?: SourceCell;
  /** Percentage change as stated in a report: 6.6 means "a 6.6% increase", -2 a 2% decrease. */
  statedChangePercent?: number;
  /** Decimal places the percentage is printed to (6.60% is 2); default: the number's own. */
  percentDecimals?: number;
  percentSource?: SourceCell;
}

/** One line of a budget bridge. */
export interface BridgeStep {
  revision: BudgetRevision;
  /** Signed effect on the budget (a reduction of 0.2 is -0.2). */
  change: Decimal;
  /** Budget after this change. */
  balance: Decimal;
}

/** A scheme's budget bridge: original, each dated change with its running balance, revised. */
export interface BudgetBridge {
  originalBudget: Decimal;
  steps: BridgeStep[];
  revisedBudget: Decimal;
}

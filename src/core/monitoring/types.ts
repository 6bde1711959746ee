/**
 * Plain values for capital monitoring: budget against forecast outturn.
 */
import type { Decimal } from '../money/decimal';

/**
 * How a variance is signed. `budget-minus-forecast` (the default, and the usual UK council print):
 * a positive variance is an underspend. `forecast-minus-budget`: a positive variance is an overspend.
 */
export type VarianceConvention = 'budget-minus-forecast' | 'forecast-minus-budget';

/** The convention used when neither the user nor the data says otherwise. */
export const DEFAULT_CONVENTION: VarianceConvention = 'budget-minus-forecast';

/** Whether a scheme's forecast is within the council's thresholds, and if not which way it is out. */
export type VarianceStatus = 'On target' | 'Underspend' | 'Overspend';

/** Every status, in the order a summary shows them. */
export const VARIANCE_STATUSES: readonly VarianceStatus[] = [
  'On target',
  'Underspend',
  'Overspend',
];

/**
 * The variance thresholds of the council's financial rules. A variance is flagged when it is MORE
 * than either threshold; a threshold left out is not applied; with both left out any non-zero
 * variance is flagged.
 */
export interface VarianceThresholds {
  /** In the same unit as the budget, e.g. 100000 for £100k when figures are in £. */
  absolute?: Decimal;
  /** Percentage of the budget: 10 means 10%. */
  percent?: number;
}

/** A red / amber / green rating of how far a scheme is forecast to overspend. */
export type Rag = 'Green' | 'Amber' | 'Red';

/** Every rating, in the order a summary shows them. */
export const RAGS: readonly Rag[] = ['Green', 'Amber', 'Red'];

/**
 * RAG limits as percentages of budget overspent (10 means 10%): Amber when the overspend is more
 * than `amberPercent`, Red when it is more than `redPercent`. A tolerance of "up to 120% of the
 * approved estimate" is `redPercent: 20`.
 */
export interface RagLimits {
  amberPercent: number;
  redPercent: number;
}

/** One scheme on a monitoring sheet. */
export interface MonitoringRow {
  /** Group the scheme is summarised under (area for investment, directorate, status). */
  area?: string;
  scheme?: string;
  approvedBudget: Decimal;
  /** When present it is the current budget, replacing the approved one. */
  revisedBudget?: Decimal;
  forecastOutturn: Decimal;
}

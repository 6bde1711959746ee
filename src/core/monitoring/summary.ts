/**
 * Per-area and overall totals for the Monitoring sheet and the task pane summary.
 */
import { type Decimal, ZERO, add } from '../money/decimal';
import { ragRating } from './rag';
import { varianceStatus } from './status';
import {
  DEFAULT_CONVENTION,
  RAGS,
  VARIANCE_STATUSES,
  type MonitoringRow,
  type Rag,
  type RagLimits,
  type VarianceConvention,
  type VarianceStatus,
  type VarianceThresholds,
} from './types';
import { currentBudget, variance } from './variance';

/** How schemes are rated in a summary. */
export interface MonitoringOptions {
  /** The council's thresholds; left out, any non-zero variance is flagged. */
  thresholds?: VarianceThresholds;
  /** Sign of the variance totals; default budget - forecast. */
  convention?: VarianceConvention;
  /** When given, schemes are also counted by RAG. */
  rag?: RagLimits;
}

/** Totals of a group of schemes (one area, or the whole programme). */
export interface MonitoringTotals {
  /** Area name; `All areas` for the overall totals. */
  area: string;
  schemes: number;
  /** Sum of current budgets (revised where present, else approved). */
  budget: Decimal;
  forecastOutturn: Decimal;
  /** budget vs forecast in the chosen convention. */
  variance: Decimal;
  /** Schemes by status, each scheme rated on its own figures. */
  byStatus: Record<VarianceStatus, number>;
  /** Schemes by RAG, when RAG limits were given. */
  byRag?: Record<Rag, number>;
}

/** Totals per area, in the order areas first appear, and for the whole programme. */
export interface MonitoringSummary {
  areas: MonitoringTotals[];
  overall: MonitoringTotals;
}

/** Label for schemes with a blank area. */
export const NO_AREA = 'No area';

/** Label of the overall totals. */
export const ALL_AREAS = 'All areas';

function emptyTotals(area: string, withRag: boolean): MonitoringTotals {
  const totals: MonitoringTotals = {
    area,
    schemes: 0,
    budget: ZERO,
    forecastOutturn: ZERO,
    variance: ZERO,
    byStatus: Object.fromEntries(VARIANCE_STATUSES.map((s) => [s, 0])) as Record<
      VarianceStatus,
      number
    >,
  };
  if (withRag) totals.byRag = Object.fromEntries(RAGS.map((r) => [r, 0])) as Record<Rag, number>;
  return totals;
}

/**
 * Summarises a monitoring sheet: per area and overall, the exact totals of budget, forecast and
 * variance, and how many schemes are on target, underspent, overspent (and Green/Amber/Red).
 * Each scheme is rated on its own figures; totals never round.
 *
 * @example
 * summariseMonitoring(
 *   [{ area: 'ICT', approvedBudget: fromNumber(2.6), forecastOutturn: fromNumber(2.9) }],
 *   { thresholds: { percent: 10 }, rag: { amberPercent: 5, redPercent: 20 } },
 * ).overall; // { schemes: 1, budget: 2.6, forecastOutturn: 2.9, variance: -0.3, byStatus: { Overspend: 1, ... }, byRag: { Amber: 1, ... } }
 */
export function summariseMonitoring(
  rows: readonly MonitoringRow[],
  options: MonitoringOptions = {},
): MonitoringSummary {
  const thresholds = options.thresholds ?? {};
  const convention = options.convention ?? DEFAULT_CONVENTION;
  const withRag = options.rag !== undefined;
  const areas = new Map<string, MonitoringTotals>();
  const overall = emptyTotals(ALL_AREAS, withRag);
  for (const row of rows) {
    const name = row.area?.trim() || NO_AREA;
    let group = areas.get(name);
    if (!group) {
      group = emptyTotals(name, withRag);
      areas.set(name, group);
    }
    const budget = currentBudget(row.approvedBudget, row.revisedBudget);
    const status = varianceStatus(budget, row.forecastOutturn, thresholds);
    const rag = options.rag
      ? ragRating(budget, row.forecastOutturn, options.rag.amberPercent, options.rag.redPercent)
      : undefined;
    for (const totals of [group, overall]) {
      totals.schemes++;
      totals.budget = add(totals.budget, budget);
      totals.forecastOutturn = add(totals.forecastOutturn, row.forecastOutturn);
      totals.byStatus[status]++;
      if (rag && totals.byRag) totals.byRag[rag]++;
    }
  }
  for (const totals of [...areas.values(), overall])
    totals.variance = variance(totals.budget, totals.forecastOutturn, convention);
  return { areas: [...areas.values()], overall };
}

/**
 * One scheme's line of an in-year capital monitoring report: the current year and the whole life
 * side by side, slippage kept apart from real under/overspend, flagged on the council's thresholds.
 */
import { DEFAULT_START_MONTH, type Month } from '../calendar';
import { type Decimal, ZERO, add, subtract } from '../money/decimal';
import type { BudgetRevision } from '../revisions/types';
import { inYearBudget, yearBudgetsOf, type PhasedColumnAmount } from './inYearBudget';
import { isByEndOf, type MonitoringPeriod } from './period';
import { profiledToDate, revisedProfiledToDate } from './profiledToDate';
import { ragRating } from './rag';
import { splitVariance } from './slippage';
import { breachedThresholds, varianceStatus } from './status';
import type { Rag, RagLimits, VarianceStatus, VarianceThresholds } from './types';

/** What is known of a scheme at a period: its phasing, revisions, actuals and budget holder's return. */
export interface SchemeAtPeriod {
  ref: string;
  name?: string;
  area?: string;
  /** The approved phased budget (the Programme's or Phasing sheet's quarter or year columns). */
  approvedPhasing: readonly PhasedColumnAmount[];
  /**
   * Budget not yet phased to any year (a `TBC` scheme): part of the all-years budget, in no year's.
   * Left out, the all-years budget is the phased total (regression: the demo's TBC scheme showed
   * its whole budget as slippage and overspend).
   */
  unphasedBudget?: Decimal;
  /** The scheme's lines of the Revisions log; those dated after the period are left out. */
  revisions?: readonly Pick<BudgetRevision, 'kind' | 'amount' | 'date' | 'yearAmounts'>[];
  /** Actual spend to date from the Actuals table (see `actualToDate`). */
  actualToDate: Decimal;
  /** The budget holder's forecast outturn for the year. */
  inYearForecast: Decimal;
  /** The budget holder's forecast over the scheme's whole life; left out, the all-years budget. */
  allYearsForecast?: Decimal;
  explanation?: string;
}

/** The council's settings for a monitoring report. */
export interface InYearSettings {
  at: MonitoringPeriod;
  /** Variance thresholds of the financial rules; left out, any variance is flagged. */
  thresholds?: VarianceThresholds;
  /** RAG limits on the all-years overspend; default amber 5%, red 20%. */
  rag?: RagLimits;
  startMonth?: Month;
  /** Rounding of a part-way profiled column (default 2). */
  decimals?: number;
}

/** One scheme's line of the report. Variances are budget - forecast (positive = underspend). */
export interface InYearMonitoringRow {
  ref: string;
  name?: string;
  area?: string;
  inYearApproved: Decimal;
  inYearRevised: Decimal;
  profiledToDate: Decimal;
  actualToDate: Decimal;
  inYearForecast: Decimal;
  /** inYearRevised - inYearForecast. */
  inYearVariance: Decimal;
  /** Spend moved into later years: inYearVariance - allYearsVariance. */
  slippage: Decimal;
  /** Real underspend (+) or overspend (-): allYearsVariance. slippage + this = inYearVariance. */
  underOverspend: Decimal;
  allYearsBudget: Decimal;
  allYearsForecast: Decimal;
  allYearsVariance: Decimal;
  /** Flag of the in-year variance on the thresholds. */
  status: VarianceStatus;
  /** RAG of the all-years forecast against the all-years budget. */
  rag: Rag;
  /** True when the in-year or all-years variance is over a threshold. */
  explanationRequired: boolean;
  explanation: string;
}

/** Amber above 5% overspend, red above 20% ("up to 120% of the approved estimate"). */
export const DEFAULT_RAG_LIMITS: RagLimits = { amberPercent: 5, redPercent: 20 };

/**
 * A scheme's monitoring line at a period, exact: in-year approved and revised budget from its
 * phasing and revisions, budget profiled to date, actual to date, forecast, variance split into
 * slippage and real under/overspend (which add up to the variance exactly), all-years budget,
 * forecast and variance, flag, RAG and whether an explanation is needed.
 *
 * @example
 * monitorScheme({ ref: 'ICT-01', approvedPhasing, actualToDate: fromNumber(1.1),
 *   inYearForecast: fromNumber(2.0), allYearsForecast: fromNumber(9.4) },
 *   { at: { year: 2019, period: 8 }, thresholds: { percent: 10 } });
 */
export function monitorScheme(
  scheme: SchemeAtPeriod,
  settings: InYearSettings,
): InYearMonitoringRow {
  const startMonth = settings.startMonth ?? DEFAULT_START_MONTH;
  const decimals = settings.decimals ?? 2;
  const thresholds = settings.thresholds ?? {};
  const limits = settings.rag ?? DEFAULT_RAG_LIMITS;
  const approved = yearBudgetsOf(scheme.approvedPhasing);
  // A revision counts from its date: one approved after the period is not in this report.
  const revisions = (scheme.revisions ?? []).filter((revision) =>
    isByEndOf(revision.date, settings.at, startMonth),
  );
  const budget = inYearBudget(approved, revisions, settings.at.year, startMonth);
  const approvedToDate = profiledToDate(scheme.approvedPhasing, settings.at, decimals);
  return monitoringRowOf(
    {
      ref: scheme.ref,
      name: scheme.name,
      area: scheme.area,
      inYearApproved: budget.inYearApproved,
      inYearRevised: budget.inYearRevised,
      profiledToDate: revisedProfiledToDate(
        budget.inYearRevised,
        budget.inYearApproved,
        approvedToDate,
        settings.at,
        decimals,
      ),
      actualToDate: scheme.actualToDate,
      inYearForecast: scheme.inYearForecast,
      allYearsBudget: add(budget.allYearsRevised, scheme.unphasedBudget ?? ZERO),
      allYearsForecast: scheme.allYearsForecast,
      explanation: scheme.explanation,
    },
    { thresholds, rag: limits },
  );
}

/** A scheme's figures as a monitoring sheet holds them, before variances are worked out. */
export type MonitoringFigures = Pick<
  InYearMonitoringRow,
  | 'ref'
  | 'name'
  | 'area'
  | 'inYearApproved'
  | 'inYearRevised'
  | 'profiledToDate'
  | 'actualToDate'
  | 'inYearForecast'
  | 'allYearsBudget'
> &
  /** The all-years forecast left out is the all-years budget. */
  Partial<Pick<InYearMonitoringRow, 'allYearsForecast' | 'explanation'>>;

/**
 * A scheme's monitoring line from its budgets and forecasts: variances, slippage apart from real
 * under/overspend, flag, RAG and whether an explanation is needed. Used when a gathering brings a
 * new forecast for a line whose budgets are already on the sheet.
 *
 * @example
 * monitoringRowOf({ ref: 'ICT-01', inYearApproved: d(3), inYearRevised: d(3), profiledToDate: d(2),
 *   actualToDate: d(1.8), inYearForecast: d(2.6), allYearsBudget: d(9), allYearsForecast: d(9) },
 *   { thresholds: { percent: 10 } }).slippage; // 0.4
 */
export function monitoringRowOf(
  figures: MonitoringFigures,
  settings: Pick<InYearSettings, 'thresholds' | 'rag'> = {},
): InYearMonitoringRow {
  const thresholds = settings.thresholds ?? {};
  const limits = settings.rag ?? DEFAULT_RAG_LIMITS;
  const { allYearsBudget, inYearRevised, inYearForecast } = figures;
  const allYearsForecast = figures.allYearsForecast ?? allYearsBudget;
  const split = splitVariance({
    inYearBudget: inYearRevised,
    inYearForecast,
    allYearsBudget,
    allYearsForecast,
  });
  const inYearBreach = breachedThresholds(inYearRevised, inYearForecast, thresholds);
  const allYearsBreach = breachedThresholds(allYearsBudget, allYearsForecast, thresholds);
  const row: InYearMonitoringRow = {
    ref: figures.ref,
    inYearApproved: figures.inYearApproved,
    inYearRevised,
    profiledToDate: figures.profiledToDate,
    actualToDate: figures.actualToDate,
    inYearForecast,
    inYearVariance: subtract(inYearRevised, inYearForecast),
    slippage: split.slippage,
    underOverspend: split.underspend,
    allYearsBudget,
    allYearsForecast,
    allYearsVariance: subtract(allYearsBudget, allYearsForecast),
    status: varianceStatus(inYearRevised, inYearForecast, thresholds),
    rag: ragRating(allYearsBudget, allYearsForecast, limits.amberPercent, limits.redPercent),
    explanationRequired: inYearBreach.flagged || allYearsBreach.flagged,
    explanation: figures.explanation?.trim() ?? '',
  };
  if (figures.name !== undefined) row.name = figures.name;
  if (figures.area !== undefined) row.area = figures.area;
  return row;
}

/**
 * Recognising a table's variance sign convention from its own rows.
 */
import {
  type Decimal,
  MAX_SCALE,
  abs,
  add,
  compare,
  decimal,
  multiplyByInteger,
  subtract,
} from '../money/decimal';
import { assertContract } from '../errors';
import type { VarianceConvention } from './types';

/** A row's printed figures: budget, forecast and the variance printed beside them. */
export interface ConventionRow {
  budget: Decimal;
  forecast: Decimal;
  variance: Decimal;
}

/** What the rows say about the sign convention. */
export interface ConventionEvidence {
  /** The convention that fits more rows, or undefined when no row tells them apart (or a tie). */
  convention?: VarianceConvention;
  /** Rows that fit budget - forecast only. */
  budgetMinusForecast: number;
  /** Rows that fit forecast - budget only. */
  forecastMinusBudget: number;
  /** Rows that fit both (budget and forecast equal within rounding): no evidence either way. */
  either: number;
  /** Rows that fit neither: their variance is wrong whatever the convention (a variance-mismatch). */
  neither: number;
}

function tolerance(row: ConventionRow, decimals: number | undefined): Decimal {
  // Rounding rule: three shown figures, each off by up to half a unit of the last place.
  const places = decimals ?? Math.max(row.budget.scale, row.forecast.scale, row.variance.scale);
  return multiplyByInteger(decimal(5, Math.min(places, MAX_SCALE - 1) + 1), 3);
}

/**
 * Which sign convention a table's variances were printed in: the one that fits most rows within
 * rounding (3 figures x half a unit of the last decimal place; `decimals` when the number format
 * says, else each row's own figures). Rows with budget = forecast fit both and count for neither.
 *
 * @example
 * recogniseConvention([{ budget: fromNumber(2.6), forecast: fromNumber(2.8), variance: fromNumber(0.2) }]);
 * // { convention: 'forecast-minus-budget', budgetMinusForecast: 0, forecastMinusBudget: 1, either: 0, neither: 0 }
 */
export function recogniseConvention(
  rows: readonly ConventionRow[],
  options: { decimals?: number } = {},
): ConventionEvidence {
  const { decimals } = options;
  assertContract(
    decimals === undefined || (Number.isInteger(decimals) && decimals >= 0 && decimals <= 14),
    `decimals must be 0..14, got ${decimals}`,
  );
  const evidence: ConventionEvidence = {
    budgetMinusForecast: 0,
    forecastMinusBudget: 0,
    either: 0,
    neither: 0,
  };
  for (const row of rows) {
    const allowed = tolerance(row, decimals);
    const underspend = subtract(row.budget, row.forecast);
    const fitsBudgetFirst = compare(abs(subtract(row.variance, underspend)), allowed) <= 0;
    const fitsForecastFirst = compare(abs(add(row.variance, underspend)), allowed) <= 0;
    if (fitsBudgetFirst && fitsForecastFirst) evidence.either++;
    else if (fitsBudgetFirst) evidence.budgetMinusForecast++;
    else if (fitsForecastFirst) evidence.forecastMinusBudget++;
    else evidence.neither++;
  }
  if (evidence.budgetMinusForecast > evidence.forecastMinusBudget)
    evidence.convention = 'budget-minus-forecast';
  else if (evidence.forecastMinusBudget > evidence.budgetMinusForecast)
    evidence.convention = 'forecast-minus-budget';
  return evidence;
}

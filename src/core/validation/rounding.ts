/**
 * The rounding rule: figures shown to d decimals may each be off by half a unit of the last place,
 * so a check over k shown figures tolerates k x 0.5 x 10^-d. A total printed as 6.4 over rows
 * adding to 6.3 can be honest rounding; 41.0 over rows adding to 44.5 cannot.
 */
import { assertContract } from '../errors';
import {
  type Decimal,
  MAX_SCALE,
  abs,
  compare,
  decimal,
  normalise,
  subtract,
  sum,
} from '../money/decimal';

/**
 * The most a check over `shownFigures` figures, each shown to `decimals` places, may be off by
 * through rounding alone: k x 0.5 x 10^-d.
 *
 * @example
 * roundingTolerance(8, 1); // 0.40 (a total over 7 rows, one decimal place)
 * roundingTolerance(3, 0); // 1.5 (a variance in whole £'000)
 */
export function roundingTolerance(shownFigures: number, decimals: number): Decimal {
  assertContract(
    Number.isSafeInteger(shownFigures) && shownFigures >= 0,
    `shownFigures must be a whole number >= 0, got ${shownFigures}`,
  );
  assertContract(
    Number.isInteger(decimals) && decimals >= 0 && decimals < MAX_SCALE,
    `decimals must be 0..${MAX_SCALE - 1}, got ${decimals}`,
  );
  return decimal(shownFigures * 5, decimals + 1);
}

/** The outcome of checking one printed total against the figures it adds up. */
export interface TotalCheck {
  /** True when the total matches its figures within rounding. */
  ok: boolean;
  /** Printed total minus the exact sum of the figures. */
  difference: Decimal;
  /** The most rounding can explain (see {@link roundingTolerance}). */
  tolerance: Decimal;
  /** Decimal places the check assumed the figures were shown to. */
  decimals: number;
}

/**
 * Checks a printed total against its figures under the rounding rule (k = figures + 1). The
 * decimals shown come from `decimals` (say, the number format) or else the most decimals among the
 * figures and the total themselves.
 *
 * @example
 * checkTotal([1.2, 2.6, 0.3, 0.4, 0.8, 0, 1.0].map(fromNumber), fromNumber(6.4));
 * // { ok: true, difference: 0.1, tolerance: 0.40, decimals: 1 }
 * checkTotal([fromNumber(44.5)], fromNumber(41), 1).ok; // false
 */
export function checkTotal(
  values: readonly Decimal[],
  total: Decimal,
  decimals?: number,
): TotalCheck {
  let shown = decimals;
  if (shown === undefined) {
    shown = normalise(total).scale;
    for (const value of values) shown = Math.max(shown, normalise(value).scale);
    shown = Math.min(shown, MAX_SCALE - 1);
  }
  const difference = subtract(total, sum(values));
  const tolerance = roundingTolerance(values.length + 1, shown);
  return { ok: compare(abs(difference), tolerance) <= 0, difference, tolerance, decimals: shown };
}

/**
 * Integer form of the rule for the hot loops: true when |difference| (in units of 10^-scale) is
 * within half of `allowance`, where allowance = sum over shown figures of 10^(scale - d).
 *
 * @example
 * withinRounding(1, 8); // true: 0.1 against 8 figures at 1 decimal place, in tenths
 */
export function withinRounding(difference: number, allowance: number): boolean {
  return 2 * Math.abs(difference) <= allowance;
}

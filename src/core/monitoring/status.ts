/**
 * On target / underspend / overspend by the council's variance thresholds.
 */
import { type Decimal, abs, compare, subtract, tryFromNumber } from '../money/decimal';
import type { Parsed } from '../findings';
import { assertContract } from '../errors';
import { HUNDRED, compareProducts, percentAsDecimal } from './exact';
import type { VarianceConvention, VarianceStatus, VarianceThresholds } from './types';

/** Which thresholds a variance is over. */
export interface ThresholdBreach {
  /** True when any threshold is breached (or, with none set, when the variance is not zero). */
  flagged: boolean;
  /** |variance| is more than the absolute threshold. */
  absolute: boolean;
  /** |variance| is more than the percentage of |budget|. */
  percent: boolean;
}

function assertThresholds(thresholds: VarianceThresholds): void {
  const { absolute, percent } = thresholds;
  assertContract(
    absolute === undefined || absolute.units >= 0,
    'an absolute threshold must not be negative (use readThresholds)',
  );
  assertContract(
    percent === undefined || (Number.isFinite(percent) && percent >= 0),
    'a percentage threshold must be a number >= 0 (use readThresholds)',
  );
}

/**
 * Which of the council's thresholds a forecast breaches. "More than" is strict: a variance of
 * exactly £100k is not over a £100k threshold. The percentage test is exact
 * (|variance| x 100 against percent x |budget| in decimals), so 10% of 2.6 is never 0.26000000000000001.
 *
 * @example
 * breachedThresholds(fromNumber(1000), fromNumber(1150), { percent: 10 });
 * // { flagged: true, absolute: false, percent: true }
 */
export function breachedThresholds(
  budget: Decimal,
  forecast: Decimal,
  thresholds: VarianceThresholds,
): ThresholdBreach {
  assertThresholds(thresholds);
  const size = abs(subtract(budget, forecast));
  const overAbsolute = thresholds.absolute !== undefined && compare(size, thresholds.absolute) > 0;
  const overPercent =
    thresholds.percent !== undefined &&
    compareProducts(size, HUNDRED, percentAsDecimal(thresholds.percent), abs(budget)) > 0;
  const noneSet = thresholds.absolute === undefined && thresholds.percent === undefined;
  return {
    flagged: noneSet ? size.units !== 0 : overAbsolute || overPercent,
    absolute: overAbsolute,
    percent: overPercent,
  };
}

/**
 * `On target` when no threshold is breached, else `Underspend` (forecast below budget) or
 * `Overspend` (forecast above budget). The status does not depend on the sign convention: only the
 * sign of the printed variance does. `convention` is accepted so callers can pass their settings
 * uniformly.
 *
 * @example
 * varianceStatus(fromNumber(2.6), fromNumber(2.9), { percent: 10 }); // 'Overspend' (0.3 > 0.26)
 * varianceStatus(fromNumber(2.6), fromNumber(2.8), { percent: 10 }); // 'On target' (0.2 <= 0.26)
 */
export function varianceStatus(
  budget: Decimal,
  forecast: Decimal,
  thresholds: VarianceThresholds,
  _convention?: VarianceConvention,
): VarianceStatus {
  if (!breachedThresholds(budget, forecast, thresholds).flagged) return 'On target';
  return compare(forecast, budget) > 0 ? 'Overspend' : 'Underspend';
}

/**
 * Reads the council's thresholds as a user gave them. A negative or non-numeric threshold is a
 * message saying how to write it, never a throw. Leave a threshold out to not apply it.
 *
 * @example
 * readThresholds(fromNumber(100000), 10); // { ok: true, value: { absolute: 100000, percent: 10 } }
 * readThresholds(undefined, -5); // { ok: false, message: 'The percentage threshold -5 ...' }
 */
export function readThresholds(absolute?: Decimal, percent?: number): Parsed<VarianceThresholds> {
  if (absolute !== undefined && absolute.units < 0) {
    return {
      ok: false,
      message:
        'The absolute variance threshold cannot be negative: write the size of variance to explain, e.g. 100000 for £100k',
    };
  }
  if (
    percent !== undefined &&
    (!Number.isFinite(percent) || percent < 0 || tryFromNumber(percent) === undefined)
  ) {
    return {
      ok: false,
      message: `The percentage threshold ${percent} cannot be used: write a percentage of budget of 0 or more, e.g. 10 for 10%`,
    };
  }
  const value: VarianceThresholds = {};
  if (absolute !== undefined) value.absolute = absolute;
  if (percent !== undefined) value.percent = percent;
  return { ok: true, value };
}

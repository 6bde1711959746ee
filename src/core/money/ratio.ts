/**
 * Products and proportions of exact decimals, rounded once to a chosen number of places.
 *
 * Why bigint: a product of two amounts' minor units can pass 2^53 (the safe range of decimal.ts);
 * computing it in bigint and rounding once gives the figure a hand calculation would, which is
 * what Excel's ROUND(a*b/c, n) shows for the same inputs within its 15 digits.
 */
import { DecimalRangeError, assertContract } from '../errors';
import { type Decimal, MAX_SCALE } from './decimal';

function divideRounded(numerator: bigint, denominator: bigint): bigint {
  // Halves away from zero, like Excel's ROUND.
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const rounded = (n % d) * 2n >= d ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

function toDecimal(units: bigint, decimals: number, what: string): Decimal {
  const value = Number(units);
  if (!Number.isSafeInteger(value))
    throw new DecimalRangeError(`${what}: result is too large to hold exactly`);
  return { units: value === 0 ? 0 : value, scale: decimals };
}

function checkDecimals(decimals: number): void {
  assertContract(
    Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_SCALE,
    `decimals must be 0..${MAX_SCALE}, got ${decimals}`,
  );
}

/**
 * `value x numerator / denominator`, rounded once to `decimals` places (halves away from zero).
 * The denominator must not be zero.
 *
 * @example
 * scaleByRatio(fromNumber(100), decimal(1), decimal(3), 2); // 33.33
 * scaleByRatio(fromNumber(100), decimal(2), decimal(3), 2); // 66.67
 */
export function scaleByRatio(
  value: Decimal,
  numerator: Decimal,
  denominator: Decimal,
  decimals: number,
): Decimal {
  checkDecimals(decimals);
  assertContract(denominator.units !== 0, 'scaleByRatio needs a non-zero denominator');
  // value * numerator / denominator = (v * n * 10^(decimals + sd)) / (d * 10^(sv + sn)) at `decimals`.
  const top =
    BigInt(value.units) * BigInt(numerator.units) * 10n ** BigInt(decimals + denominator.scale);
  const bottom = BigInt(denominator.units) * 10n ** BigInt(value.scale + numerator.scale);
  return toDecimal(divideRounded(top, bottom), decimals, 'scaleByRatio');
}

/**
 * `a x b` rounded once to `decimals` places: e.g. interest at a rate, `multiplyRounded(balance,
 * fromNumber(0.045), 2)`.
 *
 * @example
 * multiplyRounded(fromNumber(1234.56), fromNumber(0.045), 2); // 55.56 (55.5552)
 */
export function multiplyRounded(a: Decimal, b: Decimal, decimals: number): Decimal {
  return scaleByRatio(a, b, { units: 1, scale: 0 }, decimals);
}

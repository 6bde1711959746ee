/**
 * Exact comparisons of products of decimals, for thresholds written as percentages.
 *
 * Why bigint here: `|variance| x 100` against `percent x budget` multiplies two sets of minor units,
 * which can pass 2^53 for large programmes at several decimals; a bigint product never rounds.
 * decimal.ts has no decimal-by-decimal product, so this stays internal to monitoring and revisions.
 */
import { type Decimal, tryFromNumber } from '../money/decimal';
import { assertContract } from '../errors';

function scaledProduct(a: Decimal, b: Decimal, scale: number): bigint {
  return BigInt(a.units) * BigInt(b.units) * 10n ** BigInt(scale - a.scale - b.scale);
}

/**
 * Compares `a x aFactor` with `b x bFactor` exactly: negative, 0 or positive like `compare`.
 *
 * @example
 * compareProducts(fromNumber(0.5), decimal(100), decimal(10), fromNumber(5)); // 0 (50 = 50)
 */
export function compareProducts(
  a: Decimal,
  aFactor: Decimal,
  b: Decimal,
  bFactor: Decimal,
): number {
  const scale = Math.max(a.scale + aFactor.scale, b.scale + bFactor.scale);
  const left = scaledProduct(a, aFactor, scale);
  const right = scaledProduct(b, bFactor, scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * A percentage (10 means 10%) as the exact decimal it was typed as; a contract break when it is not
 * a finite number (callers validate user input first, e.g. with `readThresholds`).
 *
 * @example
 * percentAsDecimal(12.5); // { units: 125, scale: 1 }
 */
export function percentAsDecimal(percent: number): Decimal {
  const value = tryFromNumber(percent);
  assertContract(value !== undefined, `a percentage must be a finite number, got ${percent}`);
  return value;
}

/** 100 as a decimal: |variance| x 100 is compared with percent x budget. */
export const HUNDRED: Decimal = { units: 100, scale: 0 };

function atScaleBig(value: Decimal, scale: number): bigint {
  return BigInt(value.units) * 10n ** BigInt(scale - value.scale);
}

/**
 * True when `statedPercent` (10 means 10%) is `100 x part / |whole|` to `decimals` printed places:
 * within half a unit of its last place, exactly. `whole` must not be zero.
 *
 * @example
 * percentMatches(fromNumber(1.145), fromNumber(3.1), fromNumber(36.9), 1); // true (36.935...)
 */
export function percentMatches(
  part: Decimal,
  whole: Decimal,
  statedPercent: Decimal,
  decimals: number,
): boolean {
  assertContract(whole.units !== 0, 'percentMatches needs a non-zero whole');
  assertContract(
    Number.isInteger(decimals) && decimals >= 0,
    `decimals must be a whole number >= 0, got ${decimals}`,
  );
  const base = whole.units < 0 ? { units: -whole.units, scale: whole.scale } : whole;
  const scale = Math.max(part.scale, statedPercent.scale + base.scale, decimals + 1 + base.scale);
  const difference = atScaleBig(part, scale) * 100n - scaledProduct(statedPercent, base, scale);
  const allowed = scaledProduct({ units: 5, scale: decimals + 1 }, base, scale);
  return (difference < 0n ? -difference : difference) <= allowed;
}

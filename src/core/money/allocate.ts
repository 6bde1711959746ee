/**
 * Penny-exact allocation by the largest-remainder method.
 *
 * The amount is rounded to `decimals` places, each share gets the whole minor units of its exact
 * proportion, and the odd units left over go one each to the shares with the largest remainders,
 * ties to the earliest (so the odd penny lands in the earliest quarter). The shares always add up
 * to the rounded amount exactly: nothing is lost or invented by rounding.
 */
import { ContractError, assertContract } from '../errors';
import { type Decimal, roundTo } from './decimal';

/** Weights are scaled to integers with this many significant units so remainders compare exactly. */
const WEIGHT_RESOLUTION = 1e9;

/**
 * Splits `amount` in proportion to `weights`, exactly, at `decimals` places.
 * Negative amounts (reductions) are split like their positive counterpart, then negated, so a
 * reduction mirrors an addition penny for penny.
 *
 * Throws {@link ContractError} when weights are empty, negative, not finite or all zero: callers
 * validate user-entered weights first and report them as a finding.
 *
 * @example
 * allocate(fromNumber(100), [1, 1, 1], 2).map(d => formatDecimal(d)); // ['33.34', '33.33', '33.33']
 * allocate(fromNumber(-0.05), [1, 1], 2).map(d => formatDecimal(d)); // ['-0.03', '-0.02']
 */
export function allocate(amount: Decimal, weights: readonly number[], decimals: number): Decimal[] {
  assertContract(weights.length > 0, 'allocate needs at least one weight');
  assertContract(
    Number.isInteger(decimals) && decimals >= 0,
    `decimals must be a whole number >= 0, got ${decimals}`,
  );
  const integerWeights = toIntegerWeights(weights);
  const rounded = roundTo(amount, decimals);
  const negative = rounded.units < 0;
  const total = Math.abs(rounded.units);
  const shares = shareUnits(total, integerWeights);
  return shares.map((units) => ({
    units: negative && units !== 0 ? -units : units,
    scale: decimals,
  }));
}

/**
 * Turns weights into non-negative integers in the same proportions (exactly for integer weights,
 * to nine significant digits for others, such as the s-curve's sines).
 */
function toIntegerWeights(weights: readonly number[]): number[] {
  let largest = 0;
  for (const weight of weights) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new ContractError(`weights must be finite and >= 0, got ${weight}`);
    }
    if (weight > largest) largest = weight;
  }
  if (largest === 0) throw new ContractError('weights must not all be zero');
  if (weights.every((weight) => Number.isSafeInteger(weight)) && largest <= WEIGHT_RESOLUTION) {
    return weights.slice();
  }
  // Divide first: weight / largest is in [0, 1] even for subnormal or huge weights.
  return weights.map((weight) => Math.round((weight / largest) * WEIGHT_RESOLUTION));
}

/** Largest-remainder split of a non-negative integer `total` by integer weights. */
function shareUnits(total: number, weights: readonly number[]): number[] {
  let weightTotal = 0;
  let largest = 0;
  // A loop, not Math.max(...weights): spreading 100k+ arguments overflows the call stack.
  for (const weight of weights) {
    weightTotal += weight;
    if (weight > largest) largest = weight;
  }
  const safe = Number.isSafeInteger(weightTotal) && Number.isSafeInteger(total * largest);
  return safe
    ? shareUnitsWithNumbers(total, weights, weightTotal)
    : shareUnitsWithBigInts(total, weights);
}

function shareUnitsWithNumbers(
  total: number,
  weights: readonly number[],
  weightTotal: number,
): number[] {
  const count = weights.length;
  const shares = new Array<number>(count);
  const remainders = new Array<number>(count);
  let given = 0;
  for (let i = 0; i < count; i++) {
    const product = total * weights[i];
    const share = Math.floor(product / weightTotal);
    // Exact: product and share * weightTotal are safe integers.
    shares[i] = share;
    remainders[i] = product - share * weightTotal;
    given += share;
  }
  distributeOddUnits(shares, remainders, total - given);
  return shares;
}

function shareUnitsWithBigInts(total: number, weights: readonly number[]): number[] {
  const bigTotal = BigInt(total);
  const bigWeights = weights.map((weight) => BigInt(weight));
  const weightTotal = bigWeights.reduce((a, b) => a + b, 0n);
  const shares: number[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const weight of bigWeights) {
    const product = bigTotal * weight;
    const share = product / weightTotal;
    shares.push(Number(share));
    remainders.push(product % weightTotal);
    given += share;
  }
  distributeOddUnits(shares, remainders, Number(bigTotal - given));
  return shares;
}

/** Gives one unit each to the largest remainders, ties to the earliest position. */
function distributeOddUnits<R extends number | bigint>(
  shares: number[],
  remainders: R[],
  oddUnits: number,
): void {
  if (oddUnits === 0) return;
  const order = remainders.map((_, i) => i);
  order.sort((a, b) =>
    remainders[a] === remainders[b] ? a - b : remainders[a] > remainders[b] ? -1 : 1,
  );
  for (let k = 0; k < oddUnits; k++) shares[order[k]] += 1;
}

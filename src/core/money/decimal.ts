/**
 * Exact decimal numbers for money.
 *
 * A {@link Decimal} is an integer count of minor units at a decimal scale: `{ units: 245, scale: 1 }`
 * is 24.5. Units are JavaScript safe integers (|units| <= 2^53 - 1) and every operation checks that
 * its result stays safe, throwing {@link DecimalRangeError} otherwise, so no binary floating-point
 * error can ever reach a total: 0.1 + 0.2 is exactly 0.3.
 *
 * Why safe integers rather than bigint or a decimal library: the grid checks sum millions of cells
 * and must stay within a few times a plain loop (issue 6); number arithmetic on integers is exact up
 * to 2^53 and an order of magnitude faster than bigint or big.js. 2^53 pence is about £90 trillion,
 * far beyond any council programme; at scale 6 it is still £9 billion. Allocation, where products
 * can exceed that range, switches to bigint internally (see allocate.ts).
 */
import { DecimalRangeError, assertContract } from '../errors';

/** An exact decimal: `units / 10^scale`. Treat as immutable. */
export interface Decimal {
  readonly units: number;
  readonly scale: number;
}

/** The most decimal places the engine keeps (Excel shows at most 15 significant digits). */
export const MAX_SCALE = 15;

/** Powers of ten that are exact doubles (10^0 .. 10^22). */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * 10 to the power `n`, exact for 0 <= n <= 22.
 *
 * @example
 * pow10(3); // 1000
 */
export function pow10(n: number): number {
  assertContract(Number.isInteger(n) && n >= 0 && n < POW10.length, `pow10 needs 0..22, got ${n}`);
  return POW10[n];
}

function checked(units: number, what: string): number {
  if (!Number.isSafeInteger(units)) {
    throw new DecimalRangeError(`${what}: result is too large to hold exactly`);
  }
  // Normalise -0 so that formatting and equality never see a negative zero.
  return units === 0 ? 0 : units;
}

/**
 * Makes a decimal from integer minor units and a scale.
 *
 * @example
 * decimal(245, 1); // 24.5
 */
export function decimal(units: number, scale = 0): Decimal {
  assertContract(
    Number.isInteger(scale) && scale >= 0 && scale <= MAX_SCALE,
    `scale must be 0..${MAX_SCALE}, got ${scale}`,
  );
  assertContract(
    Number.isInteger(units) || !Number.isFinite(units),
    `units must be a whole number, got ${units}`,
  );
  return { units: checked(units, 'decimal'), scale };
}

/** Zero at scale 0. */
export const ZERO: Decimal = { units: 0, scale: 0 };

/**
 * Reads a JavaScript number as the shortest decimal that it stands for, the way Excel shows it:
 * 0.1 is exactly one tenth, not 0.1000000000000000055511151231257827.
 * Numbers with more than 15 significant digits are read to 15, as Excel does.
 * Returns `undefined` for NaN, ±Infinity and magnitudes too large to hold exactly.
 *
 * @example
 * tryFromNumber(0.1); // { units: 1, scale: 1 }
 * tryFromNumber(1e308); // undefined
 */
export function tryFromNumber(value: number): Decimal | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (value === 0) return ZERO;
  const found = shortestDecimal(value);
  if (found) return found;
  // Beyond 15 significant digits: read it as Excel displays it.
  const excelValue = Number(value.toPrecision(15));
  return shortestDecimal(excelValue) ?? roundedToMaxScale(excelValue);
}

function shortestDecimal(value: number): Decimal | undefined {
  for (let scale = 0; scale <= MAX_SCALE; scale++) {
    const power = POW10[scale];
    const units = Math.round(value * power);
    if (!Number.isSafeInteger(units)) return undefined;
    // Division is correctly rounded, so this is true exactly when `value` is the double nearest
    // to units / 10^scale, i.e. when this decimal is what the user typed.
    if (units / power === value) return { units: units === 0 ? 0 : units, scale };
  }
  return undefined;
}

function roundedToMaxScale(value: number): Decimal | undefined {
  // Tiny magnitudes (1e-20) round to zero at the engine's precision; huge ones cannot be held.
  for (let scale = MAX_SCALE; scale >= 0; scale--) {
    const units = Math.round(value * POW10[scale]);
    if (Number.isSafeInteger(units)) return normalise({ units: units === 0 ? 0 : units, scale });
  }
  return undefined;
}

/**
 * Like {@link tryFromNumber} but throws {@link DecimalRangeError}: for values already validated.
 *
 * @example
 * fromNumber(2.6); // { units: 26, scale: 1 }
 */
export function fromNumber(value: number): Decimal {
  const result = tryFromNumber(value);
  if (!result) throw new DecimalRangeError(`Cannot hold ${value} as an exact decimal`);
  return result;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Reads plain decimal text (`-1234.50`, `.5`, `7.`) exactly. No currency signs or separators:
 * see `parseMoney` for printed amounts. Returns `undefined` when the text is not such a number or
 * holds more digits than can be kept exactly.
 *
 * @example
 * parseDecimalText('1234.50'); // { units: 123450, scale: 2 }
 */
export function parseDecimalText(text: string): Decimal | undefined {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole, fraction = ''] = match;
  if (whole === '' && fraction === '') return undefined;
  if (fraction.length > MAX_SCALE) return undefined;
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  const units = Number(digits);
  if (!Number.isSafeInteger(units)) return undefined;
  return { units: sign === '-' && units !== 0 ? -units : units, scale: fraction.length };
}

/**
 * Expresses `value` at a larger or equal `scale` without changing it.
 *
 * @example
 * atScale(decimal(26, 1), 3); // { units: 2600, scale: 3 }
 */
export function atScale(value: Decimal, scale: number): Decimal {
  if (scale === value.scale) return value;
  assertContract(
    scale > value.scale,
    `atScale cannot lose digits (${value.scale} -> ${scale}); use roundTo`,
  );
  return { units: checked(value.units * POW10[scale - value.scale], 'atScale'), scale };
}

/**
 * Rounds to `decimals` places, halves away from zero (as Excel's ROUND and printed reports do).
 *
 * @example
 * roundTo(decimal(245, 2), 1); // 2.5 (units 25, scale 1)
 * roundTo(decimal(-245, 2), 1); // -2.5
 */
export function roundTo(value: Decimal, decimals: number): Decimal {
  assertContract(
    Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_SCALE,
    `decimals must be 0..${MAX_SCALE}, got ${decimals}`,
  );
  if (decimals >= value.scale) return atScale(value, decimals);
  const divisor = POW10[value.scale - decimals];
  const magnitude = Math.abs(value.units);
  const quotient = Math.floor(magnitude / divisor);
  const remainder = magnitude - quotient * divisor;
  const rounded = remainder * 2 >= divisor ? quotient + 1 : quotient;
  return { units: checked(value.units < 0 ? -rounded : rounded, 'roundTo'), scale: decimals };
}

/**
 * Drops trailing zero digits: 2.50 becomes 2.5. Equality does not need it; formatting may.
 *
 * @example
 * normalise(decimal(250, 2)); // { units: 25, scale: 1 }
 */
export function normalise(value: Decimal): Decimal {
  let { units, scale } = value;
  while (scale > 0 && units % 10 === 0) {
    units /= 10;
    scale--;
  }
  return units === value.units ? value : { units: units === 0 ? 0 : units, scale };
}

/**
 * Exact sum of two decimals.
 *
 * @example
 * add(fromNumber(0.1), fromNumber(0.2)); // exactly 0.3
 */
export function add(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return { units: checked(a.units + b.units, 'add'), scale: a.scale };
  const scale = Math.max(a.scale, b.scale);
  return { units: checked(atScale(a, scale).units + atScale(b, scale).units, 'add'), scale };
}

/**
 * Exact difference `a - b`.
 *
 * @example
 * subtract(fromNumber(4.245), fromNumber(3.1)); // 1.145
 */
export function subtract(a: Decimal, b: Decimal): Decimal {
  return add(a, negate(b));
}

/**
 * The value with its sign reversed.
 *
 * @example
 * negate(decimal(3, 1)); // -0.3
 */
export function negate(value: Decimal): Decimal {
  return { units: value.units === 0 ? 0 : -value.units, scale: value.scale };
}

/**
 * Absolute value.
 *
 * @example
 * abs(decimal(-3, 1)); // 0.3
 */
export function abs(value: Decimal): Decimal {
  return value.units < 0 ? negate(value) : value;
}

/**
 * Exact sum of many decimals; zero for none. Fast when they share a scale (the usual case).
 *
 * @example
 * sum([1.2, 2.6, 0.3].map(fromNumber)); // 4.1
 */
export function sum(values: readonly Decimal[]): Decimal {
  let scale = 0;
  for (const value of values) if (value.scale > scale) scale = value.scale;
  let total = 0;
  let exact = true;
  for (const value of values) {
    const term = value.scale === scale ? value.units : value.units * POW10[scale - value.scale];
    total += term;
    // Integers add exactly while every term and running total stays safe.
    if (!Number.isSafeInteger(total) || !Number.isSafeInteger(term)) exact = false;
  }
  // On overflow, redo it with checked steps so the caller gets a DecimalRangeError, not a wrong sum.
  if (!exact) return values.reduce(add, { units: 0, scale });
  return { units: total === 0 ? 0 : total, scale };
}

/**
 * Multiplies by an integer (e.g. a count of quarters, or a power of ten for a unit change).
 *
 * @example
 * multiplyByInteger(decimal(25, 1), 3); // 7.5
 */
export function multiplyByInteger(value: Decimal, factor: number): Decimal {
  assertContract(Number.isSafeInteger(factor), `multiplyByInteger needs an integer, got ${factor}`);
  return { units: checked(value.units * factor, 'multiply'), scale: value.scale };
}

/**
 * Moves the decimal point: `shiftPoint(x, 6)` multiplies by a million (£m to £),
 * `shiftPoint(x, -3)` divides by a thousand (£ to £k). Always exact.
 *
 * @example
 * shiftPoint(fromNumber(0.075), 6); // 75000
 * shiftPoint(fromNumber(1250), -3); // 1.25
 */
export function shiftPoint(value: Decimal, places: number): Decimal {
  if (places === 0) return value;
  if (places < 0) {
    const scale = value.scale - places;
    if (scale > MAX_SCALE)
      throw new DecimalRangeError(
        `shiftPoint would need ${scale} decimal places (at most ${MAX_SCALE})`,
      );
    return { units: value.units, scale };
  }
  if (value.scale >= places) return { units: value.units, scale: value.scale - places };
  return { units: checked(value.units * POW10[places - value.scale], 'shiftPoint'), scale: 0 };
}

/**
 * Compares two decimals: negative when a < b, 0 when equal, positive when a > b.
 *
 * @example
 * compare(fromNumber(0.3), add(fromNumber(0.1), fromNumber(0.2))); // 0
 */
export function compare(a: Decimal, b: Decimal): number {
  if (a.scale === b.scale) return Math.sign(a.units - b.units);
  const scale = Math.max(a.scale, b.scale);
  const left = a.units * POW10[scale - a.scale];
  const right = b.units * POW10[scale - b.scale];
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return Math.sign(left - right);
  // Scaling up left the safe range: compare exactly in bigint rather than throw.
  const bigLeft = BigInt(a.units) * 10n ** BigInt(scale - a.scale);
  const bigRight = BigInt(b.units) * 10n ** BigInt(scale - b.scale);
  return bigLeft === bigRight ? 0 : bigLeft < bigRight ? -1 : 1;
}

/**
 * True when both stand for the same number (2.5 equals 2.50).
 *
 * @example
 * equals(decimal(25, 1), decimal(250, 2)); // true
 */
export function equals(a: Decimal, b: Decimal): boolean {
  return compare(a, b) === 0;
}

/**
 * True when the value is zero.
 *
 * @example
 * isZero(decimal(0, 2)); // true
 */
export function isZero(value: Decimal): boolean {
  return value.units === 0;
}

/**
 * The nearest JavaScript number, for writing to a cell. Exact decimals with up to 15 significant
 * digits come back as the double Excel would store for the same typed text.
 *
 * @example
 * toNumber(add(fromNumber(0.1), fromNumber(0.2))); // 0.3 (not 0.30000000000000004)
 */
export function toNumber(value: Decimal): number {
  return value.scale === 0 ? value.units : value.units / POW10[value.scale];
}

/**
 * Plain decimal text with exactly `decimals` places (rounding halves away from zero), or all the
 * value's own places when `decimals` is left out. No separators or currency: see `formatMoney`.
 *
 * @example
 * formatDecimal(fromNumber(44.5), 1); // '44.5'
 * formatDecimal(fromNumber(-0.05), 1); // '-0.1'
 * formatDecimal(fromNumber(3)); // '3'
 */
export function formatDecimal(value: Decimal, decimals?: number): string {
  // Rounding only ever drops digits; extra places are padded as text so nothing can overflow.
  const shown =
    decimals === undefined || decimals >= value.scale ? value : roundTo(value, decimals);
  const padding =
    decimals !== undefined && decimals > shown.scale ? '0'.repeat(decimals - shown.scale) : '';
  const digits = String(Math.abs(shown.units)).padStart(shown.scale + 1, '0');
  const sign = shown.units < 0 ? '-' : '';
  if (shown.scale === 0) return padding ? `${sign}${digits}.${padding}` : sign + digits;
  const point = digits.length - shown.scale;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}${padding}`;
}

/**
 * How many decimal places a number needs to be written exactly (0.25 needs 2; 3 needs 0).
 * `undefined` when it cannot be held exactly.
 *
 * @example
 * decimalPlaces(2.6); // 1
 */
export function decimalPlaces(value: number): number | undefined {
  return tryFromNumber(value)?.scale;
}

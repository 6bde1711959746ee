/**
 * The units councils print money in: pounds, thousands (`£k`, `£'000`), millions (`£m`) and
 * billions (`£bn`). A figure's unit usually comes from its column header, not the cell.
 */
import { DecimalRangeError } from '../errors';
import { type Decimal, MAX_SCALE, pow10 } from './decimal';

/** A unit money is printed in: `£`, thousands, millions or billions of pounds. */
export type MoneyUnit = '£' | '£k' | '£m' | '£bn';

/** Every money unit, smallest first. */
export const MONEY_UNITS: readonly MoneyUnit[] = ['£', '£k', '£m', '£bn'];

const EXPONENT: Readonly<Record<MoneyUnit, number>> = { '£': 0, '£k': 3, '£m': 6, '£bn': 9 };

/**
 * The power of ten a unit stands for (`£m` -> 6).
 *
 * @example
 * unitExponent('£k'); // 3
 */
export function unitExponent(unit: MoneyUnit): number {
  return EXPONENT[unit];
}

/**
 * `units / 10^scale` times `10^places`, exactly, or `undefined` when the result cannot be held
 * (more than 2^53 minor units, or more than MAX_SCALE decimal places).
 * Shared by convertUnit (which throws) and parseMoney (which reports), so the hot parse path
 * needs no try/catch. Internal to money/ (not exported from its index).
 *
 * @example
 * shiftExactly(26, 1, 6); // { units: 2600000, scale: 0 } (£2.6m in £)
 */
export function shiftExactly(units: number, scale: number, places: number): Decimal | undefined {
  if (places >= 0) {
    if (scale >= places) return { units, scale: scale - places };
    const shifted = units * pow10(places - scale);
    return Number.isSafeInteger(shifted)
      ? { units: shifted === 0 ? 0 : shifted, scale: 0 }
      : undefined;
  }
  let newUnits = units;
  let newScale = scale - places;
  // Trailing zeros carry no value: drop them before giving up on too many places.
  while (newScale > MAX_SCALE && newUnits % 10 === 0) {
    newUnits /= 10;
    newScale--;
  }
  return newScale <= MAX_SCALE ? { units: newUnits, scale: newScale } : undefined;
}

/**
 * Converts an amount from one money unit to another, exactly: £2.6m is £2,600k is £2,600,000.
 * Nothing is rounded; converting to a larger unit adds decimal places.
 *
 * Throws {@link DecimalRangeError} when the result cannot be held exactly (beyond about 9e15
 * minor units, or more than 15 decimal places), rather than return a rounded figure.
 *
 * @example
 * convertUnit(fromNumber(2.6), '£m', '£k'); // 2600 (units 2600, scale 0)
 * convertUnit(fromNumber(1250), '£k', '£m'); // 1.25 (units 1250, scale 3)
 */
export function convertUnit(value: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
  if (from === to) return value;
  const converted = shiftExactly(value.units, value.scale, EXPONENT[from] - EXPONENT[to]);
  if (!converted) {
    throw new DecimalRangeError(
      `Cannot convert ${value.units}e-${value.scale} from ${from} to ${to} exactly`,
    );
  }
  return converted;
}

// A unit written after '£' in a header: `£m`, `£m's`, `£ms`, `£ million`, `£'000`, `£000s`, `£k`, `£bn`.
// Sticky and anchored at one position; the only repetition is the leading spaces/apostrophes, so
// matching is linear in the header's length (no backtracking blow-up on hostile text).
const HEADER_UNIT =
  /[\s'\u2018\u2019]*(?:(000(?:['\u2019]?s)?|thousands?|k)|(millions?|mn|m(?:['\u2019]?s)?)|(billions?|bns?|b))(?![A-Za-z0-9])/iy;

/**
 * The money unit a column header declares, e.g. `Capital £m` or `£'000`; `undefined` when the
 * header names no pounds at all. A `£` with no multiplier (`Budget (£)`) means pounds.
 * A `£` directly followed by a figure (`Schemes over £100k`) is an amount, not a unit, and is skipped.
 *
 * @example
 * unitFromHeader('Capital £m'); // '£m'
 * unitFromHeader("£'000"); // '£k'
 * unitFromHeader("£m's"); // '£m'
 * unitFromHeader('Budget (£)'); // '£'
 * unitFromHeader('Impact'); // undefined
 */
export function unitFromHeader(header: string): MoneyUnit | undefined {
  let at = header.indexOf('£');
  while (at !== -1) {
    HEADER_UNIT.lastIndex = at + 1;
    const match = HEADER_UNIT.exec(header);
    if (match) return match[1] !== undefined ? '£k' : match[2] !== undefined ? '£m' : '£bn';
    // `£100k` is an amount; `£ 2019/20` is a pounds column for a year.
    const next = header.charCodeAt(at + 1);
    if (!(next >= 48 && next <= 57)) return '£';
    at = header.indexOf('£', at + 1);
  }
  return undefined;
}

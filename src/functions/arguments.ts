/**
 * Reading custom-function arguments as Excel passes them: numbers, text (numbers stored as text
 * included), booleans, blanks (`""` or `null`) and, for an omitted optional argument, `null`
 * (TypeScript defaults never apply). Each reader either returns a clean value or throws an
 * {@link ArgumentProblem} whose message says how to write the argument right.
 */
import { type Month, resolveStartMonth } from '../core';
import { type Decimal, tryFromNumber } from '../core';
import { parseMoney } from '../core';
import type { MoneyUnit } from '../core';
import { ArgumentProblem } from './excelErrors';

/** True for an empty cell or an omitted optional argument. */
export function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return `'${value.length > 40 ? `${value.slice(0, 37)}...` : value}'`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'code' in value)
    return String((value as { code: unknown }).code);
  return 'this value';
}

/**
 * Reads an amount of money: a number, or text as councils print it (`£1,250k`, `(0.3)`).
 * Blank is a missing value (`#N/A`), since a blank budget is not the same as a zero budget.
 *
 * @example
 * readAmount('£1,250', 'budget'); // 1250 as an exact Decimal
 */
export function readAmount(value: unknown, argument: string, unit: MoneyUnit = '£'): Decimal {
  if (isBlank(value))
    throw new ArgumentProblem(
      `${argument} is blank: enter an amount such as 1250 or £1.25m.`,
      '#N/A',
    );
  if (typeof value === 'number') {
    const amount = tryFromNumber(value);
    if (!amount)
      throw new ArgumentProblem(
        `${argument} ${describe(value)} is not an amount that can be calculated exactly.`,
      );
    return amount;
  }
  if (typeof value === 'string') {
    const parsed = parseMoney(value, { unit, assumedUnit: unit });
    if (!parsed.ok) throw new ArgumentProblem(`${argument}: ${parsed.message}`);
    return parsed.value.value;
  }
  throw new ArgumentProblem(
    `${argument} ${describe(value)} is not an amount: enter a number such as 1250 or text such as £1.25m.`,
  );
}

/**
 * Reads an optional whole number (decimals, a start month given as a number), with a default for
 * a blank or omitted argument.
 *
 * @example
 * readWholeNumber(null, 'decimals', { min: 0, max: 6, fallback: 2 }); // 2
 */
export function readWholeNumber(
  value: unknown,
  argument: string,
  limits: { min: number; max: number; fallback: number },
): number {
  if (isBlank(value)) return limits.fallback;
  const number = typeof value === 'string' ? Number(value.trim()) : value;
  if (
    typeof number !== 'number' ||
    !Number.isInteger(number) ||
    number < limits.min ||
    number > limits.max
  ) {
    throw new ArgumentProblem(
      `${argument} ${describe(value)} must be a whole number from ${limits.min} to ${limits.max} (or left out for ${limits.fallback}).`,
    );
  }
  return number;
}

/**
 * Reads an optional ratio or threshold number (e.g. 10 for 10%). Blank or omitted gives `undefined`.
 *
 * @example
 * readOptionalNumber('10', 'pct_threshold'); // 10
 */
export function readOptionalNumber(value: unknown, argument: string): number | undefined {
  if (isBlank(value)) return undefined;
  const number = typeof value === 'string' ? Number(value.trim().replace(/%$/, '')) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) {
    throw new ArgumentProblem(
      `${argument} ${describe(value)} must be a number of 0 or more, such as 10 (or left out).`,
    );
  }
  return number;
}

/**
 * Reads the month a fiscal year starts in: 1-12 or a month name; April (4) when left out.
 *
 * @example
 * readStartMonth('July'); // 7
 * readStartMonth(null); // 4
 */
export function readStartMonth(value: unknown): Month {
  const month = resolveStartMonth(isBlank(value) ? undefined : value);
  if (!month.ok) throw new ArgumentProblem(month.message);
  return month.value;
}

/**
 * Reads text (a phasing phrase, a label). Numbers become their text; blank gives ''.
 *
 * @example
 * readText(2019, 'first_year'); // '2019'
 */
export function readText(value: unknown, argument: string): string {
  if (isBlank(value)) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new ArgumentProblem(`${argument} ${describe(value)} must be text, such as '2016/17 Q2-4'.`);
}

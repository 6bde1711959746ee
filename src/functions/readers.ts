/**
 * Readers for the small settings-like arguments of the CAPITAL functions: a unit, a percentage,
 * a financial year. Kept apart from ./arguments, which reads amounts and plain values.
 */
import { type Month, parseFiscalYear } from '../core';
import { MONEY_UNITS, type MoneyUnit } from '../core';
import { isBlank, readOptionalNumber } from './arguments';
import { ArgumentProblem } from './excelErrors';

/**
 * Reads a unit of money: `£` (default), `£k`, `£m` or `£bn` (also `k`, `m`, `bn`, `£'000`).
 *
 * @example
 * readMoneyUnit('£m'); // '£m'
 * readMoneyUnit(null); // '£'
 */
export function readMoneyUnit(value: unknown): MoneyUnit {
  if (isBlank(value)) return '£';
  const text = String(value).trim().toLowerCase().replace(/^£\s*/, '£');
  const aliases: Record<string, MoneyUnit> = {
    '£': '£',
    gbp: '£',
    '£k': '£k',
    k: '£k',
    "£'000": '£k',
    '£000': '£k',
    '£m': '£m',
    m: '£m',
    '£bn': '£bn',
    bn: '£bn',
  };
  // Own keys only: 'constructor' or '__proto__' typed in a cell must not find Object's own.
  const unit = Object.prototype.hasOwnProperty.call(aliases, text) ? aliases[text] : undefined;
  if (!unit) {
    throw new ArgumentProblem(
      `unit '${String(value).slice(0, 20)}' is not known: use one of ${MONEY_UNITS.join(', ')}.`,
    );
  }
  return unit;
}

/**
 * Reads a percentage threshold as finance officers type it: `10%` (which Excel passes as 0.1),
 * `10`, or the text `"10%"`. Values below 1 are read as fractions, so 10% and 10 both mean ten
 * percent. Blank or left out gives `undefined` (threshold not applied).
 *
 * @example
 * readPercent(0.1, 'pct_threshold'); // 10
 * readPercent(10, 'pct_threshold'); // 10
 */
export function readPercent(value: unknown, argument: string): number | undefined {
  const number = readOptionalNumber(value, argument);
  if (number === undefined) return undefined;
  const fromText = typeof value === 'string' && value.trim().endsWith('%');
  return !fromText && number > 0 && number < 1 ? Math.round(number * 1e10) / 1e8 : number;
}

/**
 * Reads a financial year given as its start year (2016) or a label ("2016/17", "FY16/17").
 *
 * @example
 * readYear('2016/17', 'first_year', 4); // 2016
 */
export function readYear(value: unknown, argument: string, startMonth: Month): number {
  if (isBlank(value))
    throw new ArgumentProblem(
      `${argument} is blank: enter a year such as 2016 or '2016/17'.`,
      '#N/A',
    );
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return value;
    throw new ArgumentProblem(
      `${argument} ${value} is not a year: enter a year such as 2016 or '2016/17'.`,
    );
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^\d{4}$/.test(text)) return Number(text);
    const year = parseFiscalYear(text, startMonth);
    if (!year.ok) throw new ArgumentProblem(`${argument}: ${year.message}`);
    return year.value;
  }
  throw new ArgumentProblem(`${argument} must be a year such as 2016 or '2016/17'.`);
}

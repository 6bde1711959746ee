/**
 * Writes money back in the styles councils print it (`£1,250k`, `£0.075m`, `(0.3)`, `c£90k`),
 * and gives the matching Excel number format for cells. Everything written here reads back
 * through `parseMoney` to the same value.
 */
import { assertContract } from '../errors';
import { type Decimal, MAX_SCALE, roundTo } from './decimal';
import type { MoneyUnit } from './units';

/** How to write an amount. */
export interface FormatMoneyOptions {
  /** The unit the value is in, and is printed in: `£m` writes 2.6 as `£2.6m`. Convert first with `convertUnit` to change unit. */
  unit: MoneyUnit;
  /** Decimal places to show, rounding halves away from zero. Default: all the value's own places. */
  decimals?: number;
  /** `minus` writes `-£0.3m` (the default); `brackets` writes `(£0.3m)`. */
  negative?: 'minus' | 'brackets';
  /** Write `£` in front. Default true. */
  symbol?: boolean;
  /** Separate thousands with commas. Default true. */
  thousands?: boolean;
  /** Mark the figure as approximate: `c£90k`. Default false. */
  circa?: boolean;
}

const SUFFIX: Readonly<Record<MoneyUnit, string>> = { '£': '', '£k': 'k', '£m': 'm', '£bn': 'bn' };

/**
 * Writes an amount as councils print it. The value is taken to be in `options.unit` already
 * (as parseMoney returns it for the same unit), and the unit's letter follows the figure.
 * Negative amounts use an ASCII minus (`-`) or brackets; a negative that rounds to zero is
 * written without a sign. Circa goes first: `c£90k`, `c(£90k)`.
 *
 * Throws {@link ContractError} when `decimals` is not a whole number from 0 to 15.
 *
 * @example
 * formatMoney(decimal(1250), { unit: '£k' }); // '£1,250k'
 * formatMoney(decimal(75, 3), { unit: '£m' }); // '£0.075m'
 * formatMoney(decimal(-3, 1), { unit: '£', symbol: false, negative: 'brackets' }); // '(0.3)'
 * formatMoney(decimal(90), { unit: '£k', circa: true }); // 'c£90k'
 * formatMoney(decimal(-245, 2), { unit: '£m', decimals: 1 }); // '-£2.5m'
 */
export function formatMoney(value: Decimal, options: FormatMoneyOptions): string {
  const decimals = options.decimals ?? value.scale;
  assertContract(
    Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_SCALE,
    `decimals must be a whole number from 0 to ${MAX_SCALE}, got ${decimals}`,
  );
  let units = value.units;
  let padding = 0;
  if (decimals < value.scale) units = roundTo(value, decimals).units;
  // Padding with zeros as text, not by scaling, so no safe amount is too large to show.
  else padding = decimals - value.scale;
  let digits = String(Math.abs(units)) + '0'.repeat(padding);
  if (digits.length <= decimals) digits = digits.padStart(decimals + 1, '0');
  const point = digits.length - decimals;
  const whole =
    options.thousands === false ? digits.slice(0, point) : groupThousands(digits.slice(0, point));
  const figure = decimals > 0 ? `${whole}.${digits.slice(point)}` : whole;
  const body = `${options.symbol === false ? '' : '£'}${figure}${SUFFIX[options.unit]}`;
  const signed = units >= 0 ? body : options.negative === 'brackets' ? `(${body})` : `-${body}`;
  return options.circa ? `c${signed}` : signed;
}

function groupThousands(whole: string): string {
  if (whole.length <= 3) return whole;
  const lead = whole.length % 3 || 3;
  let grouped = whole.slice(0, lead);
  for (let i = lead; i < whole.length; i += 3) grouped += `,${whole.slice(i, i + 3)}`;
  return grouped;
}

/**
 * An Excel number format code that shows a figure held in `unit` with `£`, thousands separators,
 * `decimals` places and the unit's letter, negatives in brackets: the cell keeps the plain number
 * (2.6 in a `£m` column) and only its display changes to `£2.6m`.
 *
 * Built only from quoted literals, `#,##0.0` and a second section for negatives, which Excel,
 * Excel on the web, LibreOffice Calc and ExcelJS all read alike (no locale codes such as
 * `[$£-809]`, no `,` scaling). A zero shows with the positive section (`£0.0m`). The text Excel
 * shows is what formatMoney writes with `negative: 'brackets'`, so parseMoney reads it back.
 *
 * Throws {@link ContractError} when `decimals` is not a whole number from 0 to 15.
 *
 * @example
 * numberFormatFor('£m', 1); // '"£"#,##0.0"m";("£"#,##0.0"m")'
 * numberFormatFor('£', 2); // '"£"#,##0.00;("£"#,##0.00)'
 */
export function numberFormatFor(unit: MoneyUnit, decimals: number): string {
  assertContract(
    Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_SCALE,
    `decimals must be a whole number from 0 to ${MAX_SCALE}, got ${decimals}`,
  );
  const figure = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  const positive = `"£"${figure}${unit === '£' ? '' : `"${SUFFIX[unit]}"`}`;
  return `${positive};(${positive})`;
}

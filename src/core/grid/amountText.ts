/**
 * Reading a figure stored as text (pasted from a PDF) in a figure column: `1,250`, `(0.3)`,
 * `£12.4m`. A thin adapter over parseMoney: the column's unit is both the unit a bare figure is in
 * and the unit wanted, so a figure reads in the same unit as the numbers around it.
 */
import type { Decimal } from '../money/decimal';
import { parseMoney } from '../money/parse';
import type { MoneyUnit } from '../money/units';

/** A figure read from text, in the column's unit. */
export interface AmountText {
  value: Decimal;
  /** Decimal places the text shows (`10.0` shows 1). */
  shownDecimals: number;
}

/**
 * Reads text as an amount in `unit` (default pounds), or `undefined` when it is not an amount.
 *
 * @example
 * readAmountText('(0.3)'); // { value: -0.3, shownDecimals: 1 }
 * readAmountText('£1,250k', '£m'); // { value: 1.25, shownDecimals: 0 }
 * readAmountText('TBC'); // undefined
 */
export function readAmountText(text: string, unit: MoneyUnit = '£'): AmountText | undefined {
  const parsed = parseMoney(text, { unit, assumedUnit: unit });
  return parsed.ok
    ? { value: parsed.value.value, shownDecimals: parsed.value.shownDecimals }
    : undefined;
}

/**
 * Months by name, and the start month setting, resolved date-fns style: an explicit argument
 * wins, then the workbook's (document's) setting, then the default of April.
 */
import type { Parsed } from '../findings';
import { normaliseText, quoteForMessage } from './text';
import { DEFAULT_START_MONTH, type Month } from './types';

/**
 * The English month names, January first: what labels, messages and the task pane's start-month
 * drop-down write, and what {@link readMonth} reads (any case, or abbreviated).
 */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

// readMonth compares with text already folded to lower case by normaliseText.
const MONTH_KEYS = MONTH_NAMES.map((name) => name.toLowerCase());

/**
 * Reads a month as a number 1..12, a number stored as text, or an English month name or
 * abbreviation (`Oct`, `Sept`, `October`). `undefined` when it is none of these.
 *
 * @example
 * readMonth('October'); // 10
 * readMonth(7); // 7
 * readMonth(13); // undefined
 */
export function readMonth(value: unknown): Month | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 1 && value <= 12 ? (value as Month) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = normaliseText(value).replace(/\.$/, '');
  if (/^\d{1,2}$/.test(text)) return readMonth(Number(text));
  if (text.length < 3) return undefined;
  const index = MONTH_KEYS.findIndex(
    (name) => name.startsWith(text) || (text === 'sept' && name === 'september'),
  );
  return index < 0 ? undefined : ((index + 1) as Month);
}

function isLeftOut(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/**
 * Resolves the fiscal year's start month: `explicit` (e.g. a function argument) if given, else
 * `documentSetting` (the workbook's setting) if given, else April. Blank, `null` and `undefined`
 * count as not given; anything else that is not a month is a failure with a message.
 *
 * @example
 * resolveStartMonth(null, 'July'); // { ok: true, value: 7 }
 * resolveStartMonth(10, 7); // { ok: true, value: 10 }
 * resolveStartMonth(undefined); // { ok: true, value: 4 }
 */
export function resolveStartMonth(explicit?: unknown, documentSetting?: unknown): Parsed<Month> {
  for (const candidate of [explicit, documentSetting]) {
    if (isLeftOut(candidate)) continue;
    const month = readMonth(candidate);
    if (month === undefined) {
      return {
        ok: false,
        message: `Cannot read start month '${quoteForMessage(candidate)}': write a month number 1-12 or a name such as 'April'`,
      };
    }
    return { ok: true, value: month };
  }
  return { ok: true, value: DEFAULT_START_MONTH };
}

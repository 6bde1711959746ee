/**
 * Dates as text (ISO, UK day-first, day and month name) and dates as Excel gives them (a serial
 * or text), read into plain calendar dates.
 */
import type { Parsed } from '../findings';
import { daysInMonth, isValidDate } from './days';
import { MONTH_NAMES, readMonth } from './options';
import { serialToDate } from './serial';
import { normaliseText, quoteForMessage } from './text';
import type { CalendarDate, DateSystem, Month } from './types';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)? ?[ -]?([a-z]{3,9})\.?,? ?[ -]?(\d{4})$/;

/**
 * Reads a date written as `2019-11-30` (ISO), `30/11/2019` (UK, day first), `30 Nov 2019` or
 * `30 November 2019`. US month-first dates are not read: `11/30/2019` fails rather than being
 * guessed. A date that does not exist (`31/02/2019`) fails with a message.
 *
 * @example
 * parseDateText('30 Nov 2019'); // { ok: true, value: { year: 2019, month: 11, day: 30 } }
 * parseDateText('31/02/2019'); // { ok: false, message: "'31/02/2019' is not a date: February 2019 has 28 days; ..." }
 */
export function parseDateText(text: string): Parsed<CalendarDate> {
  const original = String(text);
  const normalised = normaliseText(original);
  const shown = quoteForMessage(original);
  const howTo = "write it as e.g. '30/11/2019', '30 Nov 2019' or '2019-11-30'";
  let parts: [number, number | undefined, number] | undefined;
  let match: RegExpExecArray | null = null;
  if (normalised.length <= 40) {
    if ((match = ISO.exec(normalised)))
      parts = [Number(match[1]), Number(match[2]), Number(match[3])];
    else if ((match = DAY_FIRST.exec(normalised)))
      parts = [Number(match[3]), Number(match[2]), Number(match[1])];
    else if ((match = DAY_MONTH_NAME.exec(normalised)))
      parts = [Number(match[3]), readMonth(match[2]), Number(match[1])];
  }
  if (!parts || parts[1] === undefined)
    return { ok: false, message: `Cannot read date '${shown}': ${howTo}` };
  const [year, month, day] = parts;
  if (month < 1 || month > 12) {
    return { ok: false, message: `'${shown}' is not a date: there is no month ${month}; ${howTo}` };
  }
  const date = { year, month: month as Month, day };
  if (!isValidDate(date)) {
    const length = year >= 1 ? daysInMonth(year, month as Month) : 31;
    return {
      ok: false,
      message: `'${shown}' is not a date: ${MONTH_NAMES[month - 1]} ${year} has ${length} days; ${howTo}`,
    };
  }
  return { ok: true, value: date };
}

/**
 * Reads a date as Excel hands it over: a serial number (in the given date system) or date text.
 * Anything else (blank, `true`, an error value) fails with a message.
 *
 * @example
 * readDate(43800); // { ok: true, value: { year: 2019, month: 12, day: 1 } }
 * readDate('30/11/2019'); // { ok: true, value: { year: 2019, month: 11, day: 30 } }
 * readDate('43800'); // a number stored as text reads as a serial: 1 Dec 2019
 */
export function readDate(value: unknown, dateSystem: DateSystem = 1900): Parsed<CalendarDate> {
  if (typeof value === 'number') return serialToDate(value, dateSystem);
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (/^\d+(?:\.\d+)?$/.test(trimmed) && trimmed.length <= 20)
      return serialToDate(Number(trimmed), dateSystem);
    if (trimmed !== '') return parseDateText(value);
  }
  const shown =
    value === null || value === undefined || value === ''
      ? 'blank'
      : quoteForMessage(value);
  return { ok: false, message: `Cannot read date '${shown}': enter a date such as 30/11/2019` };
}

/**
 * Excel serial dates in both of Excel's date systems, by integer day counting.
 *
 * The 1900 system copies a Lotus 1-2-3 bug: it counts 29 February 1900, a day that never existed,
 * as serial 60. Serials 1..59 are 1 January..28 February 1900 and serial 61 is 1 March 1900.
 * To round-trip what Excel shows, serial 60 reads as the phantom `{ year: 1900, month: 2, day: 29 }`
 * and that one value writes back as 60; it is not a valid date anywhere else.
 * The 1904 system has no phantom day: serial 0 is 1 January 1904.
 */
import { ContractError } from '../errors';
import type { Parsed } from '../findings';
import { dateFromDayNumber, dayNumber, isValidDate } from './days';
import type { CalendarDate, DateSystem } from './types';

/** Serial of 1 January 1970 in the 1900 system. */
const UNIX_EPOCH_1900 = 25569;
/** Serial 0 of the 1904 system, as days since 1970 (1 January 1904). */
const EPOCH_1904_DAYS = -24107;
/** The phantom 29 February 1900 of the 1900 system. */
const PHANTOM_SERIAL = 60;
/** Excel's last date, 31 December 9999, in each system. */
const LAST_SERIAL: Record<DateSystem, number> = { 1900: 2958465, 1904: 2957003 };
const FIRST_SERIAL: Record<DateSystem, number> = { 1900: 1, 1904: 0 };

/**
 * Reads an Excel date serial as a calendar date. A fractional part is a time of day and is dropped.
 * Serials outside Excel's range (before its first date, after 31 Dec 9999, not finite) are a
 * failure with a message.
 *
 * @example
 * serialToDate(43800); // { ok: true, value: { year: 2019, month: 12, day: 1 } }
 * serialToDate(0, 1904); // { ok: true, value: { year: 1904, month: 1, day: 1 } }
 * serialToDate(60); // { ok: true, value: { year: 1900, month: 2, day: 29 } } (Excel's phantom day)
 */
export function serialToDate(serial: number, dateSystem: DateSystem = 1900): Parsed<CalendarDate> {
  const first = FIRST_SERIAL[dateSystem];
  const last = LAST_SERIAL[dateSystem];
  if (
    typeof serial !== 'number' ||
    !Number.isFinite(serial) ||
    serial < first ||
    serial >= last + 1
  ) {
    return {
      ok: false,
      message:
        `${String(serial)} is not an Excel date: in the ${dateSystem} date system dates run from serial ${first} ` +
        `(${dateSystem === 1900 ? '1 Jan 1900' : '1 Jan 1904'}) to ${last} (31 Dec 9999); enter a date such as 30/11/2019`,
    };
  }
  const whole = Math.floor(serial);
  if (dateSystem === 1904) return { ok: true, value: dateFromDayNumber(whole + EPOCH_1904_DAYS) };
  if (whole === PHANTOM_SERIAL) return { ok: true, value: { year: 1900, month: 2, day: 29 } };
  // Before the phantom day the count is one lower than the true day count.
  const days = whole < PHANTOM_SERIAL ? whole - UNIX_EPOCH_1900 + 1 : whole - UNIX_EPOCH_1900;
  return { ok: true, value: dateFromDayNumber(days) };
}

/**
 * Writes a calendar date as an Excel serial. Accepts the phantom 29 Feb 1900 in the 1900 system.
 * Throws {@link ContractError} for a date that is not real or that Excel cannot show: build dates
 * with `parseDateText` or `serialToDate`, which report such input as a message.
 *
 * @example
 * dateToSerial({ year: 1970, month: 1, day: 1 }); // 25569
 * dateToSerial({ year: 1904, month: 1, day: 1 }, 1904); // 0
 */
export function dateToSerial(date: CalendarDate, dateSystem: DateSystem = 1900): number {
  if (dateSystem === 1900 && date.year === 1900 && date.month === 2 && date.day === 29)
    return PHANTOM_SERIAL;
  if (!isValidDate(date)) throw new ContractError(`not a valid date: ${JSON.stringify(date)}`);
  const days = dayNumber(date);
  // Counting from 1970 includes the phantom day; dates before 1 March 1900 come one earlier.
  const counted = days + UNIX_EPOCH_1900;
  const serial =
    dateSystem === 1904
      ? days - EPOCH_1904_DAYS
      : counted <= PHANTOM_SERIAL
        ? counted - 1
        : counted;
  if (serial < FIRST_SERIAL[dateSystem] || serial > LAST_SERIAL[dateSystem]) {
    throw new ContractError(`${JSON.stringify(date)} is outside Excel's ${dateSystem} date system`);
  }
  return serial;
}

/**
 * Day counting on the proleptic Gregorian calendar with plain integers (Howard Hinnant's
 * `days_from_civil` algorithm), so no time zone or daylight saving can move a date.
 */
import { assertContract } from '../errors';
import type { CalendarDate, Month } from './types';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * True in a Gregorian leap year.
 *
 * @example
 * isLeapYear(2000); // true
 * isLeapYear(1900); // false
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a month of a year.
 *
 * @example
 * daysInMonth(2019, 2); // 28
 */
export function daysInMonth(year: number, month: Month): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * True when the integers make a real date (years 1..9999).
 *
 * @example
 * isValidDate({ year: 2019, month: 2, day: 31 }); // false
 */
export function isValidDate(date: {
  year: number;
  month: number;
  day: number;
}): date is CalendarDate {
  const { year, month, day } = date;
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    year <= 9999 &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month as Month)
  );
}

/**
 * Days since 1 January 1970 (negative before it).
 *
 * @example
 * dayNumber({ year: 1970, month: 1, day: 2 }); // 1
 */
export function dayNumber(date: CalendarDate): number {
  assertContract(isValidDate(date), `not a valid date: ${JSON.stringify(date)}`);
  const year = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear =
    Math.floor((153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5) + date.day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The date a given number of days after 1 January 1970.
 *
 * @example
 * dateFromDayNumber(0); // { year: 1970, month: 1, day: 1 }
 */
export function dateFromDayNumber(days: number): CalendarDate {
  assertContract(Number.isSafeInteger(days), `day number must be an integer, got ${days}`);
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9) as Month;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

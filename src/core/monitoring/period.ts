/**
 * The year being monitored and the period of the report: `2019/20 P8`, or a quarter (`Q3` is the
 * report at the quarter's last period, P9).
 */
import {
  DEFAULT_START_MONTH,
  daysInMonth,
  formatFiscalYear,
  parseFiscalYear,
  type CalendarDate,
  type FiscalPeriod,
  type FiscalYear,
  type Month,
} from '../calendar';
import { normaliseText, quoteForMessage } from '../calendar/text';
import type { Parsed } from '../findings';

/** A monitoring report's point in time: the financial year and its monthly period (P1..P12). */
export interface MonitoringPeriod {
  readonly year: FiscalYear;
  readonly period: FiscalPeriod;
}

const HOW_TO = "write e.g. 'P8', 'Period 8', 'Q3' or '2019/20 P8'";

function periodFromWords(words: string): FiscalPeriod | undefined {
  let match = /^(?:p|period|month) ?(\d{1,2})$/.exec(words);
  if (!match) match = /^(\d{1,2})$/.exec(words);
  if (match) {
    const period = Number(match[1]);
    return period >= 1 && period <= 12 ? (period as FiscalPeriod) : undefined;
  }
  const quarter = /^(?:q|quarter) ?([1-4])$/.exec(words);
  if (quarter) return (Number(quarter[1]) * 3) as FiscalPeriod;
  if (words === 'outturn' || words === 'year end') return 12;
  return undefined;
}

/**
 * Reads the period of a report as a finance officer writes it: `P8`, `Period 8`, `8`, `Q3`
 * (the quarter's last period), `Outturn` (P12), optionally with the year before or after it
 * (`2019/20 P8`, `P8 2019/20`). A period with no year is in `year` (the workbook's current year).
 * A number 1..12 in a cell is a period. Anything else is a message saying how to write it.
 *
 * @example
 * parseMonitoringPeriod('2019/20 P8'); // { ok: true, value: { year: 2019, period: 8 } }
 * parseMonitoringPeriod('Q3', 2019); // { ok: true, value: { year: 2019, period: 9 } }
 * parseMonitoringPeriod('P13', 2019); // { ok: false, message: "Cannot read period 'P13': ..." }
 */
export function parseMonitoringPeriod(
  value: unknown,
  year?: FiscalYear,
  startMonth: Month = DEFAULT_START_MONTH,
): Parsed<MonitoringPeriod> {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const words = normaliseText(text);
  const fail = (why: string): Parsed<MonitoringPeriod> => ({
    ok: false,
    message: `Cannot read period '${quoteForMessage(text)}': ${why}${HOW_TO}`,
  });
  if (words === '' || words.length > 40) return fail('');
  const alone = periodFromWords(words);
  if (alone !== undefined) {
    if (year === undefined) return fail('it does not say which year; ');
    return { ok: true, value: { year, period: alone } };
  }
  // A year label and a period, in either order.
  const split = /^(.+?) (?:p|period|q|quarter|month)(?: )?(\d{1,2})$/.exec(words);
  const splitFirst = /^((?:p|period|q|quarter|month) ?\d{1,2}) (.+)$/.exec(words);
  let yearText: string | undefined;
  let periodText: string | undefined;
  if (split) {
    yearText = split[1];
    periodText = words.slice(split[1].length + 1);
  } else if (splitFirst) {
    periodText = splitFirst[1];
    yearText = splitFirst[2];
  }
  if (yearText === undefined || periodText === undefined) return fail('');
  const period = periodFromWords(periodText.replace(/ /g, ''));
  if (period === undefined) return fail('the period must be P1 to P12 or Q1 to Q4; ');
  const fiscalYear = parseFiscalYear(yearText, startMonth);
  if (!fiscalYear.ok) return fail(`the year is not one I can read; `);
  return { ok: true, value: { year: fiscalYear.value, period } };
}

/**
 * The period as a report heads it.
 *
 * @example
 * formatMonitoringPeriod({ year: 2019, period: 8 }); // '2019/20 P8'
 */
export function formatMonitoringPeriod(
  at: MonitoringPeriod,
  startMonth: Month = DEFAULT_START_MONTH,
): string {
  return `${formatFiscalYear(at.year, startMonth)} P${at.period}`;
}

/**
 * Orders periods: negative when `a` comes first.
 *
 * @example
 * compareMonitoringPeriods({ year: 2019, period: 12 }, { year: 2020, period: 1 }); // < 0
 */
export function compareMonitoringPeriods(a: MonitoringPeriod, b: MonitoringPeriod): number {
  return a.year * 12 + a.period - (b.year * 12 + b.period);
}

/**
 * The last day of a period: P8 of 2019/20 ends on 30 November 2019.
 *
 * @example
 * periodEndDate({ year: 2019, period: 8 }); // { year: 2019, month: 11, day: 30 }
 * periodEndDate({ year: 2019, period: 11 }); // { year: 2020, month: 2, day: 29 }
 */
export function periodEndDate(
  at: MonitoringPeriod,
  startMonth: Month = DEFAULT_START_MONTH,
): CalendarDate {
  const monthIndex = startMonth - 1 + at.period - 1;
  const year = at.year + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 1) as Month;
  return { year, month, day: daysInMonth(year, month) };
}

/**
 * True when a date is on or before the last day of a period (a revision approved by then counts).
 *
 * @example
 * isByEndOf({ year: 2019, month: 11, day: 30 }, { year: 2019, period: 8 }); // true
 */
export function isByEndOf(
  date: CalendarDate,
  at: MonitoringPeriod,
  startMonth: Month = DEFAULT_START_MONTH,
): boolean {
  const end = periodEndDate(at, startMonth);
  return (date.year - end.year || date.month - end.month || date.day - end.day) <= 0;
}

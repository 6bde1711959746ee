/**
 * The quarters a period column covers, from its heading: a year (`2016/17`), a quarter
 * (`2016/17 Q1`, or `Q1` under a year written in the row above), three months (`Apr-Jun`) or one
 * month (`April`, `Apr 2016`, `Apr-16`). Months need a year: in the heading, or in the row above.
 */
import {
  fiscalQuarterOf,
  parseFiscalQuarter,
  parseFiscalYear,
  quarterIndex,
  quartersOfColumn,
  readMonth,
  type Month,
  type Quarter,
} from '../calendar';
import { normaliseText } from '../calendar/text';
import { readHeader } from '../grid';

/** What a heading says about the period its column covers. */
export type PeriodHeading =
  /** Quarter indexes (ascending) the column covers. */
  | { kind: 'period'; quarters: number[] }
  /** A quarter or months that need a fiscal year from the row above. */
  | { kind: 'needs year'; place: (year: number) => number[] }
  | { kind: 'none' };

const MONTH_WORD = '([a-z]{3,9})\\.?';
const YEAR_DIGITS = "(?:\\s*['’-]?\\s*(\\d{4}|\\d{2}))?";
const ONE_MONTH = new RegExp(`^${MONTH_WORD}${YEAR_DIGITS}$`);
const MONTH_RANGE = new RegExp(`^${MONTH_WORD}\\s*(?:-|to)\\s*${MONTH_WORD}${YEAR_DIGITS}$`);
const BARE_QUARTER = /^(?:quarter\s*|q\s*)([1-4])$/;

/** The quarter a month falls in, for a fiscal year. */
function quarterOfMonth(month: Month, fiscalYear: number, startMonth: Month): number {
  const calendarYear = month >= startMonth ? fiscalYear : fiscalYear + 1;
  return quarterIndex(fiscalQuarterOf({ year: calendarYear, month, day: 1 }, startMonth));
}

function calendarYearOf(digits: string): number {
  return digits.length === 4 ? Number(digits) : 2000 + Number(digits);
}

function monthsHeading(
  first: Month,
  last: Month,
  yearDigits: string | undefined,
  startMonth: Month,
): PeriodHeading {
  const place = (fiscalYear: number): number[] => {
    const from = quarterOfMonth(first, fiscalYear, startMonth);
    const to = quarterOfMonth(last, fiscalYear, startMonth);
    const quarters: number[] = [];
    for (let q = from; q <= to; q++) quarters.push(q);
    return quarters;
  };
  if (yearDigits === undefined) return { kind: 'needs year', place };
  // `Apr 2016` and `Jan-Mar 2017` name the calendar year of the (first) month.
  const calendarYear = calendarYearOf(yearDigits);
  const fiscalYear = first >= startMonth || startMonth === 1 ? calendarYear : calendarYear - 1;
  return { kind: 'period', quarters: place(fiscalYear) };
}

/**
 * Reads a period column's heading.
 *
 * @example
 * readPeriodHeading('2016/17'); // { kind: 'period', quarters: [2016 Q1 .. 2016 Q4 as indexes] }
 * readPeriodHeading('Apr-Jun'); // { kind: 'needs year', place } (the year is in the row above)
 * readPeriodHeading('Impact'); // { kind: 'none' }
 */
export function readPeriodHeading(heading: unknown, startMonth: Month = 4): PeriodHeading {
  if (typeof heading !== 'string' || heading.length > 60) return { kind: 'none' };
  const text = normaliseText(heading);
  if (text === '') return { kind: 'none' };
  const quarter = BARE_QUARTER.exec(text);
  if (quarter) {
    const q = Number(quarter[1]) as Quarter;
    return { kind: 'needs year', place: (year) => [quarterIndex({ year, quarter: q })] };
  }
  const range = MONTH_RANGE.exec(text);
  if (range) {
    const first = readMonth(range[1]);
    const last = readMonth(range[2]);
    if (first !== undefined && last !== undefined) {
      const heading = monthsHeading(first, last, range[3], startMonth);
      // A range must run forwards within one fiscal year (Apr-Jun, Jan-Mar).
      if (heading.kind !== 'needs year' || heading.place(2000).length > 0) return heading;
    }
  }
  const month = ONE_MONTH.exec(text);
  if (month) {
    const which = readMonth(month[1]);
    if (which !== undefined) return monthsHeading(which, which, month[2], startMonth);
  }
  if (/q\s*[1-4]/.test(text)) {
    const quarter = parseFiscalQuarter(heading, startMonth);
    if (quarter.ok) return { kind: 'period', quarters: [quarterIndex(quarter.value)] };
  }
  const meaning = readHeader(heading);
  if (meaning.role === 'period' && meaning.period)
    return { kind: 'period', quarters: quartersOfColumn(meaning.period) };
  // A bare calendar year under a January start (`2016`): read with the calendar's own reader.
  const year = parseFiscalYear(heading, startMonth);
  if (year.ok)
    return { kind: 'period', quarters: quartersOfColumn({ kind: 'year', year: year.value }) };
  return { kind: 'none' };
}

/**
 * The fiscal year a row of headings above a column gives it: the nearest year label at or to the
 * left of the column (a merged cell shows its label in its first column only).
 *
 * @example
 * yearAbove(['2016/17', '', '', '', '2017/18'], 2); // 2016
 */
export function yearAbove(
  row: readonly unknown[] | undefined,
  column: number,
  startMonth: Month = 4,
): number | undefined {
  if (!row) return undefined;
  for (let c = Math.min(column, row.length - 1); c >= 0; c--) {
    const cell = row[c];
    if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''))
      continue;
    const year = parseFiscalYear(
      typeof cell === 'number' ? String(cell) : String(cell),
      startMonth,
    );
    return year.ok ? year.value : undefined;
  }
  return undefined;
}

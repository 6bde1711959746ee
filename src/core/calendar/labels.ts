/**
 * Fiscal year and quarter labels as reports write them.
 *
 * Accepted year forms: `2019/20`, `19/20`, `2019-20`, `2019/2020`, `FY2019/20`, `FY19/20`,
 * `FY 2019/20`; with a January start the fiscal year is the calendar year: `2019`, `FY2019`.
 * Formatting always writes `2019/20` (or `2019`).
 *
 * Two-digit years: `00`..`68` are 2000..2068 and `69`..`99` are 1969..1999 (the POSIX `%y` rule).
 * Capital plans reach decades ahead (30-year housing plans run past 2050), so the window leans
 * forward further than Excel's own 1930..2029 rule would. A two-digit second year is read as the
 * year after the first, so `99/00` is 1999/2000 and `1999-00` crosses the century.
 */
import type { Parsed } from '../findings';
import { MONTH_NAMES } from './options';
import { normaliseText, quoteForMessage } from './text';
import {
  DEFAULT_START_MONTH,
  MAX_FISCAL_YEAR,
  MIN_FISCAL_YEAR,
  type FiscalQuarter,
  type FiscalYear,
  type Month,
  type Quarter,
} from './types';

/** Two-digit years up to this one are in the 2000s; later ones in the 1900s. */
export const TWO_DIGIT_YEAR_PIVOT = 68;

/** Most fiscal years `quarterHeaders` writes in one row (Excel has 16,384 columns). */
export const MAX_HEADER_YEARS = 1000;

/**
 * The four-digit year for a two-digit one (see the module note for the window).
 *
 * @example
 * expandTwoDigitYear(19); // 2019
 * expandTwoDigitYear(99); // 1999
 */
export function expandTwoDigitYear(twoDigits: number): number {
  return twoDigits <= TWO_DIGIT_YEAR_PIVOT ? 2000 + twoDigits : 1900 + twoDigits;
}

/** The fiscal years a year term covers: one year, or a span of whole years. */
export interface YearSpan {
  readonly first: FiscalYear;
  readonly last: FiscalYear;
}

function readStartDigits(digits: string): number | undefined {
  if (digits.length === 4) return Number(digits);
  if (digits.length === 2) return expandTwoDigitYear(Number(digits));
  return undefined;
}

/** The year a second part names: four digits as written; two digits as the next such year. */
function readEndDigits(first: number, digits: string): number | undefined {
  if (digits.length === 4) return Number(digits);
  if (digits.length !== 2) return undefined;
  const sameCentury = first - (first % 100) + Number(digits);
  if (sameCentury > first) return sameCentury;
  // `1999/00` crosses the century; `2019/18` runs backwards and is reported as such.
  return sameCentury + 100 - first <= 50 ? sameCentury + 100 : sameCentury;
}

/**
 * Interprets the parts of a year term (`FY` prefix, start digits, `/` or `-`, end digits) as the
 * fiscal years it covers. A `-` with a later end is a span of whole years (`2017-20` is 2017/18
 * to 2019/20) when `allowSpan` is set. On failure the message is the reason and how to write it,
 * ready to follow "Cannot read ... 'text': ". Shared with the phasing reader.
 *
 * @example
 * readYearTerm({ prefixed: false, start: '2017', separator: '-', end: '20' }, 4, true); // { ok: true, value: { first: 2017, last: 2019 } }
 */
export function readYearTerm(
  term: { prefixed: boolean; start: string; separator?: '/' | '-'; end?: string },
  startMonth: Month,
  allowSpan: boolean,
): Parsed<YearSpan> {
  const first = readStartDigits(term.start);
  const calendarYears = startMonth === 1;
  const example = calendarYears ? "'2019'" : "'2019/20'";
  if (
    first === undefined ||
    (term.start.length === 2 && calendarYears && !term.prefixed && term.separator === undefined)
  ) {
    return { ok: false, message: `write the year with four digits, e.g. ${example}` };
  }
  let result: YearSpan;
  if (term.separator === undefined || term.end === undefined) {
    if (!calendarYears) {
      return {
        ok: false,
        message: `a financial year starting in ${MONTH_NAMES[startMonth - 1]} spans two calendar years; write e.g. '${formatFiscalYear(first, startMonth)}'`,
      };
    }
    result = { first, last: first };
  } else {
    const end = readEndDigits(first, term.end);
    if (end === undefined)
      return { ok: false, message: `write the years with two or four digits, e.g. ${example}` };
    if (end <= first) {
      return {
        ok: false,
        message: `the years run backwards; write the earlier year first, e.g. '${formatFiscalYear(Math.max(end, MIN_FISCAL_YEAR), startMonth)}'`,
      };
    }
    if (calendarYears) {
      if (term.separator === '/' || !allowSpan) {
        return {
          ok: false,
          message: `a financial year starting in January is the calendar year; write e.g. '${first}'`,
        };
      }
      result = { first, last: end };
    } else if (end === first + 1) {
      result = { first, last: first };
    } else if (term.separator === '-' && allowSpan) {
      result = { first, last: end - 1 };
    } else {
      return {
        ok: false,
        message: `that is more than one year; write '${formatFiscalYear(first, startMonth)}' for one year, or '${first}-${String(end % 100).padStart(2, '0')}' for ${formatFiscalYear(first, startMonth)} to ${formatFiscalYear(end - 1, startMonth)}`,
      };
    }
  }
  if (result.first < MIN_FISCAL_YEAR || result.last > MAX_FISCAL_YEAR) {
    return {
      ok: false,
      message: `years must fall between ${MIN_FISCAL_YEAR} and ${MAX_FISCAL_YEAR}; write e.g. ${example}`,
    };
  }
  return { ok: true, value: result };
}

const YEAR_LABEL = /^(fy ?)?(\d+)(?: ?([/-]) ?(\d+))?$/;

function parseYearLabelText(normalised: string, startMonth: Month): Parsed<FiscalYear> | undefined {
  const match = YEAR_LABEL.exec(normalised);
  if (!match) return undefined;
  const read = readYearTerm(
    {
      prefixed: match[1] !== undefined,
      start: match[2],
      separator: match[3] as '/' | '-' | undefined,
      end: match[4],
    },
    startMonth,
    false,
  );
  return read.ok ? { ok: true, value: read.value.first } : read;
}

/**
 * Reads a fiscal year label. Returns the year it starts in.
 *
 * @example
 * parseFiscalYear('FY19/20'); // { ok: true, value: 2019 }
 * parseFiscalYear('99/00'); // { ok: true, value: 1999 }
 * parseFiscalYear('2019'); // { ok: false, message: "Cannot read financial year '2019': ... write e.g. '2019/20'" }
 * parseFiscalYear('2019', 1); // { ok: true, value: 2019 }
 */
export function parseFiscalYear(
  text: string,
  startMonth: Month = DEFAULT_START_MONTH,
): Parsed<FiscalYear> {
  const normalised = normaliseText(String(text));
  const read = normalised.length <= 40 ? parseYearLabelText(normalised, startMonth) : undefined;
  if (read?.ok) return read;
  const reason = read ? read.message : `write e.g. ${startMonth === 1 ? "'2019'" : "'2019/20'"}`;
  return {
    ok: false,
    message: `Cannot read financial year '${quoteForMessage(String(text))}': ${reason}`,
  };
}

/**
 * Writes a fiscal year as reports do: `2019/20`, or `2019` when the year starts in January.
 *
 * @example
 * formatFiscalYear(2019); // '2019/20'
 * formatFiscalYear(1999); // '1999/00'
 * formatFiscalYear(2019, 1); // '2019'
 */
export function formatFiscalYear(
  year: FiscalYear,
  startMonth: Month = DEFAULT_START_MONTH,
): string {
  if (startMonth === 1) return String(year);
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

const QUARTER_LAST = /^(.+?) ?q(\d+)$/;
const QUARTER_FIRST = /^q(\d+) ?(.+)$/;

/**
 * Reads a quarter label: `2016/17 Q1` or `Q1 2016/17` (any year form {@link parseFiscalYear} reads).
 *
 * @example
 * parseFiscalQuarter('Q1 2016/17'); // { ok: true, value: { year: 2016, quarter: 1 } }
 * parseFiscalQuarter('2016/17 Q5'); // { ok: false, message: "Cannot read quarter '2016/17 Q5': Q5 is not a quarter ..." }
 */
export function parseFiscalQuarter(
  text: string,
  startMonth: Month = DEFAULT_START_MONTH,
): Parsed<FiscalQuarter> {
  const original = String(text);
  const normalised = normaliseText(original);
  const fail = (reason: string): Parsed<FiscalQuarter> => ({
    ok: false,
    message: `Cannot read quarter '${quoteForMessage(original)}': ${reason}`,
  });
  const example = `${formatFiscalYear(2016, startMonth)} Q1`;
  if (normalised.length > 40) return fail(`write e.g. '${example}'`);
  const last = QUARTER_LAST.exec(normalised);
  const first = last ? undefined : QUARTER_FIRST.exec(normalised);
  const yearText = last ? last[1] : first?.[2];
  const quarterText = last ? last[2] : first?.[1];
  if (yearText === undefined || quarterText === undefined) return fail(`write e.g. '${example}'`);
  const quarter = Number(quarterText);
  if (!(quarter >= 1 && quarter <= 4) || quarterText.length > 1) {
    return fail(
      `Q${quarterText} is not a quarter (quarters are Q1 to Q4); write e.g. '${example}'`,
    );
  }
  const year = parseYearLabelText(yearText, startMonth);
  if (!year) return fail(`write e.g. '${example}'`);
  if (!year.ok) return fail(year.message);
  return { ok: true, value: { year: year.value, quarter: quarter as Quarter } };
}

/**
 * Writes a quarter as `2016/17 Q1`.
 *
 * @example
 * formatFiscalQuarter({ year: 2016, quarter: 1 }); // '2016/17 Q1'
 */
export function formatFiscalQuarter(
  quarter: FiscalQuarter,
  startMonth: Month = DEFAULT_START_MONTH,
): string {
  return `${formatFiscalYear(quarter.year, startMonth)} Q${quarter.quarter}`;
}

/**
 * The quarter header row from one fiscal year to another, both included.
 *
 * @example
 * quarterHeaders(2016, 2019); // { ok: true, value: ['2016/17 Q1', '2016/17 Q2', ..., '2019/20 Q4'] } (16 labels)
 * quarterHeaders(2019, 2016); // { ok: false, message: 'Cannot write quarter headings from 2019/20 to 2016/17: ...' }
 */
export function quarterHeaders(
  firstYear: FiscalYear,
  lastYear: FiscalYear,
  startMonth: Month = DEFAULT_START_MONTH,
): Parsed<string[]> {
  const valid = (year: number) =>
    Number.isInteger(year) && year >= MIN_FISCAL_YEAR && year <= MAX_FISCAL_YEAR;
  if (!valid(firstYear) || !valid(lastYear)) {
    return {
      ok: false,
      message: `Cannot write quarter headings from ${String(firstYear)} to ${String(lastYear)}: give the years the financial years start in, between ${MIN_FISCAL_YEAR} and ${MAX_FISCAL_YEAR}, e.g. 2016 and 2019 for ${formatFiscalYear(2016, startMonth)} to ${formatFiscalYear(2019, startMonth)}`,
    };
  }
  if (lastYear < firstYear) {
    return {
      ok: false,
      message: `Cannot write quarter headings from ${formatFiscalYear(firstYear, startMonth)} to ${formatFiscalYear(lastYear, startMonth)}: the last year comes before the first; give the earlier year first`,
    };
  }
  if (lastYear - firstYear + 1 > MAX_HEADER_YEARS) {
    return {
      ok: false,
      message: `Cannot write quarter headings for ${lastYear - firstYear + 1} years: the most is ${MAX_HEADER_YEARS}`,
    };
  }
  const labels: string[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const label = formatFiscalYear(year, startMonth);
    labels.push(`${label} Q1`, `${label} Q2`, `${label} Q3`, `${label} Q4`);
  }
  return { ok: true, value: labels };
}

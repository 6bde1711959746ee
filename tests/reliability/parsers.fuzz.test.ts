/**
 * fast-check fuzzing of every parser (issue 7): at least 10,000 cases each. Every parser answers
 * `{ ok: true, value }` or `{ ok: false, message }` with a short, non-empty message; never throws.
 * Where a formatter exists (money, phasing, fiscal labels, period headings), text that parses is
 * written back and read again to the same value, and the written form is a fixed point.
 * Properties return booleans rather than call expect: much faster over 10,000 runs, and fast-check
 * still shrinks to the smallest failing input.
 */
import fc from 'fast-check';
import {
  type Month,
  type PeriodColumn,
  formatFiscalQuarter,
  formatFiscalYear,
  formatPeriodColumn,
  isValidDate,
  parseDateText,
  parseFiscalQuarter,
  parseFiscalYear,
  readDate,
  readPeriodHeaders,
  resolveStartMonth,
} from '../../src/core/calendar';
import {
  MONEY_UNITS,
  type MoneyUnit,
  equals,
  formatMoney,
  parseMoney,
  unitFromHeader,
} from '../../src/core/money';
import { parseConvention } from '../../src/core/monitoring';
import { PROFILE_NAMES, formatPhasing, parsePhasing, parseProfile } from '../../src/core/phasing';
import { recogniseTable } from '../../src/core/grid';
import type { Parsed } from '../../src/core/findings';

const RUNS = 10_000;
const options = { numRuns: RUNS };

/** Messages stay readable even for 10,000-character input (it is shortened, not echoed). */
const MAX_MESSAGE = 600;

function wellFormed<T>(result: Parsed<T>): boolean {
  if (result === null || typeof result !== 'object') return false;
  if (result.ok) return 'value' in result;
  return (
    typeof result.message === 'string' &&
    result.message.trim().length > 0 &&
    result.message.length <= MAX_MESSAGE
  );
}

const month = fc.integer({ min: 1, max: 12 }).map((m) => m as Month);
const unit = fc.constantFrom<MoneyUnit>(...MONEY_UNITS);

/** Text built from the pieces a domain uses, so random input often comes close to valid. */
function textOf(pieces: readonly string[], maxLength = 12): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength }).map((parts) => parts.join(''));
}

const UNICODE_TRAPS = [
  '\u2212',
  '\u2013',
  '\u2014',
  '\u00a0',
  '\u2009',
  '\u202f',
  '\u200b',
  '\ufeff',
  '\ud800',
  '💷',
  '\u0000',
  '\t',
  '\n',
];

/** Random text of several flavours, plus a domain's own pieces. */
function hostileText(pieces: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: textOf([...pieces, ...UNICODE_TRAPS]) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'x'.repeat(10_000),
        '9'.repeat(10_000),
        ' '.repeat(5_000),
        '2016/17 Q1 '.repeat(500),
      ),
    },
  );
}

const YEAR_PIECES = [
  '2016',
  '2019',
  '1999',
  '2000',
  '9999',
  '0000',
  '16',
  '17',
  '99',
  '00',
  '/',
  '-',
  ' ',
  'FY',
  'fy',
  '20',
  '/17',
  '/00',
  '1',
  '0',
  '.',
  '+',
];
const QUARTER_PIECES = [
  ...YEAR_PIECES,
  'Q',
  'q',
  'Q1',
  'Q4',
  'Q5',
  'Q0',
  'Quarter ',
  '2016/17 Q',
  ' Q',
];
const PHASING_PIECES = [
  ...QUARTER_PIECES,
  ' - ',
  '-',
  ' and ',
  ', ',
  ' to ',
  'TBC',
  'tbc',
  'n/a',
  '2016/17 Q2-4',
  '2017-20',
  '2017/18 Q4 - 2019/20 Q1',
  '2019/18',
  'Q4-1',
  '99/00',
  '&',
];
const MONEY_PIECES = [
  '£',
  '0',
  '1',
  '2',
  '5',
  '9',
  ',',
  '.',
  '(',
  ')',
  '-',
  '+',
  'k',
  'm',
  'bn',
  ' ',
  'c',
  'circa ',
  'million',
  '%',
  '$',
  "'",
  'e',
  '1,250',
  '000',
];
const DATE_PIECES = [
  '30',
  '31',
  '29',
  '02',
  '11',
  '2019',
  '2020',
  '1900',
  '/',
  '-',
  ' ',
  'Nov',
  'February',
  'Feb',
  '0',
  '13',
  '.',
  '1',
];
const HEADER_PIECES = [
  '£',
  'm',
  'k',
  "'000",
  "m's",
  'bn',
  'Capital ',
  'Budget',
  '(',
  ')',
  ' ',
  '2019/20',
  '100',
  'Impact',
  '£ ',
  '000',
];
const PROFILE_PIECES = [
  'even',
  'front',
  'back',
  'scurve',
  'S-curve',
  'S',
  ' ',
  ',',
  ';',
  '1',
  '0',
  '-1',
  '2.5',
  'e',
  '1e308',
  'NaN',
  'Infinity',
];
const CONVENTION_PIECES = [
  'budget',
  'forecast',
  ' - ',
  ' minus ',
  '-',
  'positive',
  ' = ',
  'overspend',
  'underspend',
  '\u2212',
  'Budget',
  'FORECAST',
  ' ',
];

/** Cell values as any host might hand them over, and then some. */
const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, 5e-324, 43799, 0, 60, 61, 2958465, 2958466),
  hostileText([...QUARTER_PIECES, ...MONEY_PIECES.slice(0, 8)]),
  fc.boolean(),
  fc.constantFrom(null, undefined, '', { code: '#REF!' }, {}, [], [[1]]),
);

/** Writes a calendar date as ISO `YYYY-MM-DD`, a form parseDateText reads. */
function isoDate(date: { year: number; month: number; day: number }): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

describe('fuzzing every parser (10,000 cases each)', () => {
  it('parseMoney: never throws; parse -> format -> parse gives the same amount', () => {
    fc.assert(
      fc.property(
        hostileText(MONEY_PIECES),
        unit,
        fc.option(unit, { nil: undefined }),
        (text, target, assumed) => {
          const read = parseMoney(text, { unit: target, assumedUnit: assumed });
          if (!wellFormed(read)) return false;
          if (!read.ok) return true;
          const written = formatMoney(read.value.value, { unit: target });
          const again = parseMoney(written, { unit: target });
          return (
            again.ok &&
            equals(again.value.value, read.value.value) &&
            formatMoney(again.value.value, { unit: target }) === written
          );
        },
      ),
      options,
    );
  });

  it('unitFromHeader: never throws and answers a known unit or nothing', () => {
    fc.assert(
      fc.property(hostileText(HEADER_PIECES), (header) => {
        const found = unitFromHeader(header);
        return found === undefined || MONEY_UNITS.includes(found);
      }),
      options,
    );
  });

  it('parsePhasing: never throws; parse -> format -> parse gives the same quarters', () => {
    fc.assert(
      fc.property(hostileText(PHASING_PIECES), month, (text, start) => {
        const read = parsePhasing(text, start);
        if (!wellFormed(read)) return false;
        if (!read.ok) return true;
        const written = formatPhasing(read.value, start);
        const again = parsePhasing(written, start);
        if (!again.ok) return false;
        if (read.value.kind === 'not phased')
          return again.value.kind === 'not phased' && written === 'TBC';
        return (
          again.value.kind === 'phased' &&
          JSON.stringify(again.value.quarters) === JSON.stringify(read.value.quarters) &&
          formatPhasing(again.value, start) === written
        );
      }),
      options,
    );
  });

  it('parseFiscalYear: never throws; parse -> format -> parse gives the same year', () => {
    fc.assert(
      fc.property(hostileText(YEAR_PIECES), month, (text, start) => {
        const read = parseFiscalYear(text, start);
        if (!wellFormed(read)) return false;
        if (!read.ok) return true;
        if (!Number.isInteger(read.value)) return false;
        const again = parseFiscalYear(formatFiscalYear(read.value, start), start);
        return again.ok && again.value === read.value;
      }),
      options,
    );
  });

  it('parseFiscalQuarter: never throws; parse -> format -> parse gives the same quarter', () => {
    fc.assert(
      fc.property(hostileText(QUARTER_PIECES), month, (text, start) => {
        const read = parseFiscalQuarter(text, start);
        if (!wellFormed(read)) return false;
        if (!read.ok) return true;
        if (![1, 2, 3, 4].includes(read.value.quarter)) return false;
        const again = parseFiscalQuarter(formatFiscalQuarter(read.value, start), start);
        return (
          again.ok &&
          again.value.year === read.value.year &&
          again.value.quarter === read.value.quarter
        );
      }),
      options,
    );
  });

  it('readPeriodHeaders: never throws on any row of cells; written headings read back the same', () => {
    const headingCell = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          '2016/17 Q1',
          '2016/17 Q2',
          'Q3 2016/17',
          '2016/17 Q4',
          '2017/18',
          '2018/19',
          '2017/18 Q1',
          'FY19/20',
          '99/00',
          '2019/18',
          '2016/17 Q5',
        ),
      },
      { weight: 1, arbitrary: cellValue },
    );
    fc.assert(
      fc.property(fc.array(headingCell, { maxLength: 12 }), month, (cells, start) => {
        const read = readPeriodHeaders(cells, start);
        if (!wellFormed(read)) return false;
        if (!read.ok) return true;
        const columns: PeriodColumn[] = read.value;
        if (columns.length !== cells.length) return false;
        const again = readPeriodHeaders(
          columns.map((column) => formatPeriodColumn(column, start)),
          start,
        );
        return again.ok && JSON.stringify(again.value) === JSON.stringify(columns);
      }),
      options,
    );
  });

  it('parseDateText: never throws; a date it reads exists and reads back from ISO text', () => {
    fc.assert(
      fc.property(hostileText(DATE_PIECES), (text) => {
        const read = parseDateText(text);
        if (!wellFormed(read)) return false;
        if (!read.ok) return true;
        if (!isValidDate(read.value)) return false;
        const again = parseDateText(isoDate(read.value));
        return again.ok && JSON.stringify(again.value) === JSON.stringify(read.value);
      }),
      options,
    );
  });

  it('readDate: never throws on any cell value, and any date it reads exists', () => {
    fc.assert(
      fc.property(
        fc.oneof(cellValue, fc.anything()),
        fc.constantFrom<1900 | 1904>(1900, 1904),
        (value, system) => {
          const read = readDate(value, system);
          if (!wellFormed(read)) return false;
          if (!read.ok) return true;
          // Serial 60 of the 1900 system is Excel's phantom 29 Feb 1900, kept so it round-trips.
          const phantom =
            system === 1900 &&
            read.value.year === 1900 &&
            read.value.month === 2 &&
            read.value.day === 29;
          return isValidDate(read.value) || phantom;
        },
      ),
      options,
    );
  });

  it('parseProfile: never throws on any value; a profile it reads is a name or usable weights', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileText(PROFILE_PIECES),
          cellValue,
          fc.array(fc.array(cellValue, { maxLength: 5 }), { maxLength: 3 }),
          fc.anything(),
        ),
        (value) => {
          const read = parseProfile(value);
          if (!wellFormed(read)) return false;
          if (!read.ok) return true;
          if (typeof read.value === 'string') return PROFILE_NAMES.includes(read.value);
          const weights = read.value;
          return (
            weights.length > 0 &&
            weights.every((weight) => Number.isFinite(weight) && weight >= 0) &&
            weights.some((weight) => weight > 0)
          );
        },
      ),
      options,
    );
  });

  it('parseConvention: never throws and answers one of the two conventions or a message', () => {
    fc.assert(
      fc.property(hostileText(CONVENTION_PIECES), (text) => {
        const read = parseConvention(text);
        return (
          wellFormed(read) &&
          (!read.ok ||
            read.value === 'budget-minus-forecast' ||
            read.value === 'forecast-minus-budget')
        );
      }),
      options,
    );
  });

  it('recogniseTable: never throws on random small grids, and what it recognises lies inside the grid', () => {
    const HEADER_WORDS = [
      'Ref',
      'Scheme',
      'Budget',
      'Approved budget £m',
      'Revised budget',
      'Forecast',
      'Variance',
      'Actual',
      'Phasing',
      'Status',
      'Total',
      'Sub-total',
      'Grand total',
      '2016/17 Q1',
      '2016/17',
      '£k',
      'Capital £m',
      'Impact',
      '',
    ];
    const gridCell = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HEADER_WORDS) },
      {
        weight: 3,
        arbitrary: fc.oneof(
          fc.integer({ min: -1000, max: 1000 }),
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        ),
      },
      { weight: 2, arbitrary: cellValue },
    );
    const grid = fc
      .record({ rows: fc.integer({ min: 0, max: 8 }), columns: fc.integer({ min: 0, max: 8 }) })
      .chain(({ rows, columns }) =>
        fc.record({
          values: fc.array(fc.array(gridCell, { minLength: columns, maxLength: columns }), {
            minLength: rows,
            maxLength: rows,
          }),
          numberFormats: fc.option(
            fc.array(
              fc.array(
                fc.option(
                  fc.constantFrom(
                    '0.0',
                    '#,##0.00',
                    'General',
                    '@',
                    '£#,##0.0,,"m"',
                    '[Red](0.0)',
                    '0.0.0',
                    ';;;',
                    '0%',
                    'garbage"',
                  ),
                  { nil: undefined },
                ),
                { minLength: columns, maxLength: columns },
              ),
              { minLength: rows, maxLength: rows },
            ),
            { nil: undefined },
          ),
          origin: fc.option(
            fc.record({
              row: fc.integer({ min: 0, max: 1_048_575 }),
              column: fc.integer({ min: 0, max: 16_383 }),
            }),
            { nil: undefined },
          ),
        }),
      );
    fc.assert(
      fc.property(grid, (g) => {
        const table = recogniseTable({ sheet: 'Fuzz', ...g });
        if (table === undefined) return true;
        const width = g.values[0]?.length ?? 0;
        return table.columns.every((column) => column.index >= 0 && column.index < width);
      }),
      options,
    );
  });

  it('quotes a 10,000-character convention shortly in its message (regression)', () => {
    // Found by this fuzzing: the message echoed all 10,000 characters back.
    const read = parseConvention('x'.repeat(10_000));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message.length).toBeLessThan(300);
  });

  it('answers a message, not a throw, for a value that cannot be turned into text (regression)', () => {
    // Found by this fuzzing: readDate, parseProfile and resolveStartMonth called String(value),
    // which throws for an object whose toString is not a function.
    const unprintable = { toString: '' };
    expect(readDate(unprintable).ok).toBe(false);
    expect(parseProfile(unprintable).ok).toBe(false);
    expect(resolveStartMonth(Object.create(null)).ok).toBe(false);
  });

  it("reads a profile named like an Object property ('__proto__', 'constructor') as unknown (regression)", () => {
    // Found by this fuzzing: ALIASES['__proto__'] found Object.prototype and answered ok.
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect([name, parseProfile(name).ok]).toEqual([name, false]);
    }
  });
});

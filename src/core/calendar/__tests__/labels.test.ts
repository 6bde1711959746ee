import fc from 'fast-check';
import {
  expandTwoDigitYear,
  formatFiscalQuarter,
  formatFiscalYear,
  parseFiscalQuarter,
  parseFiscalYear,
  quarterHeaders,
} from '../labels';
import type { Month } from '../types';

const startMonths = fc.integer({ min: 1, max: 12 }).map((month) => month as Month);

describe('reading financial year labels', () => {
  it.each([
    '2019/20',
    '19/20',
    '2019-20',
    'FY2019/20',
    'FY19/20',
    'FY 2019/20',
    '2019/2020',
    'fy2019-20',
    ' 2019 / 20 ',
    '2019\u00A0/\u00A020',
    '2019\u201320',
  ])('reads %p as 2019/20', (label) => {
    expect(parseFiscalYear(label)).toEqual({ ok: true, value: 2019 });
  });

  it.each([
    ['1999/00', 1999],
    ['99/00', 1999],
    ['1999-2000', 1999],
    ['00/01', 2000],
    ['68/69', 2068],
    ['69/70', 1969],
  ])('reads %p across or near the century as %d', (label, year) => {
    expect(parseFiscalYear(label)).toEqual({ ok: true, value: year });
  });

  it('puts two-digit years 00-68 in the 2000s and 69-99 in the 1900s', () => {
    expect(expandTwoDigitYear(0)).toBe(2000);
    expect(expandTwoDigitYear(68)).toBe(2068);
    expect(expandTwoDigitYear(69)).toBe(1969);
  });

  it.each([
    ['2019/18', /run backwards.*'2018\/19'/],
    ['2019-18', /run backwards/],
    ['2017/20', /more than one year.*'2017\/18'.*'2017-20'/],
    ['2019', /spans two calendar years.*'2019\/20'/],
    ['2019/20 Q1', /write e\.g\./],
    ['next year', /write e\.g\. '2019\/20'/],
    ['', /write e\.g\./],
    ['201/20', /two or four digits|four digits/],
    ['1899/00', /between 1900 and 9998/],
    ['x'.repeat(10000), /write e\.g\./],
  ])('rejects %p with a message that says how to write it', (label, message) => {
    const result = parseFiscalYear(label);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^Cannot read financial year '/);
      expect(result.message).toMatch(message);
      expect(result.message.length).toBeLessThan(300);
    }
  });

  it('reads a January year as the calendar year and refuses a split label for it', () => {
    expect(parseFiscalYear('2019', 1)).toEqual({ ok: true, value: 2019 });
    expect(parseFiscalYear('FY19', 1)).toEqual({ ok: true, value: 2019 });
    expect(parseFiscalYear('2019/20', 1).ok).toBe(false);
  });
});

describe('writing financial year labels', () => {
  it('writes 2019/20, 1999/00 and, for a January year, 2019', () => {
    expect(formatFiscalYear(2019)).toBe('2019/20');
    expect(formatFiscalYear(1999)).toBe('1999/00');
    expect(formatFiscalYear(2009, 7)).toBe('2009/10');
    expect(formatFiscalYear(2019, 1)).toBe('2019');
  });

  it('round-trips year labels for every start month', () => {
    fc.assert(
      fc.property(startMonths, fc.integer({ min: 1900, max: 9998 }), (startMonth, year) => {
        const read = parseFiscalYear(formatFiscalYear(year, startMonth), startMonth);
        return read.ok && read.value === year;
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips quarter labels for every start month, in both word orders', () => {
    fc.assert(
      fc.property(
        startMonths,
        fc.integer({ min: 1900, max: 9998 }),
        fc.constantFrom(1, 2, 3, 4),
        (startMonth, year, q) => {
          const quarter = { year, quarter: q as 1 | 2 | 3 | 4 };
          const label = formatFiscalQuarter(quarter, startMonth);
          const swapped = `Q${q} ${formatFiscalYear(year, startMonth)}`;
          const read = parseFiscalQuarter(label, startMonth);
          const readSwapped = parseFiscalQuarter(swapped, startMonth);
          return (
            read.ok &&
            readSwapped.ok &&
            read.value.year === year &&
            read.value.quarter === q &&
            readSwapped.value.year === year
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads the short forms of every two-digit year in its window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1969, max: 2067 }), (year) => {
        const yy = (n: number) => String(n % 100).padStart(2, '0');
        const read = parseFiscalYear(`FY${yy(year)}/${yy(year + 1)}`);
        return read.ok && read.value === year;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('quarter labels', () => {
  it('reads 2016/17 Q1 and Q1 2016/17 alike', () => {
    expect(parseFiscalQuarter('2016/17 Q1')).toEqual({
      ok: true,
      value: { year: 2016, quarter: 1 },
    });
    expect(parseFiscalQuarter('q1 2016/17')).toEqual({
      ok: true,
      value: { year: 2016, quarter: 1 },
    });
    expect(parseFiscalQuarter('FY16/17 Q4')).toEqual({
      ok: true,
      value: { year: 2016, quarter: 4 },
    });
  });

  it.each([
    ['2016/17 Q5', /Q5 is not a quarter/],
    ['2016/17 Q0', /Q0 is not a quarter/],
    ['2016/17 Q12', /Q12 is not a quarter/],
    ['2016/17', /write e\.g\. '2016\/17 Q1'/],
    ['2017/16 Q1', /run backwards/],
    ['Q1', /write e\.g\./],
  ])('rejects %p with a message', (label, message) => {
    const result = parseFiscalQuarter(label);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('quarter header rows', () => {
  it('writes 2016/17 Q1 ... 2019/20 Q4 in order, 16 labels', () => {
    const result = quarterHeaders(2016, 2019);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toHaveLength(16);
    expect(result.value[0]).toBe('2016/17 Q1');
    expect(result.value[4]).toBe('2017/18 Q1');
    expect(result.value[15]).toBe('2019/20 Q4');
  });

  it('writes one year of a July calendar and of a January calendar', () => {
    expect(quarterHeaders(2020, 2020, 7)).toEqual({
      ok: true,
      value: ['2020/21 Q1', '2020/21 Q2', '2020/21 Q3', '2020/21 Q4'],
    });
    expect(quarterHeaders(2020, 2020, 1)).toEqual({
      ok: true,
      value: ['2020 Q1', '2020 Q2', '2020 Q3', '2020 Q4'],
    });
  });

  it.each([
    [2019, 2016, /last year comes before the first/],
    [2016.5, 2019, /give the years/],
    [Number.NaN, 2019, /give the years/],
    [1000, 3000, /between 1900 and 9998/],
    [1900, 9998, /the most is 1000/],
  ])('refuses %p to %p with a message', (first, last, message) => {
    const result = quarterHeaders(first, last);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

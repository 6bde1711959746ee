import fc from 'fast-check';
import {
  compareFiscalQuarters,
  fiscalPeriodOf,
  fiscalQuarterOf,
  fiscalYearOf,
  fiscalYearStart,
  quarterFromIndex,
  quarterIndex,
} from '../fiscal';
import { formatFiscalQuarter, formatFiscalYear } from '../labels';
import type { Month } from '../types';

describe('where a date falls in an April year (UK public sector)', () => {
  const date = { year: 2019, month: 11, day: 30 } as const;

  it('puts 30 Nov 2019 in 2019/20 Q3, period 8', () => {
    expect(formatFiscalYear(fiscalYearOf(date))).toBe('2019/20');
    expect(formatFiscalQuarter(fiscalQuarterOf(date))).toBe('2019/20 Q3');
    expect(fiscalPeriodOf(date)).toBe(8);
  });

  it('starts the year on 1 April and ends it on 31 March', () => {
    expect(fiscalYearOf({ year: 2019, month: 4, day: 1 })).toBe(2019);
    expect(fiscalYearOf({ year: 2020, month: 3, day: 31 })).toBe(2019);
    expect(fiscalPeriodOf({ year: 2019, month: 4, day: 1 })).toBe(1);
    expect(fiscalPeriodOf({ year: 2020, month: 3, day: 31 })).toBe(12);
    expect(fiscalQuarterOf({ year: 2020, month: 1, day: 15 })).toEqual({ year: 2019, quarter: 4 });
  });
});

describe('other start months', () => {
  it('labels 15 Oct 2019 in an October year 2019/20 by its start year (UK style), period 1, Q1', () => {
    const date = { year: 2019, month: 10, day: 15 } as const;
    expect(formatFiscalYear(fiscalYearOf(date, 10), 10)).toBe('2019/20');
    expect(fiscalQuarterOf(date, 10)).toEqual({ year: 2019, quarter: 1 });
    expect(fiscalPeriodOf(date, 10)).toBe(1);
  });

  it('puts 30 Jun 2020 at the end of a July year 2019/20', () => {
    const date = { year: 2020, month: 6, day: 30 } as const;
    expect(fiscalYearOf(date, 7)).toBe(2019);
    expect(fiscalQuarterOf(date, 7)).toEqual({ year: 2019, quarter: 4 });
    expect(fiscalPeriodOf(date, 7)).toBe(12);
  });

  it('makes a January year the calendar year, labelled 2019', () => {
    const date = { year: 2019, month: 11, day: 30 } as const;
    expect(formatFiscalYear(fiscalYearOf(date, 1), 1)).toBe('2019');
    expect(fiscalPeriodOf(date, 1)).toBe(11);
    expect(fiscalQuarterOf(date, 1)).toEqual({ year: 2019, quarter: 4 });
  });

  it('for any start month, the year start is period 1 of Q1 and the month before it is period 12', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1901, max: 9998 }),
        (month, year) => {
          const startMonth = month as Month;
          const start = fiscalYearStart(year, startMonth);
          const before =
            startMonth === 1
              ? { year: year - 1, month: 12 as Month, day: 31 }
              : { year, month: (startMonth - 1) as Month, day: 28 };
          return (
            fiscalYearOf(start, startMonth) === year &&
            fiscalPeriodOf(start, startMonth) === 1 &&
            fiscalQuarterOf(start, startMonth).quarter === 1 &&
            fiscalYearOf(before, startMonth) === year - 1 &&
            fiscalPeriodOf(before, startMonth) === 12 &&
            fiscalQuarterOf(before, startMonth).quarter === 4
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('quarter indexes', () => {
  it('make consecutive quarters consecutive integers across a year end', () => {
    expect(
      quarterIndex({ year: 2017, quarter: 1 }) - quarterIndex({ year: 2016, quarter: 4 }),
    ).toBe(1);
  });

  it('round-trip and order quarters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900 * 4, max: 9998 * 4 + 3 }),
        (index) => quarterIndex(quarterFromIndex(index)) === index,
      ),
      { numRuns: 1000 },
    );
    expect(
      compareFiscalQuarters({ year: 2016, quarter: 4 }, { year: 2017, quarter: 1 }),
    ).toBeLessThan(0);
  });
});

import fc from 'fast-check';
import { decimal, equals, formatDecimal, fromNumber } from '../../money/decimal';
import type { PhasedColumnAmount } from '../inYearBudget';
import { columnProfiledToDate, profiledToDate, revisedProfiledToDate } from '../profiledToDate';

const d = fromNumber;
const quarters = (amounts: number[], year = 2019): PhasedColumnAmount[] =>
  amounts.map((amount, i) => ({
    column: { kind: 'quarter', year, quarter: (i + 1) as 1 | 2 | 3 | 4 },
    amount: d(amount),
  }));

describe('profiledToDate', () => {
  it('takes passed quarters whole and the months passed of the current one (P8 = Q1, Q2, 2/3 of Q3)', () => {
    expect(
      formatDecimal(profiledToDate(quarters([100, 100, 100, 100]), { year: 2019, period: 8 })),
    ).toBe('266.67');
  });

  it('is nothing before the first quarter spends and all of the year at P12', () => {
    const phased = quarters([0, 50, 30, 20]);
    expect(formatDecimal(profiledToDate(phased, { year: 2019, period: 3 }))).toBe('0');
    expect(formatDecimal(profiledToDate(phased, { year: 2019, period: 12 }))).toBe('100');
  });

  it('ignores the columns of other years', () => {
    const phased = [...quarters([1, 1, 1, 1], 2018), ...quarters([2, 2, 2, 2])];
    expect(formatDecimal(profiledToDate(phased, { year: 2019, period: 6 }))).toBe('4');
  });

  it('profiles a whole-year column by twelfths, as ROUND(year * months / 12, 2) does', () => {
    const phased: PhasedColumnAmount[] = [
      { column: { kind: 'year', year: 2019 }, amount: d(1000) },
    ];
    expect(formatDecimal(profiledToDate(phased, { year: 2019, period: 5 }))).toBe('416.67');
  });

  it('never profiles more than the column or less than none, and its months add up to it (any amount)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (units) => {
        const column: PhasedColumnAmount = {
          column: { kind: 'quarter', year: 2019, quarter: 2 },
          amount: decimal(units, 2),
        };
        let before = columnProfiledToDate(column, 3, 2);
        expect(before.units).toBe(0);
        for (let period = 4; period <= 6; period++) {
          const now = columnProfiledToDate(column, period as 4, 2);
          expect(Math.abs(now.units)).toBeGreaterThanOrEqual(Math.abs(before.units));
          before = now;
        }
        expect(equals(before, column.amount)).toBe(true);
      }),
    );
  });
});

describe('revisedProfiledToDate', () => {
  it('profiles a revised budget in the shape of the approved phasing', () => {
    expect(
      formatDecimal(revisedProfiledToDate(d(300), d(400), d(200), { year: 2019, period: 6 })),
    ).toBe('150.00');
  });

  it('profiles a budget brought into the year evenly by month', () => {
    expect(
      formatDecimal(revisedProfiledToDate(d(120), d(0), d(0), { year: 2019, period: 3 })),
    ).toBe('30.00');
  });

  it('is the approved profile when nothing was revised', () => {
    expect(revisedProfiledToDate(d(400), d(400), d(266.67), { year: 2019, period: 8 })).toEqual(
      d(266.67),
    );
  });
});

import fc from 'fast-check';
import { decimal, equals, formatDecimal, fromNumber, sum } from '../../money/decimal';
import {
  borrowingCostInYear,
  mrpSchedule,
  parseMrpMethod,
  readBorrowingTerms,
  revenueConsequences,
} from '../revenue';

const d = fromNumber;
const shown = (entries: { year: number; amount: { units: number; scale: number } }[]) =>
  entries.map((e) => [e.year, formatDecimal(e.amount, 2)]);

describe('mrpSchedule', () => {
  it('repays straight-line over the life, as ROUND(A*t/n,2)-ROUND(A*(t-1)/n,2) does', () => {
    expect(shown(mrpSchedule(d(1000), 3, 2026))).toEqual([
      [2026, '333.33'],
      [2027, '333.34'],
      [2028, '333.33'],
    ]);
  });

  it('repays by the annuity method in instalments growing at the rate', () => {
    // 1000 over 2 years at 10%: the annuity is 576.19; principal 476.19 then 523.81.
    expect(shown(mrpSchedule(d(1000), 2, 2026, 'annuity', d(10)))).toEqual([
      [2026, '476.19'],
      [2027, '523.81'],
    ]);
  });

  it('is straight-line by the annuity method at a rate of 0', () => {
    expect(mrpSchedule(d(90), 3, 2026, 'annuity', d(0))).toEqual(mrpSchedule(d(90), 3, 2026));
  });

  it('always repays exactly the amount borrowed (any amount, life, rate, method)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.constantFrom<'straight-line' | 'annuity'>('straight-line', 'annuity'),
        (units, life, rate, method) => {
          const amount = decimal(units, 2);
          const schedule = mrpSchedule(amount, life, 2025, method, decimal(rate, 2));
          expect(schedule).toHaveLength(life);
          expect(equals(sum(schedule.map((e) => e.amount)), amount)).toBe(true);
          if (method === 'annuity')
            for (let i = 1; i < schedule.length; i++)
              expect(schedule[i].amount.units).toBeGreaterThanOrEqual(
                schedule[i - 1].amount.units - 1,
              );
        },
      ),
    );
  });
});

describe('revenueConsequences', () => {
  it('charges MRP from the year after the asset comes into use and interest on the debt owed', () => {
    const table = revenueConsequences({
      borrowing: [{ year: 2025, amount: d(1000) }],
      inUseYear: 2025,
      lifeYears: 2,
      method: 'straight-line',
      ratePercent: d(5),
    });
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(
      table.value.map((r) => [
        r.year,
        ...[r.openingDebt, r.mrp, r.interest, r.total].map((v) => formatDecimal(v, 2)),
      ]),
    ).toEqual([
      [2026, '1000.00', '500.00', '50.00', '550.00'],
      [2027, '500.00', '500.00', '25.00', '525.00'],
    ]);
  });

  it('waits for the asset to come into use before MRP, while interest runs', () => {
    const table = revenueConsequences({
      borrowing: [
        { year: 2025, amount: d(600) },
        { year: 2026, amount: d(400) },
      ],
      inUseYear: 2027,
      lifeYears: 4,
      method: 'straight-line',
      ratePercent: d(4),
    });
    if (!table.ok) throw new Error(table.message);
    const rows = table.value.map((r) => [
      r.year,
      formatDecimal(r.openingDebt, 2),
      formatDecimal(r.mrp, 2),
      formatDecimal(r.interest, 2),
    ]);
    expect(rows[0]).toEqual([2026, '600.00', '0.00', '24.00']);
    expect(rows[1]).toEqual([2027, '1000.00', '0.00', '40.00']);
    expect(rows[2]).toEqual([2028, '1000.00', '250.00', '40.00']);
    expect(rows).toHaveLength(6);
    expect(formatDecimal(sum(table.value.map((r) => r.mrp)), 2)).toBe('1000.00');
  });

  it('says what to write for a life or rate it cannot use', () => {
    expect(readBorrowingTerms(0, d(4)).ok).toBe(false);
    expect(readBorrowingTerms(25, d(-1)).ok).toBe(false);
    const table = revenueConsequences({
      borrowing: [{ year: 2025, amount: d(-5) }],
      inUseYear: 2025,
      lifeYears: 5,
      method: 'annuity',
      ratePercent: d(4),
    });
    expect(table).toEqual({ ok: false, message: expect.stringContaining('positive amount') });
  });
});

describe('parseMrpMethod', () => {
  it.each([
    ['', 'straight-line'],
    ['Straight line', 'straight-line'],
    ['asset life', 'straight-line'],
    ['Annuity', 'annuity'],
  ])('reads %p', (text, method) => {
    expect(parseMrpMethod(text)).toEqual({ ok: true, value: method });
  });

  it('refuses another method with a message', () => {
    expect(parseMrpMethod('reducing balance')).toEqual({
      ok: false,
      message: expect.stringContaining("'straight-line' or 'annuity'"),
    });
  });
});

describe('borrowingCostInYear', () => {
  it('gives MRP, interest and total of one year of repayment', () => {
    const cost = (k: number) => {
      const read = borrowingCostInYear(d(1000), 2, k, 'straight-line', d(5));
      if (!read.ok) throw new Error(read.message);
      return [read.value.mrp, read.value.interest, read.value.total].map((v) =>
        formatDecimal(v, 2),
      );
    };
    expect(cost(1)).toEqual(['500.00', '50.00', '550.00']);
    expect(cost(2)).toEqual(['500.00', '25.00', '525.00']);
    expect(cost(3)).toEqual(['0.00', '0.00', '0.00']);
  });

  it('agrees with the annuity schedule year by year', () => {
    const schedule = mrpSchedule(d(250000), 25, 1, 'annuity', d(4.5));
    for (const k of [1, 10, 25]) {
      const read = borrowingCostInYear(d(250000), 25, k, 'annuity', d(4.5));
      expect(read.ok && equals(read.value.mrp, schedule[k - 1].amount)).toBe(true);
    }
  });

  it('refuses a year number of 0 with how to write it', () => {
    expect(borrowingCostInYear(d(1), 2, 0, 'annuity', d(1))).toEqual({
      ok: false,
      message: expect.stringContaining('whole number from 1'),
    });
  });
});

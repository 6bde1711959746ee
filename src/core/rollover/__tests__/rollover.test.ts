import fc from 'fast-check';
import {
  ZERO,
  decimal,
  equals,
  formatDecimal,
  fromNumber,
  subtract,
  sum,
} from '../../money/decimal';
import { allYearsTotal, amountInYear, revisedYearBudgets } from '../../monitoring/inYearBudget';
import { checkRevisionEntries } from '../../revisions/entries';
import { revisedBudgetOf } from '../../revisions/revised';
import { rollover, type SchemeAtYearEnd } from '../rollover';

const d = fromNumber;
const years = (...amounts: number[]) =>
  amounts.map((amount, i) => ({ year: 2019 + i, amount: d(amount) }));

describe('rollover', () => {
  const scheme: SchemeAtYearEnd = {
    ref: 'ICT-01',
    name: 'Technology refresh',
    budgetByYear: years(2.6, 4, 3.5),
    outturn: d(1.8),
    allYearsForecast: d(10),
  };

  it('carries slippage into next year and releases the real underspend', () => {
    const result = rollover([scheme], { year: 2019 });
    expect(result.currentYear).toBe(2020);
    const [rolled] = result.schemes;
    expect(formatDecimal(rolled.slippage)).toBe('0.7');
    expect(formatDecimal(rolled.underOverspend)).toBe('0.1');
    expect(rolled.budgetByYear.map((y) => [y.year, formatDecimal(y.amount, 1)])).toEqual([
      [2019, '1.8'],
      [2020, '4.7'],
      [2021, '3.5'],
    ]);
    expect(formatDecimal(rolled.allYearsAfter, 1)).toBe('10.0');
  });

  it('records carry-forward and outturn lines with reason, reference and the year end date', () => {
    const { revisions } = rollover([scheme], { year: 2019 });
    expect(revisions).toEqual([
      {
        ref: 'ICT-01',
        date: { year: 2020, month: 3, day: 31 },
        kind: 're-profile',
        amount: ZERO,
        reason: 'Slippage carried forward from 2019/20 to 2020/21',
        reference: 'Outturn 2019/20',
        yearAmounts: [
          { year: 2019, amount: d(-0.7) },
          { year: 2020, amount: d(0.7) },
        ],
      },
      expect.objectContaining({
        kind: 'reduction',
        amount: d(0.1),
        reason: 'Underspend released at outturn 2019/20 (not carried forward)',
      }),
    ]);
    expect(checkRevisionEntries(revisions)).toEqual([]);
  });

  it('meets a real overspend with an addition and carries nothing when all was spent', () => {
    const { schemes, revisions } = rollover(
      [{ ref: 'X', budgetByYear: years(1, 1), outturn: d(1.2), allYearsForecast: d(2.2) }],
      { year: 2019, reference: 'Cabinet 14 July' },
    );
    expect(revisions.map((r) => [r.kind, formatDecimal(r.amount), r.reference])).toEqual([
      ['addition', '0.2', 'Cabinet 14 July'],
    ]);
    expect(formatDecimal(schemes[0].allYearsAfter)).toBe('2.2');
  });

  it('brings spend forward out of later years when the year spent ahead of budget', () => {
    const { schemes } = rollover([{ ref: 'X', budgetByYear: years(1, 0.2, 2), outturn: d(1.5) }], {
      year: 2019,
    });
    expect(schemes[0].budgetByYear.map((y) => formatDecimal(y.amount, 1))).toEqual([
      '1.5',
      '0.0',
      '1.7',
    ]);
  });

  it('carries slippage of a scheme that ends this year into a new next year', () => {
    const { schemes } = rollover([{ ref: 'X', budgetByYear: years(3), outturn: d(2) }], {
      year: 2019,
    });
    expect(schemes[0].budgetByYear.map((y) => [y.year, formatDecimal(y.amount)])).toEqual([
      [2019, '2'],
      [2020, '1'],
    ]);
  });

  const money = fc.integer({ min: -5_000_000, max: 50_000_000 }).map((units) => decimal(units, 2));
  const schemeAtYearEnd = fc.record({
    budget: fc.array(money, { minLength: 1, maxLength: 5 }),
    firstYear: fc.integer({ min: 2016, max: 2019 }),
    outturn: money,
    forecastChange: fc.option(money, { nil: undefined }),
  });

  it('conserves every scheme’s all-years total less its real under/overspend (any programme)', () => {
    fc.assert(
      fc.property(fc.array(schemeAtYearEnd, { minLength: 1, maxLength: 8 }), (generated) => {
        const schemes: SchemeAtYearEnd[] = generated.map((g, i) => {
          const budgetByYear = g.budget.map((amount, k) => ({ year: g.firstYear + k, amount }));
          const entry: SchemeAtYearEnd = { ref: `S${i}`, budgetByYear, outturn: g.outturn };
          if (g.forecastChange)
            entry.allYearsForecast = subtract(allYearsTotal(budgetByYear), g.forecastChange);
          return entry;
        });
        const result = rollover(schemes, { year: 2019 });
        result.schemes.forEach((rolled, i) => {
          const before = allYearsTotal(schemes[i].budgetByYear);
          const underspend = subtract(before, schemes[i].allYearsForecast ?? before);
          // The all-years budget falls by exactly the real under/overspend...
          expect(equals(rolled.allYearsAfter, subtract(before, underspend))).toBe(true);
          // ...the closed year's budget is its outturn...
          expect(equals(amountInYear(rolled.budgetByYear, 2019), schemes[i].outturn)).toBe(true);
          // ...the lines in the Revisions log give the same budget by any route...
          const byLog = revisedYearBudgets(schemes[i].budgetByYear, rolled.revisions);
          expect(byLog).toEqual(rolled.budgetByYear);
          expect(equals(revisedBudgetOf(before, rolled.revisions), rolled.allYearsAfter)).toBe(
            true,
          );
          // ...and carry-forward lines move budget between years without changing the total.
          for (const line of rolled.revisions.filter((r) => r.kind === 're-profile'))
            expect(sum((line.yearAmounts ?? []).map((y) => y.amount)).units).toBe(0);
          // Years before the closing one are untouched.
          for (const entry of schemes[i].budgetByYear.filter((y) => y.year < 2019))
            expect(equals(amountInYear(rolled.budgetByYear, entry.year), entry.amount)).toBe(true);
        });
      }),
    );
  });
});

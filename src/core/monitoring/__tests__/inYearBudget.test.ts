import fc from 'fast-check';
import { ZERO, equals, formatDecimal, fromNumber, sum, decimal } from '../../money/decimal';
import { revisedBudgetOf } from '../../revisions/revised';
import type { BudgetRevision } from '../../revisions/types';
import {
  allYearsTotal,
  amountInYear,
  inYearBudget,
  reprofileYears,
  revisedYearBudgets,
  revisionYears,
  yearBudgetsOf,
  type PhasedColumnAmount,
} from '../inYearBudget';

const d = fromNumber;
const q = (year: number, quarter: 1 | 2 | 3 | 4, amount: number): PhasedColumnAmount => ({
  column: { kind: 'quarter', year, quarter },
  amount: d(amount),
});
const line = (fields: Partial<BudgetRevision> & Pick<BudgetRevision, 'kind' | 'amount'>) =>
  ({
    ref: 'ICT-01',
    date: { year: 2019, month: 9, day: 1 },
    reason: 'test',
    reference: 'CAB-1',
    ...fields,
  }) as BudgetRevision;

const phasing = [
  q(2019, 1, 0.5),
  q(2019, 2, 0.7),
  q(2019, 3, 0.6),
  q(2019, 4, 0.8),
  { column: { kind: 'year', year: 2020 }, amount: d(4) } as PhasedColumnAmount,
  { column: { kind: 'year', year: 2021 }, amount: d(3.5) } as PhasedColumnAmount,
];

describe('yearBudgetsOf and amountInYear', () => {
  it('adds quarter columns into their year and keeps year columns', () => {
    const years = yearBudgetsOf(phasing);
    expect(years.map((y) => [y.year, formatDecimal(y.amount)])).toEqual([
      [2019, '2.6'],
      [2020, '4'],
      [2021, '3.5'],
    ]);
    expect(formatDecimal(amountInYear(years, 2019))).toBe('2.6');
    expect(amountInYear(years, 2024)).toEqual(ZERO);
    expect(formatDecimal(allYearsTotal(years))).toBe('10.1');
  });
});

describe('revisionYears', () => {
  it('puts an addition with no years in the financial year of its date (January is the year before)', () => {
    const years = revisionYears(
      line({ kind: 'addition', amount: d(0.42), date: { year: 2020, month: 1, day: 15 } }),
    );
    expect(years).toEqual([{ year: 2019, amount: d(0.42) }]);
  });

  it('always takes a reduction off, whichever sign it was entered with', () => {
    expect(revisionYears(line({ kind: 'reduction', amount: d(0.2) }))[0].amount).toEqual(d(-0.2));
  });

  it('uses the years a re-profile names, from-year out and to-year in', () => {
    const reprofile = line({
      kind: 're-profile',
      amount: ZERO,
      yearAmounts: reprofileYears(d(0.4), 2019, 2021),
    });
    expect(revisionYears(reprofile)).toEqual([
      { year: 2019, amount: d(-0.4) },
      { year: 2021, amount: d(0.4) },
    ]);
  });

  it('ignores named years of an addition that do not add up to it, and uses its date', () => {
    const addition = line({
      kind: 'addition',
      amount: d(1),
      yearAmounts: [{ year: 2021, amount: d(0.5) }],
    });
    expect(revisionYears(addition)).toEqual([{ year: 2019, amount: d(1) }]);
  });
});

describe('inYearBudget', () => {
  it('follows re-profiles and additions into the in-year revised budget', () => {
    const budget = inYearBudget(
      yearBudgetsOf(phasing),
      [
        line({ kind: 're-profile', amount: ZERO, yearAmounts: reprofileYears(d(0.4), 2019, 2020) }),
        line({ kind: 'addition', amount: d(0.25) }),
      ],
      2019,
    );
    expect(formatDecimal(budget.inYearApproved)).toBe('2.6');
    expect(formatDecimal(budget.inYearRevised)).toBe('2.45');
    expect(formatDecimal(budget.allYearsApproved)).toBe('10.1');
    expect(formatDecimal(budget.allYearsRevised)).toBe('10.35');
    expect(formatDecimal(amountInYear(budget.revisedByYear, 2020))).toBe('4.4');
  });

  it('keeps the all-years revised budget equal to the bridge of the same revisions (any revisions)', () => {
    const amount = fc.integer({ min: -50_000, max: 50_000 }).map((units) => decimal(units, 2));
    const revision = fc.oneof(
      fc
        .record({
          kind: fc.constantFrom('addition', 'reduction', 'virement'),
          amount,
          month: fc.integer({ min: 1, max: 12 }),
        })
        .map((r) =>
          line({
            kind: r.kind as BudgetRevision['kind'],
            amount: r.amount,
            date: { year: 2019, month: r.month as 1, day: 1 },
          }),
        ),
      fc
        .record({
          amount,
          from: fc.integer({ min: 2018, max: 2022 }),
          to: fc.integer({ min: 2018, max: 2022 }),
        })
        .map((r) =>
          line({
            kind: 're-profile',
            amount: ZERO,
            yearAmounts: reprofileYears(r.amount, r.from, r.to),
          }),
        ),
    );
    fc.assert(
      fc.property(fc.array(revision, { maxLength: 12 }), (revisions) => {
        const approved = yearBudgetsOf(phasing);
        const revised = revisedYearBudgets(approved, revisions);
        const bridge = revisedBudgetOf(allYearsTotal(approved), revisions);
        expect(equals(allYearsTotal(revised), bridge)).toBe(true);
        expect(equals(sum(revised.map((y) => y.amount)), bridge)).toBe(true);
      }),
    );
  });
});

import fc from 'fast-check';
import { ZERO, decimal, equals, formatDecimal, fromNumber, isZero, sum } from '../../money/decimal';
import { reprofileYears, revisedYearBudgets } from '../../monitoring/inYearBudget';
import type { BudgetRevision } from '../../revisions/types';
import { financeProgramme, financeScheme, splitByShares, type FundingLine } from '../funding';
import { financingStatement } from '../statement';
import { readFundingSource, DEFAULT_FUNDING_SOURCES } from '../sources';

const d = fromNumber;
const share = (ref: string, source: string, percent: number): FundingLine => ({
  ref,
  source,
  basis: { kind: 'share', percent: d(percent) },
});

describe('financeScheme', () => {
  it('shares each year’s spend by percentages, penny-exact, odd penny to the earliest source', () => {
    const financed = financeScheme({ ref: 'A', years: [{ year: 2025, amount: d(100) }] }, [
      share('A', 'Government grants', 33.33),
      share('A', 'Capital receipts', 33.33),
      share('A', 'Reserves', 33.34),
    ]);
    const year = financed.years[0];
    expect(year.bySource.map((s) => [s.source, formatDecimal(s.amount)])).toEqual([
      ['Government grants', '33.33'],
      ['Capital receipts', '33.33'],
      ['Reserves', '33.34'],
    ]);
    expect(isZero(year.gap)).toBe(true);
  });

  it('splits thirds of a penny-odd amount so they still add up', () => {
    const financed = financeScheme({ ref: 'A', years: [{ year: 2025, amount: d(0.1) }] }, [
      share('A', 'Government grants', 1),
      share('A', 'Reserves', 1),
      share('A', 'Capital receipts', 1),
      share('A', 'Prudential borrowing', 97),
    ]);
    expect(formatDecimal(financed.years[0].financed)).toBe('0.10');
  });

  it('adds fixed amounts per year to shares, and shows the gap when shares fall short', () => {
    const financed = financeScheme(
      {
        ref: 'A',
        years: [
          { year: 2025, amount: d(200) },
          { year: 2026, amount: d(100) },
        ],
      },
      [
        {
          ref: 'A',
          source: 'S106 / CIL contributions',
          basis: { kind: 'amounts', years: [{ year: 2025, amount: d(50) }] },
        },
        share('A', 'Prudential borrowing', 60),
      ],
    );
    expect(
      financed.years.map((y) => [y.year, formatDecimal(y.financed, 2), formatDecimal(y.gap, 2)]),
    ).toEqual([
      [2025, '170.00', '30.00'],
      [2026, '60.00', '40.00'],
    ]);
  });

  it('lists a year with funding but no spend, so over-financing is seen', () => {
    const financed = financeScheme({ ref: 'A', years: [] }, [
      {
        ref: 'A',
        source: 'Reserves',
        basis: { kind: 'amounts', years: [{ year: 2027, amount: d(5) }] },
      },
    ]);
    expect(financed.years).toEqual([expect.objectContaining({ year: 2027, gap: d(-5) })]);
  });

  it('marks a scheme with no funding lines as unfunded', () => {
    expect(financeScheme({ ref: 'A', years: [{ year: 2025, amount: d(1) }] }, []).unfunded).toBe(
      true,
    );
  });
});

describe('financing equals spend after any sequence of revisions (financed by shares)', () => {
  const amount = fc.integer({ min: -200_000, max: 200_000 }).map((units) => decimal(units, 2));
  const revision = fc.oneof(
    fc
      .record({
        kind: fc.constantFrom<'addition' | 'reduction' | 'virement'>(
          'addition',
          'reduction',
          'virement',
        ),
        amount,
        year: fc.integer({ min: 2025, max: 2028 }),
      })
      .map((r): BudgetRevision => ({
        ref: 'A',
        date: { year: r.year, month: 6, day: 1 },
        kind: r.kind,
        amount: r.amount,
        reason: 'r',
        reference: 'x',
      })),
    fc
      .record({
        amount,
        from: fc.integer({ min: 2025, max: 2028 }),
        to: fc.integer({ min: 2025, max: 2029 }),
      })
      .map((r): BudgetRevision => ({
        ref: 'A',
        date: { year: 2025, month: 6, day: 1 },
        kind: 're-profile',
        amount: ZERO,
        reason: 'r',
        reference: 'x',
        yearAmounts: reprofileYears(r.amount, r.from, r.to),
      })),
  );
  const shares = fc
    .array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 6 })
    .map((weights) => {
      // Percentages at 2 places adding up to exactly 100.
      const total = weights.reduce((a, b) => a + b, 0);
      const units = weights.map((w) => Math.floor((w * 10_000) / total));
      units[0] += 10_000 - units.reduce((a, b) => a + b, 0);
      return units.map((u) => decimal(u, 2));
    });

  it('holds per scheme-year and in the statement', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 4 }),
        fc.array(revision, { maxLength: 10 }),
        shares,
        (phased, revisions, percents) => {
          const approved = phased.map((units, i) => ({
            year: 2025 + i,
            amount: decimal(units, 2),
          }));
          const spend = { ref: 'A', years: revisedYearBudgets(approved, revisions) };
          const lines = percents.map((percent, i) => ({
            ref: 'A',
            source: DEFAULT_FUNDING_SOURCES[i],
            basis: { kind: 'share' as const, percent },
          }));
          const financed = financeProgramme([spend], lines);
          for (const year of financed[0].years)
            expect(equals(year.financed, year.spend)).toBe(true);
          const statement = financingStatement(financed);
          expect(statement.gap.byYear.every(isZero)).toBe(true);
          expect(
            equals(statement.totalFinancing.total, sum(spend.years.map((y) => y.amount))),
          ).toBe(true);
        },
      ),
    );
  });
});

describe('financingStatement', () => {
  it('lists every default source in order, nil ones too, then others, with totals and the gap', () => {
    const schemes = financeProgramme(
      [
        {
          ref: 'A',
          years: [
            { year: 2025, amount: d(10) },
            { year: 2026, amount: d(5) },
          ],
        },
        { ref: 'B', years: [{ year: 2026, amount: d(4) }] },
      ],
      [
        share('A', 'Government grants', 100),
        {
          ref: 'B',
          source: 'Lottery',
          basis: { kind: 'amounts', years: [{ year: 2026, amount: d(3) }] },
        },
      ],
    );
    const statement = financingStatement(schemes);
    expect(statement.years).toEqual([2025, 2026]);
    expect(statement.sources.map((s) => s.label)).toEqual([...DEFAULT_FUNDING_SOURCES, 'Lottery']);
    expect(statement.expenditure.byYear.map((v) => formatDecimal(v))).toEqual(['10', '9']);
    expect(statement.totalFinancing.byYear.map((v) => formatDecimal(v, 2))).toEqual([
      '10.00',
      '8.00',
    ]);
    expect(statement.gap.byYear.map((v) => formatDecimal(v, 2))).toEqual(['0.00', '1.00']);
    expect(formatDecimal(statement.gap.total, 2)).toBe('1.00');
  });
});

describe('readFundingSource', () => {
  it.each([
    ['rcco', 'Revenue contributions (RCCO)'],
    ['Section 106', 'S106 / CIL contributions'],
    ['Unsupported borrowing', 'Prudential borrowing'],
    ['grant', 'Government grants'],
    ['RESERVES', 'Reserves'],
  ])('reads %p as %p', (text, source) => {
    expect(readFundingSource(text)).toEqual({ ok: true, value: source });
  });

  it('refuses a source that is not on the list, naming the list', () => {
    const read = readFundingSource('Lottery');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain('Prudential borrowing, Government grants');
  });

  it('reads a source the council added to its list', () => {
    expect(readFundingSource('lottery', [...DEFAULT_FUNDING_SOURCES, 'Lottery'])).toEqual({
      ok: true,
      value: 'Lottery',
    });
  });
});

describe('splitByShares', () => {
  it('splits by rounded running totals: parts add up to the spend when shares make 100%', () => {
    expect(splitByShares(d(0.1), [1, 1, 1, 97].map(d), 2).map((v) => formatDecimal(v, 2))).toEqual([
      '0.00',
      '0.00',
      '0.00',
      '0.10',
    ]);
    expect(splitByShares(d(1), [50, 25].map(d), 2).map((v) => formatDecimal(v, 2))).toEqual([
      '0.50',
      '0.25',
    ]);
  });
});

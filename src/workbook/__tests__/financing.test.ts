import { DEFAULT_FUNDING_SOURCES, fromNumber, type FundingLine } from '../../core';
import { planFinancingSheet } from '../financing';
import { isFormulaCell } from '../plan';

const d = fromNumber;
const input = (funding: FundingLine[]) => ({
  years: [2025, 2026],
  schemes: [
    { ref: 'A', name: 'Depot', spendByYear: [d(100), d(0.1)] },
    { ref: 'B', name: 'Library', spendByYear: [d(10), d(20)] },
  ],
  funding,
  sources: DEFAULT_FUNDING_SOURCES,
  unit: '£m' as const,
  decimals: 2,
});

describe('planFinancingSheet', () => {
  it('shares spend by running totals, with a formula that gives the engine’s pennies', () => {
    const { plan, rows, statement } = planFinancingSheet(
      input([
        { ref: 'A', source: 'Government grants', basis: { kind: 'share', percent: d(33.33) } },
        { ref: 'A', source: 'Prudential borrowing', basis: { kind: 'share', percent: d(66.67) } },
        {
          ref: 'B',
          source: 'Reserves',
          basis: {
            kind: 'amounts',
            years: [
              { year: 2025, amount: d(10) },
              { year: 2026, amount: d(20) },
            ],
          },
        },
      ]),
    );
    const grants = plan.cells[rows.firstFunding - 1];
    expect(grants.slice(0, 3)).toEqual(['A', 'Government grants', 33.33]);
    expect(isFormulaCell(grants[3]) && grants[3].result).toBe(33.33);
    expect(isFormulaCell(grants[3]) && grants[3].formula).toMatch(
      /^=ROUND\(SUMIFS\(D\$\d+:D\$\d+,.*\)\*SUMIFS\(\$C\$\d+:\$C\d+/,
    );
    expect(statement.gap.byYear.every((v) => v.units === 0)).toBe(true);
    const check = plan.cells[rows.check - 1][0];
    expect(isFormulaCell(check) && check.result).toBe(
      'Financing equals expenditure in every year: OK',
    );
  });

  it('shows a gap where a scheme is not fully financed, and Check', () => {
    const { plan, rows } = planFinancingSheet(
      input([{ ref: 'A', source: 'Reserves', basis: { kind: 'share', percent: d(50) } }]),
    );
    const gap = plan.cells[rows.gap - 1];
    expect(gap.slice(3).map((c) => (isFormulaCell(c) ? c.result : c))).toEqual([60, 20.05, 80.05]);
    const check = plan.cells[rows.check - 1][0];
    expect(isFormulaCell(check) && check.result).toBe(
      'Financing equals expenditure in every year: Check',
    );
  });

  it('adds the revenue consequences of the borrowing line when terms are given', () => {
    const built = planFinancingSheet({
      ...input([
        { ref: 'A', source: 'Prudential borrowing', basis: { kind: 'share', percent: d(100) } },
      ]),
      borrowing: { lifeYears: 2, method: 'straight-line', ratePercent: d(5) },
    });
    expect(built.revenue.map((r) => r.year)).toEqual([2026, 2027, 2028]);
    expect(built.rows.firstRevenue).toBeDefined();
  });
});

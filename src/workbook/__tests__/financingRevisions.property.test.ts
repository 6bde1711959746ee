/**
 * Issue 14: the Financing sheet's financing equals its spend in every year after any sequence of
 * budget revisions, for a programme financed by shares; and the grid checker, reading the sheet as
 * a user's file, finds no error in it.
 */
import fc from 'fast-check';
import {
  DEFAULT_FUNDING_SOURCES,
  checkStackedTables,
  revisedYearBudgets,
  amountInYear,
  type BudgetRevision,
  type Decimal,
  type FundingLine,
} from '../../core';
import { planFinancingSheet } from '../financing';
import type { PlanCell } from '../plan';

const YEARS = [2024, 2025, 2026, 2027];
const money = (units: number): Decimal => ({ units, scale: 2 });

const valueOf = (cell: PlanCell): unknown =>
  cell !== null && typeof cell === 'object' && 'formula' in cell ? cell.result : cell;

const revision = fc.oneof(
  fc.record({
    kind: fc.constant('addition' as const),
    year: fc.constantFrom(...YEARS),
    units: fc.integer({ min: 1, max: 50000 }),
  }),
  fc.record({
    kind: fc.constant('reduction' as const),
    year: fc.constantFrom(...YEARS),
    units: fc.integer({ min: 1, max: 50000 }),
  }),
  fc.record({
    kind: fc.constant('re-profile' as const),
    year: fc.constantFrom(...YEARS.slice(0, -1)),
    units: fc.integer({ min: 1, max: 50000 }),
  }),
);

const scheme = fc.record({
  phasing: fc.array(fc.integer({ min: 0, max: 200000 }), {
    minLength: YEARS.length,
    maxLength: YEARS.length,
  }),
  // Shares in basis points (1/100 of a percent) adding up to 100%.
  cuts: fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { maxLength: 3 }),
  sources: fc.array(fc.constantFrom(...DEFAULT_FUNDING_SOURCES), { minLength: 4, maxLength: 4 }),
  revisions: fc.array(revision, { maxLength: 6 }),
});

describe('Financing sheet after revisions (property)', () => {
  it('finances every year of every scheme exactly, and checks with no error', () => {
    fc.assert(
      fc.property(fc.array(scheme, { minLength: 1, maxLength: 5 }), (drawn) => {
        const schemes = drawn.map((entry, s) => {
          const ref = `CP-${s + 1}`;
          const approved = YEARS.map((year, i) => ({ year, amount: money(entry.phasing[i]) }));
          const revisions: BudgetRevision[] = entry.revisions.map((change) => ({
            ref,
            date: { year: change.year, month: 6, day: 1 },
            kind: change.kind,
            amount: change.kind === 're-profile' ? money(0) : money(change.units),
            reason: 'r',
            reference: 'x',
            ...(change.kind === 're-profile'
              ? {
                  yearAmounts: [
                    { year: change.year, amount: money(-change.units) },
                    { year: change.year + 1, amount: money(change.units) },
                  ],
                }
              : {}),
          }));
          const byYear = revisedYearBudgets(approved, revisions);
          return {
            ref,
            name: `Scheme ${s + 1}`,
            spendByYear: YEARS.map((year) => amountInYear(byYear, year)),
          };
        });
        fc.pre(schemes.every((entry) => entry.spendByYear.every((amount) => amount.units >= 0)));
        const funding: FundingLine[] = drawn.flatMap((entry, s) => {
          const cuts = [0, ...[...entry.cuts].sort((a, b) => a - b), 10000];
          return cuts.slice(1).map((cut, k): FundingLine => ({
            ref: `CP-${s + 1}`,
            source: entry.sources[k],
            basis: { kind: 'share', percent: money(cut - cuts[k]) },
          }));
        });
        const built = planFinancingSheet({
          years: YEARS,
          schemes,
          funding,
          sources: DEFAULT_FUNDING_SOURCES,
          unit: '£m',
          decimals: 2,
        });
        // The engine's statement, and the sheet's cached figures, agree to the penny.
        if (!built.statement.gap.byYear.every((gap) => gap.units === 0)) return false;
        const row = (r: number) => built.plan.cells[r - 1].map(valueOf);
        const spend = row(built.rows.totalExpenditure);
        const financed = row(built.rows.totalFinancing);
        for (let i = 3; i < 3 + YEARS.length; i++)
          if (Math.abs(Number(spend[i]) - Number(financed[i])) > 1e-9) return false;
        if (!String(valueOf(built.plan.cells[built.rows.check - 1][0])).endsWith(': OK'))
          return false;
        // Read back as a file: no error, and no funding-mismatch.
        const values = built.plan.cells.map((cells) => cells.map(valueOf));
        const { findings } = checkStackedTables({ values, sheet: 'Financing' });
        return findings.every((finding) => finding.severity !== 'error');
      }),
      { numRuns: 120 },
    );
  });
});

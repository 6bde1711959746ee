/**
 * A scheme's budget in the year being monitored, from its phased columns and its revisions.
 *
 * The approved in-year budget is the sum of the scheme's phased columns (quarters or whole years)
 * in that year. The revised in-year budget follows the Revisions log: a re-profile moves budget
 * between the years it names (out of its from-year, into its to-year); an addition, reduction or
 * virement falls in the years it names, or, when it names none, in the financial year of its date.
 */
import {
  DEFAULT_START_MONTH,
  fiscalYearOf,
  type FiscalYear,
  type Month,
  type PeriodColumn,
} from '../calendar';
import { type Decimal, ZERO, add, equals, negate, sum } from '../money/decimal';
import { revisionChange } from '../revisions/revised';
import type { BudgetRevision, YearAmount } from '../revisions/types';

/** One phased cell of a scheme: a quarter or whole-year column and the amount in it. */
export interface PhasedColumnAmount {
  readonly column: PeriodColumn;
  readonly amount: Decimal;
}

/** A scheme's budget by financial year, earliest first, each year once. */
export type YearBudgets = readonly YearAmount[];

function addTo(byYear: Map<FiscalYear, Decimal>, year: FiscalYear, amount: Decimal): void {
  byYear.set(year, add(byYear.get(year) ?? ZERO, amount));
}

function sorted(byYear: Map<FiscalYear, Decimal>): YearAmount[] {
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, amount]) => ({ year, amount }));
}

/**
 * A scheme's phased columns added up by financial year (quarters of a year into that year).
 *
 * @example
 * yearBudgetsOf([
 *   { column: { kind: 'quarter', year: 2019, quarter: 1 }, amount: fromNumber(0.5) },
 *   { column: { kind: 'quarter', year: 2019, quarter: 2 }, amount: fromNumber(0.7) },
 *   { column: { kind: 'year', year: 2020 }, amount: fromNumber(2) },
 * ]); // [{ year: 2019, amount: 1.2 }, { year: 2020, amount: 2 }]
 */
export function yearBudgetsOf(phased: readonly PhasedColumnAmount[]): YearBudgets {
  const byYear = new Map<FiscalYear, Decimal>();
  for (const { column, amount } of phased) addTo(byYear, column.year, amount);
  return sorted(byYear);
}

/**
 * The amount of a year in a scheme's budget by year; zero for a year it is not phased in.
 *
 * @example
 * amountInYear([{ year: 2019, amount: fromNumber(1.2) }], 2019); // 1.2
 * amountInYear([{ year: 2019, amount: fromNumber(1.2) }], 2020); // 0
 */
export function amountInYear(years: YearBudgets, year: FiscalYear): Decimal {
  let total = ZERO;
  for (const entry of years) if (entry.year === year) total = add(total, entry.amount);
  return total;
}

/**
 * The all-years total of a budget by year.
 *
 * @example
 * allYearsTotal([{ year: 2019, amount: fromNumber(1.2) }, { year: 2020, amount: fromNumber(2) }]); // 3.2
 */
export function allYearsTotal(years: YearBudgets): Decimal {
  return sum(years.map((entry) => entry.amount));
}

/**
 * The year amounts of a re-profile line that moves `amount` out of `fromYear` into `toYear`, as
 * the Revisions log records them (they add up to zero).
 *
 * @example
 * reprofileYears(fromNumber(0.4), 2019, 2020); // [{ year: 2019, amount: -0.4 }, { year: 2020, amount: 0.4 }]
 */
export function reprofileYears(
  amount: Decimal,
  fromYear: FiscalYear,
  toYear: FiscalYear,
): YearAmount[] {
  return [
    { year: fromYear, amount: negate(amount) },
    { year: toYear, amount },
  ];
}

/**
 * Which years a revision changes, and by how much. A re-profile changes the years it names. Any
 * other revision changes the years it names when they add up to its signed change, else the
 * financial year of its date by the whole change.
 *
 * @example
 * revisionYears({ kind: 'addition', amount: fromNumber(0.42), date: { year: 2020, month: 1, day: 15 }, ... });
 * // [{ year: 2019, amount: 0.42 }] (January 2020 is in 2019/20)
 */
export function revisionYears(
  revision: Pick<BudgetRevision, 'kind' | 'amount' | 'date' | 'yearAmounts'>,
  startMonth: Month = DEFAULT_START_MONTH,
): YearAmount[] {
  const named = revision.yearAmounts ?? [];
  if (revision.kind === 're-profile') return named.slice();
  const change = revisionChange(revision);
  if (named.length > 0 && equals(sum(named.map((entry) => entry.amount)), change))
    return named.slice();
  return [{ year: fiscalYearOf(revision.date, startMonth), amount: change }];
}

/**
 * A scheme's revised budget by year: its approved budget by year with each revision's year
 * amounts added. Exact: the all-years total is the approved total plus the revisions' changes
 * (re-profiles add nothing).
 *
 * @example
 * revisedYearBudgets([{ year: 2019, amount: fromNumber(2) }, { year: 2020, amount: fromNumber(1) }],
 *   [{ kind: 're-profile', amount: ZERO, yearAmounts: reprofileYears(fromNumber(0.5), 2019, 2020), ... }]);
 * // [{ year: 2019, amount: 1.5 }, { year: 2020, amount: 1.5 }]
 */
export function revisedYearBudgets(
  approved: YearBudgets,
  revisions: readonly Pick<BudgetRevision, 'kind' | 'amount' | 'date' | 'yearAmounts'>[],
  startMonth: Month = DEFAULT_START_MONTH,
): YearBudgets {
  const byYear = new Map<FiscalYear, Decimal>();
  for (const entry of approved) addTo(byYear, entry.year, entry.amount);
  for (const revision of revisions)
    for (const entry of revisionYears(revision, startMonth))
      addTo(byYear, entry.year, entry.amount);
  return sorted(byYear);
}

/** A scheme's budget in the monitored year and over its whole life, approved and revised. */
export interface InYearBudget {
  inYearApproved: Decimal;
  inYearRevised: Decimal;
  allYearsApproved: Decimal;
  allYearsRevised: Decimal;
  /** The revised budget of every year, for profiling and carrying forward. */
  revisedByYear: YearBudgets;
}

/**
 * In-year and all-years budget of a scheme, approved (its phased columns) and revised (after its
 * revisions), for the year being monitored.
 *
 * @example
 * inYearBudget(approvedByYear, revisions, 2019).inYearRevised; // the 2019/20 revised budget
 */
export function inYearBudget(
  approved: YearBudgets,
  revisions: readonly Pick<BudgetRevision, 'kind' | 'amount' | 'date' | 'yearAmounts'>[],
  year: FiscalYear,
  startMonth: Month = DEFAULT_START_MONTH,
): InYearBudget {
  const revisedByYear = revisedYearBudgets(approved, revisions, startMonth);
  return {
    inYearApproved: amountInYear(approved, year),
    inYearRevised: amountInYear(revisedByYear, year),
    allYearsApproved: allYearsTotal(approved),
    allYearsRevised: allYearsTotal(revisedByYear),
    revisedByYear,
  };
}

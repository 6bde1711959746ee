/**
 * The budget profiled to date: how much of a year's phased budget was planned to be spent by the
 * end of a period.
 *
 * Within a phased column the budget is taken to be spent evenly by month, with the running total
 * rounded once: a quarter of 100.00 is 33.33 by its first month, 66.67 by its second and exactly
 * 100.00 by its third, so the months always add up to the column. It is the same figure a native
 * formula gives, `ROUND(quarter * months / 3, 2)`, so the sheet and the engine agree to the penny.
 */
import type { FiscalPeriod } from '../calendar';
import { type Decimal, ZERO, add, decimal, equals, isZero } from '../money/decimal';
import { scaleByRatio } from '../money/ratio';
import type { PhasedColumnAmount } from './inYearBudget';
import type { MonitoringPeriod } from './period';

/** Months of a column that have passed by the end of `period` (0 up to the column's length). */
function monthsPassed(column: PhasedColumnAmount['column'], period: FiscalPeriod): number {
  if (column.kind === 'year') return period;
  const first = (column.quarter - 1) * 3 + 1;
  return Math.max(0, Math.min(3, period - first + 1));
}

/**
 * One column's amount profiled to the end of a period: all of it once its months have passed,
 * none before, and `ROUND(amount x months passed / months, decimals)` part way through.
 *
 * @example
 * columnProfiledToDate({ column: { kind: 'quarter', year: 2019, quarter: 3 }, amount: fromNumber(100) }, 8, 2); // 66.67
 */
export function columnProfiledToDate(
  phased: PhasedColumnAmount,
  period: FiscalPeriod,
  decimals: number,
): Decimal {
  const months = phased.column.kind === 'year' ? 12 : 3;
  const passed = monthsPassed(phased.column, period);
  if (passed === 0) return ZERO;
  if (passed === months) return phased.amount;
  return scaleByRatio(phased.amount, decimal(passed), decimal(months), decimals);
}

/**
 * The budget profiled to date at `at`: the phased columns of `at.year` that have passed, and the
 * passed months of the column the period falls in. Columns of other years are ignored. At P12 it
 * is the whole in-year budget. `decimals` (default 2) is the rounding of a part-way column.
 *
 * @example
 * const quarters = [1, 2, 3, 4].map((quarter) => ({ column: { kind: 'quarter', year: 2019, quarter }, amount: fromNumber(100) }));
 * profiledToDate(quarters, { year: 2019, period: 8 }); // 266.67 (Q1, Q2 and two months of Q3)
 */
export function profiledToDate(
  phased: readonly PhasedColumnAmount[],
  at: MonitoringPeriod,
  decimals = 2,
): Decimal {
  let total = ZERO;
  for (const entry of phased) {
    if (entry.column.year !== at.year) continue;
    total = add(total, columnProfiledToDate(entry, at.period, decimals));
  }
  return total;
}

/**
 * The revised in-year budget profiled to date in the shape of the approved phasing:
 * `ROUND(revised x approved profiled to date / approved in-year, decimals)`. When the approved
 * in-year budget is zero (a scheme brought into the year by a revision) the revised budget is
 * profiled evenly by month. Equal to {@link profiledToDate} when nothing was revised.
 *
 * @example
 * revisedProfiledToDate(fromNumber(300), fromNumber(400), fromNumber(200), { year: 2019, period: 6 }); // 150
 */
export function revisedProfiledToDate(
  inYearRevised: Decimal,
  inYearApproved: Decimal,
  approvedProfiledToDate: Decimal,
  at: MonitoringPeriod,
  decimals = 2,
): Decimal {
  if (isZero(inYearApproved))
    return columnProfiledToDate(
      { column: { kind: 'year', year: at.year }, amount: inYearRevised },
      at.period,
      decimals,
    );
  if (equals(inYearRevised, inYearApproved)) return approvedProfiledToDate;
  return scaleByRatio(inYearRevised, approvedProfiledToDate, inYearApproved, decimals);
}

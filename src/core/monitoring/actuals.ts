/**
 * Actual spend from the ledger, and spend to date at a period.
 */
import type { FiscalPeriod, FiscalYear } from '../calendar';
import { type Decimal, ZERO, add } from '../money/decimal';
import type { MonitoringPeriod } from './period';

/** One line of actual spend, as kept in the Actuals table. */
export interface LedgerLine {
  /** The scheme's ref (a cost code is mapped to its scheme's ref on import). */
  ref: string;
  year: FiscalYear;
  period: FiscalPeriod;
  /** Spend (negative for a credit or accrual reversal). */
  amount: Decimal;
  description?: string;
  /** Row of the ledger export or Actuals table it came from (1-based, as Excel numbers rows). */
  row?: number;
}

/**
 * Actual spend to date of one scheme: its lines in the monitored year up to and including the
 * period. Exact.
 *
 * @example
 * actualToDate(lines, 'ICT-01', { year: 2019, period: 8 }); // the sum of ICT-01's lines P1..P8 2019/20
 */
export function actualToDate(
  lines: readonly LedgerLine[],
  ref: string,
  at: MonitoringPeriod,
): Decimal {
  let total = ZERO;
  for (const line of lines)
    if (line.ref === ref && line.year === at.year && line.period <= at.period)
      total = add(total, line.amount);
  return total;
}

/**
 * Actual spend to date of every scheme that has lines, in one pass: ref -> spend.
 *
 * @example
 * actualsToDate(lines, { year: 2019, period: 8 }).get('ICT-01'); // as actualToDate
 */
export function actualsToDate(
  lines: readonly LedgerLine[],
  at: MonitoringPeriod,
): Map<string, Decimal> {
  const totals = new Map<string, Decimal>();
  for (const line of lines) {
    if (line.year !== at.year || line.period > at.period) continue;
    totals.set(line.ref, add(totals.get(line.ref) ?? ZERO, line.amount));
  }
  return totals;
}

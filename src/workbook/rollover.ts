/**
 * Closing the year on the workbook: from the Programme's phasing and the outturn of each scheme,
 * the Revisions log lines to append (carry-forward re-profiles, outturn adjustments) and the
 * Programme's new phasing, period column by period column. Pure: the CLI's `rollover` and the task
 * pane apply the same plan. The money is core's rollover (src/core/rollover).
 */
import {
  ZERO,
  allocate,
  compare,
  amountInYear,
  formatFiscalYear,
  negate,
  revisionChange,
  rollover,
  sum,
  toNumber,
  yearBudgetsOf,
  type Decimal,
  type Month,
  type MonitoringPeriod,
  type Parsed,
  type PeriodColumn,
  type Rollover,
} from '../core';
import type { RevisionLine } from './revisions';
import { rephrased, type PhasingWords } from './rolloverPhasing';

/** The last monthly period of a financial year (P12 = March): the outturn. */
export const OUTTURN_PERIOD = 12;

/**
 * The reference closing a year gives its Revisions lines; a log holding it was closed already.
 *
 * @example
 * closingReference(2016, 4); // 'Outturn 2016/17'
 */
export function closingReference(year: number, startMonth: Month): string {
  return `Outturn ${formatFiscalYear(year, startMonth)}`;
}

/** A scheme as the workbook shows it at the year end. */
export interface RolloverScheme {
  ref: string;
  name?: string;
  /** The Programme's amounts, one per period column (blank = zero). */
  periods: readonly Decimal[];
  /** Actual spend of the closing year (its actual to date at P12). */
  outturn: Decimal;
  /** The all-years forecast of the final return; left out: no real under/overspend. */
  allYearsForecast?: Decimal;
  /** The scheme's Phasing phrase and Profile; given, they are rewritten when they no longer give its amounts. */
  words?: PhasingWords;
}

/** What the plan is made from. */
export interface RolloverInput {
  /** Where the workbook's monitoring is: it must be the closing year's last period. */
  at: MonitoringPeriod;
  columns: readonly PeriodColumn[];
  schemes: readonly RolloverScheme[];
  /** Decimal places of the Programme's figures. */
  decimals: number;
  startMonth?: Month;
  /** Reference of the Revisions lines (default `Outturn 2016/17`). */
  reference?: string;
}

/** The changes closing the year makes to the workbook. */
export interface RolloverPlan {
  result: Rollover;
  /** Lines to append to the Revisions log, scheme by scheme. */
  revisionLines: RevisionLine[];
  /**
   * Each scheme's new Programme amounts, one per period column, and its new Phasing phrase and
   * Profile when the old ones would no longer give them (the pane's Phase writes amounts from them).
   */
  periods: { ref: string; amounts: Decimal[]; words?: PhasingWords }[];
  /** The monitoring period that becomes current: the next year's first. */
  next: MonitoringPeriod;
}

/** Weights for spreading a year's new total over its columns: the old amounts, else one column. */
function spread(
  total: Decimal,
  old: readonly Decimal[],
  fallback: number,
  decimals: number,
): Decimal[] {
  const weights: number[] = old.map((amount) => Math.max(0, toNumber(amount)));
  if (!weights.some((weight) => weight > 0)) {
    weights[fallback] = 1;
  }
  return allocate(total, weights, decimals);
}

/**
 * Plans closing `input.at.year`: refuses unless the monitoring is at P12; otherwise each scheme's
 * slippage moves into the next year (a re-profile line), a real under/overspend is released or met
 * in the closed year (a reduction or addition), and the Programme's columns of each year are
 * re-spread to the year's new total in proportion to their old amounts (the closed year to its
 * outturn; carried spend into the next year's columns), penny-exact. A scheme whose Phasing phrase
 * and Profile (`words`) no longer give its new amounts gets ones that do (see `rephrased`).
 *
 * @example
 * const plan = planRollover({ at: { year: 2016, period: 12 }, columns, schemes, decimals: 2 });
 * if (plan.ok) plan.value.revisionLines[0].reason; // 'Slippage carried forward from 2016/17 to 2017/18'
 */
export function planRollover(input: RolloverInput): Parsed<RolloverPlan> {
  const { at, columns, decimals } = input;
  const startMonth = input.startMonth ?? 4;
  const year = at.year;
  const label = formatFiscalYear(year, startMonth);
  if (at.period !== OUTTURN_PERIOD)
    return {
      ok: false,
      message: `The monitoring is at ${label} period ${at.period}: a year is closed after its outturn (period ${OUTTURN_PERIOD}). Bring in the year's actuals and the final returns at period ${OUTTURN_PERIOD} first`,
    };
  if (!columns.some((column) => column.year === year + 1))
    return {
      ok: false,
      message: `The Programme has no columns for ${formatFiscalYear(year + 1, startMonth)}: add the next year's columns so the slippage has somewhere to go`,
    };
  const budgets = input.schemes.map((scheme) =>
    yearBudgetsOf(columns.map((column, i) => ({ column, amount: scheme.periods[i] ?? ZERO }))),
  );
  const result = rollover(
    input.schemes.map((scheme, s) => {
      const entry = {
        ref: scheme.ref,
        budgetByYear: budgets[s],
        outturn: scheme.outturn,
      } as Parameters<typeof rollover>[0][number];
      if (scheme.name !== undefined) entry.name = scheme.name;
      if (scheme.allYearsForecast !== undefined) entry.allYearsForecast = scheme.allYearsForecast;
      return entry;
    }),
    { year, startMonth, ...(input.reference ? { reference: input.reference } : {}) },
  );
  const years = [...new Set(columns.map((column) => column.year))];
  const periods = result.schemes.map((rolled, s) => {
    const amounts = columns.map((_, i) => input.schemes[s].periods[i] ?? ZERO);
    for (const y of years) {
      const at = columns.flatMap((column, i) => (column.year === y ? [i] : []));
      const before = sum(at.map((i) => amounts[i]));
      const after = amountInYear(rolled.budgetByYear, y);
      if (compare(after, before) === 0) continue;
      // The closed year's unbudgeted outturn goes in its last column, carried spend in the next year's first.
      const fallback = y === year ? at.length - 1 : 0;
      const parts = spread(
        after,
        at.map((i) => amounts[i]),
        fallback,
        decimals,
      );
      at.forEach((i, k) => (amounts[i] = parts[k]));
    }
    const present = input.schemes[s].words;
    const words = present && rephrased(amounts, columns, present, decimals, startMonth);
    return words ? { ref: rolled.ref, amounts, words } : { ref: rolled.ref, amounts };
  });
  const revisionLines: RevisionLine[] = result.revisions.flatMap((revision) => {
    const line: RevisionLine = {
      ref: revision.ref,
      date: revision.date,
      kind: revision.kind,
      amount: toNumber(revision.amount),
      signedAmount: toNumber(revisionChange(revision)),
      reason: revision.reason,
      reference: revision.reference,
      approvedBy: 'Section 151 officer (outturn)',
    };
    if (revision.kind !== 're-profile' || !revision.yearAmounts) return [line];
    // A re-profile records how much moved out of which year into which (one line per pair).
    const into = revision.yearAmounts.filter((entry) => entry.amount.units > 0);
    const out = revision.yearAmounts.filter((entry) => entry.amount.units < 0);
    const moves =
      into.length === 1
        ? out.map((entry) => ({ from: entry.year, to: into[0].year, amount: negate(entry.amount) }))
        : into.map((entry) => ({ from: out[0].year, to: entry.year, amount: entry.amount }));
    return moves.map((move) => ({
      ...line,
      amount: toNumber(move.amount),
      fromYear: move.from,
      toYear: move.to,
    }));
  });
  return {
    ok: true,
    value: { result, revisionLines, periods, next: { year: year + 1, period: 1 } },
  };
}

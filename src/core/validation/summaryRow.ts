/**
 * Judging a row that states a result of other rows (a running balance, a total of subtotals)
 * column by column, with the rounding rule, and noting it among the totals of the reading.
 */
import {
  type CheckContext,
  type TotalTally,
  report,
  rowName,
  shown,
  shownTolerance,
} from './context';
import { withinRounding } from './rounding';

/**
 * Checks each figure of `row` against `expected` (whole units of the check's scale, per figure
 * column; NaN where the row shows nothing) over `counts` shown figures, reports every figure
 * beyond rounding as an error (within rounding as info), and adds the row to the reading's totals
 * with `over` saying what it adds up.
 *
 * @example
 * judgeSummaryRow(context, 10, own, expected, counts, 'row 7 plus rows 8 to 10 (a running balance)');
 */
export function judgeSummaryRow(
  context: CheckContext,
  row: number,
  own: readonly number[],
  expected: readonly number[],
  counts: readonly number[],
  over: string,
): TotalTally {
  const tally: TotalTally = { row, over, checked: 0, exact: 0, withinRounding: 0, wrong: 0 };
  const columnChecks = context.totalColumnChecks;
  own.forEach((printed, f) => {
    if (printed !== printed || expected[f] !== expected[f]) return;
    tally.checked++;
    if (columnChecks) columnChecks[f]++;
    const gap = printed - expected[f];
    if (gap === 0) {
      tally.exact++;
      return;
    }
    const allowance = (counts[f] + 1) * context.allowance[f];
    const d = context.decimals[f];
    const got = shown(context, printed, d);
    const want = shown(context, expected[f], d);
    const by = shown(context, Math.abs(gap), d);
    const column = context.prepared.figureColumns[f];
    if (withinRounding(gap, allowance)) {
      tally.withinRounding++;
      report(context, {
        rule: 'total-mismatch',
        severity: 'info',
        row,
        column,
        message: `${rowName(context, row)} ${got} differs from ${over} (${want}) by ${by}: within rounding (up to ${shownTolerance(context, allowance)} for ${counts[f] + 1} figures shown to ${d} decimal place${d === 1 ? '' : 's'})`,
        expected: want,
        actual: got,
      });
      return;
    }
    tally.wrong++;
    report(context, {
      rule: 'total-mismatch',
      severity: 'error',
      row,
      column,
      message: `${rowName(context, row)} ${got} does not match ${over} (${want}): ${by} more than rounding can explain. Correct it to ${want}, or find the row that is wrong or missing`,
      expected: want,
      actual: got,
    });
  });
  (context.totalTallies ??= []).push(tally);
  return tally;
}

/**
 * How many of a row's shown figures fit `expected` within rounding, and how many it shows.
 *
 * @example
 * fitsOf(context, [394, 377], [396, 377], [4, 4]); // { fits: 2, shown: 2 }
 */
export function fitsOf(
  context: CheckContext,
  own: readonly number[],
  expected: readonly number[],
  counts: readonly number[],
): { fits: number; shown: number } {
  let fits = 0;
  let shownCount = 0;
  own.forEach((printed, f) => {
    if (printed !== printed || expected[f] !== expected[f]) return;
    shownCount++;
    if (withinRounding(printed - expected[f], (counts[f] + 1) * context.allowance[f])) fits++;
  });
  return { fits, shown: shownCount };
}

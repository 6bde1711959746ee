/**
 * `total-mismatch`: every total row, in every figure column, against the rows it adds up.
 *
 * A total covers the detail rows since the previous total (or since the last heading); a grand
 * total may instead equal the sum of the subtotals above it, or of every row since the last grand
 * total; and a third level (a grand total over directorate totals over subtotals) may equal the
 * group totals above it, or every row of the table. Each total row is judged against whichever of these matches the most columns, and any
 * column that still fails is reported against that reading.
 */
import type { PreparedTable } from '../grid/prepare';
import { HEADING, TOTAL } from '../grid/rowKind';
import type { FigureScan } from '../grid/scan';
import { type CheckContext, type Rule, report, scaleAll, shown, shownTolerance } from './context';
import { withinRounding } from './rounding';

const SINCE_TOTAL = 0;
const SINCE_HEADING = 1;
const SUBTOTALS = 2;
const EVERYTHING = 3;
const GROUP_TOTALS = 4;
const WHOLE_TABLE = 5;
const READINGS = 6;
const WHAT: readonly string[] = [
  'its rows',
  'its rows since the heading above',
  'the subtotals above it',
  'all the rows above it',
  'the group totals above it',
  'every row of the table above it',
];

// A class, not a closure per check: the pass calls `row` through one stable method, so the
// engine's optimised code for the pass survives from one check to the next.
class TotalRule implements Rule {
  private readonly columns: number;
  // Per boundary (a total or heading row): its row, kind, and per column the running sum and
  // count of shown figures before it, and (for totals) the printed total.
  readonly boundaryRows: number[] = [];
  readonly boundaryKinds: number[] = [];
  readonly sums: number[] = [];
  readonly shownCounts: number[] = [];
  readonly totals: number[] = [];

  constructor(prepared: PreparedTable) {
    this.columns = prepared.figureColumns.length;
  }

  row(row: number, kind: number, scan: FigureScan): void {
    if (kind !== TOTAL && kind !== HEADING) return;
    // The scan keeps running sums of the detail rows: note them here.
    const { units, runningSums, runningCounts } = scan;
    this.boundaryRows.push(row);
    this.boundaryKinds.push(kind);
    for (let f = 0; f < this.columns; f++) {
      this.sums.push(runningSums[f]);
      this.shownCounts.push(runningCounts[f]);
      this.totals.push(kind === TOTAL ? units[f] : NaN);
    }
  }

  widen(factor: number): void {
    scaleAll(this.sums, factor);
    scaleAll(this.totals, factor);
  }

  finish(context: CheckContext): void {
    judgeTotals(context, this);
  }
}

/**
 * The total rule: during the pass it notes the scan's running sums at each total and heading
 * row; afterwards it judges each total.
 *
 * @example
 * const rule = totalRule(prepared); // a sink for scanTable; rule.finish(context) reports
 */
export function totalRule(prepared: PreparedTable): Rule {
  return new TotalRule(prepared);
}

interface Boundaries {
  readonly boundaryRows: number[];
  readonly boundaryKinds: number[];
  readonly sums: number[];
  readonly shownCounts: number[];
  readonly totals: number[];
}

function judgeTotals(context: CheckContext, boundaries: Boundaries): void {
  const { boundaryRows, boundaryKinds, sums, shownCounts, totals } = boundaries;
  const columns = context.prepared.figureColumns.length;
  // Totals come in up to three levels: subtotals, group totals (adding up subtotals), and a
  // grand total over the groups. Each level keeps the sum of the totals below it.
  const subtotalSum = new Float64Array(columns);
  const subtotalCount = new Int32Array(columns);
  const groupSum = new Float64Array(columns);
  const groupCount = new Int32Array(columns);
  const matches = new Int32Array(READINGS);
  const available = new Uint8Array(READINGS);
  let lastTotal = -1;
  let lastHeading = -1;
  let lastGrand = -1;
  let lastTop = -1;
  const at = (b: number, f: number): number => (b < 0 ? 0 : sums[b * columns + f]);
  const countAt = (b: number, f: number): number => (b < 0 ? 0 : shownCounts[b * columns + f]);
  const from = (which: number): number =>
    which === SINCE_TOTAL
      ? lastTotal
      : which === SINCE_HEADING
        ? lastHeading
        : which === EVERYTHING
          ? lastGrand
          : lastTop;
  // Sum and count of shown figures of one reading of a total, without allocating.
  const sumOf = (which: number, b: number, f: number): number =>
    which === SUBTOTALS
      ? subtotalSum[f]
      : which === GROUP_TOTALS
        ? groupSum[f]
        : at(b, f) - at(from(which), f);
  const countOf = (which: number, b: number, f: number): number =>
    which === SUBTOTALS
      ? subtotalCount[f]
      : which === GROUP_TOTALS
        ? groupCount[f]
        : countAt(b, f) - countAt(from(which), f);
  const addTotals = (b: number, into: Float64Array, counts: Int32Array): void => {
    for (let f = 0; f < columns; f++) {
      const total = totals[b * columns + f];
      if (total !== total) continue;
      into[f] += total;
      counts[f]++;
    }
  };

  for (let b = 0; b < boundaryRows.length; b++) {
    if (boundaryKinds[b] === HEADING) {
      lastHeading = b;
      continue;
    }
    matches.fill(0);
    available.fill(0);
    let printed = 0;
    for (let f = 0; f < columns; f++) {
      const total = totals[b * columns + f];
      if (total !== total) continue;
      printed++;
      for (let which = 0; which < READINGS; which++) {
        // Readings that would repeat an earlier one are skipped.
        if (which === SINCE_HEADING && lastHeading <= lastTotal) continue;
        if (which === EVERYTHING && lastGrand >= lastTotal) continue;
        if (which === WHOLE_TABLE && lastTop >= lastGrand) continue;
        const count = countOf(which, b, f);
        if (count === 0) continue;
        available[which] = 1;
        if (withinRounding(total - sumOf(which, b, f), (count + 1) * context.allowance[f]))
          matches[which]++;
      }
    }
    // A total row with no figures, or with nothing above it to add up, is not judged.
    if (printed === 0) continue;
    let chosen = -1;
    for (let which = 0; which < READINGS; which++) {
      if (available[which] && (chosen < 0 || matches[which] > matches[chosen])) chosen = which;
    }
    if (chosen >= 0) {
      for (let f = 0; f < columns; f++) {
        const total = totals[b * columns + f];
        if (total !== total) continue;
        const sum = sumOf(chosen, b, f);
        if (total !== sum)
          reportTotal(context, boundaryRows[b], f, total, sum, countOf(chosen, b, f), WHAT[chosen]);
      }
    }
    if (chosen === GROUP_TOTALS || chosen === WHOLE_TABLE) {
      lastTop = b;
      lastGrand = b;
      groupSum.fill(0);
      groupCount.fill(0);
      subtotalSum.fill(0);
      subtotalCount.fill(0);
    } else if (chosen === SUBTOTALS || chosen === EVERYTHING) {
      lastGrand = b;
      addTotals(b, groupSum, groupCount);
      subtotalSum.fill(0);
      subtotalCount.fill(0);
    } else if (chosen >= 0) {
      addTotals(b, subtotalSum, subtotalCount);
    }
    lastTotal = b;
    lastHeading = b;
  }
}

function reportTotal(
  context: CheckContext,
  row: number,
  f: number,
  total: number,
  sum: number,
  count: number,
  what: string,
): void {
  const column = context.prepared.figureColumns[f];
  const d = context.decimals[f];
  const allowance = (count + 1) * context.allowance[f];
  const printed = shown(context, total, d);
  const expected = shown(context, sum, d);
  const gap = shown(context, Math.abs(total - sum), d);
  if (withinRounding(total - sum, allowance)) {
    const places = `${d} decimal place${d === 1 ? '' : 's'}`;
    report(
      context,
      'total-mismatch',
      'info',
      row,
      column,
      `Total ${printed} differs from ${what} (${expected}) by ${gap}: within rounding (up to ${shownTolerance(context, allowance)} for ${count + 1} figures shown to ${places})`,
      expected,
      printed,
    );
    return;
  }
  report(
    context,
    'total-mismatch',
    'error',
    row,
    column,
    `Total ${printed} does not match ${what} (${expected}): ${gap} more than rounding can explain. Correct the total to ${expected}, or find the row that is wrong or missing`,
    expected,
    printed,
  );
}

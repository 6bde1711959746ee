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
  readonly kinds = [TOTAL, HEADING];
  private readonly columns: number;
  // Per boundary b (a total or heading row): its row and kind; per column f, at (b + 1) x
  // columns + f, the running sum and count of shown figures before it, after a first row of
  // zeros for the top of the table (so every reading is one row less another); and at
  // b x columns + f the printed total (NaN for none). Typed arrays grown by doubling: a 100k-row
  // programme has thousands of boundaries x dozens of columns, and growing plain arrays one push
  // at a time cost more than the rest of the rule. Sums are whole units below 2^53 (checkGrid
  // keeps magnitudes there), which a Float64Array holds exactly, as a plain array would.
  count = 0;
  boundaryRows: Int32Array;
  boundaryKinds: Uint8Array;
  sums: Float64Array;
  shownCounts: Int32Array;
  totals: Float64Array;

  constructor(prepared: PreparedTable) {
    this.columns = prepared.figureColumns.length;
    // Room for a boundary every 16 rows (programmes close a group every 10-30 rows), so a big
    // programme rarely copies what it has noted; more boundaries grow the arrays.
    const capacity = Math.max(64, Math.ceil(prepared.values.length / 16));
    this.boundaryRows = new Int32Array(capacity);
    this.boundaryKinds = new Uint8Array(capacity);
    this.sums = new Float64Array((capacity + 1) * this.columns);
    this.shownCounts = new Int32Array((capacity + 1) * this.columns);
    this.totals = new Float64Array(capacity * this.columns);
  }

  row(row: number, kind: number, scan: FigureScan): void {
    if (this.count === this.boundaryRows.length) this.grow();
    const b = this.count++;
    this.boundaryRows[b] = row;
    this.boundaryKinds[b] = kind;
    // The scan keeps running sums of the detail rows: note them here.
    const { columns } = this;
    this.sums.set(scan.runningSums, (b + 1) * columns);
    this.shownCounts.set(scan.runningCounts, (b + 1) * columns);
    if (kind === TOTAL) this.totals.set(scan.units, b * columns);
    else this.totals.fill(NaN, b * columns, (b + 1) * columns);
  }

  private grow(): void {
    const bigger = this.boundaryRows.length * 2;
    const columns = this.columns;
    const boundaryRows = new Int32Array(bigger);
    boundaryRows.set(this.boundaryRows);
    this.boundaryRows = boundaryRows;
    const boundaryKinds = new Uint8Array(bigger);
    boundaryKinds.set(this.boundaryKinds);
    this.boundaryKinds = boundaryKinds;
    const sums = new Float64Array((bigger + 1) * columns);
    sums.set(this.sums);
    this.sums = sums;
    const shownCounts = new Int32Array((bigger + 1) * columns);
    shownCounts.set(this.shownCounts);
    this.shownCounts = shownCounts;
    const totals = new Float64Array(bigger * columns);
    totals.set(this.totals);
    this.totals = totals;
  }

  widen(factor: number): void {
    scaleAll(this.sums.subarray(0, (this.count + 1) * this.columns), factor);
    scaleAll(this.totals.subarray(0, this.count * this.columns), factor);
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
  readonly count: number;
  readonly boundaryRows: Int32Array;
  readonly boundaryKinds: Uint8Array;
  readonly sums: Float64Array;
  readonly shownCounts: Int32Array;
  readonly totals: Float64Array;
}

function judgeTotals(context: CheckContext, boundaries: Boundaries): void {
  const { count: boundaryCount, boundaryRows, boundaryKinds, totals } = boundaries;
  const columns = context.prepared.figureColumns.length;
  const readings = new Readings(boundaries, columns, context.allowance);
  // Per reading: how many columns it fits within rounding, -1 when it has nothing to add up.
  const matches = new Int32Array(READINGS);

  for (let b = 0; b < boundaryCount; b++) {
    if (boundaryKinds[b] === HEADING) {
      readings.lastHeading = b;
      continue;
    }
    const at = b * columns;
    let printed = 0;
    for (let f = 0; f < columns; f++) if (totals[at + f] === totals[at + f]) printed++;
    // A total row with no figures is not judged.
    if (printed === 0) continue;
    matches.fill(-1);
    for (let which = 0; which < READINGS; which++) {
      if (readings.skips(which)) continue;
      matches[which] = readings.matches(which, b);
      // A reading that fits every printed figure is chosen whatever the later ones find (they
      // would need more matches): most totals fit the first reading, so stop here.
      if (matches[which] === printed) break;
    }
    // A total with nothing above it to add up is not judged either.
    let chosen = -1;
    for (let which = 0; which < READINGS; which++) {
      if (matches[which] >= 0 && (chosen < 0 || matches[which] > matches[chosen])) chosen = which;
    }
    if (chosen >= 0) {
      readings.fill(chosen, b);
      const { sum, count } = readings;
      for (let f = 0; f < columns; f++) {
        const total = totals[at + f];
        if (total === total && total !== sum[f])
          reportTotal(context, boundaryRows[b], f, total, sum[f], count[f], WHAT[chosen]);
      }
    }
    readings.passed(b, chosen);
  }
}

/**
 * The readings of a total (see WHAT), each worked out for every column in one loop over plain
 * arrays, with no choice of reading per column: this runs for every column of every total of a
 * programme.
 */
class Readings {
  /** The reading last filled: per column, its sum and count of shown figures. */
  readonly sum: Float64Array;
  readonly count: Int32Array;
  // Totals come in up to three levels: subtotals, group totals (adding up subtotals), and a
  // grand total over the groups. Each level keeps the sum of the totals below it.
  private readonly subtotalSum: Float64Array;
  private readonly subtotalCount: Int32Array;
  private readonly groupSum: Float64Array;
  private readonly groupCount: Int32Array;
  // Boundaries the readings run from (-1: the top of the table).
  private lastTotal = -1;
  lastHeading = -1;
  private lastGrand = -1;
  private lastTop = -1;
  // Totals added to each level since it was last emptied.
  private subtotalsAdded = 0;
  private groupTotalsAdded = 0;

  constructor(
    private readonly boundaries: Boundaries,
    private readonly columns: number,
    private readonly allowances: readonly number[],
  ) {
    this.sum = new Float64Array(columns);
    this.count = new Int32Array(columns);
    this.subtotalSum = new Float64Array(columns);
    this.subtotalCount = new Int32Array(columns);
    this.groupSum = new Float64Array(columns);
    this.groupCount = new Int32Array(columns);
  }

  /**
   * True when a reading need not be worked out for the next total: it would repeat an earlier
   * one, or it adds up totals of a level that holds none yet (it would find nothing to add).
   */
  skips(which: number): boolean {
    if (which === SINCE_HEADING) return this.lastHeading <= this.lastTotal;
    if (which === EVERYTHING) return this.lastGrand >= this.lastTotal;
    if (which === WHOLE_TABLE) return this.lastTop >= this.lastGrand;
    if (which === SUBTOTALS) return this.subtotalsAdded === 0;
    if (which === GROUP_TOTALS) return this.groupTotalsAdded === 0;
    return false;
  }

  /**
   * How many printed figures of total `b` one reading fits within rounding; -1 when it has no
   * shown figure to add up in any column the total prints.
   */
  matches(which: number, b: number): number {
    const { columns, allowances } = this;
    const { totals, sums, shownCounts } = this.boundaries;
    const at = b * columns;
    let matches = 0;
    let available = false;
    if (which === SUBTOTALS || which === GROUP_TOTALS) {
      const levelSum = which === SUBTOTALS ? this.subtotalSum : this.groupSum;
      const levelCount = which === SUBTOTALS ? this.subtotalCount : this.groupCount;
      for (let f = 0; f < columns; f++) {
        const total = totals[at + f];
        const count = levelCount[f];
        if (total !== total || count === 0) continue;
        available = true;
        if (withinRounding(total - levelSum[f], (count + 1) * allowances[f])) matches++;
      }
    } else {
      // The reading runs from an earlier boundary: this one's running sums less that one's.
      const here = (b + 1) * columns;
      const there = (this.from(which) + 1) * columns;
      for (let f = 0; f < columns; f++) {
        const total = totals[at + f];
        const count = shownCounts[here + f] - shownCounts[there + f];
        if (total !== total || count === 0) continue;
        available = true;
        const sum = sums[here + f] - sums[there + f];
        if (withinRounding(total - sum, (count + 1) * allowances[f])) matches++;
      }
    }
    return available ? matches : -1;
  }

  /** Works out one reading of total `b` for every column into `sum` and `count`. */
  fill(which: number, b: number): void {
    const { sum, count, columns } = this;
    if (which === SUBTOTALS || which === GROUP_TOTALS) {
      sum.set(which === SUBTOTALS ? this.subtotalSum : this.groupSum);
      count.set(which === SUBTOTALS ? this.subtotalCount : this.groupCount);
      return;
    }
    const { sums, shownCounts } = this.boundaries;
    const here = (b + 1) * columns;
    const there = (this.from(which) + 1) * columns;
    for (let f = 0; f < columns; f++) {
      sum[f] = sums[here + f] - sums[there + f];
      count[f] = shownCounts[here + f] - shownCounts[there + f];
    }
  }

  /** The boundary a reading that runs from an earlier boundary starts at (-1: the top). */
  private from(which: number): number {
    if (which === SINCE_TOTAL) return this.lastTotal;
    if (which === SINCE_HEADING) return this.lastHeading;
    if (which === EVERYTHING) return this.lastGrand;
    return this.lastTop;
  }

  /** Total `b` was judged by reading `chosen` (-1: none): the levels above it move on. */
  passed(b: number, chosen: number): void {
    if (chosen === GROUP_TOTALS || chosen === WHOLE_TABLE) {
      this.lastTop = b;
      this.lastGrand = b;
      this.groupSum.fill(0);
      this.groupCount.fill(0);
      this.groupTotalsAdded = 0;
      this.subtotalSum.fill(0);
      this.subtotalCount.fill(0);
      this.subtotalsAdded = 0;
    } else if (chosen === SUBTOTALS || chosen === EVERYTHING) {
      this.lastGrand = b;
      this.addTotals(b, this.groupSum, this.groupCount);
      this.groupTotalsAdded++;
      this.subtotalSum.fill(0);
      this.subtotalCount.fill(0);
      this.subtotalsAdded = 0;
    } else if (chosen >= 0) {
      this.addTotals(b, this.subtotalSum, this.subtotalCount);
      this.subtotalsAdded++;
    }
    this.lastTotal = b;
    this.lastHeading = b;
  }

  private addTotals(b: number, into: Float64Array, counts: Int32Array): void {
    const { totals } = this.boundaries;
    for (let f = 0; f < this.columns; f++) {
      const total = totals[b * this.columns + f];
      if (total !== total) continue;
      into[f] += total;
      counts[f]++;
    }
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
    report(context, {
      rule: 'total-mismatch',
      severity: 'info',
      row,
      column,
      message: `Total ${printed} differs from ${what} (${expected}) by ${gap}: within rounding (up to ${shownTolerance(context, allowance)} for ${count + 1} figures shown to ${places})`,
      expected,
      actual: printed,
    });
    return;
  }
  report(context, {
    rule: 'total-mismatch',
    severity: 'error',
    row,
    column,
    message: `Total ${printed} does not match ${what} (${expected}): ${gap} more than rounding can explain. Correct the total to ${expected}, or find the row that is wrong or missing`,
    expected,
    actual: printed,
  });
}

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
import { cellText } from '../grid/cells';
import {
  type CheckContext,
  type Rule,
  type TotalTally,
  report,
  scaleAll,
  shown,
  shownTolerance,
} from './context';
import { withinRounding } from './rounding';

const SINCE_TOTAL = 0;
const SINCE_HEADING = 1;
const SUBTOTALS = 2;
const EVERYTHING = 3;
const GROUP_TOTALS = 4;
const WHOLE_TABLE = 5;
const READINGS = 6;
/** Boundary kinds beyond the row kinds: a group's first row, a new table (`Financed by`). */
export const GROUP = 7;
export const BREAK = 8;
/** Labels of totals that may be figures in their own right rather than sums of the rows above. */
const NOT_A_SUM =
  /\bresources\b|\bfunding\b|\bfinanc|\bavailable\b|\bestimated\b|\bsurplus\b|\bshortfall\b|\bbalance\b|\bbrought\s+forward\b|\bcarried\s+forward\b|\bb\/f\b|\bc\/f\b/i;
/** A total's label that leaves a row out: `Total (Not including Precept)`, `Total excluding HRA`. */
export const EXCLUDING =
  /\b(?:not\s+including|excluding|excl\.?|exclusive\s+of|other\s+than)\s+([^()]+?)\s*\)?\s*$/i;
/** A heading that starts a table of its own under the one above: how the spending is paid for. */
const NEW_BLOCK =
  /^(?:financed\s+by|funded\s+by|financing|funding|resources|sources\s+of\s+funding|capital\s+financing|capital\s+resources|how\s+(?:it\s+is|the\s+programme\s+is)\s+(?:funded|financed))\b/i;

function labelOf(context: CheckContext, row: number): string {
  const cells = context.prepared.values[row];
  if (!Array.isArray(cells)) return '';
  const words: string[] = [];
  for (const c of context.prepared.labelSearch) {
    const text = cellText(cells[c]);
    if (text !== undefined) words.push(text);
  }
  return words.join(' ');
}

/**
 * True when a heading row starts a new table (`Financed by:`, `Funding`) under the one above.
 *
 * @example
 * startsNewBlock(prepared, ['Financed by:', '']); // true
 */
export function startsNewBlock(prepared: PreparedTable, cells: readonly unknown[]): boolean {
  for (const c of prepared.labelSearch) {
    const text = cellText(cells[c]);
    if (text !== undefined && NEW_BLOCK.test(text)) return true;
  }
  return false;
}
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

  constructor(private readonly prepared: PreparedTable) {
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
    this.boundaryKinds[b] =
      kind === HEADING && startsNewBlock(this.prepared, scan.cells) ? BREAK : kind;
    // The scan keeps running sums of the detail rows: note them here.
    const { columns } = this;
    this.sums.set(scan.runningSums, (b + 1) * columns);
    this.shownCounts.set(scan.runningCounts, (b + 1) * columns);
    if (kind === TOTAL) this.totals.set(scan.units, b * columns);
    else this.totals.fill(NaN, b * columns, (b + 1) * columns);
  }

  /** A group starts on a detail row (its name in the group column): a boundary before the row. */
  groupStart(row: number, scan: FigureScan): void {
    this.row(row, GROUP, scan);
    const at = this.count * this.columns;
    for (let i = 0; i < scan.shownCount; i++) {
      const f = scan.shown[i];
      this.sums[at + f] -= scan.units[f];
      this.shownCounts[at + f]--;
    }
  }

  /**
   * True when a row with figures and no label is a total: most of its figures are the sums of
   * the rows since the last total or heading (the unlabelled total under a `Financed by` block).
   */
  unlabelledTotal(_row: number, scan: FigureScan): boolean {
    const unlabelled = this.hasNoLabel(scan.cells);
    if (this.sumsSince(scan)) {
      if (unlabelled) this.unlabelledTotals++;
      return true;
    }
    // A table that closes its blocks with unlabelled subtotals closes a one-line block (`Lettings
    // 20,000` then `20,000`) the same way: one row, perhaps nil, is then enough.
    return (
      unlabelled && this.unlabelledTotals > 0 && this.sumsFit(scan, this.count * this.columns, true)
    );
  }

  /** Unlabelled totals found so far. */
  private unlabelledTotals = 0;

  private hasNoLabel(cells: readonly unknown[]): boolean {
    for (const c of this.prepared.labelSearch) {
      const value = cells[c];
      if (
        value !== undefined &&
        value !== null &&
        !(typeof value === 'string' && value.trim() === '')
      )
        return false;
    }
    return true;
  }

  private sumsSince(scan: FigureScan): boolean {
    // Since the last boundary, else since the last total (or the top of the table).
    let lastTotal = this.count - 1;
    while (
      lastTotal >= 0 &&
      this.boundaryKinds[lastTotal] !== TOTAL &&
      this.boundaryKinds[lastTotal] !== BREAK
    )
      lastTotal--;
    return (
      this.sumsFit(scan, this.count * this.columns) ||
      (lastTotal < this.count - 1 && this.sumsFit(scan, (lastTotal + 1) * this.columns))
    );
  }

  /** True when most figures of the current row are the sums since the boundary noted at `at`. */
  private sumsFit(scan: FigureScan, at: number, oneRow = false): boolean {
    const decimals = Math.min(this.prepared.sampleDecimals, scan.scale);
    const half = 0.5 * 10 ** (scan.scale - decimals);
    let fits = 0;
    let enough = false;
    let nonZero = false;
    for (let i = 0; i < scan.shownCount; i++) {
      const f = scan.shown[i];
      const units = scan.units[f];
      const rows = scan.runningCounts[f] - 1 - this.shownCounts[at + f];
      if (rows >= 2 || (oneRow && rows === 1)) enough = true;
      if (rows < 1) continue;
      const sum = scan.runningSums[f] - units - this.sums[at + f];
      if (Math.abs(units - sum) <= (rows + 1) * half) {
        fits++;
        if (units !== 0 || oneRow) nonZero = true;
      }
    }
    return enough && nonZero && fits * 2 >= scan.shownCount;
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

  const tallies: TotalTally[] = [];
  const unchecked: { row: number; reason: string }[] = [];
  context.totalTallies = tallies;
  context.uncheckedTotals = unchecked;
  const columnChecks = new Int32Array(columns);
  context.totalColumnChecks = columnChecks;
  const groupRows: number[] = [];
  const blockRows: number[] = [];
  context.groupRows = groupRows;
  context.blockRows = blockRows;
  for (let b = 0; b < boundaryCount; b++) {
    if (boundaryKinds[b] === HEADING || boundaryKinds[b] === GROUP) {
      if (boundaryKinds[b] === GROUP) groupRows.push(boundaryRows[b]);
      readings.lastHeading = b;
      continue;
    }
    if (boundaryKinds[b] === BREAK) {
      blockRows.push(boundaryRows[b]);
      readings.restart(b);
      continue;
    }
    const at = b * columns;
    let printed = 0;
    for (let f = 0; f < columns; f++) if (totals[at + f] === totals[at + f]) printed++;
    // A total row with no figures is not judged.
    if (printed === 0) {
      // `Totals by Class` over the rows it heads: a heading, said so rather than skipped.
      unchecked.push({ row: boundaryRows[b], reason: 'it shows no figures (read as a heading)' });
      continue;
    }
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
    const row = boundaryRows[b];
    if (chosen >= 0 && matches[chosen] === 0 && NOT_A_SUM.test(labelOf(context, row))) {
      // `TOTAL ESTIMATED PROGRAMME RESOURCES`: a figure in its own right, not a sum of the rows.
      unchecked.push({
        row,
        reason: 'its label names a figure in its own right and no column adds up to it',
      });
      readings.passed(b, -1);
      continue;
    }
    if (chosen >= 0 && matches[chosen] < printed && EXCLUDING.test(labelOf(context, row))) {
      // `Total (Not including Precept)`: the rows above but the one it names, judged after the
      // pass (excludingTotalRule); the totals after it read on as if it were not there.
      (context.excludingTotals ??= []).push(row);
      readings.passed(b, -1);
      continue;
    }
    if (chosen >= 0) {
      readings.fill(chosen, b);
      const { sum, count } = readings;
      const tally: TotalTally = {
        row,
        over: WHAT[chosen],
        checked: 0,
        exact: 0,
        withinRounding: 0,
        wrong: 0,
      };
      const from = readings.fromRow(chosen);
      if (from !== undefined) tally.fromRow = from;
      for (let f = 0; f < columns; f++) {
        const total = totals[at + f];
        if (total !== total) continue;
        tally.checked++;
        columnChecks[f]++;
        if (total === sum[f]) {
          tally.exact++;
          continue;
        }
        const allowance = (count[f] + 1) * context.allowance[f];
        if (withinRounding(total - sum[f], allowance)) tally.withinRounding++;
        else tally.wrong++;
        reportTotal(context, row, f, total, sum[f], count[f], WHAT[chosen]);
      }
      tallies.push(tally);
    } else {
      unchecked.push({ row, reason: 'there are no rows above it to add up' });
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

  /** A new table starts at boundary `b` (a `Financed by` block): nothing above it is added. */
  restart(b: number): void {
    this.lastTotal = b;
    this.lastHeading = b;
    this.lastGrand = b;
    this.lastTop = b;
    this.subtotalSum.fill(0);
    this.subtotalCount.fill(0);
    this.groupSum.fill(0);
    this.groupCount.fill(0);
    this.subtotalsAdded = 0;
    this.groupTotalsAdded = 0;
  }

  /** The first grid row a reading that runs over rows starts after; undefined for sums of totals. */
  fromRow(which: number): number | undefined {
    if (which === SUBTOTALS || which === GROUP_TOTALS) return undefined;
    const from = this.from(which);
    if (from < 0) return -1;
    // A group's first row is one of its rows: the reading starts there, not after it.
    const row = this.boundaries.boundaryRows[from];
    return this.boundaries.boundaryKinds[from] === GROUP ? row - 1 : row;
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

/**
 * Relations a table states between its columns, found from the headers and confirmed by the
 * figures: a variance is the difference of two columns (in whichever sign convention the council
 * prints), a revised budget is the approved budget plus additions, a total column adds up the
 * year columns beside it. Words alone are not enough (councils head a variance `Rephasing`,
 * `Over/(Under)` or nothing at all, and compare it with any of several budgets), so a relation is
 * taken only when most rows of a sample fit it; the checks then judge every row against it.
 *
 * Reads a sample of rows only, so its cost does not grow with the table.
 */
import { toNumber } from '../money/decimal';
import { readAmountText } from './amountText';
import { cellResult, isBlankCell, isNilText } from './cells';
import type { PreparedTable } from './prepare';
import type { ColumnRole } from './types';

/** What a relation between columns says. */
export type RelationKind =
  /** target = plus - minus, a variance or difference. */
  | 'variance'
  /** target = approved + additions/reductions. */
  | 'revised'
  /** target = the sum of the columns beside it (a row total across year columns). */
  | 'row-total';

/** One relation between columns, as grid column indexes. */
export interface ColumnRelation {
  kind: RelationKind;
  /** The column that states the result (the variance, the revised budget, the row total). */
  target: number;
  /** Columns added. */
  plus: number[];
  /** Columns taken away. */
  minus: number[];
  /** How it was found: from the figures (with or without the header's words), or told by the user. */
  source: 'figures' | 'override';
  /** Rows of the sample with its figures, and how many of them fit it within rounding. */
  sampleRows: number;
  sampleFits: number;
}

/** Rows read to find the relations. */
const SAMPLE_ROWS = 200;
/** Columns of one kind beyond which pairs are not tried (a phasing grid of 40 quarters). */
const MOST_PAIR_COLUMNS = 12;
/** Figure columns beyond which row totals are not looked for (no printed table is that wide). */
const MOST_ROW_TOTAL_COLUMNS = 120;

const BUDGET_LIKE: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'budget',
  'all-years-budget',
  'amount',
]);
const COMPARATOR: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'forecast',
  'actual',
  'all-years-forecast',
]);

/** A sample of the figures: per sampled row, per figure column, the figure or NaN. */
interface Sample {
  rows: Float64Array[];
  /** Half a unit of the last place shown, the rounding of one figure. */
  half: number;
}

function readFigure(raw: unknown, prepared: PreparedTable, column: number): number {
  const value = cellResult(raw);
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string' || isBlankCell(value)) return NaN;
  const text = value.trim();
  if (isNilText(text)) return 0;
  const read = readAmountText(text, prepared.columns[column].unit);
  return read ? toNumber(read.value) : NaN;
}

function decimalsOf(value: number): number {
  let places = 0;
  let scaled = Math.abs(value);
  while (places < 6 && Math.abs(scaled - Math.round(scaled)) > 1e-9 * Math.max(1, scaled)) {
    places++;
    scaled *= 10;
  }
  return places;
}

function takeSample(prepared: PreparedTable): Sample {
  const { values, figureColumns, firstDataRow } = prepared;
  const rows: Float64Array[] = [];
  let places = 0;
  for (let r = firstDataRow; r < values.length && rows.length < SAMPLE_ROWS; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const figures = new Float64Array(figureColumns.length);
    let shown = 0;
    for (let f = 0; f < figureColumns.length; f++) {
      figures[f] = readFigure(row[figureColumns[f]], prepared, figureColumns[f]);
      if (figures[f] === figures[f]) {
        shown++;
        places = Math.max(places, decimalsOf(figures[f]));
      }
    }
    if (shown >= 2) rows.push(figures);
  }
  return { rows, half: 0.5 * 10 ** -places };
}

interface Fit {
  rows: number;
  fits: number;
  /** Rows that fit with every operand non-zero: evidence beyond nil columns. */
  telling: number;
}

/**
 * How a sample fits target = sum(plus) - sum(minus). A row counts when the target or two
 * operands show a figure; a blank or nil operand is nothing.
 */
function fitOf(sample: Sample, target: number, plus: number[], minus: number[]): Fit {
  const fit: Fit = { rows: 0, fits: 0, telling: 0 };
  const operands = plus.length + minus.length;
  // More misses than this and the relation cannot hold: stop reading (most pairs fail at once).
  const mostMisses = Math.max(1, Math.floor(sample.rows.length / 4));
  for (const row of sample.rows) {
    if (fit.rows - fit.fits > mostMisses) break;
    const t = row[target];
    let expected = 0;
    let shown = 0;
    let nonZero = 0;
    for (const f of plus) {
      const x = row[f];
      if (x === x) {
        expected += x;
        shown++;
        if (x !== 0) nonZero++;
      }
    }
    for (const f of minus) {
      const x = row[f];
      if (x === x) {
        expected -= x;
        shown++;
        if (x !== 0) nonZero++;
      }
    }
    if (t !== t || shown === 0) continue;

    fit.rows++;
    const tolerance = (shown + 1) * sample.half * 1.000001;
    if (Math.abs(t - expected) <= tolerance) {
      fit.fits++;
      if (nonZero >= Math.min(2, operands) && t !== 0) fit.telling++;
    }
  }
  return fit;
}

/**
 * Most rows fit: all but a quarter (at least one may be a typo), and two tell. Where the header
 * names the relation (a Variance column, a revised budget beside Additions), half the rows will do.
 */
function holds(fit: Fit, named = false): boolean {
  if (fit.rows < 2 || fit.fits < 2 || fit.telling < 1) return false;
  if (named) return fit.fits * 2 >= fit.rows;
  return fit.rows - fit.fits <= Math.max(1, Math.floor(fit.rows / 4));
}

/**
 * True when most rows of a sample of the table fit target = sum(plus) - sum(minus) (grid
 * column indexes of figure columns).
 *
 * @example
 * relationHolds(prepared, 4, [1, 2, 3], []); // a Total column over three year columns
 */
export function relationHolds(
  prepared: PreparedTable,
  target: number,
  plus: readonly number[],
  minus: readonly number[],
  mostRows = true,
): boolean {
  const figureOf = (column: number) => prepared.figureColumns.indexOf(column);
  const t = figureOf(target);
  const p = plus.map(figureOf);
  const m = minus.map(figureOf);
  if (t < 0 || p.includes(-1) || m.includes(-1)) return false;
  const fit = fitOf(takeSample(prepared), t, p, m);
  return mostRows ? holds(fit) : fit.rows < 2 || fit.fits * 2 >= fit.rows;
}

interface Candidate {
  relation: ColumnRelation;
  score: number;
  columns: number[];
}

/** The words of the slippage part of a split variance: `Slippage`, `of which rephasing`. */
const SLIPPAGE_HEADER = /\bslippage\b|\bre-?phas(?:ing|ed)\b/i;

/** The words of a total column's header: `Total`, `Total £'000`, `All years`. */
const TOTAL_HEADER = /\btotals?\b|\ball[\s-]*years?\b|\bwhole[\s-]*life\b/i;

/**
 * Finds the relations between the figure columns of a prepared table: each variance column with
 * the two columns it compares, revised = approved + additions, and row totals across the
 * columns beside them. Each column is the result of one relation at most.
 *
 * @example
 * findRelations(prepareTable({ values: [['Scheme', 'Budget', 'Actual', 'Over/(Under)'], ['A', 10, 12, 2], ['B', 5, 4, -1]] })!);
 * // [{ kind: 'variance', target: 3, plus: [2], minus: [1], ... }]
 */
export function findRelations(prepared: PreparedTable): ColumnRelation[] {
  const { figureColumns, columns } = prepared;
  const roleOf = (f: number): ColumnRole => columns[figureColumns[f]].role;
  const sample = takeSample(prepared);
  if (sample.rows.length < 2) return [];
  const money: number[] = [];
  figureColumns.forEach((_, f) => {
    if (roleOf(f) !== 'period') money.push(f);
  });
  // A short table's year columns may be its budget (`2019/20 Budget`): try them too.
  const pairColumns =
    figureColumns.length <= MOST_PAIR_COLUMNS
      ? figureColumns.map((_, f) => f)
      : money.length <= MOST_PAIR_COLUMNS
        ? money
        : [];
  const candidates: Candidate[] = [];
  const add = (
    kind: RelationKind,
    t: number,
    plus: number[],
    minus: number[],
    score: number,
    named = false,
  ) => {
    const fit = fitOf(sample, t, plus, minus);
    if (!holds(fit, named)) return;
    const relation: ColumnRelation = {
      kind,
      target: figureColumns[t],
      plus: plus.map((f) => figureColumns[f]),
      minus: minus.map((f) => figureColumns[f]),
      source: 'figures',
      sampleRows: fit.rows,
      sampleFits: fit.fits,
    };
    candidates.push({
      relation,
      score: score + fit.fits / fit.rows,
      columns: [t, ...plus, ...minus].sort((a, b) => a - b),
    });
  };
  // A variance is a column headed as one or an unnamed one; a revised budget, a budget or an
  // unnamed column. A named budget, forecast or actual is never worked out from a variance.
  for (const t of pairColumns) {
    const role = roleOf(t);
    const asVariance = role === 'variance' || role === 'amount';
    const asSum =
      role === 'budget' || role === 'amount' || role === 'all-years-budget' || role === 'period';
    if (!asVariance && !asSum) continue;
    for (const a of pairColumns) {
      if (a === t || roleOf(a) === 'variance') continue;
      for (const b of pairColumns) {
        if (b === t || b === a || roleOf(b) === 'variance') continue;
        if (asVariance) {
          let score = role === 'variance' ? 4 : 0;
          if (BUDGET_LIKE.has(roleOf(a)) !== BUDGET_LIKE.has(roleOf(b))) score += 1;
          if (COMPARATOR.has(roleOf(a)) || COMPARATOR.has(roleOf(b))) score += 1;
          add('variance', t, [a], [b], score, role === 'variance');
        }
        // One year is never the sum of two other years (`2021/22 = 2018/19 + 2023/24` is chance).
        const years = role === 'period' && roleOf(a) === 'period' && roleOf(b) === 'period';
        if (asSum && a < b && !years) {
          const additions = roleOf(a) === 'additions' || roleOf(b) === 'additions';
          const revised = role === 'budget' && columns[figureColumns[t]].budgetKind === 'revised';
          add(
            'revised',
            t,
            [a, b],
            [],
            (additions ? 3 : 0) + (revised ? 2 : 0) - 0.5,
            additions && role === 'budget',
          );
        }
      }
    }
  }
  // A variance split in two (slippage + under/overspend = the in-year variance, DOMAIN.md): a
  // slippage column is then one variance less the other, not budget less forecast. It must fit
  // most rows, and it outranks budget less forecast, which fits every scheme without a real
  // under- or overspend.
  for (const t of pairColumns) {
    if (roleOf(t) !== 'variance' || !SLIPPAGE_HEADER.test(columns[figureColumns[t]].header))
      continue;
    for (const a of pairColumns) {
      if (a === t || roleOf(a) !== 'variance') continue;
      for (const b of pairColumns)
        if (b !== t && b !== a && roleOf(b) === 'variance') add('variance', t, [a], [b], 7);
    }
  }
  // Row totals: a run of two or more figure columns just left or right of the total.
  const rowTotalColumns = figureColumns.length <= MOST_ROW_TOTAL_COLUMNS ? figureColumns.length : 0;
  for (let t = 0; t < rowTotalColumns; t++) {
    if (roleOf(t) === 'variance' || roleOf(t) === 'period') continue;
    const header = columns[figureColumns[t]].header;
    const named = TOTAL_HEADER.test(header) ? 3 : 0;
    for (const step of [-1, 1]) {
      let best: number[] | undefined;
      const run: number[] = [];
      for (let f = t + step; f >= 0 && f < figureColumns.length; f += step) {
        if (roleOf(f) === 'variance' || Math.abs(figureColumns[f] - figureColumns[f - step]) > 2)
          break;
        run.push(f);
        if (run.length >= 2 && holds(fitOf(sample, t, run, []))) best = [...run];
      }
      // Two columns alone may as well be a variance's budget and spend: a row total of two
      // needs its header to say Total, or year columns to add.
      const years = best?.every((f) => roleOf(f) === 'period') === true;
      if (best && (best.length >= 3 || named > 0 || years))
        add('row-total', t, best, [], named + 1 + best.length / 100);
    }
  }
  return choose(candidates);
}

/** Keeps the best candidate of each set of columns, and one relation per target column. */
function choose(candidates: Candidate[]): ColumnRelation[] {
  candidates.sort((x, y) => y.score - x.score || y.relation.target - x.relation.target);
  const chosen: ColumnRelation[] = [];
  const targets = new Set<number>();
  const sets = new Set<string>();
  for (const candidate of candidates) {
    const key = candidate.columns.join(',');
    if (targets.has(candidate.relation.target) || sets.has(key)) continue;
    targets.add(candidate.relation.target);
    sets.add(key);
    chosen.push(candidate.relation);
  }
  return chosen.sort((x, y) => x.target - y.target);
}

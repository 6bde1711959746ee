/**
 * Totals of subtotals whose label does not say Total: a parish budget closes its expenditure
 * groups with `Total (Administration)`, `Total (Street Lighting)`... and then prints
 * `Operational Expeniture` (sic), the sum of those subtotals, with `Operational Income` above it.
 * The total rule only knows rows that say Total; this rule reads the few rows after the last
 * total, straight from the grid, after the pass.
 *
 * A row there is such a total when its figures equal the sum of a run of the subtotals above it,
 * in every figure column (two subtotals or more), or when its label names a heading above it
 * (`EXPENDITURE` for `Operational Expeniture`, allowing one letter's slip in a long word): then it
 * adds up the subtotals under that heading, and a wrong figure is found at its cell. A row that
 * fits neither is left alone.
 */
import { BLANK, DETAIL, HEADING, TOTAL } from '../grid/rowKind';
import type { CheckContext } from './context';
import { rowLabelText, rowUnits } from './rowFigures';
import { fitsOf, judgeSummaryRow } from './summaryRow';

/** Rows after the last total where a total of subtotals may be. */
const NEAR_THE_LAST_TOTAL = 6;
/** Subtotals above such a row that may be in its run (the nearest ones). */
const MOST_SUBTOTALS = 60;
/** Readings of a total that add up the totals before it: those are then not subtotals of a run. */
const OVER_TOTALS = /subtotals above|group totals above|all the rows above|every row of the table/;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length >= 3);
}

/** True when two words are the same, or one letter apart (added, dropped or changed) in a long word. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 6 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}

/** True when every word of a heading is in the label (`EXPENDITURE` in `Operational Expeniture`). */
function names(label: string, heading: string): boolean {
  const wanted = words(heading);
  const have = words(label);
  return wanted.length > 0 && wanted.every((w) => have.some((h) => sameWord(w, h)));
}

function sheetRow(context: CheckContext, row: number): number {
  return context.prepared.origin.row + row + 1;
}

function listRows(context: CheckContext, rows: readonly number[]): string {
  const numbers = rows.map((row) => sheetRow(context, row));
  if (numbers.length === 1) return `the total at row ${numbers[0]}`;
  return `the subtotals at rows ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/**
 * Checks the rows after the last total that add up subtotals above them without saying Total.
 * Rows in `taken` are left alone. Returns the rows read as such totals.
 *
 * @example
 * checkBlockTotals(context, new Set()); // [71]: row 72 adds up the subtotals at rows 24 to 68
 */
export function checkBlockTotals(context: CheckContext, taken: ReadonlySet<number>): number[] {
  const { prepared, scan } = context;
  const end = scan.kinds.length;
  const figures = prepared.figureColumns.length;
  // The subtotals a row may add up: totals not themselves added up by a later total.
  const subtotals: number[] = [];
  const tallies = new Map((context.totalTallies ?? []).map((tally) => [tally.row, tally]));
  let lastTotal = -1;
  for (let r = prepared.firstDataRow; r < end; r++) {
    if (scan.kinds[r] !== TOTAL) continue;
    lastTotal = r;
    const over = tallies.get(r)?.over ?? '';
    if (OVER_TOTALS.test(over)) subtotals.length = 0;
    subtotals.push(r);
  }
  const found: number[] = [];
  if (lastTotal < 0) return found;
  const nearest = subtotals.slice(-MOST_SUBTOTALS);
  const units = nearest.map((row) => rowUnits(context, row));
  const headings: number[] = [];
  for (let r = prepared.firstDataRow; r < lastTotal; r++)
    if (scan.kinds[r] === HEADING) headings.push(r);
  // Candidates: the detail rows just after the last total, each with the heading it names.
  const candidates: { row: number; heading: number }[] = [];
  for (let r = lastTotal + 1; r < end && r <= lastTotal + NEAR_THE_LAST_TOTAL; r++) {
    if (scan.kinds[r] === BLANK) continue;
    if (scan.kinds[r] !== DETAIL) break;
    if (taken.has(r)) continue;
    const label = rowLabelText(context, r);
    let heading = -1;
    for (let h = headings.length - 1; h >= 0 && heading < 0; h--)
      if (names(label, rowLabelText(context, headings[h]))) heading = headings[h];
    candidates.push({ row: r, heading });
  }
  const named = candidates.map((c) => c.heading).filter((h) => h >= 0);
  for (const { row, heading } of candidates) {
    const own = rowUnits(context, row);
    const sumOf = (from: number, to: number) => {
      const expected = new Array<number>(figures).fill(NaN);
      const counts = new Array<number>(figures).fill(0);
      for (let i = from; i <= to; i++)
        units[i].forEach((x, f) => {
          if (x !== x) return;
          expected[f] = (expected[f] === expected[f] ? expected[f] : 0) + x;
          counts[f]++;
        });
      return { expected, counts };
    };
    // By the figures: the longest run of subtotals (two or more) that every column fits, the
    // runs ending nearest the row first. Sums grow one subtotal at a time (no run is re-added).
    let best: { from: number; to: number } | undefined;
    for (let to = nearest.length - 1; to >= 1 && best === undefined; to--) {
      const expected = new Array<number>(figures).fill(NaN);
      const counts = new Array<number>(figures).fill(0);
      for (let from = to; from >= 0; from--) {
        units[from].forEach((x, f) => {
          if (x !== x) return;
          expected[f] = (expected[f] === expected[f] ? expected[f] : 0) + x;
          counts[f]++;
        });
        if (from === to) continue;
        const { fits, shown } = fitsOf(context, own, expected, counts);
        const telling = own.some((x, f) => x === x && x !== 0 && expected[f] !== 0);
        if (shown > 0 && fits === shown && telling) best = { from, to };
      }
    }
    // By the label: the subtotals under the heading it names, up to the next heading another
    // such row names.
    if (best === undefined && heading >= 0) {
      const next = Math.min(...named.filter((h) => h > heading), row);
      const inside = nearest
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => r > heading && r < next)
        .map(({ i }) => i);
      if (inside.length > 0) best = { from: inside[0], to: inside[inside.length - 1] };
    }
    if (best === undefined) continue;
    const { expected, counts } = sumOf(best.from, best.to);
    const rows = nearest.slice(best.from, best.to + 1);
    judgeSummaryRow(
      context,
      row,
      own,
      expected,
      counts,
      `${listRows(context, rows)} (a total of subtotals; its label does not say Total)`,
    );
    found.push(row);
  }
  return found;
}

/**
 * Running balances, which add the movement since the last figure to it rather than adding up
 * rows from nothing:
 *
 * - down the rows: a row that carries on from the total (or opening balance) above it with the rows since
 *   (`Net Budget Requirement` 68.2, less grants and business rates, gives `Council tax
 *   requirement` 37.7 = 68.2 - 10.3 - 19.8 - 0.4);
 * - across the columns: a cumulative row, each year the previous year's cumulative figure plus
 *   this year's movement in the row above (`Cumulative Surplus/Deficit (-)` -1.4, 1.7, 34.1 over
 *   the yearly balances -1.4, 3.1, 32.4).
 *
 * Such rows are rare and few rows can be one (after a total, or under a movement row), so they
 * are read after the pass, straight from the grid. A row is taken as a balance when its label
 * names one (`requirement`, `net`, `balance`, `closing`, `carried forward`...) and most of its
 * figures fit (a typo in one column is then found at its cell); a row that does not is left alone.
 */
import { BLANK, DETAIL, HEADING, TOTAL } from '../grid/rowKind';
import type { CheckContext } from './context';
import { rowNamed, rowUnits } from './rowFigures';
import { fitsOf, judgeSummaryRow } from './summaryRow';
import { startsNewBlock } from './totalRule';

/** Labels of a row that carries a balance on from the rows above. */
const BALANCE_LABEL =
  /\brequirement\b|\bnet\b|\bbalance\b|\bcarried\s+forward\b|\bc\/f\b|\bremaining\b|\bafter\b|\bposition\b|\bclosing\b|\bcumulative\b|\brunning\b|\bto\s+date\b/i;
/** Labels of a row a balance starts from, as a total does: `Opening Capital Financing Requirement`. */
const OPENING_LABEL =
  /\bopening\b|\bbrought\s+forward\b|\bb\/fw?d?\b|\bbalance\s+(?:at|as\s+at)\s+(?:the\s+)?(?:start|beginning)\b/i;
/** Labels of a cumulative row across the columns. */
const CUMULATIVE_LABEL = /\bcumulative\b|\brunning\b|\bto\s+date\b|\bprogressive\b/i;
/** Movement rows after a total beyond which a balance is not looked for. */
const MOST_MOVEMENTS = 12;
/** Rows after a balance or surplus row, and at the end of the table, where a cumulative row may be. */
const NEAR_A_RESULT = 3;
const NEAR_THE_END = 3;
/** Rows above a cumulative row where its movement row may be. */
const MOVEMENT_ROWS_ABOVE = 3;

function sheetRow(context: CheckContext, row: number): number {
  return context.prepared.origin.row + row + 1;
}

function span(context: CheckContext, from: number, to: number): string {
  return from === to
    ? `row ${sheetRow(context, from)}`
    : `rows ${sheetRow(context, from)} to ${sheetRow(context, to)}`;
}

/**
 * Checks each row that carries a balance on from the total (or balance) above it plus the rows
 * since, in every figure column. Rows in `taken` (already read as something else) are neither
 * balances nor movements. Returns the rows read as balances.
 *
 * @example
 * checkRunningBalances(context, new Set()); // [10]: row 11 = row 7 plus rows 8 to 10
 */
export function checkRunningBalances(context: CheckContext, taken: ReadonlySet<number>): number[] {
  const { prepared, scan } = context;
  const figures = prepared.figureColumns.length;
  const found: number[] = [];
  let anchor = -1;
  let anchorUnits: number[] = [];
  let firstMovement = -1;
  let movements = 0;
  const moved = new Array<number>(figures).fill(0);
  const counts = new Array<number>(figures).fill(0);
  const nonZero = new Array<boolean>(figures).fill(false);
  // A balance closes its run of rows (the last before a heading, a blank, a total or the end) and
  // is named so (`Council tax requirement`, `Closing ...`): an anchor with no such row within
  // MOST_MOVEMENTS rows after it is dropped before any row is read (a programme's subtotals, each
  // followed by twenty schemes, cost one look at the kinds).
  const kinds = scan.kinds;
  // The rows other checks read, as a flag per row (looked up for every row after a subtotal).
  const takenRows = new Uint8Array(kinds.length);
  for (const row of taken) if (row >= 0 && row < kinds.length) takenRows[row] = 1;
  const isTaken = (row: number): boolean => takenRows[row] === 1;
  const balanceAhead = (row: number): boolean => {
    let details = 0;
    for (let r = row + 1; r < kinds.length; r++) {
      const kind = kinds[r];
      if (kind === BLANK || kind === HEADING) continue;
      if (kind !== DETAIL || isTaken(r)) return false;
      if (++details > MOST_MOVEMENTS + 1) return false;
      const closes = r + 1 >= kinds.length || kinds[r + 1] !== DETAIL || isTaken(r + 1);
      if (details >= 2 && closes && rowNamed(context, r, BALANCE_LABEL)) return true;
    }
    return false;
  };
  const startFrom = (row: number, units: number[]) => {
    anchor = row;
    anchorUnits = units;
    movements = 0;
    firstMovement = -1;
    moved.fill(0);
    nonZero.fill(false);
    for (let f = 0; f < figures; f++) counts[f] = units[f] === units[f] ? 1 : 0;
  };
  let blockStart = true;
  for (let r = prepared.firstDataRow; r < scan.kinds.length; r++) {
    const kind = scan.kinds[r];
    // Most rows: a scheme with no balance being run and no block starting.
    if (kind === DETAIL && anchor < 0 && !blockStart) continue;
    if (kind !== DETAIL) blockStart = true;
    if (kind === TOTAL) {
      anchor = -1;
      if (!balanceAhead(r)) continue;
      const units = rowUnits(context, r);
      if (units.some((x) => x === x)) startFrom(r, units);
      continue;
    }
    if (kind === HEADING) {
      const cells = prepared.values[r];
      if (Array.isArray(cells) && startsNewBlock(prepared, cells)) anchor = -1;
      continue;
    }
    if (kind === BLANK) continue;
    if (kind !== DETAIL || isTaken(r)) {
      anchor = -1;
      continue;
    }
    // An opening balance starts a block (a programme's 100k schemes are not all read for it).
    const first = blockStart;
    blockStart = false;
    if (first && rowNamed(context, r, OPENING_LABEL) && balanceAhead(r)) {
      const opening = rowUnits(context, r);
      if (opening.some((x) => x === x)) {
        startFrom(r, opening);
        continue;
      }
    }
    if (anchor < 0) continue;
    const own = rowUnits(context, r);
    if (movements > 0) {
      const expected = anchorUnits.map((a, f) =>
        a !== a && counts[f] === 0 ? NaN : (a === a ? a : 0) + moved[f],
      );
      const { fits, shown } = fitsOf(context, own, expected, counts);
      const telling = own.some((x, f) => x === x && x !== 0 && nonZero[f]);
      const named = rowNamed(context, r, BALANCE_LABEL);
      if (named && telling && fits > 0 && fits * 2 >= shown) {
        judgeSummaryRow(
          context,
          r,
          own,
          expected,
          counts,
          `${span(context, anchor, anchor)} plus ${span(context, firstMovement, r - 1)} (a running balance)`,
        );
        found.push(r);
        startFrom(r, own);
        continue;
      }
    }
    if (++movements > MOST_MOVEMENTS) {
      anchor = -1;
      continue;
    }
    if (firstMovement < 0) firstMovement = r;
    own.forEach((x, f) => {
      if (x !== x) return;
      moved[f] += x;
      counts[f]++;
      if (x !== 0) nonZero[f] = true;
    });
  }
  return found;
}

/**
 * Checks each row that runs a cumulative figure across the columns: in each column the movement
 * row above it added up from the first column (`Cumulative Surplus/Deficit (-)` under `Balance
 * Surplus/Deficit (-)`). Only figure columns side by side count. Returns the rows read as
 * cumulative.
 *
 * @example
 * checkCumulativeRows(context, new Set()); // [14]: row 15 = row 14 added up across the years
 */
export function checkCumulativeRows(context: CheckContext, taken: ReadonlySet<number>): number[] {
  const { prepared, scan } = context;
  const { figureColumns, columns } = prepared;
  // The run of money columns side by side from the first one (no percentages).
  let run = 0;
  while (
    run < figureColumns.length &&
    !columns[figureColumns[run]].percent &&
    (run === 0 || figureColumns[run] - figureColumns[run - 1] === 1)
  )
    run++;
  const found: number[] = [];
  if (run < 2) return found;
  // A cumulative row follows the balance or surplus row it runs on, or ends the table: only those
  // rows are read, not every scheme of a programme.
  const end = scan.kinds.length;
  const near = new Set<number>();
  for (let r = Math.max(prepared.firstDataRow + 1, end - NEAR_THE_END); r < end; r++) near.add(r);
  for (const row of taken)
    for (let next = row + 1; next <= row + NEAR_A_RESULT && next < end; next++) near.add(next);
  const candidates = [...near].sort((x, y) => x - y);
  for (const r of candidates) {
    if (scan.kinds[r] !== DETAIL || taken.has(r)) continue;
    // Named so (`Cumulative Surplus/Deficit (-)`): the rows after a programme's subtotals are not read.
    const named = rowNamed(context, r, CUMULATIVE_LABEL);
    if (!named) continue;
    const own = rowUnits(context, r).slice(0, run);
    if (own.some((x) => x !== x)) continue;
    for (let m = r - 1; m >= Math.max(prepared.firstDataRow, r - MOVEMENT_ROWS_ABOVE); m--) {
      if (scan.kinds[m] !== DETAIL && scan.kinds[m] !== TOTAL) continue;
      const movement = rowUnits(context, m).slice(0, run);
      const expected: number[] = [];
      const counts: number[] = [];
      let sum = 0;
      let shownSoFar = 0;
      movement.forEach((x) => {
        if (x === x) {
          sum += x;
          shownSoFar++;
        }
        expected.push(sum);
        counts.push(Math.max(1, shownSoFar));
      });
      // It must run on: a later column differs from its own movement, and something moved.
      const runsOn = own.some((x, f) => f > 0 && movement[f] === movement[f] && x !== movement[f]);
      const moves = movement.some((x, f) => f > 0 && x === x && x !== 0);
      if (!runsOn || !moves) continue;
      const { fits, shown } = fitsOf(context, own, expected, counts);
      if (fits === shown || (shown >= 3 && fits >= shown - 1)) {
        const full = [...own, ...new Array<number>(figureColumns.length - run).fill(NaN)];
        judgeSummaryRow(
          context,
          r,
          full,
          [...expected, ...new Array<number>(figureColumns.length - run).fill(NaN)],
          [...counts, ...new Array<number>(figureColumns.length - run).fill(0)],
          `row ${sheetRow(context, m)} added up across the columns from ${columns[figureColumns[0]].letters} (a cumulative balance)`,
        );
        found.push(r);
        break;
      }
      break;
    }
  }
  return found;
}

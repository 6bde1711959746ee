/**
 * A surplus or shortfall row: resources less expenditure, two rows of the same columns above it
 * (`Balance Surplus/Deficit (-)` = `Total Funding` - `Total Payments`; `End of Year Position` =
 * `Operational Income` - `Operational Expenditure`). Such rows are rare, so they are read after
 * the pass, straight from the grid.
 */
import { type CheckContext, report, rowName } from './context';
import { figureAt as figure, rowLabelText as label } from './rowFigures';

/**
 * Labels of a row stating one row less another: resources less spending (`Surplus`,
 * `End of Year Position`), spending less income (`Net Expenditure`, `Expenditure over income`),
 * a closing balance less the opening one (`(Decrease) / Increase in Capital Financing Requirement`).
 */
const DIFFERENCE_LABEL = new RegExp(
  [
    /\bsurplus\b|\bshortfall\b|\bdeficit\b|\bbalance\b|\bend\s+of\s+year\s+position\b|\bnet\s+position\b/
      .source,
    /\b(?:under|over)\s*(?:\/|or)?\s*\(?(?:over|under)\)?\s*(?:funding|funded)\b/.source,
    /\bnet\s+(?:expenditure|spend(?:ing)?|costs?)\b/.source,
    /\b(?:expenditure|spending|costs?|payments|income|receipts|resources)\s+(?:over|less|minus)\s+(?:income|receipts|expenditure|spending|costs?|payments)\b/
      .source,
    /\b(?:increase|decrease|movement|change)\s+in\b/.source,
  ].join('|'),
  'i',
);
/** Rows after a total where a surplus row may be. */
const NEAR_A_TOTAL = 6;
/** Rows above a surplus row that may be its resources or its spending. */
const ROWS_ABOVE = 12;

/** One surplus row found and what it was checked against (0-based grid rows). */
export interface DifferenceTally {
  row: number;
  resources: number;
  spending: number;
  checked: number;
  exact: number;
  withinRounding: number;
  wrong: number;
}

/**
 * Checks each surplus or shortfall row against the pair of rows above it whose difference it is
 * in most columns; a row that fits no pair is left alone.
 *
 * @example
 * checkDifferences(context); // 'Balance Surplus/Deficit (-)' = 'Total Funding' - 'Total Payments'
 */
export function checkDifferences(context: CheckContext): DifferenceTally[] {
  const { prepared, scan } = context;
  const tallies: DifferenceTally[] = [];
  const columns = prepared.figureColumns;
  // A surplus row follows the totals it compares, or ends the table: only rows near a total or
  // at the end are read (a programme of 100k schemes has no reason to test every label).
  // Rows up to here (exclusive) after the last total seen are candidates, and the last three rows:
  // one walk in row order, with no set of row numbers to build and sort.
  const end = prepared.values.length;
  const lastThree = Math.max(prepared.firstDataRow, end - 3);
  let nearUntil = -1;
  for (let r = prepared.firstDataRow; r < end; r++) {
    const kind = scan.kinds[r];
    const candidate = r < nearUntil || r >= lastThree;
    if (kind === 5 /* TOTAL */) nearUntil = r + 1 + NEAR_A_TOTAL;
    if (!candidate) continue;
    if (kind !== 4 /* DETAIL */ || !DIFFERENCE_LABEL.test(label(context, r))) continue;
    const own = columns.map((c) => figure(context, r, c));
    const shown = own.filter((x) => x === x).length;
    if (shown === 0) continue;
    const above: number[] = [];
    for (let a = r - 1; a >= prepared.firstDataRow && above.length < ROWS_ABOVE; a--) {
      if (scan.kinds[a] === 4 || scan.kinds[a] === 5) above.push(a);
    }
    const rows = above.map((a) => columns.map((c) => figure(context, a, c)));
    const bothTotals = (i: number, j: number) =>
      scan.kinds[above[i]] === 5 /* TOTAL */ && scan.kinds[above[j]] === 5;
    let best: { resources: number; spending: number; fits: number } | undefined;
    for (let i = 0; i < above.length; i++) {
      for (let j = 0; j < above.length; j++) {
        if (i === j) continue;
        let fits = 0;
        let nonZero = 0;
        // Fits to the unit with three figures or more: no chance match (see below).
        let telling = 0;
        columns.forEach((_, f) => {
          const x = own[f];
          if (x !== x) return;
          const a = rows[i][f];
          const b = rows[j][f];
          const unit = 10 ** -context.decimals[f];
          const gap = Math.abs(x - ((a === a ? a : 0) - (b === b ? b : 0)));
          if (gap <= 1.5 * unit + 1e-9) {
            fits++;
            if (gap <= 1e-9 * Math.max(1, Math.abs(x)) && Math.abs(x) >= 100 * unit) telling++;
            if (a === a && b === b && a !== 0 && b !== 0) nonZero++;
            // Two totals, one of them nil (`Expenditure over income` 3,000 = 3,000 - 0): the
            // label already names the difference.
            else if (bothTotals(i, j) && x !== 0) nonZero++;
          }
        });
        // All columns fit, or all but one of three or more: one chance fit proves nothing. Of two
        // columns, one may be a typo (found at its cell) when the other fits to the unit with
        // three figures or more (279 = 26,017 - 25,738), which no chance gives.
        const allowed = shown >= 3 || (shown === 2 && telling > 0) ? 1 : 0;
        if (nonZero === 0 || fits < shown - allowed) continue;
        if (!best || fits > best.fits) best = { resources: above[i], spending: above[j], fits };
      }
    }
    if (!best) {
      // Said in the reading, unless a later check reads the row (checkGrid's summary rows).
      (context.unmatchedDifferences ??= []).push(r);
      continue;
    }
    const tally: DifferenceTally = {
      row: r,
      resources: best.resources,
      spending: best.spending,
      checked: 0,
      exact: 0,
      withinRounding: 0,
      wrong: 0,
    };
    columns.forEach((column, f) => {
      const x = own[f];
      if (x !== x) return;
      tally.checked++;
      const a = rows[above.indexOf(best!.resources)][f];
      const b = rows[above.indexOf(best!.spending)][f];
      const expected = (a === a ? a : 0) - (b === b ? b : 0);
      const places = context.decimals[f];
      const gap = Math.abs(x - expected);
      if (gap <= 1e-9) tally.exact++;
      else if (gap <= 1.5 * 10 ** -places + 1e-9) tally.withinRounding++;
      else {
        tally.wrong++;
        const want = expected.toFixed(places);
        const got = x.toFixed(places);
        report(context, {
          rule: 'total-mismatch',
          severity: 'error',
          row: r,
          column: column,
          message: `${rowName(context, r)} ${got} is not '${label(context, best!.resources)}' less '${label(context, best!.spending)}' (${want}): ${gap.toFixed(places)} more than rounding can explain. Correct it to ${want}, or check those two rows`,
          expected: want,
          actual: got,
        });
      }
    });
    tallies.push(tally);
  }
  return tallies;
}

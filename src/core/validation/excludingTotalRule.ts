/**
 * Totals whose label leaves a row out: a parish budget prints `Total(Not including Precept)` under
 * its income lines, then `Total(Including Precept)`. The total rule notes such a total when the
 * rows above do not add up to it; this rule judges it against those rows less the ones its label
 * names (`WDBC Precept`), after the pass.
 */
import { DETAIL, HEADING, TOTAL } from '../grid/rowKind';
import type { CheckContext } from './context';
import { rowLabelText, rowUnits } from './rowFigures';
import { judgeSummaryRow } from './summaryRow';
import { EXCLUDING } from './totalRule';

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 2);
}

/** True when a row's label names what the total leaves out (every word of it). */
function isNamed(label: string, left: string): boolean {
  const wanted = words(left);
  const have = new Set(words(label));
  return wanted.length > 0 && wanted.every((word) => have.has(word));
}

function sheetRow(context: CheckContext, row: number): number {
  return context.prepared.origin.row + row + 1;
}

/**
 * Checks each total noted by the total rule as leaving a row out. A total whose label names no row
 * above it is left unchecked, and the reading says why. Returns the rows checked.
 *
 * @example
 * checkExcludingTotals(context); // [10]: row 11 = rows 4 to 10 (rows 3 to 10 less 'WDBC Precept')
 */
export function checkExcludingTotals(context: CheckContext): number[] {
  const { prepared, scan } = context;
  const found: number[] = [];
  for (const row of context.excludingTotals ?? []) {
    const label = rowLabelText(context, row);
    const left = EXCLUDING.exec(label)?.[1] ?? '';
    let first = row;
    while (
      first - 1 >= prepared.firstDataRow &&
      scan.kinds[first - 1] !== HEADING &&
      scan.kinds[first - 1] !== TOTAL
    )
      first--;
    const kept: number[] = [];
    const dropped: number[] = [];
    for (let r = first; r < row; r++) {
      if (scan.kinds[r] !== DETAIL) continue;
      (isNamed(rowLabelText(context, r), left) ? dropped : kept).push(r);
    }
    if (dropped.length === 0 || kept.length === 0) {
      (context.uncheckedTotals ??= []).push({
        row,
        reason: `its label leaves out '${left}', and no row above it is named so`,
      });
      continue;
    }
    const figures = prepared.figureColumns.length;
    const expected = new Array<number>(figures).fill(NaN);
    const counts = new Array<number>(figures).fill(0);
    for (const r of kept)
      rowUnits(context, r).forEach((x, f) => {
        if (x !== x) return;
        expected[f] = (expected[f] === expected[f] ? expected[f] : 0) + x;
        counts[f]++;
      });
    const leftOut = dropped.map((r) => `row ${sheetRow(context, r)}`).join(', ');
    judgeSummaryRow(
      context,
      row,
      rowUnits(context, row),
      expected,
      counts,
      `rows ${sheetRow(context, first)} to ${sheetRow(context, row - 1)} less ${leftOut} (its label leaves out '${left}')`,
    );
    found.push(row);
  }
  return found;
}

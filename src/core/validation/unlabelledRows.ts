/**
 * Rows with figures and no label, in a table whose totals have no label: where the table closes
 * its blocks with unlabelled subtotals, an unlabelled row that is not the sum of the rows above it
 * is a subtotal with a wrong figure or a figure in its own right. It is not flagged (nothing says
 * which), but the reading lists it, so it is not skipped silently.
 */
import { DETAIL, TOTAL } from '../grid/rowKind';
import type { CheckContext } from './context';
import { rowLabelText, rowUnits } from './rowFigures';

/**
 * Adds each unlabelled row with figures that no check read to the reading's unchecked rows, when
 * the table has unlabelled totals. Rows in `taken` were read by another check.
 *
 * @example
 * noteUnlabelledRows(context, new Set()); // 'Row 18: (no label): not checked, it has no label ...'
 */
export function noteUnlabelledRows(context: CheckContext, taken: ReadonlySet<number>): void {
  const { prepared, scan } = context;
  let unlabelledTotals = 0;
  for (const tally of context.totalTallies ?? [])
    if (scan.kinds[tally.row] === TOTAL && rowLabelText(context, tally.row) === '')
      unlabelledTotals++;
  if (unlabelledTotals === 0) return;
  for (let r = prepared.firstDataRow; r < scan.kinds.length; r++) {
    if (scan.kinds[r] !== DETAIL || taken.has(r) || rowLabelText(context, r) !== '') continue;
    if (!rowUnits(context, r).some((x) => x === x)) continue;
    (context.uncheckedTotals ??= []).push({
      row: r,
      reason:
        "it has no label, like the table's subtotals, but is not the sum of the rows above it: a subtotal with a wrong figure, or a figure in its own right",
    });
  }
}

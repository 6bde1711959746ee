/**
 * Reading one row's figures and label straight from the grid, for the rules that look at a few
 * rows after the pass (surplus rows, running balances, totals of subtotals) rather than at every
 * row during it.
 */
import { readAmountText } from '../grid/amountText';
import { cellResult, cellText, isBlankCell, isNilText } from '../grid/cells';
import { toNumber } from '../money/decimal';
import type { CheckContext } from './context';

/**
 * The figure at a grid row and column as a number: blank is NaN, `-` is 0, `(1,234)` is -1234.
 *
 * @example
 * figureAt(context, 5, 2); // -3.4 for a cell reading `(3.4)`
 */
export function figureAt(context: CheckContext, row: number, column: number): number {
  const cells = context.prepared.values[row];
  if (!Array.isArray(cells)) return NaN;
  const value = cellResult(cells[column]);
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string' || isBlankCell(value)) return NaN;
  if (isNilText(value)) return 0;
  const read = readAmountText(value.trim(), context.prepared.columns[column].unit);
  return read ? toNumber(read.value) : NaN;
}

/**
 * The figures of a row in every figure column, in whole units of the check's scale (NaN where
 * nothing is shown), so sums of them are exact.
 *
 * @example
 * rowUnits(context, 6); // [752, 682] for `75.2`, `68.2` at one decimal
 */
export function rowUnits(context: CheckContext, row: number): number[] {
  const power = 10 ** context.scan.scale;
  return context.prepared.figureColumns.map((column) => {
    const x = figureAt(context, row, column);
    return x === x ? Math.round(x * power) : NaN;
  });
}

/**
 * The name of a row: its words in the label column, else the first in the columns that name rows
 * (`''` when there are none). A code column left of the names (`4000`) is not the name.
 *
 * @example
 * rowLabelText(context, 10); // 'Council tax requirement'
 */
export function rowLabelText(context: CheckContext, row: number): string {
  const cells = context.prepared.values[row];
  if (!Array.isArray(cells)) return '';
  const { labelColumn } = context.prepared;
  const own = labelColumn === undefined ? undefined : cellText(cells[labelColumn]);
  if (own !== undefined) return own;
  for (const c of context.prepared.labelSearch) {
    const text = cellText(cells[c]);
    if (text !== undefined) return text;
  }
  return '';
}

/**
 * True when a row's name matches `pattern`, reading the label cell as it is (no trimming): the
 * quick test the rules that look for a few named rows run on many rows.
 *
 * @example
 * rowNamed(context, 10, /\brequirement\b/i); // true for 'Council tax requirement'
 */
export function rowNamed(context: CheckContext, row: number, pattern: RegExp): boolean {
  const { labelColumn, values } = context.prepared;
  const cells = values[row];
  if (labelColumn !== undefined && Array.isArray(cells)) {
    const own = cells[labelColumn];
    if (typeof own === 'string' && own !== '') return pattern.test(own);
  }
  return pattern.test(rowLabelText(context, row));
}

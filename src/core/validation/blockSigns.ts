/**
 * Whether a variance column is signed one way in some blocks of the table and the other way in
 * others (income: actual less budget; expenditure: budget less actual). A relation found on most
 * rows would otherwise flag every row of the other block as wrong; such a column is left to the
 * block-by-block check (sectionVarianceRule).
 */
import { readAmountText } from '../grid/amountText';
import { cellResult, isBlankCell, isNilText } from '../grid/cells';
import type { PreparedTable } from '../grid/prepare';
import { toNumber } from '../money/decimal';

/** Rows read (a programme's signs are settled well before this). */
const MOST_ROWS = 2000;

function figure(prepared: PreparedTable, raw: unknown, column: number): number {
  const value = cellResult(raw);
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string' || isBlankCell(value)) return NaN;
  if (isNilText(value)) return 0;
  const read = readAmountText(value.trim(), prepared.columns[column].unit);
  return read ? toNumber(read.value) : NaN;
}

function places(value: number): number {
  let p = 0;
  while (p < 6 && Math.abs(value * 10 ** p - Math.round(value * 10 ** p)) > 1e-9) p++;
  return p;
}

/**
 * True when `target` = `plus` - `minus` in the rows of one block and `minus` - `plus` in every
 * telling row of another (blocks are separated by rows of words with no figures).
 *
 * @example
 * signedByBlock(prepared, 3, 2, 1); // true for Income rows D = C - B over Expenditure rows D = B - C
 */
export function signedByBlock(
  prepared: PreparedTable,
  target: number,
  plus: number,
  minus: number,
): boolean {
  const { values, firstDataRow, figureColumns } = prepared;
  const blocks: { straight: number; flipped: number }[] = [{ straight: 0, flipped: 0 }];
  const last = Math.min(values.length, firstDataRow + MOST_ROWS);
  for (let r = firstDataRow; r < last; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const shown = figureColumns.some(
      (c) => figure(prepared, row[c], c) === figure(prepared, row[c], c),
    );
    if (!shown) {
      if (row.some((cell) => typeof cell === 'string' && /[a-z]/i.test(cell)))
        blocks.push({ straight: 0, flipped: 0 });
      continue;
    }
    const t = figure(prepared, row[target], target);
    if (t !== t || t === 0) continue;
    const a = figure(prepared, row[plus], plus);
    const b = figure(prepared, row[minus], minus);
    const va = a === a ? a : 0;
    const vb = b === b ? b : 0;
    const tolerance = 1.5 * 10 ** -Math.max(places(t), places(va), places(vb)) + 1e-9;
    const block = blocks[blocks.length - 1];
    if (Math.abs(t - (va - vb)) <= tolerance) block.straight++;
    else if (Math.abs(t + (va - vb)) <= tolerance) block.flipped++;
  }
  const straight = blocks.some((block) => block.straight >= 1 && block.flipped === 0);
  const flipped = blocks.some((block) => block.flipped >= 2 && block.straight === 0);
  return straight && flipped;
}

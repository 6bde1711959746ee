/**
 * Element-by-element evaluation, so one formula serves a whole column and spills.
 *
 * Excel passes a range as a 2-D array (rows of cells) and a single value as itself; both are
 * accepted. A problem in one cell becomes an error in that cell of the result only: one bad row
 * must not blank out the whole column.
 */
import { ArgumentProblem, type CellError, toCellError } from './excelErrors';

/** A 2-D block of cell values as Excel passes a range. */
export type CellBlock = unknown[][];

/**
 * Treats a single value as a 1 x 1 block; leaves a block as it is.
 *
 * @example
 * asBlock(5); // [[5]]
 * asBlock([[1], [2]]); // [[1], [2]]
 */
export function asBlock(value: unknown): CellBlock {
  if (Array.isArray(value)) {
    if (value.length === 0) return [[null]];
    // A row of no cells is read as one blank cell, so the result never spills an empty row.
    return value.map((row) => (Array.isArray(row) ? (row.length === 0 ? [null] : row) : [row]));
  }
  return [[value]];
}

function shapeOf(block: CellBlock): string {
  const width = block[0]?.length ?? 0;
  return `${block.length} row${block.length === 1 ? '' : 's'} x ${width} column${width === 1 ? '' : 's'}`;
}

function isSingle(block: CellBlock): boolean {
  return block.length === 1 && block[0].length === 1;
}

/**
 * Applies `compute` to matching cells of several blocks of the same shape (a single value is
 * used for every cell). Each cell's problem becomes that cell's error.
 *
 * @example
 * mapCells([asBlock([[10], [20]]), asBlock(5)], ([budget, forecast]) => Number(budget) - Number(forecast));
 * // [[5], [15]]
 */
export function mapCells<T>(
  blocks: readonly { name: string; block: CellBlock }[],
  compute: (cells: unknown[]) => T,
): (T | CellError)[][] {
  const shaped = blocks.filter(({ block }) => !isSingle(block));
  const template = shaped[0]?.block ?? blocks[0].block;
  const height = template.length;
  // A loop, not Math.max(...rows): a whole-column range (1,048,576 rows) overflows the call stack.
  let width = 0;
  for (const row of template) width = Math.max(width, row.length);
  for (const { name, block } of shaped) {
    const ragged = block.some((row) => row.length !== width);
    if (block.length !== height || ragged) {
      throw new ArgumentProblem(
        `${name} is ${shapeOf(block)} but ${shaped[0].name} is ${shapeOf(template)}: give ranges of the same shape, or a single value.`,
      );
    }
  }
  const result: (T | CellError)[][] = new Array(height);
  const cells: unknown[] = new Array(blocks.length);
  for (let r = 0; r < height; r++) {
    const row: (T | CellError)[] = new Array(width);
    for (let c = 0; c < width; c++) {
      for (let b = 0; b < blocks.length; b++) {
        const block = blocks[b].block;
        cells[b] = isSingle(block) ? block[0][0] : block[r][c];
      }
      try {
        row[c] = compute(cells);
      } catch (problem) {
        row[c] = toCellError(problem);
      }
    }
    result[r] = row;
  }
  return result;
}

/**
 * Every cell of a block, row by row, skipping nothing.
 *
 * @example
 * flatten([[1, 2], [3, 4]]); // [1, 2, 3, 4]
 */
export function flatten(block: CellBlock): unknown[] {
  const cells: unknown[] = [];
  for (const row of block) for (const cell of row) cells.push(cell);
  return cells;
}

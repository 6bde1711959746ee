/**
 * Tables stacked on one sheet: councils print the expenditure, then `Financed by` and then the
 * revenue consequences under it, each with its own row of year headings (see DOMAIN.md, "How the
 * programme is financed"). Read as one table, the second block's year headings are "figures that
 * are not numbers" and its totals add up the block above. This splits a grid at each repeated row
 * of period headings so every block is checked as a table of its own.
 */
import { readHeader } from './headers';
import type { Grid } from './types';

/** A row with at least this many period headings (`2016/17`, `2017/18`) is a row of headings. */
const PERIOD_HEADINGS = 2;

function isBlankValue(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/**
 * The columns of a row's period headings when it holds no number and at least two cells naming a
 * period (`2016/17`, `Q1 2017/18`); otherwise undefined.
 */
function periodHeadingColumns(row: unknown): number[] | undefined {
  if (!Array.isArray(row)) return undefined;
  // Figures rule a row out at once: most rows have them, and this keeps the pass cheap.
  for (const value of row as unknown[]) if (typeof value === 'number') return undefined;
  const columns: number[] = [];
  (row as unknown[]).forEach((value, c) => {
    if (typeof value === 'string' && /\d/.test(value) && readHeader(value).period !== undefined)
      columns.push(c);
  });
  return columns.length >= PERIOD_HEADINGS ? columns : undefined;
}

// Plain loops: this runs on every row of every sheet checked, mostly before V8 has optimised it,
// where a callback per cell (`some`) cost ~10 ms of a 20k-row check (issue 15's profile).
function hasNumber(row: unknown, columns?: readonly number[]): boolean {
  if (!Array.isArray(row)) return false;
  const cells = row as unknown[];
  if (columns === undefined) {
    for (let c = 0; c < cells.length; c++) if (typeof cells[c] === 'number') return true;
    return false;
  }
  for (let i = 0; i < columns.length; i++) if (typeof cells[columns[i]] === 'number') return true;
  return false;
}

function isBlankRow(row: unknown): boolean {
  return !Array.isArray(row) || (row as unknown[]).every(isBlankValue);
}

/**
 * 0-based rows where a table of its own starts under the one above: a row of period headings
 * after figures, with the rows just above it that show no figure under those headings (a
 * `Financed by` title, terms beside their labels) up to a blank row. The first
 * table's rows are not listed.
 *
 * @example
 * stackedTableStarts({ values: [['Scheme', '2025/26', '2026/27'], ['A', 1, 2], [], ['Financed by', '2025/26', '2026/27'], ['Grants', 1, 2]] });
 * // [3]
 */
export function stackedTableStarts(grid: Grid): number[] {
  const { values } = grid;
  const starts: number[] = [];
  let headerSeen = false;
  let figuresSince = false;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (hasNumber(row)) {
      figuresSince = true;
      continue;
    }
    const columns = periodHeadingColumns(row);
    if (columns === undefined) continue;
    if (headerSeen && figuresSince) {
      // Take along the rows right above the headings with no figure under them: a title
      // (`Financed by`), notes, or terms typed beside their labels (`Asset life (years)`, 25).
      let start = r;
      while (
        start > 0 &&
        !isBlankRow(values[start - 1]) &&
        !hasNumber(values[start - 1], columns) &&
        periodHeadingColumns(values[start - 1]) === undefined
      )
        start--;
      starts.push(start);
    }
    headerSeen = true;
    figuresSince = false;
  }
  return starts;
}

/**
 * The grid cut into its stacked tables (see {@link stackedTableStarts}), each with its origin on
 * the sheet so findings keep the sheet's own addresses. A grid with one table comes back alone.
 *
 * @example
 * splitStackedTables(grid).map((part) => part.origin?.row); // [0, 3]
 */
export function splitStackedTables(grid: Grid): Grid[] {
  const starts = stackedTableStarts(grid);
  if (starts.length === 0) return [grid];
  const origin = grid.origin ?? { row: 0, column: 0 };
  const bounds = [0, ...starts, grid.values.length];
  const parts: Grid[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [from, to] = [bounds[i], bounds[i + 1]];
    const part: Grid = {
      values: grid.values.slice(from, to),
      origin: { row: origin.row + from, column: origin.column },
    };
    if (grid.sheet !== undefined) part.sheet = grid.sheet;
    if (grid.numberFormats !== undefined) part.numberFormats = grid.numberFormats.slice(from, to);
    parts.push(part);
  }
  return parts;
}

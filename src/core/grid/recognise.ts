/**
 * The public face of table recognition.
 */
import { analyseGrid } from './analyse';
import type { Grid, RecognisedTable } from './types';

/**
 * Recognises the table in a grid with no prior knowledge of its layout: header row(s), what each
 * column holds, and what each row is. `undefined` when the grid holds no figures.
 *
 * @example
 * const table = recogniseTable({ values: [['Area for investment', 'Capital £m'], ['Compliance', 2.6], ['TOTAL', 2.6]] });
 * table?.columns[1].role; // 'budget'
 * table?.columns[1].unit; // '£m'
 * table?.rowKinds; // ['header', 'detail', 'total']
 */
export function recogniseTable(grid: Grid): RecognisedTable | undefined {
  return analyseGrid(grid)?.table;
}

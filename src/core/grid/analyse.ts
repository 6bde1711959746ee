/**
 * Recognising a whole table: the first look (header, columns) plus one pass for row kinds and
 * the decimals the figures are shown to.
 */
import { type PreparedTable, prepareTable } from './prepare';
import { ROW_KINDS } from './rowKind';
import { type FigureScan, type RowSink, scanTable } from './scan';
import type { Grid, RecognisedTable } from './types';

/**
 * The recognised table from a prepared grid and a finished pass. Each figure column's decimals
 * come from its number format, else from the most decimals among the figures.
 *
 * @example
 * describeTable(grid, prepared, scan).rowKinds; // ['header', 'heading', 'detail', ...]
 */
export function describeTable(
  grid: Grid,
  prepared: PreparedTable,
  scan: FigureScan,
): RecognisedTable {
  const columns = prepared.columns.map((column) => ({ ...column }));
  prepared.figureColumns.forEach((c, f) => {
    columns[c].decimals = scan.formatDecimals[f] ?? scan.shownDecimals;
  });
  const rowKinds = new Array<RecognisedTable['rowKinds'][number]>(scan.kinds.length);
  for (let r = 0; r < rowKinds.length; r++) rowKinds[r] = ROW_KINDS[scan.kinds[r]];
  const table: RecognisedTable = {
    origin: prepared.origin,
    headerRows: prepared.headerRows,
    firstDataRow: prepared.firstDataRow,
    columns,
    rowKinds,
  };
  if (grid.sheet !== undefined) table.sheet = grid.sheet;
  if (prepared.labelColumn !== undefined) table.labelColumn = prepared.labelColumn;
  return table;
}

/**
 * Prepares and reads a grid, handing every row to the sinks; `undefined` when there are no figures.
 *
 * @example
 * analyseGrid(grid, [])?.table.columns.map((column) => column.role);
 */
export function analyseGrid(
  grid: Grid,
  sinks: readonly RowSink[] = [],
): { prepared: PreparedTable; scan: FigureScan; table: RecognisedTable } | undefined {
  const prepared = prepareTable(grid);
  if (!prepared) return undefined;
  const scan = scanTable(prepared, grid.numberFormats, sinks);
  return { prepared, scan, table: describeTable(grid, prepared, scan) };
}

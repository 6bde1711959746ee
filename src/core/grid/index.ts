/** Grid analysis: recognising a budget table in any grid of cells, with no prior knowledge of its layout. */
export type {
  BudgetKind,
  ColumnRole,
  Grid,
  RecognisedColumn,
  RecognisedTable,
  RowKind,
} from './types';
export { columnLetters, toA1 } from './address';
export { recogniseTable } from './recognise';
export { decimalsFromFormat } from './numberFormat';
export { readHeader } from './headers';
export type { HeaderMeaning } from './headers';
export { isTotalLabel } from './totals';

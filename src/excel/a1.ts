/**
 * A1 addresses: one spelling for the whole program (core's `columnLetters` and `toA1`, and
 * workbook's `fromA1`), re-exported here for the adapter's modules that import './a1'.
 */
export { columnLetters, fromA1, toA1 } from '../workbook';

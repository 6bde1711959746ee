/** Checks of a budget table: totals, variances and phasing under the rounding rule. */
export { checkGrid, checkGridWithReading } from './checkGrid';
export type { GridCheck, GridCheckWithReading } from './checkGrid';
export { checkStackedTables } from './stackedCheck';
export type {
  ColumnReading,
  ReadingRole,
  RelationReading,
  TableReading,
  TotalReading,
} from './reading';
export { OVERRIDE_ROLES } from './relationPlan';
export { formatReading, summariseReading } from './explain';
export type { CheckOptions } from './context';
export { checkTotal, roundingTolerance } from './rounding';
export type { TotalCheck } from './rounding';

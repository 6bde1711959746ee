/** Checks of a budget table: totals, variances and phasing under the rounding rule. */
export { checkGrid } from './checkGrid';
export type { GridCheck } from './checkGrid';
export type { CheckOptions } from './context';
export { checkTotal, roundingTolerance } from './rounding';
export type { TotalCheck } from './rounding';

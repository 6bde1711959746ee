/** Capital monitoring: budget against forecast outturn, thresholds, RAG, slippage and summaries. */
export { DEFAULT_CONVENTION, VARIANCE_STATUSES, RAGS } from './types';
export type {
  VarianceConvention,
  VarianceStatus,
  VarianceThresholds,
  Rag,
  RagLimits,
  MonitoringRow,
} from './types';
export { currentBudget, variance, parseConvention } from './variance';
export { breachedThresholds, varianceStatus, readThresholds } from './status';
export type { ThresholdBreach } from './status';
export { ragRating, withinTolerance, readRagLimits } from './rag';
export { recogniseConvention } from './convention';
export type { ConventionRow, ConventionEvidence } from './convention';
export { splitVariance } from './slippage';
export type { SlippageFigures, VarianceSplit } from './slippage';
export { summariseMonitoring, NO_AREA, ALL_AREAS } from './summary';
export type { MonitoringOptions, MonitoringTotals, MonitoringSummary } from './summary';

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
export { parseMonitoringPeriod, formatMonitoringPeriod, compareMonitoringPeriods } from './period';
export type { MonitoringPeriod } from './period';
export {
  yearBudgetsOf,
  amountInYear,
  allYearsTotal,
  reprofileYears,
  revisionYears,
  revisedYearBudgets,
  inYearBudget,
} from './inYearBudget';
export type { PhasedColumnAmount, YearBudgets, InYearBudget } from './inYearBudget';
export { columnProfiledToDate, profiledToDate, revisedProfiledToDate } from './profiledToDate';
export { actualToDate, actualsToDate } from './actuals';
export type { LedgerLine } from './actuals';
export { importLedger, ledgerFindings, guessLedgerMapping } from './ledger';
export { readLedgerText } from './ledgerText';
export type {
  LedgerMapping,
  LedgerImportOptions,
  LedgerProblem,
  LedgerProblemKind,
  LedgerImport,
} from './ledger';
export { monitorScheme, monitoringRowOf, DEFAULT_RAG_LIMITS } from './inYear';
export type {
  SchemeAtPeriod,
  InYearSettings,
  InYearMonitoringRow,
  MonitoringFigures,
} from './inYear';
export { previousSnapshot, movementSinceLastPeriod, appendSnapshots } from './history';
export type { MonitoringSnapshot, RefusedSnapshot, Movement } from './history';
export { monitoringLineAt, snapshotOf } from './schemeLine';
export type { SchemeLine } from './schemeLine';
export { checkExplanations, checkActuals, checkSlippage } from './inYearChecks';
export type { ExplainedVariance, StatedActual, StatedSplit } from './inYearChecks';
export { summariseInYear, IN_YEAR_FIGURES } from './inYearSummary';
export type { InYearFigure, InYearTotals } from './inYearSummary';

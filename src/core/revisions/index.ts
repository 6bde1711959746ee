/** Budget revisions: the bridge from original to revised budget, and the checks on it. */
export { REVISION_KINDS } from './types';
export type {
  RevisionKind,
  YearAmount,
  SourceCell,
  BudgetRevision,
  SchemeBudget,
  BridgeStep,
  BudgetBridge,
} from './types';
export { revisedBudget, changePercent, revisionChange, revisedBudgetOf } from './revised';
export { buildBridge } from './bridge';
export { checkRevisionEntries } from './entries';
export { checkVirements } from './virements';
export { checkStatedRevised, checkStatedPercent } from './stated';
export type { StatedPercentOptions } from './stated';
export { checkRevisions } from './checks';

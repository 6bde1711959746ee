/** Financing: funding sources per scheme and year, the financing statement, its checks, and the revenue consequences of borrowing. */
export { DEFAULT_FUNDING_SOURCES, BORROWING_SOURCE, readFundingSource } from './sources';
export { financeScheme, financeProgramme, splitByShares } from './funding';
export type {
  FundingBasis,
  FundingLine,
  SchemeSpend,
  SourceAmount,
  SchemeYearFinancing,
  SchemeFinancing,
} from './funding';
export { financingStatement } from './statement';
export type { StatementLine, FinancingStatement } from './statement';
export { checkSchemeFinancing, checkFinancingStatement } from './checks';
export type { ShownFigure, ShownStatement } from './checks';
export {
  MAX_ASSET_LIFE,
  parseMrpMethod,
  readBorrowingTerms,
  mrpSchedule,
  revenueConsequences,
  borrowingCostInYear,
} from './revenue';
export type { MrpMethod, BorrowingPlan, RevenueConsequenceYear } from './revenue';

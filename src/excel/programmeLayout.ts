/**
 * The Programme and Revisions layouts now live in src/workbook; this name stays only because the
 * Excel stand-in's fixture (tests/support/fake-excel/programmeFixture.ts) imports it.
 * New code imports from '../workbook'.
 */
export { PROGRAMME_COLUMNS, REVISED_BUDGET_FORMULA } from '../workbook';

/**
 * The task pane's Excel work, through Office.js. The pane calls only these functions; every one
 * resolves to an ActionResult (never rejects), reads in one sync and writes in bulk.
 */
export * from './types';
export { setUpProgramme } from './setUpProgramme';
export { previewSelection, importSelection } from './importSelection';
export { phaseSchemes } from './phaseSchemes';
export { recordRevision, listSchemes } from './recordRevision';
export { closeTheYear, previewRollover } from './rollover';
export { generateForecastSheets } from './forecastSheets';
export { gatherForecasts } from './monitoring';
export { checkProgramme, checkSelection, checkSheet, writeChecksReport } from './checks';
export { highlightFindings, clearHighlights } from './highlights';
export { selectCell } from './selection';
export { addPhasingChart, addBudgetForecastChart, addTrendChart } from './charts';
export { bringInActuals, previewActuals, readLedgerSelection } from './actuals';
export { DEFAULT_SETTINGS, readSettings, saveSettings } from './settings';
export { saveColumnReading } from './columnReadings';
export type { SavedReading } from './columnReadings';
export { changeHistory, lastChange, undoLastChange } from './undo';
export { describeWorkbook } from './workbookInfo';
export { forgetChanges } from './undo';
export { forgetHighlights } from './highlights';

/**
 * Plans of every sheet the add-in and the command line write: pure functions from plain inputs
 * to a `SheetPlan` (cells with values and native formulas, formats, tables, validation,
 * conditional formats, protection, frozen rows). No Office.js, ExcelJS, React or Node: the
 * faces write plans (src/excel/writePlan.ts over Office.js, src/xlsx/writePlan.ts over ExcelJS).
 *
 * To add a sheet: a module here with its layout constants and one `planXSheet(input): SheetPlan`,
 * exported below, with tests in __tests__ on the plan as plain data (docs/ARCHITECTURE.md).
 */
export * from './plan';
export * from './address';
export * from './names';
export * from './tableFormula';
export * from './settings';
export * from './columnReadings';
export * from './programme';
export * from './revisions';
export * from './forecast';
export * from './monitoring';
export * from './checks';
export * from './charts';
export * from './sample';
export * from './financing';
export * from './inYearMonitoring';
export * from './forecastLink';
export * from './inYearGathering';
export * from './inYearStart';
export * from './rollover';
export * from './rolloverPhasing';
export * from './inYearMove';

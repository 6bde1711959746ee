/**
 * Capital Planner's engine: pure TypeScript, no Office, files or UI. Every face (custom functions,
 * task pane, command line) imports from here.
 */
export * from './errors';
export * from './findings';
export * from './money';
export * from './calendar';
export * from './phasing';
export * from './monitoring';
export * from './revisions';
export * from './grid';
export * from './validation';
export * from './import';
export * from './financing';
export * from './rollover';

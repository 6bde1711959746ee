/**
 * The one door to Office.js: every action goes through `excelRun`, so tests can install an
 * in-memory Excel as the global and nothing else in the adapter names the host.
 *
 * Every batch is run with `delayForCellEdit: true`: when the user is typing in a cell, Excel
 * waits until they leave it instead of failing the batch ("When false, if the user is in cell
 * edit when the batch request is processed by the host, the batch automatically fails":
 * https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member).
 * The option came with ExcelApi 1.11, so it is passed only where that set is supported; elsewhere
 * the failure's code, InvalidOperationInCellEditMode, has its own message (officeErrors.ts).
 *
 * A batch that Excel never answers (seen on Excel on the web) is given up on after
 * {@link SYNC_TIMEOUT_MS} with a message, rather than leaving the pane spinning for ever.
 */
import { ADD_IN_CODES, AddInError, SYNC_TIMEOUT_MS } from './officeErrors';
import { excelApiSupported } from './platform';

let timeoutMs = SYNC_TIMEOUT_MS;

/**
 * Changes how long an action waits for Excel (tests use a short wait). Returns the old value.
 *
 * @example
 * const old = setExcelTimeout(50); ...; setExcelTimeout(old);
 */
export function setExcelTimeout(ms: number): number {
  const old = timeoutMs;
  timeoutMs = ms;
  return old;
}

/**
 * Runs a batch against the workbook (Office.js `Excel.run`).
 *
 * @example
 * const name = await excelRun(async (context) => { const s = context.workbook.worksheets.getActiveWorksheet().load('name'); await context.sync(); return s.name; });
 */
export function excelRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const host = (globalThis as { Excel?: { run?: unknown } }).Excel;
  if (!host || typeof host.run !== 'function') {
    return Promise.reject(
      new HostMissingError('Open this add-in inside Excel: no Excel workbook is available here.'),
    );
  }
  const run = excelApiSupported('1.11')
    ? Excel.run({ delayForCellEdit: true }, batch)
    : Excel.run(batch);
  if (!Number.isFinite(timeoutMs)) return run;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AddInError(ADD_IN_CODES.syncTimeout, `no answer from Excel after ${timeoutMs} ms`),
        ),
      timeoutMs,
    );
  });
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer));
}

/** Raised when the pane runs outside Excel; turned into a message by runAction. */
export class HostMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostMissingError';
  }
}

/**
 * The one door to Office.js: every action goes through `excelRun`, so tests can install an
 * in-memory Excel as the global and nothing else in the adapter names the host.
 */

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
  return Excel.run(batch);
}

/** Raised when the pane runs outside Excel; turned into a message by runAction. */
export class HostMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostMissingError';
  }
}

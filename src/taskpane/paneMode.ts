/**
 * Where the pane is running, decided from what `Office.onReady` reported. Kept apart from the
 * bootstrap so that it can be tested without loading the Excel adapter.
 */

/** Where the pane is running. */
export type PaneMode = 'excel' | 'stand-in' | 'outside';

/**
 * Decides where the pane runs from what `Office.onReady` reported and whether an `Excel` object
 * exists: real Excel, the in-memory stand-in (no host but `Excel` defined), or outside Excel.
 *
 * @example
 * paneMode('Excel', true); // 'excel'
 * paneMode(null, true); // 'stand-in'
 * paneMode('Word', true); // 'outside'
 */
export function paneMode(host: string | null | undefined, excelDefined: boolean): PaneMode {
  if (host === 'Excel') return 'excel';
  if ((host === null || host === undefined) && excelDefined) return 'stand-in';
  return 'outside';
}

/**
 * The workbook as Excel shows it, for before/after comparisons of actions that append and are
 * undone: a cell written back blank with the General format and no other formatting (what undo
 * puts back over appended rows) is the same, in Excel, as a cell never written, so it is left out.
 * Everything else is compared exactly, as in `fullSnapshot()`.
 */
import type { FakeWorkbook } from './index';

/**
 * `workbook.fullSnapshot()` without blank, unformatted cells.
 *
 * @example
 * const before = shownSnapshot(workbook); await undoLastChange(); expect(shownSnapshot(workbook)).toEqual(before);
 */
export function shownSnapshot(workbook: FakeWorkbook): unknown {
  const full = JSON.parse(workbook.fullSnapshot()) as {
    sheets: { cells: [number, Record<string, unknown>][] }[];
  };
  for (const sheet of full.sheets)
    sheet.cells = sheet.cells.filter(
      ([, cell]) =>
        !(
          cell.content === '' &&
          !cell.isFormula &&
          !cell.quotePrefix &&
          cell.numberFormat === 'General' &&
          cell.locked === true &&
          !cell.bold &&
          !cell.fill &&
          !cell.fontColor
        ),
    );
  return full;
}

/**
 * Click-to-cell: a finding in the pane takes the user to its cell.
 */
import { fromA1 } from './a1';
import { runAction } from './action';
import { excelRun } from './excelRun';
import type { ActionResult } from './types';

/**
 * Activates a sheet and selects a cell (click-to-cell from a finding).
 *
 * @example
 * await selectCell('Programme', 'H7');
 */
export async function selectCell(sheetName: string, address: string): Promise<ActionResult<void>> {
  const cell = fromA1(address);
  if (!cell) return { ok: false, message: `'${address}' is not a cell address: use one like H7.` };
  return runAction('Go to cell', () =>
    excelRun(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.load('name');
      await context.sync();
      if (sheet.isNullObject)
        return {
          ok: false,
          message: `The sheet '${sheetName}' is no longer in this workbook: run the check again.`,
        };
      sheet.activate();
      sheet.getCell(cell.row, cell.column).select();
      await context.sync();
      return { ok: true, value: undefined };
    }),
  );
}

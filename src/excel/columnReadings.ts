/**
 * The user's corrections to how Check read a sheet's columns, remembered per sheet on the settings
 * sheet (columns E:G of `_CapitalPlannerSettings`, laid out in src/workbook/columnReadings.ts) and
 * applied every time that sheet is checked. Saving is one write, all-or-nothing and undoable.
 */
import {
  COLUMN_READINGS_LEFT,
  COLUMN_READINGS_ROWS,
  COLUMN_READINGS_WIDTH,
  DEFAULT_SETTINGS,
  SETTINGS_SHEET,
  planColumnReadings,
  planSettingsSheet,
  savedColumnReading,
  type ColumnReadingChoice,
  type SavedColumnReading,
} from '../workbook';
import { runAction } from './action';
import { asTextCell } from './cellText';
import { excelRun } from './excelRun';
import { allOrNothing, rememberChange, type UndoEntry } from './undo';
import type { ActionResult } from './types';
import { officeGrid } from './writePlan';

/**
 * Queues a read of the saved readings in an open batch; after the sync, the returned function
 * gives what is saved for a sheet (nothing when the settings sheet is missing).
 *
 * @example
 * const savedFor = queueColumnReadingsRead(context); await context.sync(); savedFor('Outturn').columns;
 */
export function queueColumnReadingsRead(
  context: Excel.RequestContext,
): (sheet: string) => SavedColumnReading {
  const settings = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  settings.load('name');
  const block = settings
    .getRangeByIndexes(0, COLUMN_READINGS_LEFT, COLUMN_READINGS_ROWS, COLUMN_READINGS_WIDTH)
    .load('values');
  return (sheet) => (settings.isNullObject ? {} : savedColumnReading(block.values, sheet));
}

/** What was saved: the sheet, and the reading now remembered for it (empty after a reset). */
export interface SavedReading {
  sheet: string;
  columns: Record<string, string>;
}

/**
 * Remembers how a sheet's columns are to be read (`{ G: 'variance', H: 'E-D' }`), replacing what
 * was remembered for it; an empty reading forgets it (Reset). The settings sheet is made, hidden
 * and holding the default settings, when the workbook has none. Undo puts the block back.
 *
 * @example
 * await saveColumnReading('Outturn', { G: 'variance' });
 * await saveColumnReading('Outturn', {}); // Reset
 */
export async function saveColumnReading(
  sheet: string,
  columns: ColumnReadingChoice,
): Promise<ActionResult<SavedReading>> {
  const label =
    Object.keys(columns).length === 0
      ? `Reset the reading of ${sheet}`
      : `Correct the reading of ${sheet}`;
  return runAction(label, () =>
    excelRun(async (context) => {
      const settings = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
      settings.load('name');
      const old = settings
        .getRangeByIndexes(0, COLUMN_READINGS_LEFT, COLUMN_READINGS_ROWS, COLUMN_READINGS_WIDTH)
        .load('values, formulas, numberFormat');
      await context.sync();
      const exists = !settings.isNullObject;
      const plan = planColumnReadings(exists ? old.values : undefined, sheet, columns);
      if (!plan.ok) return plan;
      if (!exists && Object.keys(columns).length === 0)
        return { ok: true, value: { sheet, columns: {} } };
      const entry: UndoEntry = exists
        ? {
            label,
            addedSheets: [],
            blocks: [
              {
                sheet: SETTINGS_SHEET,
                top: 0,
                left: COLUMN_READINGS_LEFT,
                values: old.values,
                formulas: old.formulas,
              },
            ],
          }
        : { label, addedSheets: [SETTINGS_SHEET], blocks: [] };
      await allOrNothing(entry, async () => {
        let target: Excel.Worksheet;
        if (exists) target = context.workbook.worksheets.getItem(SETTINGS_SHEET);
        else {
          // A new settings sheet holds the default settings too: the Monitoring formulas read
          // them by address, and an existing sheet is read as the workbook's settings.
          target = context.workbook.worksheets.add(SETTINGS_SHEET);
          const defaults = planSettingsSheet(DEFAULT_SETTINGS);
          target.getRangeByIndexes(0, 0, defaults.cells.length, 3).values = officeGrid(defaults);
          target.visibility = 'Hidden' as Excel.SheetVisibility;
        }
        // Names and readings are written as text: a sheet called `2019` or `=Notes` stays a name.
        target.getRangeByIndexes(
          0,
          COLUMN_READINGS_LEFT,
          COLUMN_READINGS_ROWS,
          COLUMN_READINGS_WIDTH,
        ).values = plan.value.map((row, r) =>
          row.map((cell, c) =>
            typeof cell === 'string'
              ? asTextCell(cell, exists ? old.numberFormat[r]?.[c] : undefined)
              : (cell as number),
          ),
        );
        await context.sync();
      });
      rememberChange(entry);
      const saved = savedColumnReading(plan.value, sheet);
      return { ok: true, value: { sheet, columns: saved.columns ?? {} } };
    }),
  );
}

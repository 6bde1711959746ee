/**
 * The user's corrections to how Check read a sheet's columns, remembered per sheet on the settings
 * sheet (columns E:G of `_CapitalPlannerSettings`, laid out in src/workbook/columnReadings.ts) and
 * applied every time that sheet is checked. Saving is one write, all-or-nothing and undoable.
 */
import {
  checkStackedTables,
  type CheckOptions,
  type Grid,
  type GridCheckWithReading,
} from '../core';
import {
  COLUMN_READINGS_LEFT,
  COLUMN_READINGS_ROWS,
  COLUMN_READINGS_WIDTH,
  DEFAULT_SETTINGS,
  SETTINGS_SHEET,
  formatColumnReading,
  planColumnReadings,
  planSettingsSheet,
  savedColumnReading,
  type ColumnReadingChoice,
  type SavedColumnReading,
} from '../workbook';
import { columnLetters, toA1 } from './a1';
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

/** Where the checked block sits (0-based), to tell which saved entries concern it. */
export interface CheckedSpan {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** A check with the sheet's saved reading applied, and what to tell the user about it. */
export interface CheckWithReading {
  checked: GridCheckWithReading;
  /** The saved reading as applied (`{ G: 'variance' }`, `G=variance`), when one was. */
  correction?: { columns: Record<string, string>; text: string };
  /** Why all or part of the saved reading was not used. */
  notice?: string;
}

/**
 * The saved entries that concern the block: those whose column, and every column it is worked
 * out from, lie in it.
 */
function columnsWithin(
  columns: Readonly<Record<string, string>>,
  span: CheckedSpan,
): Record<string, string> {
  const inside = new Set(
    Array.from({ length: span.columns }, (_, i) => columnLetters(span.left + i)),
  );
  const kept: Record<string, string> = {};
  for (const [letters, value] of Object.entries(columns)) {
    // Roles are saved in lower case, formulas of column letters in upper case (`E-D`).
    const named = [letters, ...(/^[A-Z+-]+$/.test(value) ? value.split(/[-+]/) : [])];
    if (named.every((name) => inside.has(name))) kept[letters] = value;
  }
  return kept;
}

/**
 * Runs the engine's check on a block with the sheet's saved reading. A reading that cannot be
 * used is never allowed to stop the check: entries for columns outside the block are left out
 * (said so unless the block is a selection, which may hold part of a table), and a reading the
 * engine refuses (a column worked out from itself) is ignored, the check run as read, and the
 * notice says why.
 *
 * @example
 * checkWithSavedReading(grid, {}, { columns: { B: 'skip' } }, span, false).correction?.text; // 'B=skip'
 */
export function checkWithSavedReading(
  grid: Grid,
  options: CheckOptions,
  saved: SavedColumnReading,
  span: CheckedSpan,
  part: boolean,
): CheckWithReading {
  const columns = saved.columns ? columnsWithin(saved.columns, span) : {};
  const outside = Object.keys(saved.columns ?? {}).filter((letters) => !(letters in columns));
  let notice = saved.problem;
  if (outside.length > 0 && !part) {
    const address = `${toA1(span.top, span.left)}:${toA1(span.top + span.rows - 1, span.left + span.columns - 1)}`;
    const one = outside.length === 1;
    notice = `Your saved reading of '${span.sheet}' names ${one ? 'a column' : 'columns'} (${outside.join(', ')}) outside the table or working out from one, ${address}: ${one ? 'it was' : 'they were'} left out. Pick the roles again, or Reset to forget it.`;
  }
  if (Object.keys(columns).length === 0)
    return { checked: checkStackedTables(grid, options), ...(notice ? { notice } : {}) };
  const checked = checkStackedTables(grid, { ...options, columns });
  const refused = checked.findings.find((finding) => finding.rule === 'column-override');
  if (refused)
    return {
      checked: checkStackedTables(grid, options),
      notice: `Your saved reading of the columns of '${span.sheet}' (${formatColumnReading(columns)}) was ignored: ${refused.message}. Pick the roles again, or Reset to forget it.`,
    };
  return {
    checked,
    correction: { columns, text: formatColumnReading(columns) },
    ...(notice ? { notice } : {}),
  };
}

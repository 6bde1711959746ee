/**
 * The task pane's Gather, for a workbook that monitors the year: the returned in-year forecasts
 * and explanations go into the `In-year monitoring` sheet, each gathering appends one snapshot per
 * scheme to `Monitoring history`, and the In-year monitoring and `Capital budget position` sheets
 * are written again from the engine's figures. The plan is the workbook's
 * (src/workbook/inYearGathering.ts), the same the command line's `consolidate` carries out.
 * Reads ride on Gather's own syncs (the number of syncs does not grow with the rows); what is
 * written is saved first in Gather's undo entry, so a failure or an Undo puts it back.
 */
import {
  ACTUALS_SHEET,
  HISTORY_SHEET,
  IN_YEAR_COLUMNS,
  IN_YEAR_HEADER_ROW,
  IN_YEAR_SHEET,
  POSITION_SHEET,
  planInYearGathering,
  type GatheredForecast,
  type InYearGatheringPlan,
  type PlannerSettings,
  type SheetPlan,
} from '../workbook';
import type { BatchWriter } from './batchWriter';
import type { SavedBlock, UndoEntry } from './undo';
import { officeCell, officeGrid, type OfficeCell } from './writePlan';

/** What Gather did to the in-year sheets. */
export type InYearGatherReport = Pick<
  InYearGatheringPlan,
  'at' | 'updated' | 'appended' | 'refused' | 'problems'
>;

interface UsedReads {
  inYear: Excel.Range;
  history?: Excel.Range;
  actuals?: Excel.Range;
  position?: Excel.Range;
}

/** A sheet's cells from A1: values (formula results) and formulas, as a loaded range has them. */
export interface SheetGrid {
  values: unknown[][];
  formulas: unknown[][];
}

/** The sheets' contents from A1 (loaded ranges, or the grids of sheets just planned). */
export interface InYearRead {
  inYear: SheetGrid;
  history?: SheetGrid;
  actualsRows: number;
  position?: SheetGrid;
  sheets: readonly string[];
}

const used = (context: Excel.RequestContext, name: string) =>
  context.workbook.worksheets
    .getItem(name)
    .getUsedRangeOrNullObject(true)
    .load('rowIndex, rowCount, columnIndex, columnCount');

/**
 * Queues the used ranges of the in-year sheets (when the workbook has an In-year monitoring
 * sheet); after the sync, {@link queueInYearContents} queues their contents.
 *
 * @example
 * const usedInYear = queueInYearUsed(context, sheetNames); await context.sync();
 */
export function queueInYearUsed(
  context: Excel.RequestContext,
  sheets: readonly string[],
): UsedReads | undefined {
  const has = (name: string) => sheets.includes(name);
  if (!has(IN_YEAR_SHEET)) return undefined;
  return {
    inYear: used(context, IN_YEAR_SHEET),
    ...(has(HISTORY_SHEET) ? { history: used(context, HISTORY_SHEET) } : {}),
    ...(has(ACTUALS_SHEET) ? { actuals: used(context, ACTUALS_SHEET) } : {}),
    ...(has(POSITION_SHEET) ? { position: used(context, POSITION_SHEET) } : {}),
  };
}

/** Rows × columns from A1 to the end of a used range (at least 1 × `width`). */
function fromA1(
  context: Excel.RequestContext,
  name: string,
  range: Excel.Range,
  width: number,
): Excel.Range {
  const rows = range.isNullObject ? 1 : Math.max(1, range.rowIndex + range.rowCount);
  const columns = range.isNullObject
    ? width
    : Math.max(width, range.columnIndex + range.columnCount);
  return context.workbook.worksheets
    .getItem(name)
    .getRangeByIndexes(0, 0, rows, columns)
    .load('values, formulas');
}

/**
 * Queues the in-year sheets' contents from A1 (values and formulas), for the next sync.
 *
 * @example
 * const read = queueInYearContents(context, usedInYear, sheetNames); await context.sync();
 */
export function queueInYearContents(
  context: Excel.RequestContext,
  reads: UsedReads,
  sheets: readonly string[],
): InYearRead {
  const actuals = reads.actuals;
  return {
    inYear: fromA1(context, IN_YEAR_SHEET, reads.inYear, IN_YEAR_COLUMNS.length),
    ...(reads.history ? { history: fromA1(context, HISTORY_SHEET, reads.history, 8) } : {}),
    // Data rows under the header: the used range from row 2 down.
    actualsRows:
      actuals && !actuals.isNullObject ? Math.max(0, actuals.rowIndex + actuals.rowCount - 1) : 0,
    ...(reads.position ? { position: fromA1(context, POSITION_SHEET, reads.position, 11) } : {}),
    sheets,
  };
}

/** A block as it is now, saved for undo. */
function saved(
  sheet: string,
  range: SheetGrid,
  top: number,
  rows: number,
  width: number,
): SavedBlock {
  const pick = (grid: unknown[][]) =>
    Array.from({ length: rows }, (_, r) =>
      Array.from({ length: width }, (_, c) => grid[top + r]?.[c] ?? ''),
    );
  return { sheet, top, left: 0, values: pick(range.values), formulas: pick(range.formulas) };
}

/** A plan's rows from `from` (0-based), as Office cells `width` wide. */
function rowsOf(plan: SheetPlan, from: number, width: number): OfficeCell[][] {
  return officeGrid(plan)
    .slice(from)
    .map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

/**
 * Plans the gathering from what was read and writes it with `writer`, saving every block it
 * writes in `entry` first (undo and all-or-nothing). The holders' figures are read from the cells
 * the In-year links point to, so those are not written.
 *
 * @example
 * const report = await gatherInYearSheets(context, writer, read, gathered, settings, entry);
 */
export async function gatherInYearSheets(
  context: Excel.RequestContext,
  writer: BatchWriter,
  read: InYearRead,
  gathered: readonly GatheredForecast[],
  settings: PlannerSettings,
  entry: UndoEntry,
): Promise<InYearGatherReport> {
  const plan = planInYearGathering({
    inYear: { values: read.inYear.values, formulas: read.inYear.formulas },
    ...(read.history ? { history: read.history.values } : {}),
    actualsRows: read.actualsRows,
    sheets: read.sheets,
    hasPosition: read.position !== undefined,
    settings,
    gathered,
    writeThroughLinks: false,
  });
  const { at, updated, appended, refused, problems } = plan;
  const report: InYearGatherReport = { updated, appended, refused, problems };
  if (at) report.at = at;
  if (!plan.inYear) return report;
  const book = context.workbook.worksheets;

  // Saved first, then written.
  const inYearWidth = IN_YEAR_COLUMNS.length;
  const inYearRows = plan.inYear.cells.length - IN_YEAR_HEADER_ROW;
  entry.blocks.push(saved(IN_YEAR_SHEET, read.inYear, IN_YEAR_HEADER_ROW, inYearRows, inYearWidth));
  const history = plan.history;
  if (history && history.rows.length > 0) {
    if (history.create) entry.addedSheets.push(HISTORY_SHEET);
    else
      entry.blocks.push({
        sheet: HISTORY_SHEET,
        top: history.top - 1,
        left: 0,
        values: history.rows.map((row) => row.map(() => '')),
        formulas: history.rows.map((row) => row.map(() => '')),
        // The rows appended below the history were blank, General (regression: Undo left them
        // formatted as Text, so a figure typed there later went in as text).
        numberFormat: history.rows.map((row) => row.map(() => 'General')),
      });
  }
  let positionRows = 0;
  if (plan.position && read.position) {
    positionRows = Math.max(plan.position.cells.length, read.position.values.length);
    entry.blocks.push(saved(POSITION_SHEET, read.position, 0, positionRows, 11));
  }

  const inYearSheet = book.getItem(IN_YEAR_SHEET);
  for (const write of plan.writes)
    await writer.write(
      book.getItem(write.sheet),
      write.row - 1,
      write.column - 1,
      [[officeCell(write.value)]],
      'formulas',
    );
  await writer.write(
    inYearSheet,
    IN_YEAR_HEADER_ROW,
    0,
    rowsOf(plan.inYear, IN_YEAR_HEADER_ROW, inYearWidth),
    'formulas',
  );
  if (history && history.rows.length > 0) {
    const sheet = history.create ? book.add(HISTORY_SHEET) : book.getItem(HISTORY_SHEET);
    const formats = history.formats.map((row) => row.map((format) => format || 'General'));
    await writer.write(sheet, history.top - 1, 0, formats, 'numberFormat');
    await writer.write(
      sheet,
      history.top - 1,
      0,
      history.rows.map((row, r) => row.map((cell, c) => officeCell(cell, formats[r]?.[c]))),
      'formulas',
    );
  }
  if (plan.position && positionRows > 0)
    await writer.write(
      book.getItem(POSITION_SHEET),
      0,
      0,
      rowsOf(plan.position, 0, 11).concat(
        Array.from({ length: positionRows - plan.position.cells.length }, () =>
          Array.from({ length: 11 }, () => ''),
        ),
      ),
      'formulas',
    );
  return report;
}

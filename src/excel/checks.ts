/**
 * Check: run every check of the engine on the Programme, the selection or a sheet. One sync finds
 * the block and reads the settings, one more reads its values and number formats (on Excel on
 * the web, more when the block passes its 5 MB response limit), and the engine does the rest.
 */
import { countBySeverity } from '../core';
import { tryFromNumber } from '../core';
import type { VarianceThresholds } from '../core';
import type { CheckOptions } from '../core';
import { toA1 } from './a1';
import { report, runAction, throwIfCancelled } from './action';
import { ADD_IN_CODES, AddInError } from './officeErrors';
import { excelRun } from './excelRun';
import { planSheetRewrite } from './overwrite';
import { CHECKS_HEADER, CHECKS_SHEET, PROGRAMME_TABLE, planChecksSheet } from '../workbook';
import { BatchWriter } from './batchWriter';
import { officeGrid, writeSheetPlan } from './writePlan';
import { readRowChunks } from './requestBudget';
import { queueSettingsRead } from './settings';
import { checkWithSavedReading, queueColumnReadingsRead } from './columnReadings';
import { allOrNothing, rememberChange, type UndoEntry } from './undo';
import type { ActionResult, CheckReport, Finding, PlannerSettings, RunOptions } from './types';

/** Where a block to check sits, known after the first sync. */
interface Located {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/**
 * Rows whose number formats are read. The engine takes a column's decimals from the format of its
 * first figure, so the top of the block is enough, and reading every format would double the
 * response for nothing.
 */
const FORMAT_SAMPLE_ROWS = 200;

/**
 * Reads values (and the number formats of the top rows) of a block. On Windows and Mac that is
 * one sync. On Excel on the web, whose responses stop at 5 MB, it reads row chunks of one sync
 * each, sized from the bytes measured so far ({@link readRowChunks}).
 *
 * @example
 * const { values, numberFormats } = await readBlock(context, located, run);
 */
export async function readBlock(
  context: Excel.RequestContext,
  block: Located,
  run: RunOptions,
): Promise<{ values: unknown[][]; numberFormats: (string | undefined)[][] }> {
  const sheet = context.workbook.worksheets.getItem(block.sheet);
  const formatRows = Math.min(block.rows, FORMAT_SAMPLE_ROWS);
  let numberFormats: (string | undefined)[][] | undefined;
  const values: unknown[][] = [];
  await readRowChunks(
    context,
    block.rows,
    block.columns,
    (start, rows) => {
      // The formats travel with a chunk, queued again with each attempt: a chunk refused as too
      // large on the web takes its loads with it, and reading them then throws PropertyNotLoaded
      // (issue 11, finding 4).
      const formats =
        numberFormats === undefined
          ? sheet
              .getRangeByIndexes(block.top, block.left, formatRows, block.columns)
              .load('numberFormat')
          : undefined;
      const range = sheet
        .getRangeByIndexes(block.top + start, block.left, rows, block.columns)
        .load('values');
      return () => {
        // Past 5,000,000 cells Excel answers a read with null rather than an error
        // (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices).
        if (range.values === null || (formats && formats.numberFormat === null))
          throw new AddInError(ADD_IN_CODES.tooManyCells, `${rows} x ${block.columns} cells`);
        if (formats) numberFormats = formats.numberFormat.map((row) => [...row]);
        for (const row of range.values) values.push(row);
        return range.values;
      };
    },
    (done) => {
      throwIfCancelled(run.signal);
      if (done < block.rows) report(run, 'Reading cells', done, block.rows);
    },
  );
  return { values, numberFormats: numberFormats ?? [] };
}

function programmeOptions(settings: PlannerSettings): CheckOptions {
  const thresholds: VarianceThresholds = {};
  const absolute =
    settings.thresholdAbsolute === null ? undefined : tryFromNumber(settings.thresholdAbsolute);
  if (absolute) thresholds.absolute = absolute;
  if (settings.thresholdPercent !== null) thresholds.percent = settings.thresholdPercent;
  return { decimals: settings.decimals, convention: settings.convention, thresholds };
}

async function checkLocated(
  label: string,
  run: RunOptions,
  locate: (context: Excel.RequestContext) => () => Located | string,
  optionsFor: (settings: PlannerSettings) => CheckOptions,
  part = false,
): Promise<ActionResult<CheckReport>> {
  return runAction(label, () =>
    excelRun(async (context) => {
      const located = locate(context);
      const readSettings = queueSettingsRead(context);
      const savedReading = queueColumnReadingsRead(context);
      const application = context.workbook.application.load('calculationMode');
      await context.sync();
      throwIfCancelled(run.signal);
      const block = located();
      if (typeof block === 'string') return { ok: false, message: block };
      // In manual calculation mode the formula results Check reads may be stale ("Manual, where
      // calculation is done when the user requests it":
      // https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-calculationmode-member),
      // so Check recalculates first, in the same request as its first read: the results are the
      // ones F9 would show, and no input cell changes.
      if (application.calculationMode === 'Manual')
        context.workbook.application.calculate('Recalculate' as Excel.CalculationType);
      const { settings } = readSettings();
      const empty: CheckReport = {
        sheet: block.sheet,
        address: '',
        findings: [],
        counts: { error: 0, warning: 0, info: 0 },
      };
      if (block.rows === 0 || block.columns === 0) return { ok: true, value: empty };
      const { values, numberFormats } = await readBlock(context, block, run);
      report(run, 'Checking', 0, 1);
      // The reading says what was checked (each column's role, totals, relations), for the pane.
      const grid = {
        sheet: block.sheet,
        values,
        numberFormats,
        origin: { row: block.top, column: block.left },
      };
      // With the user's correction of this sheet's reading (the pane's role pickers), if saved.
      const { checked, correction, notice } = checkWithSavedReading(
        grid,
        optionsFor(settings),
        savedReading(block.sheet),
        block,
        part,
      );
      const { findings, reading } = checked;
      const address = `${toA1(block.top, block.left)}:${toA1(block.top + block.rows - 1, block.left + block.columns - 1)}`;
      report(run, 'Checking', 1, 1);
      return {
        ok: true,
        value: {
          sheet: block.sheet,
          address,
          findings,
          counts: countBySeverity(findings),
          reading,
          ...(correction ? { correction } : {}),
          ...(notice ? { readingNotice: notice } : {}),
        },
      };
    }),
  );
}

function locatedFrom(range: Excel.Range, sheet: Excel.Worksheet): Located {
  return {
    sheet: sheet.name,
    top: range.rowIndex,
    left: range.columnIndex,
    rows: range.rowCount,
    columns: range.columnCount,
  };
}

/**
 * Runs every check of the engine on the Programme table (header, schemes and totals row).
 *
 * @example
 * const report = await checkProgramme();
 */
export async function checkProgramme(run: RunOptions = {}): Promise<ActionResult<CheckReport>> {
  return checkLocated(
    'Check programme',
    run,
    (context) => {
      const table = context.workbook.tables.getItemOrNullObject(PROGRAMME_TABLE);
      table.load('name');
      const range = table.getRange().load('rowIndex, columnIndex, rowCount, columnCount');
      const sheet = table.worksheet.load('name');
      return () =>
        table.isNullObject
          ? 'There is no Programme table to check: set one up, or check the selection or a sheet instead.'
          : locatedFrom(range, sheet);
    },
    programmeOptions,
  );
}

/**
 * Runs every check on the selected range (e.g. a table pasted from a report). Whole columns are
 * cut down to the cells in use.
 *
 * @example
 * const report = await checkSelection();
 */
export async function checkSelection(run: RunOptions = {}): Promise<ActionResult<CheckReport>> {
  return checkLocated(
    'Check selection',
    run,
    (context) => {
      const selected = context.workbook.getSelectedRange();
      const sheet = selected.worksheet.load('name');
      const used = sheet.getUsedRangeOrNullObject(true);
      const part = selected
        .getIntersectionOrNullObject(used)
        .load('rowIndex, columnIndex, rowCount, columnCount');
      return () =>
        part.isNullObject
          ? { sheet: sheet.name, top: 0, left: 0, rows: 0, columns: 0 }
          : locatedFrom(part, sheet);
    },
    () => ({}),
    // A selection may hold part of a table: a saved entry for a column outside it is not stale.
    true,
  );
}

/**
 * Runs every check on the used range of a sheet (the active one by default).
 *
 * @example
 * const report = await checkSheet('Capital 2019');
 */
export async function checkSheet(
  sheetName?: string,
  run: RunOptions = {},
): Promise<ActionResult<CheckReport>> {
  return checkLocated(
    'Check sheet',
    run,
    (context) => {
      const sheet = sheetName
        ? context.workbook.worksheets.getItemOrNullObject(sheetName)
        : context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      const used = sheet
        .getUsedRangeOrNullObject(true)
        .load('rowIndex, columnIndex, rowCount, columnCount');
      return () => {
        // Only getItemOrNullObject gives a null object: the active sheet always exists, and the
        // stand-in (like the documentation, which names isNullObject only for *OrNullObject
        // methods) refuses reading it on another proxy:
        // https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
        if (sheetName && sheet.isNullObject)
          return `There is no sheet named '${sheetName ?? ''}': pick a sheet from the list.`;
        return used.isNullObject
          ? { sheet: sheet.name, top: 0, left: 0, rows: 0, columns: 0 }
          : locatedFrom(used, sheet);
      };
    },
    () => ({}),
  );
}

export { CHECKS_SHEET };

/**
 * Writes findings to a `Checks` sheet (replacing an earlier report there, after asking).
 *
 * @example
 * await writeChecksReport(report.findings, { confirm });
 */
export async function writeChecksReport(
  findings: readonly Finding[],
  run: RunOptions = {},
): Promise<ActionResult<{ sheet: string }>> {
  return runAction('Write checks report', () =>
    excelRun(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(CHECKS_SHEET);
      existing.load('name');
      const used = existing
        .getUsedRangeOrNullObject()
        .load('rowIndex, columnIndex, rowCount, columnCount');
      // The report is shown once written: Undo shows again the sheet the officer was on.
      const active = context.workbook.worksheets.getActiveWorksheet().load('name');
      await context.sync();
      const report = planChecksSheet(findings);
      const grid = officeGrid(report);
      const width = CHECKS_HEADER.length;
      let entry: UndoEntry;
      let sheet: Excel.Worksheet;
      if (existing.isNullObject) {
        sheet = context.workbook.worksheets.add(CHECKS_SHEET);
        entry = {
          label: 'Write checks report',
          blocks: [],
          addedSheets: [CHECKS_SHEET],
          activeSheet: active.name,
        };
      } else {
        // Replace the old report: the block covers both the old cells and the new ones.
        const rows = used.isNullObject
          ? grid.length
          : Math.max(grid.length, used.rowIndex + used.rowCount);
        const columns = used.isNullObject
          ? width
          : Math.max(width, used.columnIndex + used.columnCount);
        const old = existing
          .getRangeByIndexes(0, 0, rows, columns)
          .load('values, formulas, numberFormat');
        await context.sync();
        const plan = await planSheetRewrite(
          run,
          'Write checks report',
          CHECKS_SHEET,
          old,
          grid,
          width,
        );
        if ('refused' in plan) return plan.refused;
        entry = { ...plan.entry, activeSheet: active.name };
        sheet = existing;
        sheet.getRangeByIndexes(0, 0, rows, columns).formulas = plan.next;
      }
      await allOrNothing(entry, async () => {
        if (existing.isNullObject)
          await writeSheetPlan(
            context,
            new BatchWriter(context, run, 'Writing the report'),
            sheet,
            report,
          );
        sheet.activate();
        await context.sync();
      });
      rememberChange(entry);
      return { ok: true, value: { sheet: CHECKS_SHEET } };
    }),
  );
}

/**
 * Collect forecasts: one sheet per budget holder listing their schemes. Budgets are values (the
 * sheet may be emailed on its own), locked; only the forecast and comment cells are open, with a
 * number check on the forecast; the sheet is protected so nothing else can be typed over.
 */
import { toNumber, type Month } from '../core';
import {
  IN_YEAR_SHEET,
  forecastSheetName,
  inYearForReturns,
  monitoredPeriodOf,
  planForecastSheet,
  uniqueSheetName,
  type ForecastLine,
} from '../workbook';
import { runAction, throwIfCancelled } from './action';
import { BatchWriter, currentRequestBudget } from './batchWriter';
import { excelRun } from './excelRun';
import {
  cellString,
  currentBudgetOfRow,
  queueRevisionsRead,
  readProgrammeColumns,
  revisionsByRef,
} from './readProgramme';
import { queueSettingsRead } from './settings';
import { ensureInYearSheets, refusedAction, startInputOf } from './startMonitoring';
import { allOrNothing, rememberChange, type UndoEntry } from './undo';
import type { ActionResult, ForecastSheetsResult, RunOptions } from './types';
import { writeSheetPlan } from './writePlan';

/**
 * Makes one protected forecast sheet per budget holder; only the forecast cells are open. A holder
 * whose sheet already exists keeps it (their forecasts may be in it).
 *
 * @example
 * await generateForecastSheets();
 */
export async function generateForecastSheets(
  run: RunOptions = {},
): Promise<ActionResult<ForecastSheetsResult>> {
  return runAction('Make forecast sheets', () =>
    excelRun(async (context) => {
      const { programme, extra } = await readProgrammeColumns(
        context,
        currentRequestBudget(),
        ['ref', 'scheme', 'area', 'budgetHolder', 'approvedBudget', 'revisedBudget'],
        // The period columns too: the in-year budgets of a workbook that monitors the year.
        true,
        (ctx) => {
          const readRevisions = queueRevisionsRead(ctx);
          const readSettings = queueSettingsRead(ctx);
          const sheets = ctx.workbook.worksheets.load('items/name');
          return () => ({ readRevisions, readSettings, sheets });
        },
        (read) => read.readSettings().settings.fiscalYearStartMonth as Month,
      );
      const { readRevisions, readSettings, sheets } = extra;
      throwIfCancelled(run.signal);
      if (!programme)
        return {
          ok: false,
          message: 'There is no Programme table: set one up before making forecast sheets.',
        };
      const { column } = programme;
      if (column.budgetHolder < 0)
        return {
          ok: false,
          message:
            "The Programme table has no 'Budget holder' column: add one and name a holder for each scheme.",
        };
      const { settings } = readSettings();
      const revisionLog = readRevisions();
      const revisions = revisionsByRef(revisionLog?.entries ?? []);
      if (!programme.values.some((row) => cellString(row[column.ref]) !== ''))
        return {
          ok: false,
          message: 'The Programme has no schemes with a Ref yet: add schemes first.',
        };
      const sheetNames = sheets.items.map((s) => s.name);
      const added: string[] = [];
      // All-or-nothing: the entry's list of added sheets grows as they are added, so a failure
      // part-way removes exactly those, and says so.
      const entry: UndoEntry = { label: 'Make forecast sheets', blocks: [], addedSheets: added };
      const writer = new BatchWriter(context, run, 'Making forecast sheets');
      // Settings that name the year and period monitored: the in-year sheets are made sure of
      // first (added, or moved on to the period), so each return shows that year.
      const start = monitoredPeriodOf(settings)
        ? await allOrNothing(entry, () =>
            ensureInYearSheets(
              context,
              writer,
              entry,
              startInputOf(programme, revisionLog, revisions, settings, sheetNames),
              // Moving the In-year sheet on to a later period is asked first (nothing written on a no).
              run,
              'Make forecast sheets',
            ),
          )
        : undefined;
      if (start && 'message' in start) return refusedAction(start);
      // A workbook that monitors the year shows each holder their in-year budget and actual to date.
      const inYear = start
        ? inYearForReturns(start.read.inYear.values)
        : sheetNames.includes(IN_YEAR_SHEET)
          ? await readInYear(context)
          : undefined;
      const startedSheets = added.length;

      const byHolder = new Map<string, ForecastLine[]>();
      programme.values.forEach((row, r) => {
        const ref = cellString(row[column.ref]);
        if (ref === '') return;
        const holder = cellString(row[column.budgetHolder]).trim() || 'No budget holder';
        const approved = row[column.approvedBudget];
        const current = currentBudgetOfRow(programme, r, revisions);
        const line: ForecastLine = {
          ref,
          scheme: column.scheme >= 0 ? cellString(row[column.scheme]) : '',
          area: column.area >= 0 ? cellString(row[column.area]) : '',
          approvedBudget: typeof approved === 'number' ? approved : null,
          currentBudget: current ? toNumber(current) : null,
          ...inYear?.byRef.get(ref.toLowerCase()),
        };
        byHolder.set(holder, [...(byHolder.get(holder) ?? []), line]);
      });

      const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const made: ForecastSheetsResult['sheets'] = [];
      await allOrNothing(entry, async () => {
        for (const [holder, lines] of byHolder) {
          let name = forecastSheetName(holder);
          // Two long names cut to the same 31 characters must not share a sheet.
          if (added.some((a) => a.toLowerCase() === name.toLowerCase()))
            name = uniqueSheetName(name, [...taken]);
          if (taken.has(name.toLowerCase())) {
            // Already there, perhaps filled in by its budget holder: kept as it is, and said so.
            made.push({ holder, sheet: name, schemes: lines.length, kept: true });
            continue;
          }
          taken.add(name.toLowerCase());
          const sheet = context.workbook.worksheets.add(name);
          added.push(name);
          const plan = planForecastSheet({
            sheet: name,
            holder,
            lines,
            unit: settings.unit,
            decimals: settings.decimals,
            ...(inYear ? { year: inYear.year, period: inYear.period } : {}),
          });
          await writeSheetPlan(context, writer, sheet, plan);
          made.push({ holder, sheet: name, schemes: lines.length, kept: false });
        }
        await writer.finish();
      });
      if (added.length > 0 || entry.blocks.length > 0) rememberChange(entry);
      const value: ForecastSheetsResult = { sheets: made };
      if (start) {
        value.monitoring = { at: start.at, added: added.slice(0, startedSheets) };
        if (start.movedFrom) value.monitoring.movedFrom = start.movedFrom;
      }
      return { ok: true, value };
    }),
  );
}

/** The In-year monitoring sheet's year, period and figures per scheme (one more sync, any size). */
async function readInYear(context: Excel.RequestContext) {
  const used = context.workbook.worksheets
    .getItem(IN_YEAR_SHEET)
    .getUsedRangeOrNullObject(true)
    .load('values, rowIndex, columnIndex');
  await context.sync();
  if (used.isNullObject) return undefined;
  // The values from A1 (the sheet's title is in A1, so the used range starts there).
  const values = used.values.map((row) => [
    ...Array.from({ length: used.columnIndex }, () => ''),
    ...row,
  ]);
  return inYearForReturns([...Array.from({ length: used.rowIndex }, () => []), ...values]);
}

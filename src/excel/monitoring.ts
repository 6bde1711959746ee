/**
 * Gather forecasts into a `Monitoring` sheet: budget, forecast, variance, flag and RAG per scheme
 * and per area, as NATIVE formulas. The thresholds and sign convention are read by the formulas
 * from the settings sheet, so the flags stay right when the file is opened without the add-in or
 * a budget holder's forecast changes. The pane gets the same figures computed by the engine.
 */
import { tryFromNumber, ZERO } from '../core';
import {
  EXPLANATION_COLUMN,
  FORECAST_COLUMN,
  FORECAST_HEADER_ROW,
  IN_YEAR_FORECAST_COLUMN,
  FORECAST_PREFIX,
  MONITORING_COLUMNS,
  MONITORING_SHEET,
  lineFormulas,
  monitoredPeriodOf,
  monitoringRowCount,
  planMonitoringSheet,
  type GatheredForecast,
  type MonitoringScheme,
} from '../workbook';
import { gatherInYearSheets, queueInYearContents, queueInYearUsed } from './inYearGathering';
import { report, runAction, throwIfCancelled } from './action';
import { BatchWriter } from './batchWriter';
import { excelRun } from './excelRun';
import { planSheetRewrite } from './overwrite';
import {
  cellString,
  currentBudgetOfRow,
  queueProgrammeRead,
  queueRevisionsRead,
  revisionsByRef,
} from './readProgramme';
import { queueSettingsRead } from './settings';
import {
  prepareInYearSheets,
  refusedAction,
  startInputOf,
  writeInYearSheets,
  type MonitoringStart,
} from './startMonitoring';
import { rememberChange, restoreEntry, type UndoEntry } from './undo';
import type { ActionResult, MonitoringResult, RunOptions } from './types';
import { officeGrid, writeSheetPlan, type OfficeCell } from './writePlan';

// Where the adapter's callers and tests look for them.
export { MONITORING_SHEET, lineFormulas };
const WIDTH = MONITORING_COLUMNS.length;

/**
 * Gathers the budget holders' forecasts into a `Monitoring` sheet of native formulas.
 *
 * @example
 * const summary = await gatherForecasts({ confirm });
 */
export async function gatherForecasts(
  run: RunOptions = {},
): Promise<ActionResult<MonitoringResult>> {
  return runAction('Gather forecasts', () =>
    excelRun(async (context) => {
      const readProgramme = queueProgrammeRead(context);
      const readRevisions = queueRevisionsRead(context);
      const readSettings = queueSettingsRead(context);
      const sheets = context.workbook.worksheets.load('items/name');
      // Shown again when a failure or an Undo removes the sheets Gather added.
      const active = context.workbook.worksheets.getActiveWorksheet().load('name');
      const existing = context.workbook.worksheets.getItemOrNullObject(MONITORING_SHEET);
      existing.load('name');
      const existingUsed = existing
        .getUsedRangeOrNullObject()
        .load('rowIndex, columnIndex, rowCount, columnCount');
      await context.sync();
      throwIfCancelled(run.signal);
      const programme = readProgramme();
      if (!programme)
        return {
          ok: false,
          message: 'There is no Programme table: set one up and make forecast sheets first.',
        };
      const { settings } = readSettings();
      const revisionLog = readRevisions();
      const revisions = revisionsByRef(revisionLog?.entries ?? []);

      // Second read: the forecast sheets (now that their names are known) and the old Monitoring cells.
      const forecastSheets = sheets.items
        .map((s) => s.name)
        .filter((name) => name.startsWith(FORECAST_PREFIX));
      const forecastReads = forecastSheets.map((name) => {
        const sheet = context.workbook.worksheets.getItem(name);
        const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex, rowCount');
        return { name, used, sheet };
      });
      const sheetNames = sheets.items.map((s) => s.name);
      // Settings that name the year and period monitored: the in-year sheets are made sure of
      // (added, or moved on to the period) when writing; otherwise an In-year sheet is gathered into as it is.
      const monitored = monitoredPeriodOf(settings);
      const inYearUsed = monitored ? undefined : queueInYearUsed(context, sheetNames);
      await context.sync();
      const blocks = forecastReads
        .filter(
          (f) =>
            !f.used.isNullObject && f.used.rowIndex + f.used.rowCount > FORECAST_HEADER_ROW + 1,
        )
        .map((f) => {
          const rows = f.used.rowIndex + f.used.rowCount - FORECAST_HEADER_ROW;
          // From the header (which says the sheet's shape) through this version's Explanation.
          return {
            name: f.name,
            range: f.sheet
              .getRangeByIndexes(FORECAST_HEADER_ROW, 0, rows, EXPLANATION_COLUMN + 1)
              .load('values'),
          };
        });
      const { column } = programme;
      const schemeRows = programme.values
        .map((row, r) => ({ row, r }))
        .filter(({ row }) => cellString(row[column.ref]) !== '');
      const areaCount = new Set(
        schemeRows.map(
          ({ row }) => (column.area >= 0 ? cellString(row[column.area]) : '') || 'No area',
        ),
      ).size;
      const rowCount = monitoringRowCount(schemeRows.length, areaCount);
      const old = existing.isNullObject
        ? undefined
        : existing
            .getRangeByIndexes(
              0,
              0,
              Math.max(
                rowCount,
                existingUsed.isNullObject ? 0 : existingUsed.rowIndex + existingUsed.rowCount,
              ),
              Math.max(
                WIDTH,
                existingUsed.isNullObject ? 0 : existingUsed.columnIndex + existingUsed.columnCount,
              ),
            )
            .load('values, formulas, numberFormat');
      const inYearRead = inYearUsed && queueInYearContents(context, inYearUsed, sheetNames);
      await context.sync();
      throwIfCancelled(run.signal);

      // Where each scheme's forecast cell is: the first forecast sheet listing its Ref.
      const forecastAt = new Map<string, { sheet: string; row: number; value: unknown }>();
      // What each holder returned: this version's sheets (an In-year forecast column) give the
      // year's forecast and an Explanation; last version's give one forecast and a Comment (G).
      const gathered: GatheredForecast[] = [];
      // A figure typed as text is left where it is and said, with its cell.
      const unreadable: string[] = [];
      const notAFigure = (value: unknown) =>
        value !== '' && value !== null && typeof value !== 'number';
      for (const block of blocks) {
        const [header, ...lines] = block.range.values;
        const inYearShape = /^in-year forecast/i.test(cellString(header[IN_YEAR_FORECAST_COLUMN]));
        lines.forEach((line, i) => {
          const ref = cellString(line[0]);
          if (ref === '' || forecastAt.has(ref)) return;
          forecastAt.set(ref, {
            sheet: block.name,
            row: FORECAST_HEADER_ROW + 1 + i,
            value: line[FORECAST_COLUMN],
          });
          const sheetRow = FORECAST_HEADER_ROW + 2 + i;
          for (const [column, what] of [
            [FORECAST_COLUMN, 'all-years forecast'],
            ...(inYearShape ? [[IN_YEAR_FORECAST_COLUMN, 'in-year forecast'] as const] : []),
          ] as const)
            if (notAFigure(line[column]))
              unreadable.push(
                `the ${what} for ${ref} ('${block.name}'!${String.fromCharCode(65 + column)}${sheetRow}) is not a figure: type it as a number, e.g. 2.4`,
              );
          const allYears =
            typeof line[FORECAST_COLUMN] === 'number'
              ? tryFromNumber(line[FORECAST_COLUMN])
              : undefined;
          if (!allYears) return;
          const given: GatheredForecast = { ref, allYearsForecast: allYears };
          const inYear = line[IN_YEAR_FORECAST_COLUMN];
          if (inYearShape && typeof inYear === 'number') {
            const value = tryFromNumber(inYear);
            if (value) given.inYearForecast = value;
          }
          const explanation = cellString(
            line[inYearShape ? EXPLANATION_COLUMN : FORECAST_COLUMN + 1],
          ).trim();
          if (inYearShape || explanation !== '') given.explanation = explanation;
          gathered.push(given);
        });
      }

      const schemes: MonitoringScheme[] = schemeRows.map(({ row, r }) => {
        const ref = cellString(row[column.ref]);
        const found = forecastAt.get(ref);
        const forecast =
          found && typeof found.value === 'number' ? tryFromNumber(found.value) : undefined;
        return {
          ref,
          area: (column.area >= 0 ? cellString(row[column.area]) : '') || 'No area',
          scheme: column.scheme >= 0 ? cellString(row[column.scheme]) : '',
          budgetHolder: column.budgetHolder >= 0 ? cellString(row[column.budgetHolder]) : '',
          budget: currentBudgetOfRow(programme, r, revisions) ?? ZERO,
          ...(forecast ? { forecast } : {}),
          ...(found ? { forecastCell: { sheet: found.sheet, row: found.row } } : {}),
        };
      });
      const monitoring = planMonitoringSheet({ schemes, settings });
      const grid = officeGrid(monitoring.plan);

      // The In-year sheet read, and its move to the settings' period decided (and asked) before
      // anything is written: a no, or a period behind the sheet's, leaves the workbook as it was.
      const prepared = monitored
        ? await prepareInYearSheets(
            context,
            startInputOf(programme, revisionLog, revisions, settings, sheetNames),
            run,
            'Gather forecasts',
          )
        : undefined;
      if (prepared && 'message' in prepared) return refusedAction(prepared);
      throwIfCancelled(run.signal);

      // Nothing lost: an old Monitoring sheet is replaced only after asking, and kept for undo.
      let entry: UndoEntry;
      let sheet: Excel.Worksheet;
      let writeRows = grid;
      if (old) {
        const plan = await planSheetRewrite(
          run,
          'Gather forecasts',
          MONITORING_SHEET,
          old,
          grid,
          WIDTH,
        );
        if ('refused' in plan) return plan.refused;
        entry = plan.entry;
        sheet = existing;
        writeRows = plan.next as OfficeCell[][];
      } else {
        sheet = context.workbook.worksheets.add(MONITORING_SHEET);
        entry = { label: 'Gather forecasts', addedSheets: [MONITORING_SHEET], blocks: [] };
      }
      entry.activeSheet = active.name;
      const writer = new BatchWriter(context, run, 'Writing the Monitoring sheet');
      let inYear: MonitoringResult['inYear'];
      let start: MonitoringStart | undefined;
      try {
        if (prepared) start = await writeInYearSheets(context, writer, entry, prepared);
        await writeSheetPlan(context, writer, sheet, monitoring.plan, {
          cells: writeRows,
          freeze: !old,
          ...(old
            ? {
                clearConditionalFormats: {
                  rows: old.formulas.length,
                  columns: old.formulas[0].length,
                },
              }
            : {}),
        });
        if (inYearRead) {
          inYear = await gatherInYearSheets(context, writer, inYearRead, gathered, settings, entry);
          inYear.problems = [...unreadable, ...inYear.problems];
        }
        if (start) {
          inYear = await gatherInYearSheets(context, writer, start.read, gathered, settings, entry);
          inYear.problems = [...unreadable, ...inYear.problems];
          if (start.added.length > 0) inYear.added = start.added;
          if (start.movedFrom) inYear.movedFrom = start.movedFrom;
        }
        sheet.activate();
        await writer.finish();
      } catch (error) {
        await restoreEntry(context, entry).catch(() => undefined);
        throw error;
      }
      rememberChange(entry);
      report(run, 'Writing the Monitoring sheet', 1, 1);
      const { areas, total } = monitoring;
      return {
        ok: true,
        value: {
          sheet: 'Monitoring',
          schemes: monitoring.schemes,
          areas,
          total,
          ...(inYear ? { inYear } : {}),
        },
      };
    }),
  );
}

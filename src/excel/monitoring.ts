/**
 * Gather forecasts into a `Monitoring` sheet: budget, forecast, variance, flag and RAG per scheme
 * and per area, as NATIVE formulas. The thresholds and sign convention are read by the formulas
 * from the settings sheet, so the flags stay right when the file is opened without the add-in or
 * a budget holder's forecast changes. The pane gets the same figures computed by the engine.
 */
import {
  add,
  fromNumber,
  toNumber,
  tryFromNumber,
  ZERO,
  type Decimal,
} from '../core/money/decimal';
import { ragRating, variance, varianceStatus, type VarianceThresholds } from '../core/monitoring';
import { toA1 } from './a1';
import { report, runAction, throwIfCancelled } from './action';
import { BatchWriter } from './batchWriter';
import { asTextCell } from './cellText';
import { excelRun } from './excelRun';
import { FORECAST_COLUMN, FORECAST_HEADER_ROW, FORECAST_PREFIX } from './forecastSheets';
import { planSheetRewrite } from './overwrite';
import {
  MONITORING_AREA_HEADER,
  MONITORING_COLUMNS,
  MONITORING_HEADER_ROW,
  MONITORING_SHEET,
  PROGRAMME_TABLE,
  quoted,
} from './programmeLayout';
import {
  cellString,
  currentBudgetOfRow,
  queueProgrammeRead,
  queueRevisionsRead,
  revisionsByRef,
} from './readProgramme';
import { numberFormatFor } from '../core/money';
import { queueSettingsRead, settingCell } from './settings';
import { rememberChange, restoreEntry, type UndoEntry } from './undo';
import type {
  ActionResult,
  MonitoringLine,
  MonitoringResult,
  PlannerSettings,
  RunOptions,
  VarianceStatus,
} from './types';

export { MONITORING_SHEET };
/** 0-based, as Office.js counts rows. */
const HEADER_ROW = MONITORING_HEADER_ROW - 1;
const WIDTH = MONITORING_COLUMNS.length;

/** Native formulas of one line, with budget in column E and forecast in F of `row` (1-based). */
export function lineFormulas(row: number): { variance: string; flag: string; rag: string } {
  const budget = `E${row}`;
  const forecast = `F${row}`;
  const size = `ABS(${forecast}-${budget})`;
  const absolute = settingCell('thresholdAbsolute');
  const percent = settingCell('thresholdPercent');
  // Strictly more than a threshold flags; with no thresholds set, any variance does (as core breachedThresholds).
  const over = `IF(AND(${absolute}="",${percent}=""),${size}<>0,OR(AND(${absolute}<>"",${size}>${absolute}),AND(${percent}<>"",${size}*100>${percent}*ABS(${budget}))))`;
  const overspend = `(${forecast}-${budget})*100`;
  return {
    variance: `=IF(${forecast}="","",IF(${settingCell('convention')}="forecast-minus-budget",${forecast}-${budget},${budget}-${forecast}))`,
    flag: `=IF(${forecast}="","No forecast",IF(${over},IF(${forecast}>${budget},"Overspend","Underspend"),"On target"))`,
    rag: `=IF(${forecast}="","",IF(${forecast}<=${budget},"Green",IF(${overspend}>${settingCell('redPercent')}*ABS(${budget}),"Red",IF(${overspend}>${settingCell('amberPercent')}*ABS(${budget}),"Amber","Green"))))`,
  };
}

function thresholdsOf(settings: PlannerSettings): VarianceThresholds {
  const thresholds: VarianceThresholds = {};
  const absolute =
    settings.thresholdAbsolute === null ? undefined : tryFromNumber(settings.thresholdAbsolute);
  if (absolute) thresholds.absolute = absolute;
  if (settings.thresholdPercent !== null) thresholds.percent = settings.thresholdPercent;
  return thresholds;
}

/** The engine's view of one line, for the pane's summary. */
function summarise(
  name: string,
  budget: Decimal,
  forecast: Decimal | undefined,
  settings: PlannerSettings,
  ref?: string,
): MonitoringLine {
  if (!forecast)
    return {
      ...(ref ? { ref } : {}),
      name,
      budget: toNumber(budget),
      forecast: null,
      variance: null,
      status: 'No forecast',
    };
  const status: VarianceStatus = varianceStatus(
    budget,
    forecast,
    thresholdsOf(settings),
    settings.convention,
  );
  return {
    ...(ref ? { ref } : {}),
    name,
    budget: toNumber(budget),
    forecast: toNumber(forecast),
    variance: toNumber(variance(budget, forecast, settings.convention)),
    status,
    rag: ragRating(budget, forecast, settings.amberPercent, settings.redPercent),
  };
}

/** Conditional formats: the flag and RAG words coloured, so they show without the add-in. */
function queueConditionalFormats(
  sheet: Excel.Worksheet,
  address: string,
  words: readonly [string, string][],
): void {
  const range = sheet.getRange(address);
  for (const [word, fill] of words) {
    const format = range.conditionalFormats.add('ContainsText');
    format.textComparison.format.fill.color = fill;
    format.textComparison.rule = { operator: 'Contains', text: word };
  }
}

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
      const revisions = revisionsByRef(readRevisions()?.entries ?? []);

      // Second read: the forecast sheets (now that their names are known) and the old Monitoring cells.
      const forecastSheets = sheets.items
        .map((s) => s.name)
        .filter((name) => name.startsWith(FORECAST_PREFIX));
      const forecastReads = forecastSheets.map((name) => {
        const sheet = context.workbook.worksheets.getItem(name);
        const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex, rowCount');
        return { name, used, sheet };
      });
      await context.sync();
      const blocks = forecastReads
        .filter(
          (f) =>
            !f.used.isNullObject && f.used.rowIndex + f.used.rowCount > FORECAST_HEADER_ROW + 1,
        )
        .map((f) => {
          const rows = f.used.rowIndex + f.used.rowCount - (FORECAST_HEADER_ROW + 1);
          return {
            name: f.name,
            range: f.sheet
              .getRangeByIndexes(FORECAST_HEADER_ROW + 1, 0, rows, FORECAST_COLUMN + 1)
              .load('values'),
          };
        });
      const { column } = programme;
      const schemeRows = programme.values
        .map((row, r) => ({ row, r }))
        .filter(({ row }) => cellString(row[column.ref]) !== '');
      const areaNames = [
        ...new Set(
          schemeRows.map(
            ({ row }) => (column.area >= 0 ? cellString(row[column.area]) : '') || 'No area',
          ),
        ),
      ];
      const totalRows = HEADER_ROW + 1 + schemeRows.length + 2 + 1 + areaNames.length + 1;
      const old = existing.isNullObject
        ? undefined
        : existing
            .getRangeByIndexes(
              0,
              0,
              Math.max(
                totalRows,
                existingUsed.isNullObject ? 0 : existingUsed.rowIndex + existingUsed.rowCount,
              ),
              Math.max(
                WIDTH,
                existingUsed.isNullObject ? 0 : existingUsed.columnIndex + existingUsed.columnCount,
              ),
            )
            .load('values, formulas, numberFormat');
      await context.sync();
      throwIfCancelled(run.signal);

      // Where each scheme's forecast cell is: the first forecast sheet listing its Ref.
      const forecastAt = new Map<string, { sheet: string; row: number; value: unknown }>();
      for (const block of blocks) {
        block.range.values.forEach((line, i) => {
          const ref = cellString(line[0]);
          if (ref !== '' && !forecastAt.has(ref))
            forecastAt.set(ref, {
              sheet: block.name,
              row: FORECAST_HEADER_ROW + 1 + i,
              value: line[FORECAST_COLUMN],
            });
        });
      }

      const grid: (string | number)[][] = [
        ['Capital monitoring', '', '', '', '', '', '', '', ''],
        [
          `Budget = the Programme's revised budget; forecasts from the budget holders' sheets; thresholds and sign convention from the ${'_CapitalPlannerSettings'} sheet.`,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ],
        new Array<string>(WIDTH).fill(''),
        [...MONITORING_COLUMNS],
      ];
      const schemes: MonitoringLine[] = [];
      const areaTotals = new Map<
        string,
        { budget: Decimal; forecast: Decimal; missing: boolean }
      >();
      const firstSchemeRow = HEADER_ROW + 2; // 1-based
      schemeRows.forEach(({ row, r }, i) => {
        const sheetRow = firstSchemeRow + i;
        const ref = cellString(row[column.ref]);
        const area = (column.area >= 0 ? cellString(row[column.area]) : '') || 'No area';
        const found = forecastAt.get(ref);
        const source = found
          ? `${quoted(found.sheet)}!${toA1(found.row, FORECAST_COLUMN)}`
          : undefined;
        const formulas = lineFormulas(sheetRow);
        grid.push([
          asTextCell(ref),
          asTextCell(area),
          asTextCell(column.scheme >= 0 ? cellString(row[column.scheme]) : ''),
          asTextCell(column.budgetHolder >= 0 ? cellString(row[column.budgetHolder]) : ''),
          `=IFERROR(INDEX(${PROGRAMME_TABLE}[Revised budget],MATCH($A${sheetRow},${PROGRAMME_TABLE}[Ref],0)),0)`,
          source ? `=IF(ISBLANK(${source}),"",${source})` : '',
          formulas.variance,
          formulas.flag,
          formulas.rag,
        ]);
        const budget = currentBudgetOfRow(programme, r, revisions) ?? ZERO;
        const forecast =
          found && typeof found.value === 'number' ? tryFromNumber(found.value) : undefined;
        schemes.push(
          summarise(
            column.scheme >= 0 ? cellString(row[column.scheme]) : ref,
            budget,
            forecast,
            settings,
            ref,
          ),
        );
        const totals = areaTotals.get(area) ?? { budget: ZERO, forecast: ZERO, missing: false };
        areaTotals.set(area, {
          budget: add(totals.budget, budget),
          forecast: forecast ? add(totals.forecast, forecast) : totals.forecast,
          missing: totals.missing || !forecast,
        });
      });
      const lastSchemeRow = firstSchemeRow + schemeRows.length - 1;
      grid.push(new Array<string>(WIDTH).fill(''));
      grid.push([...MONITORING_AREA_HEADER]);
      const sumOf = (col: string, row: number) =>
        `=SUMIFS(${col}$${firstSchemeRow}:${col}$${lastSchemeRow},$B$${firstSchemeRow}:$B$${lastSchemeRow},$A${row})`;
      const areas: MonitoringLine[] = [];
      const firstAreaRow = grid.length + 1;
      for (const area of areaNames) {
        const sheetRow = grid.length + 1;
        const formulas = lineFormulas(sheetRow);
        grid.push([
          asTextCell(area),
          '',
          '',
          '',
          sumOf('E', sheetRow),
          sumOf('F', sheetRow),
          formulas.variance,
          formulas.flag,
          formulas.rag,
        ]);
        const totals = areaTotals.get(area) ?? { budget: ZERO, forecast: ZERO, missing: true };
        areas.push(
          summarise(
            area,
            totals.budget,
            totals.missing && totals.forecast.units === 0 ? undefined : totals.forecast,
            settings,
          ),
        );
      }
      const totalRow = grid.length + 1;
      const totalFormulas = lineFormulas(totalRow);
      grid.push([
        'Total',
        '',
        '',
        '',
        `=SUM(E${firstAreaRow}:E${totalRow - 1})`,
        `=SUM(F${firstAreaRow}:F${totalRow - 1})`,
        totalFormulas.variance,
        totalFormulas.flag,
        totalFormulas.rag,
      ]);
      const allBudget = schemes.reduce((sum, line) => add(sum, fromNumber(line.budget)), ZERO);
      const anyForecast = schemes.some((line) => line.forecast !== null);
      const allForecast = schemes.reduce(
        (sum, line) => (line.forecast === null ? sum : add(sum, fromNumber(line.forecast))),
        ZERO,
      );
      const total = summarise('Total', allBudget, anyForecast ? allForecast : undefined, settings);

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
        sheet
          .getRangeByIndexes(0, 0, old.formulas.length, old.formulas[0].length)
          .conditionalFormats.clearAll();
        writeRows = plan.next as (string | number)[][];
      } else {
        sheet = context.workbook.worksheets.add(MONITORING_SHEET);
        entry = { label: 'Gather forecasts', addedSheets: [MONITORING_SHEET], blocks: [] };
      }
      const writer = new BatchWriter(context, run, 'Writing the Monitoring sheet');
      try {
        const money = numberFormatFor(settings.unit, settings.decimals);
        await writer.write(
          sheet,
          0,
          0,
          writeRows.map((row, r) =>
            row.map((_, c) =>
              r > HEADER_ROW && c >= 4 && c <= 6 && r < grid.length ? money : 'General',
            ),
          ),
          'numberFormat',
        );
        await writer.write(sheet, 0, 0, writeRows, 'formulas');
        sheet.getRange('A1').format.font.bold = true;
        sheet.getRangeByIndexes(HEADER_ROW, 0, 1, WIDTH).format.font.bold = true;
        const flagRag = `H${firstSchemeRow}:I${totalRow}`;
        queueConditionalFormats(sheet, flagRag, [
          ['Overspend', '#F4CCCC'],
          ['Underspend', '#FFF2CC'],
          ['On target', '#D9EAD3'],
          ['Red', '#E06666'],
          ['Amber', '#FFD966'],
          ['Green', '#93C47D'],
        ]);
        if (!old) sheet.freezePanes.freezeRows(HEADER_ROW + 1);
        sheet.activate();
        await writer.finish();
      } catch (error) {
        await restoreEntry(context, entry).catch(() => undefined);
        throw error;
      }
      rememberChange(entry);
      report(run, 'Writing the Monitoring sheet', 1, 1);
      return { ok: true, value: { sheet: 'Monitoring', schemes, areas, total } };
    }),
  );
}

/**
 * Native charts of the programme: totals per period, and budget against forecast per area. Each
 * goes on its own new sheet with a small block of native formulas as its data, so it stays live
 * and works without the add-in, and "Undo" simply removes the sheet.
 */
import { runAction, throwIfCancelled } from './action';
import { isBlankCell } from './cellText';
import { excelRun } from './excelRun';
import {
  HISTORY_SHEET,
  MONITORING_SHEET,
  PROGRAMME_COLUMNS,
  PROGRAMME_TABLE,
  planBudgetForecastChart,
  planPhasingChart,
  planTrendChart,
  structuredColumn,
  uniqueSheetName,
  type GatheredPeriod,
  type SheetPlan,
} from '../workbook';
import { cellString } from './readProgramme';
import { BatchWriter } from './batchWriter';
import { officeGrid, writeSheetPlan } from './writePlan';
import { allOrNothing, rememberChange, type UndoEntry } from './undo';
import type { ActionResult, ChartResult, RunOptions } from './types';

export { structuredColumn };

/**
 * Adds a native column chart of the programme's totals per period.
 *
 * @example
 * await addPhasingChart();
 */
export async function addPhasingChart(run: RunOptions = {}): Promise<ActionResult<ChartResult>> {
  return runAction('Add phasing chart', () =>
    excelRun(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(PROGRAMME_TABLE);
      table.load('name');
      const header = table.getHeaderRowRange().load('values');
      const sheets = context.workbook.worksheets.load('items/name');
      const active = context.workbook.worksheets.getActiveWorksheet().load('name');
      await context.sync();
      throwIfCancelled(run.signal);
      if (table.isNullObject)
        return { ok: false, message: 'There is no Programme table to chart: set one up first.' };
      const named = new Set(PROGRAMME_COLUMNS.map((c) => c.header.toLowerCase()));
      const periods = header.values[0]
        .map(String)
        .filter((h) => h.trim() !== '' && !named.has(h.trim().toLowerCase()));
      if (periods.length === 0)
        return {
          ok: false,
          message:
            "The Programme table has no period columns to chart: add columns headed e.g. '2016/17 Q1'.",
        };
      const existing = await showExistingChart(context, sheets, PHASING_CHART_SHEET);
      if (existing) return existing;
      const name = uniqueSheetName(
        PHASING_CHART_SHEET,
        sheets.items.map((s) => s.name),
      );
      return addChartSheet(
        context,
        run,
        planPhasingChart(name, periods),
        'Add phasing chart',
        active.name,
      );
    }),
  );
}

/**
 * Adds a native chart of budget against forecast per area, from the Monitoring sheet.
 *
 * @example
 * await addBudgetForecastChart();
 */
export async function addBudgetForecastChart(
  run: RunOptions = {},
): Promise<ActionResult<ChartResult>> {
  return runAction('Add budget v forecast chart', () =>
    excelRun(async (context) => {
      const monitoring = context.workbook.worksheets.getItemOrNullObject(MONITORING_SHEET);
      monitoring.load('name');
      const firstColumn = monitoring
        .getUsedRangeOrNullObject(true)
        .getColumn(0)
        .load('values, rowIndex');
      const sheets = context.workbook.worksheets.load('items/name');
      const active = context.workbook.worksheets.getActiveWorksheet().load('name');
      await context.sync();
      throwIfCancelled(run.signal);
      if (monitoring.isNullObject || firstColumn.isNullObject)
        return {
          ok: false,
          message: 'There is no Monitoring sheet yet: gather the forecasts first.',
        };
      const labels = firstColumn.values.map((row) => (isBlankCell(row[0]) ? '' : String(row[0])));
      const byArea = labels.indexOf('By area');
      const total = labels.indexOf('Total', byArea + 1);
      if (byArea < 0 || total < 0 || total <= byArea + 1)
        return {
          ok: false,
          message: 'The Monitoring sheet has no "By area" block: gather the forecasts again.',
        };
      const areaRows = Array.from(
        { length: total - byArea - 1 },
        (_, i) => firstColumn.rowIndex + byArea + 2 + i,
      ); // 1-based
      const existing = await showExistingChart(context, sheets, BUDGET_FORECAST_CHART_SHEET);
      if (existing) return existing;
      const name = uniqueSheetName(
        BUDGET_FORECAST_CHART_SHEET,
        sheets.items.map((s) => s.name),
      );
      return addChartSheet(
        context,
        run,
        planBudgetForecastChart(name, areaRows),
        'Add budget v forecast chart',
        active.name,
      );
    }),
  );
}

/**
 * Adds a native line chart of the programme's in-year budget, actual to date and in-year forecast
 * at each period gathered into the Monitoring history.
 *
 * @example
 * await addTrendChart();
 */
export async function addTrendChart(run: RunOptions = {}): Promise<ActionResult<ChartResult>> {
  const label = 'Add forecast trend chart';
  return runAction(label, () =>
    excelRun(async (context) => {
      const history = context.workbook.worksheets.getItemOrNullObject(HISTORY_SHEET);
      history.load('name');
      const used = history.getUsedRangeOrNullObject(true).load('values, rowIndex, columnIndex');
      const sheets = context.workbook.worksheets.load('items/name');
      const active = context.workbook.worksheets.getActiveWorksheet().load('name');
      await context.sync();
      throwIfCancelled(run.signal);
      if (history.isNullObject || used.isNullObject || used.values.length < 2)
        return {
          ok: false,
          message: `There is no ${HISTORY_SHEET} yet: gather the forecasts at a period (each gathering adds its figures to the history), then chart the trend.`,
        };
      const periods = gatheredPeriods(used.values, used.rowIndex, used.columnIndex);
      if (periods.length === 0)
        return {
          ok: false,
          message: `The ${HISTORY_SHEET} sheet has no readable year and period (columns B and C from row 2): gather the forecasts again.`,
        };
      const updated = await extendTrendChart(context, run, sheets, periods, active.name);
      if (updated) return updated;
      const name = uniqueSheetName(
        TREND_CHART_SHEET,
        sheets.items.map((s) => s.name),
      );
      return addChartSheet(context, run, planTrendChart(name, periods), label, active.name);
    }),
  );
}

/**
 * The trend chart made before, brought up to the periods gathered since (its data block gets a
 * row per new period and the chart is pointed at the longer block with Chart.setData, ExcelApi
 * 1.1: https://learn.microsoft.com/javascript/api/excel/excel.chart#excel-excel-chart-setdata-member(1)).
 * Shown as it is when no period was added. Undo puts the block and the chart's data back.
 * Undefined when there is no trend chart yet.
 */
async function extendTrendChart(
  context: Excel.RequestContext,
  run: RunOptions,
  sheets: Excel.WorksheetCollection,
  periods: readonly GatheredPeriod[],
  activeSheet: string,
): Promise<ActionResult<ChartResult> | undefined> {
  const found = sheets.items.find((sheet) => sheet.name === TREND_CHART_SHEET);
  if (!found) return undefined;
  const charts = found.charts.load('items/name');
  const used = found.getUsedRangeOrNullObject(true).load('values, rowCount, columnCount');
  await context.sync();
  if (charts.items.length === 0 || used.isNullObject) return undefined;
  const chart = charts.items[0];
  const plan = planTrendChart(TREND_CHART_SHEET, periods);
  const shownLabels = used.values.slice(1).map((row) => cellString(row[0]));
  const plannedLabels = plan.cells.slice(1).map((row) => String(row[0]));
  if (JSON.stringify(shownLabels) === JSON.stringify(plannedLabels)) {
    found.activate();
    await context.sync();
    return { ok: true, value: { sheet: TREND_CHART_SHEET, chart: chart.name, existing: true } };
  }
  const label = 'Update forecast trend chart';
  const grid = officeGrid(plan);
  const rows = Math.max(grid.length, used.rowCount);
  const columns = Math.max(grid[0].length, used.columnCount);
  const before = found
    .getRangeByIndexes(0, 0, rows, columns)
    .load('values, formulas, numberFormat');
  await context.sync();
  const entry: UndoEntry = {
    label,
    addedSheets: [],
    activeSheet,
    blocks: [
      {
        sheet: TREND_CHART_SHEET,
        top: 0,
        left: 0,
        values: before.values,
        formulas: before.formulas,
        numberFormat: before.numberFormat,
      },
    ],
    chartSources: [
      {
        sheet: TREND_CHART_SHEET,
        chart: chart.name,
        source: { top: 0, left: 0, rows: shownLabels.length + 1, columns: grid[0].length },
      },
    ],
  };
  const padded = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => grid[r]?.[c] ?? ''),
  );
  const writer = new BatchWriter(context, run, label);
  await allOrNothing(entry, async () => {
    for (const block of plan.formats)
      await writer.write(found, block.top, block.left, block.formats, 'numberFormat');
    await writer.write(found, 0, 0, padded, 'formulas');
    chart.setData(found.getRangeByIndexes(0, 0, grid.length, grid[0].length), 'Columns');
    found.activate();
    await writer.finish();
  });
  rememberChange(entry);
  return { ok: true, value: { sheet: TREND_CHART_SHEET, chart: chart.name, updated: true } };
}

/**
 * The distinct periods of the history (year label in B, period 1..12 in C, data from row 2),
 * oldest first: years in their label order, periods in number order.
 */
export function gatheredPeriods(
  values: readonly (readonly unknown[])[],
  rowIndex = 0,
  columnIndex = 0,
): GatheredPeriod[] {
  const found = new Map<string, GatheredPeriod>();
  values.forEach((row, r) => {
    if (rowIndex + r < 1) return; // the header row
    const year = cellString(row[1 - columnIndex]);
    const period = Number(row[2 - columnIndex]);
    if (year === '' || !Number.isInteger(period) || period < 1 || period > 12) return;
    found.set(`${year} ${period}`, { year, period });
  });
  return [...found.values()].sort((a, b) =>
    a.year === b.year ? a.period - b.period : a.year < b.year ? -1 : 1,
  );
}

const TREND_CHART_SHEET = 'Forecast trend';
const PHASING_CHART_SHEET = 'Phasing chart';
const BUDGET_FORECAST_CHART_SHEET = 'Budget v forecast';

/**
 * A chart sheet the add-in made before is not made again (regression: a second click made
 * "Budget v forecast (2)"): its data block is live formulas, so the chart already follows the
 * figures. It is shown instead, and the result says it was already there.
 */
async function showExistingChart(
  context: Excel.RequestContext,
  sheets: Excel.WorksheetCollection,
  name: string,
): Promise<ActionResult<ChartResult> | undefined> {
  const found = sheets.items.find((sheet) => sheet.name === name);
  if (!found) return undefined;
  const charts = found.charts.load('items/name');
  await context.sync();
  if (charts.items.length === 0) return undefined;
  found.activate();
  await context.sync();
  return { ok: true, value: { sheet: name, chart: charts.items[0].name, existing: true } };
}

/**
 * Writes a chart's data block (formulas, header row first) on a new sheet, charts it as clustered
 * columns and remembers the sheet so that undo removes it.
 */
async function addChartSheet(
  context: Excel.RequestContext,
  run: RunOptions,
  plan: SheetPlan,
  action: string,
  activeSheet: string,
): Promise<ActionResult<ChartResult>> {
  // Undo removes the sheet and shows again the one the officer was on.
  const entry: UndoEntry = { label: action, blocks: [], addedSheets: [plan.name], activeSheet };
  // All-or-nothing (regression: a failure part-way left a half-made chart sheet behind).
  await allOrNothing(entry, async () => {
    const sheet = context.workbook.worksheets.add(plan.name);
    const writer = new BatchWriter(context, run, action);
    await writeSheetPlan(context, writer, sheet, plan);
    sheet.activate();
    await context.sync();
  });
  rememberChange(entry);
  return { ok: true, value: { sheet: plan.name, chart: plan.charts?.[0]?.name ?? '' } };
}

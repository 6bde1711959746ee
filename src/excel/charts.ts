/**
 * Native charts of the programme: totals per period, and budget against forecast per area. Each
 * goes on its own new sheet with a small block of native formulas as its data, so it stays live
 * and works without the add-in, and "Undo" simply removes the sheet.
 */
import { runAction, throwIfCancelled } from './action';
import { isBlankCell } from './cellText';
import { excelRun } from './excelRun';
import {
  MONITORING_SHEET,
  PROGRAMME_COLUMNS,
  PROGRAMME_TABLE,
  planBudgetForecastChart,
  planPhasingChart,
  structuredColumn,
  uniqueSheetName,
  type SheetPlan,
} from '../workbook';
import { BatchWriter } from './batchWriter';
import { writeSheetPlan } from './writePlan';
import { rememberChange } from './undo';
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
      const name = uniqueSheetName(
        'Phasing chart',
        sheets.items.map((s) => s.name),
      );
      return addChartSheet(context, run, planPhasingChart(name, periods), 'Add phasing chart');
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
      const name = uniqueSheetName(
        'Budget v forecast',
        sheets.items.map((s) => s.name),
      );
      return addChartSheet(
        context,
        run,
        planBudgetForecastChart(name, areaRows),
        'Add budget v forecast chart',
      );
    }),
  );
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
): Promise<ActionResult<ChartResult>> {
  const sheet = context.workbook.worksheets.add(plan.name);
  await writeSheetPlan(context, new BatchWriter(context, run, action), sheet, plan);
  sheet.activate();
  await context.sync();
  rememberChange({ label: action, blocks: [], addedSheets: [plan.name] });
  return { ok: true, value: { sheet: plan.name, chart: plan.charts?.[0]?.name ?? '' } };
}

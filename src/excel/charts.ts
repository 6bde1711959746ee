/**
 * Native charts of the programme: totals per period, and budget against forecast per area. Each
 * goes on its own new sheet with a small block of native formulas as its data, so it stays live
 * and works without the add-in, and "Undo" simply removes the sheet.
 */
import { runAction, throwIfCancelled } from './action';
import { asTextCell, isBlankCell } from './cellText';
import { excelRun } from './excelRun';
import { MONITORING_SHEET } from './monitoring';
import { PROGRAMME_COLUMNS, PROGRAMME_TABLE, quoted, uniqueSheetName } from './programmeLayout';
import { rememberChange } from './undo';
import type { ActionResult, ChartResult, RunOptions } from './types';

/**
 * A column header escaped for a structured reference (`'` before `[ ] # '`).
 *
 * @example
 * structuredColumn('2016/17 Q1'); // '2016/17 Q1'
 */
export function structuredColumn(header: string): string {
  return header.replace(/([[\]#'])/g, "'$1");
}

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
      const rows = [
        ['Period', 'Programme total'],
        ...periods.map((p) => [
          asTextCell(p),
          `=SUBTOTAL(109,${PROGRAMME_TABLE}[${structuredColumn(p)}])`,
        ]),
      ];
      return addChartSheet(context, name, rows, {
        action: 'Add phasing chart',
        chart: 'Phasing',
        title: 'Capital programme: spend by period',
        position: 'D2',
      });
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
      const source = quoted(MONITORING_SHEET);
      const rows = [
        ['Area', 'Budget', 'Forecast'],
        ...areaRows.map((r) => [`=${source}!A${r}`, `=${source}!E${r}`, `=N(${source}!F${r})`]),
      ];
      return addChartSheet(context, name, rows, {
        action: 'Add budget v forecast chart',
        chart: 'BudgetForecast',
        title: 'Budget against forecast by area',
        position: 'E2',
      });
    }),
  );
}

/**
 * Writes a chart's data block (formulas, header row first) on a new sheet, charts it as clustered
 * columns and remembers the sheet so that undo removes it.
 */
async function addChartSheet(
  context: Excel.RequestContext,
  sheetName: string,
  rows: string[][],
  chart: { action: string; chart: string; title: string; position: string },
): Promise<ActionResult<ChartResult>> {
  const sheet = context.workbook.worksheets.add(sheetName);
  const data = sheet.getRangeByIndexes(0, 0, rows.length, rows[0].length);
  data.formulas = rows;
  const added = sheet.charts.add('ColumnClustered', data, 'Columns');
  added.title.text = chart.title;
  added.name = chart.chart;
  added.setPosition(chart.position);
  sheet.activate();
  await context.sync();
  rememberChange({ label: chart.action, blocks: [], addedSheets: [sheetName] });
  return { ok: true, value: { sheet: sheetName, chart: chart.chart } };
}

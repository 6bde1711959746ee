/**
 * Chart data sheets: a small block of native formulas over the Programme or Monitoring, charted
 * as clustered columns, so the chart follows the figures without the add-in.
 */
import { quoted, structuredColumn } from './names';
import { emptySheet, formula, range, type PlanCell, type SheetPlan } from './plan';
import { PROGRAMME_TABLE } from './programme';
import { MONITORING_SHEET } from './monitoring';

function chartSheet(
  sheet: string,
  cells: PlanCell[][],
  chart: { name: string; title: string; position: string },
): SheetPlan {
  const plan = emptySheet(sheet);
  plan.cells = cells;
  plan.charts = [{ ...chart, source: range(0, 0, cells.length, cells[0].length) }];
  return plan;
}

/**
 * The programme total of each period column, charted.
 *
 * @example
 * planPhasingChart('Phasing chart', ['2016/17 Q1']).cells[1]; // ['2016/17 Q1', { formula: '=SUBTOTAL(109,Programme[2016/17 Q1])' }]
 */
export function planPhasingChart(sheet: string, periods: readonly string[]): SheetPlan {
  return chartSheet(
    sheet,
    [
      ['Period', 'Programme total'],
      ...periods.map((p) => [
        p,
        formula(`=SUBTOTAL(109,${PROGRAMME_TABLE}[${structuredColumn(p)}])`),
      ]),
    ],
    { name: 'Phasing', title: 'Capital programme: spend by period', position: 'D2' },
  );
}

/**
 * Budget and forecast of each area of the Monitoring sheet, charted.
 *
 * @example
 * planBudgetForecastChart('Budget v forecast', [17]).cells[1][0]; // { formula: "='Monitoring'!A17" }
 */
export function planBudgetForecastChart(sheet: string, areaRows: readonly number[]): SheetPlan {
  const source = quoted(MONITORING_SHEET);
  return chartSheet(
    sheet,
    [
      ['Area', 'Budget', 'Forecast'],
      ...areaRows.map((r) => [
        formula(`=${source}!A${r}`),
        formula(`=${source}!E${r}`),
        formula(`=N(${source}!F${r})`),
      ]),
    ],
    { name: 'BudgetForecast', title: 'Budget against forecast by area', position: 'E2' },
  );
}

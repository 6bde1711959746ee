/**
 * Chart data sheets: a small block of native formulas over the Programme or Monitoring, charted
 * as clustered columns, so the chart follows the figures without the add-in.
 */
import { quoted, structuredColumn } from './names';
import { emptySheet, formula, range, type PlanCell, type SheetPlan } from './plan';
import { PROGRAMME_TABLE } from './programme';
import { MONITORING_SHEET } from './monitoring';
import { HISTORY_SHEET } from './inYearMonitoring';

function chartSheet(
  sheet: string,
  cells: PlanCell[][],
  chart: { name: string; title: string; position: string; kind?: 'line' },
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

/** A period gathered into the Monitoring history: the year as the sheet writes it, and 1..12. */
export interface GatheredPeriod {
  year: string;
  period: number;
}

/**
 * The programme's trend from the append-only Monitoring history: per period gathered, the total
 * in-year budget, actual to date and in-year forecast of every scheme snapshotted at it (native
 * SUMIFS over the history's columns), charted as lines. Each period's label is text
 * (`2016/17 P3`), so Excel takes the first column as the category axis, not as a series.
 *
 * @example
 * planTrendChart('Forecast trend', [{ year: '2016/17', period: 3 }]).cells[1][0]; // '2016/17 P3'
 */
export function planTrendChart(sheet: string, periods: readonly GatheredPeriod[]): SheetPlan {
  const history = quoted(HISTORY_SHEET);
  const column = (letter: string) => `${history}!$${letter}:$${letter}`;
  const total = (letter: string, at: GatheredPeriod) =>
    formula(`=SUMIFS(${column(letter)},${column('B')},"${at.year}",${column('C')},${at.period})`);
  const plan = chartSheet(
    sheet,
    [
      ['Period', 'In-year budget', 'Actual to date', 'In-year forecast'],
      ...periods.map((at) => [
        `${at.year} P${at.period}`,
        total('D', at),
        total('E', at),
        total('F', at),
      ]),
    ],
    {
      name: 'ForecastTrend',
      title: 'Capital programme: in-year forecast by period',
      position: 'F2',
      kind: 'line',
    },
  );
  plan.formats.push({ top: 1, left: 0, formats: periods.map(() => ['@']) });
  plan.bold.push(range(0, 0, 1, 4));
  return plan;
}

/**
 * The Monitoring sheet: budget, forecast, variance, flag and RAG per scheme, per area and in
 * total, as NATIVE formulas. Thresholds and the sign convention are read from the settings sheet,
 * so the flags stay right when the file is opened without the add-in or a forecast changes. The
 * engine works out the same figures (the pane's summary, and the results files carry).
 */
import {
  add,
  ragRating,
  toNumber,
  tryFromNumber,
  variance,
  varianceStatus,
  ZERO,
  type Decimal,
  type Rag,
  type VarianceStatus,
  type VarianceThresholds,
} from '../core';
import { numberFormatFor } from '../core';
import { toA1 } from './address';
import { FORECAST_COLUMN } from './forecast';
import { quoted } from './names';
import { emptySheet, formula, range, type PlanCell, type SheetPlan } from './plan';
import { PROGRAMME_TABLE } from './programme';
import { SETTINGS_SHEET, settingCell, type PlannerSettings } from './settings';

/** The sheet "Gather forecasts" writes (and the demo writes and consolidate reads). */
export const MONITORING_SHEET = 'Monitoring';

/** Row (1-based) of the Monitoring sheet's scheme headings; the schemes start on the next row. */
export const MONITORING_HEADER_ROW = 4;

/**
 * The Monitoring sheet's scheme columns, A to I. The line formulas refer to Budget, Forecast and
 * Variance by letter (E, F, G), so their places are part of the layout.
 */
export const MONITORING_COLUMNS = [
  'Ref',
  'Area',
  'Scheme',
  'Budget holder',
  'Budget',
  'Forecast',
  'Variance',
  'Flag',
  'RAG',
] as const;

/** Headings of the totals-by-area table below the schemes: its figures sit under the schemes'. */
export const MONITORING_AREA_HEADER = [
  'By area',
  '',
  '',
  '',
  ...MONITORING_COLUMNS.slice(4),
] as const;

/** The status of a Monitoring line: the engine's, or no forecast yet. */
export type LineStatus = VarianceStatus | 'No forecast';

/** A line of the monitoring summary (the sheet has the same figures as native formulas). */
export interface MonitoringLine {
  ref?: string;
  name: string;
  budget: number;
  forecast: number | null;
  variance: number | null;
  status: LineStatus;
  rag?: Rag;
}

/** Words the flag and RAG columns are coloured by, so they show without the add-in. */
export const MONITORING_COLOURS: readonly { text: string; fill: string }[] = [
  { text: 'Overspend', fill: '#F4CCCC' },
  { text: 'Underspend', fill: '#FFF2CC' },
  { text: 'On target', fill: '#D9EAD3' },
  { text: 'Red', fill: '#E06666' },
  { text: 'Amber', fill: '#FFD966' },
  { text: 'Green', fill: '#93C47D' },
];

/**
 * Native formulas of one line, with budget in column E and forecast in F of `row` (1-based).
 * Sizes are rounded to 6 places before they are compared, so float noise never tips a variance
 * over a threshold that the exact engine says it is within.
 *
 * @example
 * lineFormulas(5).variance; // '=IF(F5="","",IF(\'_CapitalPlannerSettings\'!$B$9="forecast-minus-budget",F5-E5,E5-F5))'
 */
export function lineFormulas(row: number): { variance: string; flag: string; rag: string } {
  const budget = `E${row}`;
  const forecast = `F${row}`;
  const size = `ROUND(ABS(${forecast}-${budget}),6)`;
  const sizePercent = `ROUND(ABS(${forecast}-${budget})*100,6)`;
  const absolute = settingCell('thresholdAbsolute');
  const percent = settingCell('thresholdPercent');
  // Strictly more than a threshold flags; with no thresholds set, any variance does (as core breachedThresholds).
  const over = `IF(AND(${absolute}="",${percent}=""),${size}<>0,OR(AND(${absolute}<>"",${size}>${absolute}),AND(${percent}<>"",${sizePercent}>${percent}*ABS(${budget}))))`;
  const overspend = `ROUND((${forecast}-${budget})*100,6)`;
  return {
    variance: `=IF(${forecast}="","",IF(${settingCell('convention')}="forecast-minus-budget",${forecast}-${budget},${budget}-${forecast}))`,
    flag: `=IF(${forecast}="","No forecast",IF(${over},IF(${forecast}>${budget},"Overspend","Underspend"),"On target"))`,
    rag: `=IF(${forecast}="","",IF(${forecast}<=${budget},"Green",IF(${overspend}>${settingCell('redPercent')}*ABS(${budget}),"Red",IF(${overspend}>${settingCell('amberPercent')}*ABS(${budget}),"Amber","Green"))))`,
  };
}

/**
 * The thresholds the settings give.
 *
 * @example
 * thresholdsOf(DEFAULT_SETTINGS); // { absolute: 0.1, percent: 10 }
 */
export function thresholdsOf(settings: PlannerSettings): VarianceThresholds {
  const thresholds: VarianceThresholds = {};
  const absolute =
    settings.thresholdAbsolute === null ? undefined : tryFromNumber(settings.thresholdAbsolute);
  if (absolute) thresholds.absolute = absolute;
  if (settings.thresholdPercent !== null) thresholds.percent = settings.thresholdPercent;
  return thresholds;
}

/**
 * The engine's view of one line: what its formulas compute.
 *
 * @example
 * monitoringLine('Compliance', fromNumber(2.6), fromNumber(2.5), DEFAULT_SETTINGS).status; // 'On target'
 */
export function monitoringLine(
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
  return {
    ...(ref ? { ref } : {}),
    name,
    budget: toNumber(budget),
    forecast: toNumber(forecast),
    variance: toNumber(variance(budget, forecast, settings.convention)),
    status: varianceStatus(budget, forecast, thresholdsOf(settings), settings.convention),
    rag: ragRating(budget, forecast, settings.amberPercent, settings.redPercent),
  };
}

/** One scheme as Monitoring lists it. */
export interface MonitoringScheme {
  ref: string;
  area: string;
  scheme: string;
  budgetHolder: string;
  /** The scheme's current (revised) budget, as the engine works it out. */
  budget: Decimal;
  /** The forecast the budget holder returned, if any. */
  forecast?: Decimal;
  /** Where the forecast is typed: the holder's sheet and its 0-based row (column F). */
  forecastCell?: { sheet: string; row: number };
}

/**
 * How many rows the Monitoring sheet takes: title rows, header, schemes, a blank row, the
 * by-area header, the areas and the total.
 *
 * @example
 * monitoringRowCount(9, 3); // 4 + 9 + 2 + 3 + 1 = 19
 */
export function monitoringRowCount(schemes: number, areas: number | 'no area block'): number {
  return MONITORING_HEADER_ROW + schemes + (areas === 'no area block' ? 0 : 2 + areas) + 1;
}

/** The Monitoring plan and the figures its formulas compute. */
export interface MonitoringPlan {
  plan: SheetPlan;
  schemes: MonitoringLine[];
  areas: MonitoringLine[];
  total: MonitoringLine;
  /** 0-based rows of the first scheme and of the total. */
  rows: { firstScheme: number; total: number };
}

/**
 * Plans the Monitoring sheet: a line per scheme, a totals-by-area block and a total, all native
 * formulas, with a check that its budget agrees with the Programme's revised budget.
 *
 * @example
 * const { plan, total } = planMonitoringSheet({ schemes, settings: DEFAULT_SETTINGS });
 */
export function planMonitoringSheet(input: {
  schemes: readonly MonitoringScheme[];
  settings: PlannerSettings;
  title?: string;
  /**
   * The totals-by-area block between the schemes and the total (default true). Without it the
   * total sums the schemes straight above it, which a table check reads as a plain column total.
   */
  byArea?: boolean;
}): MonitoringPlan {
  const { settings } = input;
  const plan = emptySheet(MONITORING_SHEET);
  const width = MONITORING_COLUMNS.length;
  const header = MONITORING_HEADER_ROW - 1;
  const firstScheme = header + 2; // 1-based
  const count = input.schemes.length;
  const lastScheme = firstScheme + count - 1;
  const byArea = input.byArea ?? true;
  const areaNames = byArea ? [...new Set(input.schemes.map((s) => s.area || 'No area'))] : [];
  const firstArea = lastScheme + 3;
  const totalRow = byArea ? firstArea + areaNames.length : lastScheme + 1;
  // The total sums the area lines, or the scheme lines when there is no area block.
  const [sumFrom, sumTo] = byArea ? [firstArea, totalRow - 1] : [firstScheme, lastScheme];
  const lineCells = (row: number, line: MonitoringLine): PlanCell[] => {
    const formulas = lineFormulas(row);
    return [
      formula(formulas.variance, line.variance ?? ''),
      formula(formulas.flag, line.status),
      formula(formulas.rag, line.rag ?? ''),
    ];
  };

  const schemes = input.schemes.map((s) =>
    monitoringLine(s.scheme || s.ref, s.budget, s.forecast, settings, s.ref),
  );
  const totalBudget = input.schemes.reduce((sum, s) => add(sum, s.budget), ZERO);
  const anyForecast = input.schemes.some((s) => s.forecast);
  const totalForecast = input.schemes.reduce(
    (sum, s) => (s.forecast ? add(sum, s.forecast) : sum),
    ZERO,
  );
  const total = monitoringLine(
    'Total',
    totalBudget,
    anyForecast ? totalForecast : undefined,
    settings,
  );

  plan.cells.push(
    [input.title ?? 'Capital monitoring'],
    [
      `Budget = the Programme's revised budget; forecasts from the budget holders' sheets; thresholds and sign convention from the ${SETTINGS_SHEET} sheet.`,
    ],
    [
      "Agrees with the Programme's revised budget:",
      null,
      null,
      null,
      formula(
        `=IF(ABS(E${totalRow}-SUBTOTAL(109,${PROGRAMME_TABLE}[Revised budget]))<0.0005,"OK","Check")`,
        'OK',
      ),
    ],
    [...MONITORING_COLUMNS],
  );
  input.schemes.forEach((s, i) => {
    const row = firstScheme + i;
    const source = s.forecastCell
      ? `${quoted(s.forecastCell.sheet)}!${toA1(s.forecastCell.row, FORECAST_COLUMN)}`
      : undefined;
    plan.cells.push([
      s.ref,
      s.area || 'No area',
      s.scheme,
      s.budgetHolder,
      formula(
        `=IFERROR(INDEX(${PROGRAMME_TABLE}[Revised budget],MATCH($A${row},${PROGRAMME_TABLE}[Ref],0)),0)`,
        schemes[i].budget,
      ),
      source ? formula(`=IF(ISBLANK(${source}),"",${source})`, schemes[i].forecast ?? '') : null,
      ...lineCells(row, schemes[i]),
    ]);
  });
  if (byArea) plan.cells.push([], [...MONITORING_AREA_HEADER]);
  const sumOf = (column: string, row: number) =>
    `=SUMIFS(${column}$${firstScheme}:${column}$${lastScheme},$B$${firstScheme}:$B$${lastScheme},$A${row})`;
  const areas = areaNames.map((area, i) => {
    const row = firstArea + i;
    const members = input.schemes.filter((s) => (s.area || 'No area') === area);
    const budget = members.reduce((sum, s) => add(sum, s.budget), ZERO);
    const missing = members.some((s) => !s.forecast);
    const forecast = members.reduce((sum, s) => (s.forecast ? add(sum, s.forecast) : sum), ZERO);
    const line = monitoringLine(
      area,
      budget,
      missing && forecast.units === 0 ? undefined : forecast,
      settings,
    );
    plan.cells.push([
      area,
      null,
      null,
      null,
      formula(sumOf('E', row), line.budget),
      formula(sumOf('F', row), toNumber(forecast)),
      ...lineCells(row, line),
    ]);
    return line;
  });
  plan.cells.push([
    'Total',
    null,
    null,
    null,
    formula(`=SUM(E${sumFrom}:E${sumTo})`, total.budget),
    formula(`=SUM(F${sumFrom}:F${sumTo})`, toNumber(totalForecast)),
    ...lineCells(totalRow, total),
  ]);

  const money = numberFormatFor(settings.unit, settings.decimals);
  plan.formats.push({
    top: header + 1,
    left: 4,
    formats: plan.cells.slice(header + 1).map(() => [money, money, money]),
  });
  plan.bold.push(range(0, 0, 1, 1), range(header, 0, 1, width), range(totalRow - 1, 0, 1, width));
  plan.conditionalFormats.push({
    range: range(firstScheme - 1, 7, totalRow - firstScheme + 1, 2),
    rules: MONITORING_COLOURS,
  });
  plan.columnWidths.push(
    { column: 2, characters: 40 },
    { column: 3, characters: 24 },
    { column: 7, characters: 12 },
  );
  plan.freezeRows = header + 1;
  return {
    plan,
    schemes,
    areas,
    total,
    rows: { firstScheme: firstScheme - 1, total: totalRow - 1 },
  };
}

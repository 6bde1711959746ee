/**
 * In-year capital monitoring as councils report it, as NATIVE formulas: the `Actuals` table (ledger
 * lines), the append-only `History` of gatherings, the `In-year monitoring` sheet (current year and
 * whole life side by side, slippage apart from real under/overspend) and the `Capital budget
 * position` committee table built from it. Variances are budget - forecast (positive = underspend):
 * slippage = in-year variance - all-years variance, and the two add up to the variance on every row.
 */
import {
  formatFiscalYear,
  formatMonitoringPeriod,
  IN_YEAR_FIGURES,
  numberFormatFor,
  ragRating,
  summariseInYear,
  varianceStatus,
  type InYearFigure,
  type InYearTotals,
  toNumber,
  type InYearMonitoringRow,
  type LedgerLine,
  type MonitoringPeriod,
  type MonitoringSnapshot,
  type Month,
  type Movement,
} from '../core';
import { quoted } from './names';
import { emptySheet, formula, range, type PlanCell, type SheetPlan } from './plan';
import { MONITORING_COLOURS, thresholdsOf } from './monitoring';
import { settingCell, type PlannerSettings } from './settings';

export const ACTUALS_SHEET = 'Actuals';
/** Not 'History': Excel reserves that name (shared workbooks' change history). */
export const HISTORY_SHEET = 'Monitoring history';
export const IN_YEAR_SHEET = 'In-year monitoring';
export const POSITION_SHEET = 'Capital budget position';

/**
 * Actuals columns: one ledger line per row from row 2. The scheme's ref is headed `Scheme`, not
 * `Ref`: a ledger has many lines per scheme, and a `Ref` column is read as one row per scheme.
 */
export const ACTUALS_COLUMNS = ['Scheme', 'Year', 'Period', 'Amount', 'Description'] as const;

/** History columns: one scheme at one gathering per row from row 2 (append-only). */
export const HISTORY_COLUMNS = [
  'Scheme',
  'Year',
  'Period',
  'In-year budget',
  'Actual to date',
  'In-year forecast',
  'All-years forecast',
  'Explanation',
] as const;

/** The In-year monitoring sheet's columns, A to R (formulas refer to them by letter). */
export const IN_YEAR_COLUMNS = [
  'Ref',
  'Area',
  'Scheme',
  'In-year approved budget',
  'In-year revised budget',
  'Profiled to date',
  'Actual to date',
  'Forecast',
  'Variance',
  'Slippage',
  'Under/(over)spend',
  'All-years budget',
  'All-years forecast',
  'All-years variance',
  'Flag',
  'RAG',
  'Explanation',
  'Movement',
] as const;

/** 1-based row of the In-year monitoring header; schemes start on the next row. */
export const IN_YEAR_HEADER_ROW = 4;

const money = (settings: PlannerSettings, decimals = settings.decimals) =>
  numberFormatFor(settings.unit, decimals);

/**
 * The Actuals table: ledger lines as brought in (year as its label, period 1-12).
 *
 * @example
 * planActualsSheet(lines, DEFAULT_SETTINGS).cells[0]; // ['Scheme', 'Year', 'Period', 'Amount', 'Description']
 */
export function planActualsSheet(
  lines: readonly LedgerLine[],
  settings: PlannerSettings,
  startMonth: Month = 4,
): SheetPlan {
  const plan = emptySheet(ACTUALS_SHEET);
  plan.cells.push([...ACTUALS_COLUMNS]);
  for (const line of lines)
    plan.cells.push([
      line.ref,
      formatFiscalYear(line.year, startMonth),
      line.period,
      toNumber(line.amount),
      line.description ?? '',
    ]);
  plan.formats.push({
    top: 1,
    left: 0,
    formats: lines.map(() => ['@', '@', '0', money(settings), '@']),
  });
  plan.bold.push(range(0, 0, 1, ACTUALS_COLUMNS.length));
  plan.columnWidths.push({ column: 4, characters: 40 });
  plan.freezeRows = 1;
  return plan;
}

/**
 * The History table: one row per scheme per gathering, oldest first. Gathering appends; nothing
 * above is rewritten.
 *
 * @example
 * planHistorySheet(history, DEFAULT_SETTINGS).cells.length; // history.length + 1
 */
export function planHistorySheet(
  history: readonly MonitoringSnapshot[],
  settings: PlannerSettings,
  startMonth: Month = 4,
): SheetPlan {
  const plan = emptySheet(HISTORY_SHEET);
  plan.cells.push([...HISTORY_COLUMNS]);
  for (const snapshot of history)
    plan.cells.push([
      snapshot.ref,
      formatFiscalYear(snapshot.at.year, startMonth),
      snapshot.at.period,
      toNumber(snapshot.inYearBudget),
      toNumber(snapshot.actualToDate),
      toNumber(snapshot.inYearForecast),
      toNumber(snapshot.allYearsForecast),
      snapshot.explanation ?? '',
    ]);
  const m = money(settings);
  plan.formats.push({
    top: 1,
    left: 0,
    formats: history.map(() => ['@', '@', '0', m, m, m, m, '@']),
  });
  plan.bold.push(range(0, 0, 1, HISTORY_COLUMNS.length));
  plan.freezeRows = 1;
  return plan;
}

/** A scheme line of the In-year monitoring sheet: the engine's figures and where inputs come from. */
export interface InYearLine {
  row: InYearMonitoringRow;
  /** Movement of the in-year forecast since the last gathering, when there was one. */
  movement?: Movement;
  /** Native formulas for the inputs (e.g. a link to the holder's return); values otherwise. */
  links?: Partial<
    Record<'forecast' | 'allYearsForecast' | 'explanation' | 'allYearsBudget', string>
  >;
}

/** What the In-year monitoring sheet is made from. */
export interface InYearSheetInput {
  at: MonitoringPeriod;
  startMonth?: Month;
  lines: readonly InYearLine[];
  settings: PlannerSettings;
  /** Rows in the Actuals sheet (data rows, for SUMIFS ranges); 0 when there are none. */
  actualsRows: number;
  /** Rows in the History sheet (data rows) and the last period gathered before `at`. */
  historyRows: number;
  previous?: MonitoringPeriod;
}

/** The plan, with 1-based rows. */
export interface InYearPlan {
  plan: SheetPlan;
  rows: { firstScheme: number; lastScheme: number; firstArea: number; total: number };
}

function flagFormula(budget: string, forecast: string): string {
  const size = `ROUND(ABS(${forecast}-${budget}),6)`;
  const sizePercent = `ROUND(ABS(${forecast}-${budget})*100,6)`;
  const absolute = settingCell('thresholdAbsolute');
  const percent = settingCell('thresholdPercent');
  const over = `IF(AND(${absolute}="",${percent}=""),${size}<>0,OR(AND(${absolute}<>"",${size}>${absolute}),AND(${percent}<>"",${sizePercent}>${percent}*ABS(${budget}))))`;
  return `=IF(${forecast}="","No forecast",IF(${over},IF(${forecast}>${budget},"Overspend","Underspend"),"On target"))`;
}

function ragFormula(budget: string, forecast: string): string {
  const overspend = `ROUND((${forecast}-${budget})*100,6)`;
  return `=IF(${forecast}="","",IF(${forecast}<=${budget},"Green",IF(${overspend}>${settingCell('redPercent')}*ABS(${budget}),"Red",IF(${overspend}>${settingCell('amberPercent')}*ABS(${budget}),"Amber","Green"))))`;
}

/**
 * Plans the In-year monitoring sheet: per scheme, per area and in total. Actual to date is a
 * SUMIFS over the Actuals table at the period; movement looks up the last gathering in History.
 *
 * @example
 * const { plan } = planInYearSheet({ at: { year: 2016, period: 8 }, lines, settings, actualsRows: 40, historyRows: 9, previous: { year: 2016, period: 6 } });
 */
export function planInYearSheet(input: InYearSheetInput): InYearPlan {
  const { settings, at } = input;
  const startMonth = input.startMonth ?? 4;
  const plan = emptySheet(IN_YEAR_SHEET);
  const yearLabel = formatFiscalYear(at.year, startMonth);
  const width = IN_YEAR_COLUMNS.length;
  const firstScheme = IN_YEAR_HEADER_ROW + 1;
  const lastScheme = firstScheme + input.lines.length - 1;
  const summary = summariseInYear(input.lines.map((line) => line.row));
  const firstArea = lastScheme + 3;
  const total = firstArea + summary.areas.length;
  const n = toNumber;
  const actuals = quoted(ACTUALS_SHEET);
  const history = quoted(HISTORY_SHEET);
  // Whole columns: lines the pane appends to Actuals later count without this sheet being
  // rewritten (the header row never matches a scheme's ref, so it adds nothing).
  const a = (column: string) => `${actuals}!$${column}:$${column}`;
  const h = (column: string) =>
    `${history}!$${column}$2:$${column}$${Math.max(2, input.historyRows + 1)}`;

  plan.cells.push(
    [`Capital monitoring ${formatMonitoringPeriod(at, startMonth)}`],
    [
      `In-year figures are ${yearLabel}; variances are budget - forecast (positive = underspend); slippage = variance - all-years variance (spend moved to later years); actuals from the ${ACTUALS_SHEET} sheet; movement since the last gathering in ${HISTORY_SHEET}.`,
    ],
    ['Period', null, null, at.period, yearLabel],
    [...IN_YEAR_COLUMNS],
  );
  input.lines.forEach((line, i) => {
    const r = firstScheme + i;
    const figures = line.row;
    const links = line.links ?? {};
    const linked = (
      key: keyof NonNullable<InYearLine['links']>,
      value: string | number,
    ): PlanCell => (links[key] ? formula(links[key] as string, value) : value);
    const movement = line.movement ? n(line.movement.inYearForecast) : '';
    const previous = input.previous;
    plan.cells.push([
      figures.ref,
      figures.area || 'No area',
      figures.name ?? figures.ref,
      n(figures.inYearApproved),
      n(figures.inYearRevised),
      n(figures.profiledToDate),
      input.actualsRows > 0
        ? formula(
            `=SUMIFS(${a('D')},${a('A')},$A${r},${a('B')},$E$3,${a('C')},"<="&$D$3)`,
            n(figures.actualToDate),
          )
        : n(figures.actualToDate),
      linked('forecast', n(figures.inYearForecast)),
      formula(`=E${r}-H${r}`, n(figures.inYearVariance)),
      formula(`=I${r}-N${r}`, n(figures.slippage)),
      formula(`=N${r}`, n(figures.underOverspend)),
      linked('allYearsBudget', n(figures.allYearsBudget)),
      linked('allYearsForecast', n(figures.allYearsForecast)),
      formula(`=L${r}-M${r}`, n(figures.allYearsVariance)),
      formula(flagFormula(`E${r}`, `H${r}`), figures.status),
      formula(ragFormula(`L${r}`, `M${r}`), figures.rag),
      linked('explanation', figures.explanation),
      previous && input.historyRows > 0
        ? formula(
            `=IF(COUNTIFS(${h('A')},$A${r},${h('B')},"${formatFiscalYear(previous.year, startMonth)}",${h('C')},${previous.period})=0,"",H${r}-SUMIFS(${h('F')},${h('A')},$A${r},${h('B')},"${formatFiscalYear(previous.year, startMonth)}",${h('C')},${previous.period}))`,
            movement,
          )
        : '',
    ]);
  });
  plan.cells.push([], ['By area']);
  const thresholds = thresholdsOf(settings);
  const areaLine = (
    label: string,
    r: number,
    totals: InYearTotals,
    sums: (column: string) => string,
  ): PlanCell[] => {
    const f = totals.figures;
    return [
      label,
      null,
      null,
      ...IN_YEAR_FIGURES.map((figure, k) => formula(sums(SUM_COLUMNS[k]), n(f[figure]))),
      formula(
        flagFormula(`E${r}`, `H${r}`),
        varianceStatus(f.inYearRevised, f.inYearForecast, thresholds),
      ),
      formula(
        ragFormula(`L${r}`, `M${r}`),
        ragRating(f.allYearsBudget, f.allYearsForecast, settings.amberPercent, settings.redPercent),
      ),
    ];
  };
  summary.areas.forEach((area, k) => {
    const r = firstArea + k;
    plan.cells.push(
      areaLine(
        area.area,
        r,
        area,
        (column) =>
          `=SUMIFS(${column}$${firstScheme}:${column}$${lastScheme},$B$${firstScheme}:$B$${lastScheme},$A${r})`,
      ),
    );
  });
  plan.cells.push(
    areaLine(
      'Total',
      total,
      summary.overall,
      (column) => `=SUM(${column}${firstArea}:${column}${total - 1})`,
    ),
  );
  const m = money(settings);
  // Formats on figure cells only (a blank row keeps no format, in Excel as in a file).
  const figureRows = (from: number, to: number, width: number) => ({
    top: from - 1,
    left: 3,
    formats: Array.from({ length: to - from + 1 }, () => Array.from({ length: width }, () => m)),
  });
  plan.formats.push(figureRows(firstScheme, lastScheme, SUM_COLUMNS.length));
  plan.formats.push({ ...figureRows(firstScheme, lastScheme, 1), left: 17 });
  plan.formats.push(figureRows(firstArea, total, SUM_COLUMNS.length));
  plan.bold.push(
    range(0, 0, 1, 1),
    range(IN_YEAR_HEADER_ROW - 1, 0, 1, width),
    range(firstArea - 2, 0, 1, 1),
    range(total - 1, 0, 1, width),
  );
  plan.conditionalFormats.push({
    range: range(firstScheme - 1, 14, total - firstScheme + 1, 2),
    rules: MONITORING_COLOURS,
  });
  plan.columnWidths.push({ column: 2, characters: 36 }, { column: 16, characters: 40 });
  plan.freezeRows = IN_YEAR_HEADER_ROW;
  return { plan, rows: { firstScheme, lastScheme, firstArea, total } };
}

/** The figure columns D..N of the In-year monitoring sheet, in IN_YEAR_FIGURES order. */
const SUM_COLUMNS = ['D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'] as const;

/** The committee table's columns: the in-year monitoring columns councils publish. */
export const POSITION_COLUMNS: readonly { header: (year: string) => string; source: string }[] = [
  { header: (y) => `${y} Approved Budget`, source: 'D' },
  { header: (y) => `${y} Revised Budget`, source: 'E' },
  { header: () => 'Actual to date', source: 'G' },
  { header: (y) => `${y} Forecast`, source: 'H' },
  { header: (y) => `${y} Variance`, source: 'I' },
  { header: () => 'of which slippage', source: 'J' },
  { header: () => 'of which under/(over)spend', source: 'K' },
  { header: () => 'All Years Budget', source: 'L' },
  { header: () => 'All Years Forecast', source: 'M' },
];

/**
 * The `Capital budget position` committee table, laid out as councils publish it: schemes by area
 * with a total per area and overall, the in-year and all-years columns, figures linked to the
 * In-year monitoring sheet and shown to `decimals` (default 1: £m to one decimal place).
 *
 * @example
 * planPositionSheet({ at, lines, inYear: plan.rows, settings }).cells[2][1]; // '16/17 Approved Budget'
 */
export function planPositionSheet(input: {
  at: MonitoringPeriod;
  startMonth?: Month;
  lines: readonly InYearLine[];
  inYear: InYearPlan['rows'];
  settings: PlannerSettings;
  decimals?: number;
}): SheetPlan {
  const { at, settings } = input;
  const startMonth = input.startMonth ?? 4;
  const plan = emptySheet(POSITION_SHEET);
  const label = formatFiscalYear(at.year, startMonth);
  const short = label.includes('/') ? label.slice(2) : label;
  const source = quoted(IN_YEAR_SHEET);
  const n = toNumber;
  const width = POSITION_COLUMNS.length + 2;
  plan.cells.push(
    [`Capital budget position at ${formatMonitoringPeriod(at, startMonth)} (${settings.unit})`],
    [],
    ['Project', ...POSITION_COLUMNS.map((column) => column.header(short)), 'Explanation'],
  );
  const areaTotals: number[] = [];
  const bold = [range(0, 0, 1, 1), range(2, 0, 1, width)];
  const summary = summariseInYear(input.lines.map((line) => line.row));
  for (const area of summary.areas) {
    plan.cells.push([area.area.toUpperCase()]);
    bold.push(range(plan.cells.length - 1, 0, 1, 1));
    const first = plan.cells.length + 1;
    input.lines.forEach((line, i) => {
      if ((line.row.area || 'No area') !== area.area) return;
      const r = input.inYear.firstScheme + i;
      plan.cells.push([
        line.row.name ?? line.row.ref,
        ...POSITION_COLUMNS.map((column) =>
          formula(`=${source}!${column.source}${r}`, n(line.row[IN_YEAR_FIGURE_OF[column.source]])),
        ),
        // A blank explanation stays blank: a formula whose result is '' has no cached value in a file.
        line.row.explanation === '' ? null : formula(`=${source}!Q${r}&""`, line.row.explanation),
      ]);
    });
    const last = plan.cells.length;
    const totalRow = last + 1;
    plan.cells.push([
      `Total ${area.area}`,
      ...POSITION_COLUMNS.map((column, k) =>
        formula(
          `=SUM(${letter(k + 1)}${first}:${letter(k + 1)}${last})`,
          n(area.figures[IN_YEAR_FIGURE_OF[column.source]]),
        ),
      ),
    ]);
    bold.push(range(totalRow - 1, 0, 1, width));
    areaTotals.push(totalRow);
  }
  const grand = plan.cells.length + 1;
  plan.cells.push([
    'TOTAL',
    ...POSITION_COLUMNS.map((column, k) =>
      formula(
        `=${areaTotals.map((row) => `${letter(k + 1)}${row}`).join('+') || '0'}`,
        n(summary.overall.figures[IN_YEAR_FIGURE_OF[column.source]]),
      ),
    ),
  ]);
  bold.push(range(grand - 1, 0, 1, width));
  const shown = numberFormatFor(settings.unit, input.decimals ?? 1);
  plan.cells.forEach((row, r) => {
    // Figure rows only: an area heading row has no figures, and blank cells keep no format.
    if (r < 3 || row.length < 2) return;
    plan.formats.push({ top: r, left: 1, formats: [POSITION_COLUMNS.map(() => shown)] });
  });
  plan.bold.push(...bold);
  plan.columnWidths.push({ column: 0, characters: 40 }, { column: width - 1, characters: 50 });
  plan.freezeRows = 3;
  return plan;
}

const IN_YEAR_FIGURE_OF: Record<string, InYearFigure> = {
  D: 'inYearApproved',
  E: 'inYearRevised',
  F: 'profiledToDate',
  G: 'actualToDate',
  H: 'inYearForecast',
  I: 'inYearVariance',
  J: 'slippage',
  K: 'underOverspend',
  L: 'allYearsBudget',
  M: 'allYearsForecast',
  N: 'allYearsVariance',
};

function letter(column0: number): string {
  return String.fromCharCode(65 + column0);
}

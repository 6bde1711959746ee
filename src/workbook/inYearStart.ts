/**
 * Starting (or moving on) the in-year monitoring of a workbook at the year and period its settings
 * name: the `In-year monitoring` sheet planned from the Programme's phased budgets, the Actuals
 * ledger and what the sheet already holds, and the `Capital budget position` committee table
 * beside it. The task pane writes these plans before a gathering (and before making the returns,
 * which show each holder the in-year budget and actual to date), so the whole cycle runs on a
 * workbook set up from nothing. Budget holders' figures already on the sheet (typed, or linked to
 * their return) are kept; a scheme nobody has forecast yet is forecast at its budget.
 */
import {
  actualToDate,
  compareMonitoringPeriods,
  monitoringLineAt,
  parseFiscalYear,
  tryFromNumber,
  ZERO,
  type Decimal,
  type LedgerLine,
  type MonitoringPeriod,
  type MonitoringSnapshot,
  type Month,
  type Parsed,
  type SchemeAtPeriod,
} from '../core';
import {
  IN_YEAR_COLUMNS,
  IN_YEAR_HEADER_ROW,
  planInYearSheet,
  planPositionSheet,
  type InYearLine,
  type InYearPlan,
} from './inYearMonitoring';
import type { ReadSheet } from './inYearGathering';
import { thresholdsOf } from './monitoring';
import type { SheetPlan } from './plan';
import type { PlannerSettings } from './settings';

/**
 * A scheme as the Programme gives it: its approved phasing, its current all-years budget and its
 * re-profile lines of the Revisions log (see `reprofilesByRef`), which move its in-year budget.
 */
export type StartingScheme = Pick<
  SchemeAtPeriod,
  'ref' | 'name' | 'area' | 'approvedPhasing' | 'unphasedBudget' | 'revisions'
>;

/**
 * The year and period the settings name, when both are set.
 *
 * @example
 * monitoredPeriodOf({ ...DEFAULT_SETTINGS, monitoringYear: 2016, monitoringPeriod: 3 }); // { year: 2016, period: 3 }
 */
export function monitoredPeriodOf(settings: PlannerSettings): MonitoringPeriod | undefined {
  const year = settings.monitoringYear;
  const period = settings.monitoringPeriod;
  if (typeof year !== 'number' || typeof period !== 'number') return undefined;
  if (!Number.isInteger(period) || period < 1 || period > 12) return undefined;
  return { year, period: period as MonitoringPeriod['period'] };
}

/**
 * The period and year the In-year monitoring sheet says it is at (its cells D3 and E3, as both
 * the pane and the command line read them), or a message naming the cells.
 *
 * @example
 * statedPeriodOfInYearSheet(12, '2016/17', 4); // { ok: true, value: { year: 2016, period: 12 } }
 * statedPeriodOfInYearSheet('P12', '2016/17', 4).ok; // false: D3 holds 'P12'
 */
export function statedPeriodOfInYearSheet(
  periodCell: unknown,
  yearText: string,
  startMonth: Month,
): Parsed<MonitoringPeriod> {
  const year = parseFiscalYear(yearText.trim(), startMonth);
  if (
    !year.ok ||
    typeof periodCell !== 'number' ||
    !Number.isInteger(periodCell) ||
    periodCell < 1 ||
    periodCell > 12
  )
    return {
      ok: false,
      message: `'In-year monitoring'!D3:E3 should give the period and year being monitored (e.g. 12 and 2016/17): ${year.ok ? `D3 holds '${periodCell === null || periodCell === undefined ? '' : String(periodCell)}'` : year.message}`,
    };
  return {
    ok: true,
    value: { year: year.value, period: periodCell as MonitoringPeriod['period'] },
  };
}

/**
 * The period an In-year monitoring sheet states in D3:E3 (values from A1), when it states one.
 *
 * @example
 * periodOfInYearSheet([[], [], ['Period', null, null, 3, '2016/17']], 4); // { year: 2016, period: 3 }
 */
export function periodOfInYearSheet(
  values: ReadSheet['values'],
  startMonth: Month,
): MonitoringPeriod | undefined {
  const label = values[2]?.[4];
  if (typeof label !== 'string') return undefined;
  const stated = statedPeriodOfInYearSheet(values[2]?.[3], label, startMonth);
  return stated.ok ? stated.value : undefined;
}

/**
 * The ledger lines of an Actuals sheet (values from A1, headed `Scheme, Year, Period, Amount`);
 * a line it cannot read adds nothing here (the check reports it).
 *
 * @example
 * readActualsLines([['Scheme', 'Year', 'Period', 'Amount'], ['CP-001', '2016/17', 3, 1.2]], 4); // one line, P3
 */
export function readActualsLines(values: ReadSheet['values'], startMonth: Month): LedgerLine[] {
  const lines: LedgerLine[] = [];
  values.slice(1).forEach((row, i) => {
    const ref = typeof row[0] === 'string' ? row[0].trim() : String(row[0] ?? '').trim();
    const year = parseFiscalYear(String(row[1] ?? ''), startMonth);
    const period = row[2];
    const amount = typeof row[3] === 'number' ? tryFromNumber(row[3]) : undefined;
    if (ref === '' || !year.ok || typeof period !== 'number' || !amount) return;
    if (!Number.isInteger(period) || period < 1 || period > 12) return;
    lines.push({
      ref,
      year: year.value,
      period: period as LedgerLine['period'],
      amount,
      row: i + 2,
    });
  });
  return lines;
}

/** What a budget holder has already given for a scheme, as the In-year sheet holds it. */
interface KeptReturn {
  inYearForecast?: Decimal;
  allYearsForecast?: Decimal;
  explanation: string;
  links: NonNullable<InYearLine['links']>;
}

const COLUMN = {
  forecast: IN_YEAR_COLUMNS.indexOf('Forecast'),
  allYearsForecast: IN_YEAR_COLUMNS.indexOf('All-years forecast'),
  explanation: IN_YEAR_COLUMNS.indexOf('Explanation'),
};

function keptReturns(sheet: ReadSheet | undefined): Map<string, KeptReturn> {
  const kept = new Map<string, KeptReturn>();
  if (!sheet) return kept;
  const header = IN_YEAR_COLUMNS.map((_, c) => sheet.values[IN_YEAR_HEADER_ROW - 1]?.[c]);
  if (header.some((text, c) => text !== IN_YEAR_COLUMNS[c])) return kept;
  for (let r = IN_YEAR_HEADER_ROW; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    const ref = typeof row?.[0] === 'string' ? row[0].trim() : '';
    if (ref === '') break;
    const formulaAt = (c: number) => {
      const formula = sheet.formulas?.[r]?.[c];
      return typeof formula === 'string' && formula.startsWith('=') ? formula : undefined;
    };
    const figure = (c: number) => (typeof row[c] === 'number' ? tryFromNumber(row[c]) : undefined);
    const links: KeptReturn['links'] = {};
    const forecastLink = formulaAt(COLUMN.forecast);
    const allYearsLink = formulaAt(COLUMN.allYearsForecast);
    const explanationLink = formulaAt(COLUMN.explanation);
    if (forecastLink) links.forecast = forecastLink;
    if (allYearsLink) links.allYearsForecast = allYearsLink;
    if (explanationLink) links.explanation = explanationLink;
    const explanation = row[COLUMN.explanation];
    const given: KeptReturn = {
      explanation: typeof explanation === 'string' ? explanation : '',
      links,
    };
    const inYear = figure(COLUMN.forecast);
    const allYears = figure(COLUMN.allYearsForecast);
    if (inYear) given.inYearForecast = inYear;
    if (allYears) given.allYearsForecast = allYears;
    kept.set(ref.toLowerCase(), given);
  }
  return kept;
}

/** The In-year monitoring and committee sheets planned at a period. */
export interface InYearStartPlan {
  at: MonitoringPeriod;
  inYear: InYearPlan;
  position: SheetPlan;
  lines: InYearLine[];
}

/**
 * Plans the In-year monitoring sheet and the `Capital budget position` table at `at`, from the
 * Programme's schemes, the Actuals ledger and the history; `kept` is the In-year sheet as it
 * stands (an earlier period's), whose forecasts, explanations and links to returns carry over.
 *
 * @example
 * const start = planInYearStart({ at: { year: 2016, period: 3 }, schemes, ledger: [], actualsRows: 0, history: [], historyRows: 0, settings });
 * start.inYear.plan.cells[2]; // ['Period', null, null, 3, '2016/17']
 */
export function planInYearStart(input: {
  at: MonitoringPeriod;
  schemes: readonly StartingScheme[];
  ledger: readonly LedgerLine[];
  actualsRows: number;
  history: readonly MonitoringSnapshot[];
  historyRows: number;
  settings: PlannerSettings;
  kept?: ReadSheet;
}): InYearStartPlan {
  const { at, settings } = input;
  const startMonth = settings.fiscalYearStartMonth as Month;
  const kept = keptReturns(input.kept);
  const rules = {
    at,
    startMonth,
    thresholds: thresholdsOf(settings),
    rag: { amberPercent: settings.amberPercent, redPercent: settings.redPercent },
  };
  const lines: InYearLine[] = input.schemes.map((scheme) => {
    const base: SchemeAtPeriod = {
      ...scheme,
      actualToDate: actualToDate(input.ledger, scheme.ref, at),
      inYearForecast: ZERO,
    };
    const given = kept.get(scheme.ref.toLowerCase());
    // Not forecast yet: the budget holder is taken to spend the year's budget.
    const inYearForecast = given?.inYearForecast ?? monitoringLineAt(base, rules).row.inYearRevised;
    const line: InYearLine = monitoringLineAt(
      {
        ...base,
        inYearForecast,
        ...(given?.allYearsForecast ? { allYearsForecast: given.allYearsForecast } : {}),
        explanation: given?.explanation ?? '',
      },
      rules,
      input.history,
    );
    if (given && Object.keys(given.links).length > 0) line.links = given.links;
    return line;
  });
  const previous = input.history
    .map((snapshot) => snapshot.at)
    .filter((when) => compareMonitoringPeriods(when, at) < 0)
    .sort(compareMonitoringPeriods)
    .pop();
  const inYear = planInYearSheet({
    at,
    startMonth,
    lines,
    settings,
    actualsRows: input.actualsRows,
    historyRows: input.historyRows,
    ...(previous ? { previous } : {}),
  });
  const position = planPositionSheet({ at, startMonth, lines, inYear: inYear.rows, settings });
  return { at, inYear, position, lines };
}

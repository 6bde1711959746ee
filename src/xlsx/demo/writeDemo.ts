/**
 * Writes the demo programme with the task pane's own sheet plans (src/workbook): the same
 * Programme and Revisions tables, one forecast sheet per budget holder, the Monitoring sheet and
 * the settings sheet its formulas read, so the add-in can carry on with it in Excel. Every
 * derived figure is an ordinary formula (SUBTOTAL, SUMIFS, INDEX/MATCH, IF, ABS) that computes in
 * any spreadsheet program without the add-in, and carries its result worked out by the engine.
 */
import ExcelJS from 'exceljs';
import {
  formatFiscalYear,
  revisionChange,
  toNumber,
  type Decimal,
  type MonitoringPeriod,
} from '../../core';
import {
  FORECAST_HEADER_ROW,
  MONITORING_COLUMNS,
  MONITORING_HEADER_ROW,
  MONITORING_SHEET,
  OUTTURN_PERIOD,
  PROGRAMME_COLUMNS,
  PROGRAMME_SHEET,
  REVISIONS_SHEET,
  forecastSheetName,
  monitoringRowCount,
  planForecastSheet,
  planMonitoringSheet,
  planProgrammeSheet,
  planRevisionsSheet,
  planSettingsSheet,
  programmeColumn,
  type SheetPlan,
} from '../../workbook';
import { addSheetPlan } from '../writePlan';
import type { DemoProgramme } from './planDemo';
import { DEMO_PERIOD, demoCycle, planDemoCycle } from './planCycle';
import { planDemoFinancing } from './planFinancing';
import { DEMO_SETTINGS, demoPlannerSettings } from './planDemo';

/** Where things are (1-based, as a file reader counts), for tests and for consolidate. */
export const DEMO_LAYOUT = {
  programmeSheet: PROGRAMME_SHEET,
  /** The Programme table starts at A1, as the task pane makes it. */
  programmeHeaderRow: 1,
  approvedColumn: programmeColumn('approvedBudget') + 1,
  revisedColumn: programmeColumn('revisedBudget') + 1,
  firstPeriodColumn: PROGRAMME_COLUMNS.length + 1,
  revisionsSheet: REVISIONS_SHEET,
  monitoringSheet: MONITORING_SHEET,
  monitoringHeaderRow: MONITORING_HEADER_ROW,
  monitoringColumns: MONITORING_COLUMNS,
  /** The Monitoring cell that says whether its budget agrees with the Programme's (E3). */
  monitoringCheck: { row: 3, column: 5 },
  /** 1-based row of the Monitoring total (the demo has no by-area block: the total is under the schemes). */
  monitoringTotalRow: (schemes: number): number => monitoringRowCount(schemes, 'no area block'),
} as const;

const number = (value: Decimal): number => toNumber(value);

/**
 * The title of the demo's Monitoring sheet at a period.
 *
 * @example
 * monitoringTitle({ year: 2016, period: 12 }, '£m'); // 'Capital monitoring 2016/17, Period 12 (outturn) (£m)'
 */
export function monitoringTitle(at: MonitoringPeriod, unit: string): string {
  const outturn = at.period === OUTTURN_PERIOD ? ' (outturn)' : '';
  return `Capital monitoring ${formatFiscalYear(at.year)}, Period ${at.period}${outturn} (${unit})`;
}

/**
 * The demo's sheet plans at `at` (2016/17 P8 by default; P12 for the outturn), in the order they
 * are written.
 *
 * @example
 * planDemoSheets(plan).map((sheet) => sheet.name); // ['Programme', 'Revisions', 'Forecast - Head of ICT', ...]
 * planDemoSheets(plan, DEMO_OUTTURN); // the same sheets at the outturn, with the year's actuals
 */
export function planDemoSheets(
  plan: DemoProgramme,
  at: MonitoringPeriod = DEMO_PERIOD,
): SheetPlan[] {
  const settings = demoPlannerSettings();
  const sheets: SheetPlan[] = [];
  sheets.push(
    planProgrammeSheet({
      sheet: PROGRAMME_SHEET,
      periodHeaders: plan.quarterLabels,
      unit: settings.unit,
      decimals: settings.decimals,
      lines: plan.schemes.map((scheme) => ({
        fields: {
          ref: scheme.ref,
          status: scheme.status,
          area: scheme.area,
          scheme: scheme.scheme,
          impact: scheme.impact,
          approvedBudget: number(scheme.approved),
          phasing: scheme.phase,
          profile: 'even',
          fundingSource: scheme.fundingSource,
          budgetHolder: scheme.budgetHolder,
        },
        revisedBudget: number(scheme.revised),
        // A quarter with nothing phased stays blank, as a finance officer leaves it.
        periods: scheme.phasing.map((amount) => (amount.units === 0 ? null : number(amount))),
      })),
      totals: {
        approvedBudget: number(plan.totals.approved),
        revisedBudget: number(plan.totals.revised),
        periods: plan.totals.phasing.map(number),
      },
      phasingCheck: { results: plan.schemes.map((s) => (s.unphased ? 'Not phased' : 'OK')) },
    }),
  );
  sheets.push(
    planRevisionsSheet({
      sheet: REVISIONS_SHEET,
      unit: settings.unit,
      decimals: settings.decimals,
      // Amounts as approved (a reduction typed as a positive figure); Signed amount says which way.
      lines: plan.revisions.map((revision) => ({
        ref: revision.ref,
        date: revision.date,
        kind: revision.kind,
        amount: number(revision.amount),
        signedAmount: number(revisionChange(revision)),
        reason: revision.reason,
        reference: revision.reference,
        approvedBy: revision.approvedBy ?? '',
      })),
    }),
  );
  // Each holder's return at the period: their in-year budget and actual to date, and what they typed.
  const cycle = demoCycle(plan, at);
  const returnOf = (ref: string) => {
    const given = cycle?.returns.get(ref);
    return given
      ? {
          inYearBudget: number(given.inYearBudget),
          actualToDate: number(given.actualToDate),
          forecast: number(given.allYearsForecast),
          inYearForecast: number(given.inYearForecast),
          comment: given.explanation,
        }
      : {};
  };
  const year = formatFiscalYear(at.year);
  const forecastAt = new Map<string, { sheet: string; row: number }>();
  for (const holder of new Set(plan.schemes.map((scheme) => scheme.budgetHolder))) {
    const sheet = forecastSheetName(holder);
    const schemes = plan.schemes.filter((scheme) => scheme.budgetHolder === holder);
    schemes.forEach((scheme, i) =>
      forecastAt.set(scheme.ref, { sheet, row: FORECAST_HEADER_ROW + 1 + i }),
    );
    sheets.push(
      planForecastSheet({
        sheet,
        holder,
        unit: settings.unit,
        decimals: settings.decimals,
        year,
        period: `P${at.period}`,
        lines: schemes.map((scheme) => ({
          ref: scheme.ref,
          scheme: scheme.scheme,
          area: scheme.area,
          approvedBudget: number(scheme.approved),
          currentBudget: number(scheme.revised),
          ...returnOf(scheme.ref),
        })),
      }),
    );
  }
  sheets.push(
    planMonitoringSheet({
      title: monitoringTitle(at, settings.unit),
      settings,
      byArea: false,
      schemes: plan.schemes.map((scheme) => ({
        ref: scheme.ref,
        area: scheme.area,
        scheme: scheme.scheme,
        budgetHolder: scheme.budgetHolder,
        budget: scheme.revised,
        forecast: scheme.forecast,
        forecastCell: forecastAt.get(scheme.ref),
      })),
    }).plan,
  );
  sheets.push(...planDemoCycle(plan, forecastAt, at));
  sheets.push(planDemoFinancing(plan).plan);
  sheets.push(planSettingsSheet(settings));
  return sheets;
}

/**
 * The last day of a period's month (April start): when the demo's workbook was made.
 *
 * @example
 * endOfPeriod({ year: 2016, period: 8 }); // 30 November 2016
 */
export function endOfPeriod(at: MonitoringPeriod): Date {
  // Month index from January 2016: April is 3, P8 is November (10), P12 March 2017 (14).
  return new Date(Date.UTC(at.year, 3 + at.period, 0));
}

/**
 * Builds the demo workbook from the demo's sheet plans at `at` (2016/17 P8 by default).
 *
 * @example
 * const plan = planDemoProgramme(rows);
 * if (plan.ok) await buildDemoWorkbook(plan.value).xlsx.writeFile('demo.xlsx');
 * if (plan.ok) await buildDemoWorkbook(plan.value, DEMO_OUTTURN).xlsx.writeFile('outturn.xlsx');
 */
export function buildDemoWorkbook(
  plan: DemoProgramme,
  at: MonitoringPeriod = DEMO_PERIOD,
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Capital Planner';
  workbook.created = endOfPeriod(at);
  // Excel recalculates everything on open, whatever it thinks of the cached results.
  workbook.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of planDemoSheets(plan, at)) addSheetPlan(workbook, sheet);
  return workbook;
}

export { DEMO_SETTINGS };

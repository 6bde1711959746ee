/**
 * Writes the demo programme with the task pane's own sheet plans (src/workbook): the same
 * Programme and Revisions tables, one forecast sheet per budget holder, the Monitoring sheet and
 * the settings sheet its formulas read, so the add-in can carry on with it in Excel. Every
 * derived figure is an ordinary formula (SUBTOTAL, SUMIFS, INDEX/MATCH, IF, ABS) that computes in
 * any spreadsheet program without the add-in, and carries its result worked out by the engine.
 */
import ExcelJS from 'exceljs';
import { formatFiscalYear, revisionChange, toNumber, type Decimal } from '../../core';
import {
  FORECAST_HEADER_ROW,
  MONITORING_COLUMNS,
  MONITORING_HEADER_ROW,
  MONITORING_SHEET,
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
 * The demo's sheet plans, in the order they are written.
 *
 * @example
 * planDemoSheets(plan).map((sheet) => sheet.name); // ['Programme', 'Revisions', 'Forecast - Head of ICT', ...]
 */
export function planDemoSheets(plan: DemoProgramme): SheetPlan[] {
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
  const cycle = demoCycle(plan);
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
  const year = formatFiscalYear(DEMO_PERIOD.year);
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
        period: `P${DEMO_PERIOD.period}`,
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
      title: `Capital monitoring 2016/17, Period 8 (${settings.unit})`,
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
  sheets.push(...planDemoCycle(plan, forecastAt));
  sheets.push(planDemoFinancing(plan).plan);
  sheets.push(planSettingsSheet(settings));
  return sheets;
}

/**
 * Builds the demo workbook from the demo's sheet plans.
 *
 * @example
 * const plan = planDemoProgramme(rows);
 * if (plan.ok) await buildDemoWorkbook(plan.value).xlsx.writeFile('demo.xlsx');
 */
export function buildDemoWorkbook(plan: DemoProgramme): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Capital Planner';
  workbook.created = new Date(Date.UTC(2016, 10, 30));
  // Excel recalculates everything on open, whatever it thinks of the cached results.
  workbook.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of planDemoSheets(plan)) addSheetPlan(workbook, sheet);
  return workbook;
}

export { DEMO_SETTINGS };

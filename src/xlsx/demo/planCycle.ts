/**
 * The demo's in-year monitoring cycle at 2016/17 period 8: actuals brought in from a ledger, the
 * budget holders' in-year and all-years forecasts with explanations, two earlier gatherings in the
 * history, the In-year monitoring sheet and the `Capital budget position` committee table. The
 * figures come from the engine; the layouts are the workbook plans (src/workbook).
 */
import {
  ZERO,
  add,
  allocate,
  amountInYear,
  fromNumber,
  monitorScheme,
  movementSinceLastPeriod,
  readPeriodHeaders,
  scaleByRatio,
  decimal,
  subtract,
  yearBudgetsOf,
  type Decimal,
  type LedgerLine,
  type MonitoringPeriod,
  type MonitoringSnapshot,
  type PhasedColumnAmount,
} from '../../core';
import {
  planActualsSheet,
  planHistorySheet,
  planInYearSheet,
  planPositionSheet,
  thresholdsOf,
  type InYearLine,
  type SheetPlan,
} from '../../workbook';
import { demoPlannerSettings, type DemoProgramme } from './planDemo';

/** The period the demo reports at, and the two gathered before it. */
export const DEMO_PERIOD: MonitoringPeriod = { year: 2016, period: 8 };
const EARLIER: MonitoringPeriod[] = [
  { year: 2016, period: 3 },
  { year: 2016, period: 6 },
];

/** Spend moved into 2017/18 by scheme (£m): the rest of a forecast change is a real saving or overspend. */
const SLIPPAGE: Record<string, Decimal> = { 'CP-003': fromNumber(0.4), 'CP-006': fromNumber(0.3) };

/** What budget holders wrote for variances over the thresholds. */
const EXPLANATIONS: Record<string, string> = {
  'CP-002': 'Extra licences for the new service desk: overspend met from contingency',
  'CP-003': 'Hardware delivery delayed to April: £0.4m slips into 2017/18',
  'CP-004': 'Training delivered in-house: small saving',
  'CP-006': 'Disaster recovery site delayed: £0.3m slips; re-tender saves £1.2m',
};

/**
 * The demo's cycle sheets: Actuals, Monitoring history, In-year monitoring, Capital budget position.
 *
 * @example
 * planDemoCycle(plan).map((sheet) => sheet.name); // ['Actuals', 'Monitoring history', 'In-year monitoring', 'Capital budget position']
 */
export function planDemoCycle(plan: DemoProgramme): SheetPlan[] {
  const settings = demoPlannerSettings();
  const columns = readPeriodHeaders(plan.quarterLabels);
  if (!columns.ok) return [];
  const at = DEMO_PERIOD;
  const lines: LedgerLine[] = [];
  const history: MonitoringSnapshot[] = [];
  const inYearLines: InYearLine[] = plan.schemes.map((scheme) => {
    const phasing: PhasedColumnAmount[] = columns.value.map((column, i) => ({
      column,
      amount: scheme.phasing[i],
    }));
    const inYearBudget = amountInYear(yearBudgetsOf(phasing), at.year);
    const change = subtract(scheme.forecast, scheme.revised);
    const slipped = SLIPPAGE[scheme.ref] ?? ZERO;
    const inYearForecast = subtract(add(inYearBudget, change), slipped);
    // Spend to date: 90% of the budget profiled to P8, posted in P2, P5 and P7.
    const firstPass = monitorScheme(
      { ref: scheme.ref, approvedPhasing: phasing, actualToDate: ZERO, inYearForecast },
      { at },
    );
    const spent = scaleByRatio(firstPass.profiledToDate, decimal(9), decimal(10), 2);
    if (spent.units !== 0)
      allocate(spent, [2, 3, 4], 2).forEach((amount, k) =>
        lines.push({
          ref: scheme.ref,
          year: at.year,
          period: ([2, 5, 7] as const)[k],
          amount,
          description: `Invoice ${scheme.ref}-${k + 1}`,
        }),
      );
    EARLIER.forEach((earlier, k) =>
      history.push({
        ref: scheme.ref,
        at: earlier,
        inYearBudget,
        actualToDate: ZERO,
        inYearForecast: add(inYearForecast, fromNumber(k === 0 ? 0.1 : 0.05)),
        allYearsForecast: scheme.forecast,
      }),
    );
    const row = monitorScheme(
      {
        ref: scheme.ref,
        name: scheme.scheme,
        area: scheme.area,
        approvedPhasing: phasing,
        actualToDate: spent,
        inYearForecast,
        allYearsForecast: scheme.forecast,
        explanation: EXPLANATIONS[scheme.ref] ?? '',
      },
      {
        at,
        thresholds: thresholdsOf(settings),
        rag: { amberPercent: settings.amberPercent, redPercent: settings.redPercent },
      },
    );
    const movement = movementSinceLastPeriod(
      history,
      scheme.ref,
      at,
      row.inYearForecast,
      row.allYearsForecast,
    );
    return movement ? { row, movement } : { row };
  });
  const inYear = planInYearSheet({
    at,
    lines: inYearLines,
    settings,
    actualsRows: lines.length,
    historyRows: history.length,
    previous: EARLIER[EARLIER.length - 1],
  });
  return [
    planActualsSheet(lines, settings),
    planHistorySheet(history, settings),
    inYear.plan,
    planPositionSheet({ at, lines: inYearLines, inYear: inYear.rows, settings }),
  ];
}

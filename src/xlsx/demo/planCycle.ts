/**
 * The demo's in-year monitoring cycle at 2016/17 period 8: actuals brought in from a ledger, the
 * budget holders' returns (in-year and all-years forecasts with explanations) gathered at P3, P6
 * and now P8, the two earlier gatherings in the history, the In-year monitoring sheet (its
 * forecasts and explanations linked to the holders' forecast sheets) and the `Capital budget
 * position` committee table. The figures come from the engine; the layouts are the workbook plans.
 */
import {
  ZERO,
  actualToDate,
  add,
  allocate,
  amountInYear,
  decimal,
  monitoringLineAt,
  readPeriodHeaders,
  scaleByRatio,
  snapshotOf,
  subtract,
  fromNumber,
  yearBudgetsOf,
  type Decimal,
  type InYearSettings,
  type LedgerLine,
  type MonitoringPeriod,
  type MonitoringSnapshot,
  type PhasedColumnAmount,
  type SchemeAtPeriod,
} from '../../core';
import {
  planActualsSheet,
  planHistorySheet,
  planInYearSheet,
  planPositionSheet,
  quoted,
  thresholdsOf,
  type InYearLine,
  type SheetPlan,
} from '../../workbook';
import { demoPlannerSettings, type DemoProgramme } from './planDemo';

/** The period the demo reports at, and the two gathered before it. */
export const DEMO_PERIOD: MonitoringPeriod = { year: 2016, period: 8 };
export const DEMO_EARLIER_PERIODS: readonly MonitoringPeriod[] = [
  { year: 2016, period: 3 },
  { year: 2016, period: 6 },
];

/**
 * Spend moved into 2017/18 by scheme (£m), as known at P8. Only schemes with a budget in 2016/17
 * can slip out of it (regression: CP-006, phased 2017-20, was given £0.3m of slippage and an
 * in-year forecast of -1.5).
 */
const SLIPPAGE: Record<string, Decimal> = {
  'CP-003': fromNumber(0.4),
  'CP-005': fromNumber(0.3),
};

/**
 * How much of the P8 forecast change (and slippage) the holders knew at each gathering: their
 * forecasts firm up over the year.
 */
const KNOWN_BY: Record<number, [number, number]> = { 3: [1, 2], 6: [3, 4], 8: [1, 1] };

/** What budget holders wrote for their variances. */
const EXPLANATIONS: Record<string, string> = {
  'CP-001': 'PSN compliance achieved for less than estimated: saving released',
  'CP-002': 'Extra licences for the new service desk: overspend met from contingency',
  'CP-003': 'Hardware delivery delayed to April: £0.4m slips into 2017/18',
  'CP-004': 'Training delivered in-house: small saving',
  'CP-005': 'Disaster recovery site delayed to April: £0.3m slips into 2017/18',
};

/** A budget holder's return for one scheme at a period, as typed on their forecast sheet. */
export interface DemoReturn {
  ref: string;
  inYearBudget: Decimal;
  actualToDate: Decimal;
  inYearForecast: Decimal;
  allYearsForecast: Decimal;
  explanation: string;
}

/** The demo's monitoring cycle: the ledger, the returns at each period and the history. */
export interface DemoCycle {
  at: MonitoringPeriod;
  ledger: LedgerLine[];
  /** The schemes at the current period, with this period's returns. */
  schemes: SchemeAtPeriod[];
  /** This period's returns by Ref. */
  returns: Map<string, DemoReturn>;
  /** The snapshots of the two earlier gatherings. */
  history: MonitoringSnapshot[];
  settings: InYearSettings;
}

/**
 * The in-year share of a change to a scheme's whole-life forecast: the change falls in the years
 * the scheme spends in, in proportion to its budget in each. A scheme with nothing phased in the
 * year keeps its in-year forecast at its (nil) budget.
 *
 * @example
 * inYearShareOf(fromNumber(-1.2), ZERO, fromNumber(10)); // 0: the saving is in later years
 * inYearShareOf(fromNumber(0.15), fromNumber(1.1), fromNumber(1.1)); // 0.15
 */
export function inYearShareOf(change: Decimal, inYear: Decimal, allYears: Decimal): Decimal {
  if (inYear.units === 0 || allYears.units === 0) return ZERO;
  return scaleByRatio(change, inYear, allYears, 2);
}

/**
 * Works out the demo's cycle: ledger lines, each holder's return at P3, P6 and P8, and the
 * history of the first two gatherings.
 *
 * @example
 * demoCycle(plan)?.returns.get('CP-006')?.inYearForecast; // 0 (nothing phased in 2016/17)
 */
export function demoCycle(plan: DemoProgramme): DemoCycle | undefined {
  const settings = demoPlannerSettings();
  const columns = readPeriodHeaders(plan.quarterLabels);
  if (!columns.ok) return undefined;
  const at = DEMO_PERIOD;
  const inYearSettings = (when: MonitoringPeriod): InYearSettings => ({
    at: when,
    thresholds: thresholdsOf(settings),
    rag: { amberPercent: settings.amberPercent, redPercent: settings.redPercent },
  });
  const ledger: LedgerLine[] = [];
  const phasings = plan.schemes.map((scheme) =>
    columns.value.map((column, i): PhasedColumnAmount => ({ column, amount: scheme.phasing[i] })),
  );
  // Spend to date: 90% of the budget profiled to P8, posted in P2, P5 and P7.
  plan.schemes.forEach((scheme, s) => {
    const profiled = monitoringLineAt(
      { ref: scheme.ref, approvedPhasing: phasings[s], actualToDate: ZERO, inYearForecast: ZERO },
      { at },
    ).row.profiledToDate;
    const spent = scaleByRatio(profiled, decimal(9), decimal(10), 2);
    if (spent.units === 0) return;
    allocate(spent, [2, 3, 4], 2).forEach((amount, k) =>
      ledger.push({
        ref: scheme.ref,
        year: at.year,
        period: ([2, 5, 7] as const)[k],
        amount,
        description: `Invoice ${scheme.ref}-${k + 1}`,
      }),
    );
  });
  const returnAt = (when: MonitoringPeriod, s: number): DemoReturn => {
    const scheme = plan.schemes[s];
    const [known, of] = KNOWN_BY[when.period];
    const part = (amount: Decimal) => scaleByRatio(amount, decimal(known), decimal(of), 2);
    const inYearBudget = amountInYear(yearBudgetsOf(phasings[s]), when.year);
    const change = part(subtract(scheme.forecast, scheme.revised));
    const slipped = inYearBudget.units === 0 ? ZERO : part(SLIPPAGE[scheme.ref] ?? ZERO);
    return {
      ref: scheme.ref,
      inYearBudget,
      actualToDate: actualToDate(ledger, scheme.ref, when),
      inYearForecast: subtract(
        add(inYearBudget, inYearShareOf(change, inYearBudget, scheme.revised)),
        slipped,
      ),
      allYearsForecast: add(scheme.revised, change),
      explanation: EXPLANATIONS[scheme.ref] ?? '',
    };
  };
  const schemeAt = (when: MonitoringPeriod, s: number): SchemeAtPeriod => {
    const given = returnAt(when, s);
    const scheme = plan.schemes[s];
    const line: SchemeAtPeriod = {
      ref: scheme.ref,
      name: scheme.scheme,
      area: scheme.area,
      approvedPhasing: phasings[s],
      actualToDate: given.actualToDate,
      inYearForecast: given.inYearForecast,
      allYearsForecast: given.allYearsForecast,
      explanation: given.explanation,
    };
    // A TBC scheme's budget is in its all-years budget, in no year's.
    if (scheme.unphased) line.unphasedBudget = scheme.revised;
    return line;
  };
  const history: MonitoringSnapshot[] = [];
  for (const earlier of DEMO_EARLIER_PERIODS)
    plan.schemes.forEach((_, s) => {
      const { row } = monitoringLineAt(schemeAt(earlier, s), inYearSettings(earlier), history);
      // A holder explains a variance that needs it; the history keeps what they wrote then.
      history.push(
        snapshotOf(
          { ...row, explanation: row.explanationRequired ? row.explanation : '' },
          earlier,
        ),
      );
    });
  return {
    at,
    ledger,
    schemes: plan.schemes.map((_, s) => schemeAt(at, s)),
    returns: new Map(plan.schemes.map((scheme, s) => [scheme.ref, returnAt(at, s)])),
    history,
    settings: inYearSettings(at),
  };
}

/** Where a scheme's line sits on its holder's forecast sheet (0-based row, as the Monitoring plan's `forecastCell`). */
export type ReturnCells = ReadonlyMap<string, { sheet: string; row: number }>;

/**
 * The demo's cycle sheets: Actuals, Monitoring history, In-year monitoring, Capital budget
 * position. With `returnCells`, the In-year monitoring sheet's forecasts and explanations are
 * links to the budget holders' forecast sheets, as gathered.
 *
 * @example
 * planDemoCycle(plan).map((sheet) => sheet.name); // ['Actuals', 'Monitoring history', 'In-year monitoring', 'Capital budget position']
 */
export function planDemoCycle(plan: DemoProgramme, returnCells?: ReturnCells): SheetPlan[] {
  const cycle = demoCycle(plan);
  if (!cycle) return [];
  const settings = demoPlannerSettings();
  const { at, history, ledger } = cycle;
  const inYearLines: InYearLine[] = cycle.schemes.map((scheme) => {
    const line: InYearLine = monitoringLineAt(scheme, cycle.settings, history);
    const cell = returnCells?.get(scheme.ref);
    if (cell) {
      const link = (column: string) => `=${quoted(cell.sheet)}!${column}${cell.row + 1}`;
      line.links = { forecast: link('I'), allYearsForecast: link('F') };
      // A blank cell links as 0: a blank explanation stays a blank value.
      if (line.row.explanation !== '') line.links.explanation = link('J');
    }
    return line;
  });
  const inYear = planInYearSheet({
    at,
    lines: inYearLines,
    settings,
    actualsRows: ledger.length,
    historyRows: history.length,
    previous: DEMO_EARLIER_PERIODS[DEMO_EARLIER_PERIODS.length - 1],
  });
  return [
    planActualsSheet(ledger, settings),
    planHistorySheet(history, settings),
    inYear.plan,
    planPositionSheet({ at, lines: inYearLines, inYear: inYear.rows, settings }),
  ];
}

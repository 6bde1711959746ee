/**
 * The demo's in-year monitoring cycle for 2016/17: actuals brought in from a ledger, the budget
 * holders' returns (in-year and all-years forecasts with explanations) gathered at P3, P6, P8 and
 * the outturn (P12), the gatherings before the period shown in the history, the In-year
 * monitoring sheet (its forecasts and explanations linked to the holders' forecast sheets) and the
 * `Capital budget position` committee table. The period is a parameter: P8 (in-year, the default)
 * or P12 (the outturn: the year's actuals are final and each in-year forecast is the actual spend,
 * as councils' outturn reports show it). The figures come from the engine; the layouts are the
 * workbook plans.
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
  OUTTURN_PERIOD,
  quoted,
  thresholdsOf,
  type InYearLine,
  type SheetPlan,
} from '../../workbook';
import { demoPlannerSettings, type DemoProgramme } from './planDemo';

/** The periods at which the demo's budget holders send returns: quarterly-ish, then the outturn. */
export const DEMO_GATHERINGS = [3, 6, 8, 12] as const;

/** A period the demo can be written at: one of its gatherings. */
export type DemoPeriodNumber = (typeof DEMO_GATHERINGS)[number];

/** The period the demo reports at by default (in-year, as at the end of November). */
export const DEMO_PERIOD: MonitoringPeriod = { year: 2016, period: 8 };

/** The outturn: the demo at the end of 2016/17, ready for closing the year. */
export const DEMO_OUTTURN: MonitoringPeriod = { year: 2016, period: 12 };

/**
 * The gatherings before `at`, oldest first: what the history holds at that period.
 *
 * @example
 * demoEarlierPeriods(DEMO_OUTTURN).map((p) => p.period); // [3, 6, 8]
 */
export function demoEarlierPeriods(at: MonitoringPeriod = DEMO_PERIOD): MonitoringPeriod[] {
  return DEMO_GATHERINGS.filter((period) => period < at.period).map((period) => ({
    year: at.year,
    period,
  })) as MonitoringPeriod[];
}

/** The two gatherings before the default period (P3 and P6). */
export const DEMO_EARLIER_PERIODS: readonly MonitoringPeriod[] = demoEarlierPeriods(DEMO_PERIOD);

/**
 * Whether the demo can be written at `at`: 2016/17 at one of its gatherings.
 *
 * @example
 * isDemoPeriod({ year: 2016, period: 12 }); // true
 * isDemoPeriod({ year: 2016, period: 7 }); // false
 */
export function isDemoPeriod(at: MonitoringPeriod): boolean {
  return at.year === DEMO_PERIOD.year && (DEMO_GATHERINGS as readonly number[]).includes(at.period);
}

/**
 * Spend moved into 2017/18 by scheme (£m), as known at P8 and confirmed at the outturn. Only
 * schemes with a budget in 2016/17 can slip out of it (regression: CP-006, phased 2017-20, was
 * given £0.3m of slippage and an in-year forecast of -1.5).
 */
const SLIPPAGE: Record<string, Decimal> = {
  'CP-003': fromNumber(0.4),
  'CP-005': fromNumber(0.3),
};

/**
 * How much of the final forecast change (and slippage) the holders knew at each gathering: their
 * forecasts firm up over the year, and by P8 they know it all.
 */
const KNOWN_BY: Record<DemoPeriodNumber, [number, number]> = {
  3: [1, 2],
  6: [3, 4],
  8: [1, 1],
  12: [1, 1],
};

/** What budget holders wrote for their variances during the year. */
const EXPLANATIONS: Record<string, string> = {
  'CP-001': 'PSN compliance achieved for less than estimated: saving released',
  'CP-002': 'Extra licences for the new service desk: overspend met from contingency',
  'CP-003': 'Hardware delivery delayed to April: £0.4m slips into 2017/18',
  'CP-004': 'Training delivered in-house: small saving',
  'CP-005': 'Disaster recovery site delayed to April: £0.3m slips into 2017/18',
};

/** What they wrote at the outturn, when the year's spend is known. */
const OUTTURN_EXPLANATIONS: Record<string, string> = {
  'CP-001': 'PSN compliance achieved for less than estimated: £0.12m saving released',
  'CP-002': 'Extra licences for the new service desk: £0.15m overspend met from contingency',
  'CP-003': 'Hardware delivered in April 2017: £0.4m carried forward to 2017/18',
  'CP-004': 'Training delivered in-house: £0.05m saving',
  'CP-005': 'Disaster recovery site work starts April 2017: £0.3m carried forward to 2017/18',
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
  /** The snapshots of the gatherings before this period (P3 and P6; at the outturn also P8). */
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
 * Works out the demo's cycle at `at` (P8 by default, or the outturn at P12): ledger lines up to
 * the period, each holder's return at each gathering, and the history of the gatherings before
 * `at`. At the outturn the ledger holds the whole year's spend and each scheme's actual equals its
 * in-year forecast: the postings of P10 and P12 bring the spend to date at P8 up to the outturn
 * the holder forecast. Undefined for a period the demo has no gathering at.
 *
 * @example
 * demoCycle(plan)?.returns.get('CP-006')?.inYearForecast; // 0 (nothing phased in 2016/17)
 * demoCycle(plan, DEMO_OUTTURN)?.returns.get('CP-003')?.actualToDate; // 3.92 (4.32 less 0.4 slipped)
 */
export function demoCycle(
  plan: DemoProgramme,
  at: MonitoringPeriod = DEMO_PERIOD,
): DemoCycle | undefined {
  if (!isDemoPeriod(at)) return undefined;
  const settings = demoPlannerSettings();
  const columns = readPeriodHeaders(plan.quarterLabels);
  if (!columns.ok) return undefined;
  const inYearSettings = (when: MonitoringPeriod): InYearSettings => ({
    at: when,
    thresholds: thresholdsOf(settings),
    rag: { amberPercent: settings.amberPercent, redPercent: settings.redPercent },
  });
  const phasings = plan.schemes.map((scheme) =>
    columns.value.map((column, i): PhasedColumnAmount => ({ column, amount: scheme.phasing[i] })),
  );
  // What a holder forecast at a gathering, before the ledger is known.
  const forecastAt = (when: MonitoringPeriod, s: number) => {
    const scheme = plan.schemes[s];
    const [known, of] = KNOWN_BY[when.period as DemoPeriodNumber];
    const part = (amount: Decimal) => scaleByRatio(amount, decimal(known), decimal(of), 2);
    const inYearBudget = amountInYear(yearBudgetsOf(phasings[s]), when.year);
    const change = part(subtract(scheme.forecast, scheme.revised));
    const slipped = inYearBudget.units === 0 ? ZERO : part(SLIPPAGE[scheme.ref] ?? ZERO);
    return {
      inYearBudget,
      inYearForecast: subtract(
        add(inYearBudget, inYearShareOf(change, inYearBudget, scheme.revised)),
        slipped,
      ),
      allYearsForecast: add(scheme.revised, change),
    };
  };
  const ledger: LedgerLine[] = [];
  const post = (ref: string, period: number, amount: Decimal, description: string) => {
    if (period <= at.period)
      ledger.push({
        ref,
        year: at.year,
        period: period as LedgerLine['period'],
        amount,
        description,
      });
  };
  const p8 = { year: at.year, period: 8 } as MonitoringPeriod;
  plan.schemes.forEach((scheme, s) => {
    // Spend in the year to P8: 90% of the budget profiled to P8, posted in P2, P5 and P7.
    const profiled = monitoringLineAt(
      { ref: scheme.ref, approvedPhasing: phasings[s], actualToDate: ZERO, inYearForecast: ZERO },
      { at: p8 },
    ).row.profiledToDate;
    const spent = scaleByRatio(profiled, decimal(9), decimal(10), 2);
    if (spent.units !== 0)
      allocate(spent, [2, 3, 4], 2).forEach((amount, k) =>
        post(scheme.ref, [2, 5, 7][k], amount, `Invoice ${scheme.ref}-${k + 1}`),
      );
    // The rest of the year's spend, to the outturn the holder forecast: an invoice in P10 and
    // the year-end accruals in P12 (a credit if the year came in under what was spent by P8).
    const outturn = forecastAt({ year: at.year, period: OUTTURN_PERIOD } as MonitoringPeriod, s);
    const rest = allocate(subtract(outturn.inYearForecast, spent), [1, 1], 2);
    if (rest[0].units !== 0) post(scheme.ref, 10, rest[0], `Invoice ${scheme.ref}-4`);
    if (rest[1].units !== 0)
      post(scheme.ref, OUTTURN_PERIOD, rest[1], `Year-end accrual ${scheme.ref}`);
  });
  const explanationsAt = (when: MonitoringPeriod) =>
    when.period === OUTTURN_PERIOD ? OUTTURN_EXPLANATIONS : EXPLANATIONS;
  const returnAt = (when: MonitoringPeriod, s: number): DemoReturn => {
    const scheme = plan.schemes[s];
    return {
      ref: scheme.ref,
      ...forecastAt(when, s),
      actualToDate: actualToDate(ledger, scheme.ref, when),
      explanation: explanationsAt(when)[scheme.ref] ?? '',
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
  for (const earlier of demoEarlierPeriods(at))
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
 * The demo's cycle sheets at `at` (P8 by default; P12 for the outturn): Actuals, Monitoring
 * history, In-year monitoring, Capital budget position. With `returnCells`, the In-year monitoring sheet's forecasts and explanations are
 * links to the budget holders' forecast sheets, as gathered.
 *
 * @example
 * planDemoCycle(plan).map((sheet) => sheet.name); // ['Actuals', 'Monitoring history', 'In-year monitoring', 'Capital budget position']
 */
export function planDemoCycle(
  plan: DemoProgramme,
  returnCells?: ReturnCells,
  at: MonitoringPeriod = DEMO_PERIOD,
): SheetPlan[] {
  const cycle = demoCycle(plan, at);
  if (!cycle) return [];
  const settings = demoPlannerSettings();
  const { history, ledger } = cycle;
  const earlier = demoEarlierPeriods(at);
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
    previous: earlier[earlier.length - 1],
  });
  return [
    planActualsSheet(ledger, settings),
    planHistorySheet(history, settings),
    inYear.plan,
    planPositionSheet({ at, lines: inYearLines, inYear: inYear.rows, settings }),
  ];
}

/**
 * The figures of the demo capital programme, worked out by the engine before anything is written:
 * phasing, revised budgets, forecasts, variances and flags. The workbook writer turns them into
 * cells and formulas; the LibreOffice test compares what the formulas compute with these figures.
 */
import { quarterHeaders, readPeriodHeaders } from '../../core';
import type { Parsed } from '../../core';
import { add, fromNumber, subtract, sum, toNumber, type Decimal, ZERO } from '../../core';
import { variance, varianceStatus, type VarianceStatus } from '../../core';
import { phaseAmount } from '../../core';
import { revisedBudgetOf, type BudgetRevision } from '../../core';
import { DEFAULT_SETTINGS, sampleDetails, type PlannerSettings } from '../../workbook';
import type { ProgrammeCsvRow } from '../programmeCsv';

/** Fixed choices of the demo (a council would set these). */
export const DEMO_SETTINGS = {
  /** Quarter columns from 2016/17 to 2019/20. */
  firstYear: 2016,
  lastYear: 2019,
  /**
   * Figures in £m, phased to the nearest £10k: two places, because the revised budgets have two
   * (4.32) and a phasing to one place could not add up to them exactly.
   */
  decimals: 2,
  /** Variances over £100k (0.1 £m) or over 10% of budget are explained. */
  thresholdAbsolute: fromNumber(0.1),
  thresholdPercent: 10,
} as const;

/**
 * The demo's settings as the settings sheet holds them (its Monitoring formulas read them there).
 *
 * @example
 * demoPlannerSettings().decimals; // 2
 */
export function demoPlannerSettings(): PlannerSettings {
  return {
    ...DEFAULT_SETTINGS,
    unit: '£m',
    decimals: DEMO_SETTINGS.decimals,
    thresholdAbsolute: toNumber(DEMO_SETTINGS.thresholdAbsolute),
    thresholdPercent: DEMO_SETTINGS.thresholdPercent,
  };
}

/** A scheme of the demo programme, with every figure the workbook shows for it. */
export interface DemoScheme {
  ref: string;
  status: string;
  /** The group the task pane gives the scheme (e.g. Technology). */
  area: string;
  /** The scheme's name (the published table's "Area for investment"). */
  scheme: string;
  impact: string;
  phase: string;
  fundingSource: string;
  budgetHolder: string;
  approved: Decimal;
  revised: Decimal;
  /** One amount per quarter column; zeros when not phased. */
  phasing: Decimal[];
  unphased: boolean;
  forecast: Decimal;
  /** Budget minus forecast (positive = underspend). */
  variance: Decimal;
  flag: VarianceStatus;
}

/** The whole demo programme and its totals. */
export interface DemoProgramme {
  quarterLabels: string[];
  schemes: DemoScheme[];
  revisions: BudgetRevision[];
  totals: {
    approved: Decimal;
    revised: Decimal;
    phasing: Decimal[];
    forecast: Decimal;
    variance: Decimal;
  };
}

/** Two revisions in the year, in the style of DOMAIN.md's case management example. */
const REVISIONS: BudgetRevision[] = [
  {
    ref: 'CP-003',
    date: { year: 2016, month: 9, day: 15 },
    kind: 'addition',
    amount: fromNumber(0.42),
    reason: 'New collaboration module and extra specialist support',
    reference: 'Cabinet 15/09/2016 item 7',
    approvedBy: 'Cabinet',
  },
  {
    ref: 'CP-005',
    date: { year: 2017, month: 1, day: 12 },
    kind: 'reduction',
    amount: fromNumber(0.15),
    reason: 'Disaster recovery contract re-tendered at lower cost',
    reference: 'Delegated decision DD/2017/004',
    approvedBy: 'Director of Resources',
  },
];

/**
 * All-years forecast outturn against revised budget, by Ref (£m): a saving on a delivered scheme,
 * an overspend, a small saving. Each is on a scheme that spends in 2016/17, the year monitored
 * (regression: a -1.2 on CP-006, phased 2017-20, made its 2016/17 forecast negative).
 */
const FORECAST_CHANGES: Record<string, Decimal> = {
  'CP-001': fromNumber(-0.12),
  'CP-002': fromNumber(0.15),
  'CP-004': fromNumber(-0.05),
};

/**
 * Plans the demo programme from the sample CSV as the task pane sets it up (Refs CP-001...,
 * area, budget holder and funding source from the sample's details), with the two revisions,
 * each current budget phased over the quarter columns, forecasts, variances and flags.
 *
 * @example
 * const plan = planDemoProgramme(rows);
 * if (plan.ok) plan.value.totals.revised; // 41.77 (41.5 approved + 0.42 - 0.15)
 */
export function planDemoProgramme(rows: readonly ProgrammeCsvRow[]): Parsed<DemoProgramme> {
  const labels = quarterHeaders(DEMO_SETTINGS.firstYear, DEMO_SETTINGS.lastYear);
  if (!labels.ok) return labels;
  const columns = readPeriodHeaders(labels.value);
  if (!columns.ok) return columns;
  const revisions = REVISIONS;
  const thresholds = {
    absolute: DEMO_SETTINGS.thresholdAbsolute,
    percent: DEMO_SETTINGS.thresholdPercent,
  };

  const schemes: DemoScheme[] = [];
  for (const [index, row] of rows.entries()) {
    const ref = `CP-${String(index + 1).padStart(3, '0')}`;
    const details = sampleDetails(row.area);
    const revised = revisedBudgetOf(
      row.capital,
      revisions.filter((revision) => revision.ref === ref),
    );
    const phased = phaseAmount(revised, row.phase, columns.value, {
      decimals: DEMO_SETTINGS.decimals,
    });
    if (!phased.ok) return { ok: false, message: `${ref} ${row.area}: ${phased.message}` };
    const forecast = add(revised, FORECAST_CHANGES[ref] ?? ZERO);
    schemes.push({
      ref,
      status: row.status,
      area: details.area,
      scheme: row.area,
      impact: row.impact,
      phase: row.phase,
      fundingSource: details.fundingSource,
      budgetHolder: details.budgetHolder,
      approved: row.capital,
      revised,
      phasing: phased.value.amounts,
      unphased: phased.value.unphased,
      forecast,
      variance: variance(revised, forecast),
      flag: varianceStatus(revised, forecast, thresholds),
    });
  }
  const totals = {
    approved: sum(schemes.map((scheme) => scheme.approved)),
    revised: sum(schemes.map((scheme) => scheme.revised)),
    phasing: labels.value.map((_, column) => sum(schemes.map((scheme) => scheme.phasing[column]))),
    forecast: sum(schemes.map((scheme) => scheme.forecast)),
    variance: ZERO,
  };
  totals.variance = subtract(totals.revised, totals.forecast);
  return { ok: true, value: { quarterLabels: labels.value, schemes, revisions, totals } };
}

/**
 * Checks of an in-year monitoring report: `unexplained-variance`, `actuals-mismatch` and
 * `slippage-mismatch`. They run on figures as shown (a report read from a sheet) or as computed.
 */
import { findingAt, type Finding } from '../findings';
import { type Decimal, abs, add, compare, formatDecimal, subtract } from '../money/decimal';
import { roundingAllowance, schemeLabel } from '../revisions/text';
import type { SourceCell } from '../revisions/types';
import type { LedgerLine } from './actuals';
import { actualsToDate } from './actuals';
import type { MonitoringPeriod } from './period';
import { formatMonitoringPeriod } from './period';
import { breachedThresholds } from './status';
import type { VarianceThresholds } from './types';

function placesOf(figures: readonly Decimal[], decimals: number | undefined): number {
  return decimals ?? figures.reduce((places, figure) => Math.max(places, figure.scale), 0);
}

/** A scheme's variance and its explanation, as shown. */
export interface ExplainedVariance {
  ref: string;
  name?: string;
  inYearBudget: Decimal;
  inYearForecast: Decimal;
  allYearsBudget?: Decimal;
  allYearsForecast?: Decimal;
  explanation?: string;
  /** The explanation cell, where the finding points. */
  source?: SourceCell;
}

/**
 * `unexplained-variance`: a scheme whose in-year (or all-years) variance is over the council's
 * threshold has no explanation.
 *
 * @example
 * checkExplanations([{ ref: 'ICT-01', inYearBudget: fromNumber(2.6), inYearForecast: fromNumber(2.0) }], { percent: 10 });
 * // [{ rule: 'unexplained-variance', severity: 'error', message: 'ICT-01: the 2.6 budget is forecast at 2.0 ...' }]
 */
export function checkExplanations(
  rows: readonly ExplainedVariance[],
  thresholds: VarianceThresholds,
): Finding[] {
  const findings: Finding[] = [];
  for (const row of rows) {
    if ((row.explanation ?? '').trim() !== '') continue;
    const inYear = breachedThresholds(row.inYearBudget, row.inYearForecast, thresholds).flagged;
    const allYears =
      row.allYearsBudget !== undefined &&
      row.allYearsForecast !== undefined &&
      breachedThresholds(row.allYearsBudget, row.allYearsForecast, thresholds).flagged;
    if (!inYear && !allYears) continue;
    const [budget, forecast, which] = inYear
      ? [row.inYearBudget, row.inYearForecast, 'in-year']
      : [row.allYearsBudget as Decimal, row.allYearsForecast as Decimal, 'all-years'];
    const places = placesOf([budget, forecast], undefined);
    findings.push(
      findingAt(
        'unexplained-variance',
        'error',
        `${schemeLabel(row.ref, row.name)}: the ${which} budget of ${formatDecimal(budget, places)} is forecast at ${formatDecimal(forecast, places)}, a variance of ${formatDecimal(subtract(budget, forecast), places)} over the council's threshold, with no explanation: ask the budget holder why, and whether it is slippage or a real under/overspend`,
        row.source,
      ),
    );
  }
  return findings;
}

/** A scheme's actual to date as shown on the monitoring sheet. */
export interface StatedActual {
  ref: string;
  name?: string;
  actualToDate: Decimal;
  source?: SourceCell;
}

/**
 * `actuals-mismatch`: the actual to date shown for a scheme is not what its Actuals lines add up
 * to at the period (beyond rounding when `decimals` says the figure is shown rounded), or the
 * Actuals table has spend to date for a scheme the sheet does not show.
 *
 * @example
 * checkActuals([{ ref: 'ICT-01', actualToDate: fromNumber(1.2) }], lines, { year: 2019, period: 8 });
 */
export function checkActuals(
  stated: readonly StatedActual[],
  lines: readonly LedgerLine[],
  at: MonitoringPeriod,
  options: { decimals?: number; actualsSheet?: string } = {},
): Finding[] {
  const findings: Finding[] = [];
  const totals = actualsToDate(lines, at);
  const shown = new Set<string>();
  for (const row of stated) {
    shown.add(row.ref);
    const exact = totals.get(row.ref) ?? { units: 0, scale: 0 };
    const places = placesOf([row.actualToDate, exact], options.decimals);
    const allowed =
      options.decimals === undefined
        ? { units: 0, scale: 0 }
        : roundingAllowance(1, options.decimals);
    if (compare(abs(subtract(row.actualToDate, exact)), allowed) <= 0) continue;
    findings.push(
      findingAt(
        'actuals-mismatch',
        'error',
        `${schemeLabel(row.ref, row.name)}: actual to date ${formatDecimal(row.actualToDate, places)} does not match the Actuals table at ${formatMonitoringPeriod(at)} (${formatDecimal(exact, places)}): bring the actuals in again or correct the formula`,
        row.source,
        { expected: formatDecimal(exact, places), actual: formatDecimal(row.actualToDate, places) },
      ),
    );
  }
  for (const [ref, total] of totals) {
    if (shown.has(ref) || total.units === 0) continue;
    findings.push(
      findingAt(
        'actuals-mismatch',
        'error',
        `The Actuals table has ${formatDecimal(total)} spent to date on ${ref}, which is not on the monitoring sheet: add the scheme or correct the ref of its lines`,
        options.actualsSheet !== undefined ? { sheet: options.actualsSheet } : undefined,
      ),
    );
  }
  return findings;
}

/** A scheme's variance split as shown. */
export interface StatedSplit {
  ref: string;
  name?: string;
  inYearVariance: Decimal;
  slippage: Decimal;
  underOverspend: Decimal;
  /** When shown, under/overspend must equal it (the all-years budget less forecast). */
  allYearsVariance?: Decimal;
  /** The slippage cell. */
  source?: SourceCell;
}

/**
 * `slippage-mismatch`: slippage + under/overspend does not equal the in-year variance, or the
 * under/overspend is not the all-years variance. With `decimals` (figures shown rounded) each
 * comparison allows half a unit of the last place per figure; without, it is exact.
 *
 * @example
 * checkSlippage([{ ref: 'ICT-01', inYearVariance: fromNumber(0.6), slippage: fromNumber(0.5), underOverspend: fromNumber(0.2) }]);
 * // [{ rule: 'slippage-mismatch', ... 'slippage 0.5 + under/overspend 0.2 = 0.7, but the variance is 0.6' }]
 */
export function checkSlippage(
  rows: readonly StatedSplit[],
  options: { decimals?: number } = {},
): Finding[] {
  const findings: Finding[] = [];
  const zero = { units: 0, scale: 0 };
  for (const row of rows) {
    const parts = add(row.slippage, row.underOverspend);
    const places = placesOf(
      [row.inYearVariance, row.slippage, row.underOverspend],
      options.decimals,
    );
    const allowed3 = options.decimals === undefined ? zero : roundingAllowance(3, options.decimals);
    if (compare(abs(subtract(parts, row.inYearVariance)), allowed3) > 0) {
      findings.push(
        findingAt(
          'slippage-mismatch',
          'error',
          `${schemeLabel(row.ref, row.name)}: slippage ${formatDecimal(row.slippage, places)} + under/overspend ${formatDecimal(row.underOverspend, places)} = ${formatDecimal(parts, places)}, but the in-year variance is ${formatDecimal(row.inYearVariance, places)}: slippage is the in-year variance less the all-years variance`,
          row.source,
          {
            expected: formatDecimal(subtract(row.inYearVariance, row.underOverspend), places),
            actual: formatDecimal(row.slippage, places),
          },
        ),
      );
    }
    if (row.allYearsVariance === undefined) continue;
    const allowed2 = options.decimals === undefined ? zero : roundingAllowance(2, options.decimals);
    if (compare(abs(subtract(row.underOverspend, row.allYearsVariance)), allowed2) > 0) {
      findings.push(
        findingAt(
          'slippage-mismatch',
          'error',
          `${schemeLabel(row.ref, row.name)}: under/overspend ${formatDecimal(row.underOverspend, places)} is not the all-years variance ${formatDecimal(row.allYearsVariance, places)}: a real under/overspend is what the whole life will not spend (or will overspend)`,
          row.source,
          {
            expected: formatDecimal(row.allYearsVariance, places),
            actual: formatDecimal(row.underOverspend, places),
          },
        ),
      );
    }
  }
  return findings;
}

/**
 * `variance-mismatch` and `variance-threshold`: each printed variance against its budget and
 * forecast, in the sign convention given or recognised from the rows, and each forecast against
 * the council's thresholds.
 */
import type { PreparedTable } from '../grid/prepare';
import { DETAIL, TOTAL } from '../grid/rowKind';
import type { FigureScan } from '../grid/scan';
import { decimal, formatDecimal } from '../money/decimal';
import {
  type ConventionRow,
  type VarianceConvention,
  DEFAULT_CONVENTION,
  breachedThresholds,
  readThresholds,
  recogniseConvention,
} from '../monitoring';
import {
  type CheckContext,
  type CheckOptions,
  type Rule,
  currentBudgetFigure,
  findFigure,
  report,
  rowName,
  shown,
  shownTolerance,
} from './context';
import { withinRounding } from './rounding';

const WORDS: Record<VarianceConvention, string> = {
  'budget-minus-forecast': 'budget less forecast (positive = underspend)',
  'forecast-minus-budget': 'forecast less budget (positive = overspend)',
};

// A class rather than closures, so the pass calls one stable method (see totalRule.ts).
class VarianceRule implements Rule {
  readonly kinds = [DETAIL, TOTAL];
  // Rows with all three figures (row, budget, forecast, variance), and rows to test on thresholds.
  private readonly printed: number[] = [];
  private readonly tested: number[] = [];

  constructor(
    private readonly b: number,
    private readonly f: number,
    private readonly v: number,
    private readonly withThresholds: boolean,
  ) {}

  row(row: number, kind: number, scan: FigureScan): void {
    const budget = scan.units[this.b];
    const forecast = scan.units[this.f];
    if (budget !== budget || forecast !== forecast) return;
    if (this.v >= 0) {
      const variance = scan.units[this.v];
      if (variance === variance) this.printed.push(row, budget, forecast, variance);
    }
    if (this.withThresholds && kind === DETAIL) this.tested.push(row, budget, forecast);
  }

  widen(factor: number): void {
    const { printed, tested } = this;
    for (let i = 0; i < printed.length; i += 4) {
      printed[i + 1] *= factor;
      printed[i + 2] *= factor;
      printed[i + 3] *= factor;
    }
    for (let i = 0; i < tested.length; i += 3) {
      tested[i + 1] *= factor;
      tested[i + 2] *= factor;
    }
  }

  finish(context: CheckContext): void {
    const { b, f, v } = this;
    if (v >= 0 && this.printed.length > 0) judgeVariances(context, this.printed, b, f, v);
    if (this.withThresholds) judgeThresholds(context, this.tested, b, f, v);
  }
}

/**
 * The variance rule for a table with a budget and a forecast column; `undefined` otherwise.
 *
 * @example
 * varianceRule(prepared, {}); // checks Variance = Revised Budget - Forecast (or the other way round)
 */
export function varianceRule(prepared: PreparedTable, options: CheckOptions): Rule | undefined {
  const b = currentBudgetFigure(prepared);
  const f = findFigure(prepared, (column) => column.role === 'forecast');
  if (b < 0 || f < 0) return undefined;
  const v = findFigure(prepared, (column) => column.role === 'variance');
  return new VarianceRule(b, f, v, options.thresholds !== undefined);
}

function judgeVariances(
  context: CheckContext,
  printed: number[],
  b: number,
  f: number,
  v: number,
): void {
  const { scale } = context.scan;
  let convention = context.options.convention;
  if (convention === undefined) {
    const rows: ConventionRow[] = [];
    for (let i = 0; i < printed.length; i += 4) {
      if (
        !Number.isSafeInteger(printed[i + 1]) ||
        !Number.isSafeInteger(printed[i + 2]) ||
        !Number.isSafeInteger(printed[i + 3])
      )
        continue;
      rows.push({
        budget: decimal(printed[i + 1], scale),
        forecast: decimal(printed[i + 2], scale),
        variance: decimal(printed[i + 3], scale),
      });
    }
    const decimals = Math.min(
      14,
      Math.max(context.decimals[b], context.decimals[f], context.decimals[v]),
    );
    const evidence = recogniseConvention(rows, { decimals });
    convention = evidence.convention ?? DEFAULT_CONVENTION;
    if (evidence.convention === 'forecast-minus-budget') {
      report(context, {
        rule: 'variance-mismatch',
        severity: 'info',
        row: printed[0],
        column: context.prepared.figureColumns[v],
        message: `Variances read as ${WORDS[convention]}: ${evidence.forecastMinusBudget} of ${rows.length} rows fit that way round and ${evidence.budgetMinusForecast} the other. If that is wrong, set the variance convention`,
      });
    }
  }
  const allowance = context.allowance[b] + context.allowance[f] + context.allowance[v];
  const column = context.prepared.figureColumns[v];
  const d = context.decimals[v];
  for (let i = 0; i < printed.length; i += 4) {
    const [row, budget, forecast, variance] = [
      printed[i],
      printed[i + 1],
      printed[i + 2],
      printed[i + 3],
    ];
    const expected = convention === 'budget-minus-forecast' ? budget - forecast : forecast - budget;
    if (variance === expected) continue;
    const want = shown(context, expected, d);
    const got = shown(context, variance, d);
    const gap = shown(context, Math.abs(variance - expected), d);
    const figures = `budget ${shown(context, budget, context.decimals[b])} and forecast ${shown(context, forecast, context.decimals[f])}`;
    if (withinRounding(variance - expected, allowance)) {
      report(context, {
        rule: 'variance-mismatch',
        severity: 'info',
        row,
        column,
        message: `Variance ${got} for ${rowName(context, row)} differs from ${figures} (${want}) by ${gap}: within rounding (up to ${shownTolerance(context, allowance)})`,
        expected: want,
        actual: got,
      });
      continue;
    }
    const flipped = variance !== 0 && withinRounding(variance + expected, allowance);
    const hint = flipped
      ? ` It has the opposite sign: this table reads variances as ${WORDS[convention]}.`
      : '';
    report(context, {
      rule: 'variance-mismatch',
      severity: 'error',
      row,
      column,
      message: `Variance ${got} for ${rowName(context, row)} does not match ${figures} (${want}): ${gap} more than rounding can explain.${hint} Correct the variance to ${want}, or check the budget and forecast`,
      expected: want,
      actual: got,
    });
  }
}

function judgeThresholds(
  context: CheckContext,
  tested: number[],
  b: number,
  f: number,
  v: number,
): void {
  const { absolute, percent } = context.options.thresholds ?? {};
  const read = readThresholds(absolute, percent);
  if (!read.ok) {
    context.findings.push({
      rule: 'variance-threshold',
      severity: 'info',
      message: `Variance thresholds not applied: ${read.message}`,
    });
    return;
  }
  const { scale } = context.scan;
  const column = context.prepared.figureColumns[v >= 0 ? v : f];
  const limits = [
    read.value.absolute ? `more than ${formatDecimal(read.value.absolute)}` : undefined,
    read.value.percent !== undefined ? `more than ${read.value.percent}% of budget` : undefined,
  ]
    .filter(Boolean)
    .join(' or ');
  for (let i = 0; i < tested.length; i += 3) {
    const [row, budget, forecast] = [tested[i], tested[i + 1], tested[i + 2]];
    if (!Number.isSafeInteger(budget) || !Number.isSafeInteger(forecast)) continue;
    if (!breachedThresholds(decimal(budget, scale), decimal(forecast, scale), read.value).flagged)
      continue;
    const size = shown(context, Math.abs(forecast - budget), context.decimals[f]);
    const way = forecast > budget ? 'overspend' : 'underspend';
    report(context, {
      rule: 'variance-threshold',
      severity: 'warning',
      row,
      column,
      message: `Forecast ${way} of ${size} on ${rowName(context, row)} (budget ${shown(context, budget, context.decimals[b])}) is over the council's threshold${limits ? ` (${limits})` : ''}: explain it in the monitoring report`,
      actual: size,
    });
  }
}

/**
 * The variance of a scheme: its current budget against its forecast outturn.
 */
import { type Decimal, negate, subtract } from '../money/decimal';
import { quoteForMessage } from '../calendar/text';
import type { Parsed } from '../findings';
import { DEFAULT_CONVENTION, type VarianceConvention } from './types';

/**
 * The current budget: the revised budget when there is one, else the approved budget.
 *
 * @example
 * currentBudget(fromNumber(3.1), fromNumber(4.245)); // 4.245
 * currentBudget(fromNumber(3.1)); // 3.1
 */
export function currentBudget(approvedBudget: Decimal, revisedBudget?: Decimal): Decimal {
  return revisedBudget ?? approvedBudget;
}

/**
 * Variance of a forecast against a budget, signed by the convention (default budget - forecast,
 * so a positive variance is an underspend). Exact.
 *
 * @example
 * variance(fromNumber(2.6), fromNumber(2.8)); // -0.2 (overspend)
 * variance(fromNumber(2.6), fromNumber(2.8), 'forecast-minus-budget'); // 0.2 (overspend)
 */
export function variance(
  budget: Decimal,
  forecast: Decimal,
  convention: VarianceConvention = DEFAULT_CONVENTION,
): Decimal {
  const underspend = subtract(budget, forecast);
  return convention === 'budget-minus-forecast' ? underspend : negate(underspend);
}

// Words are compared after dashes and spaces collapse to single spaces: 'Budget - Forecast' is 'budget forecast'.
const CONVENTION_WORDS: ReadonlyArray<readonly [RegExp, VarianceConvention]> = [
  [/^budget (?:minus |less )?forecast(?: outturn)?$/, 'budget-minus-forecast'],
  [/^forecast(?: outturn)? (?:minus |less )?budget$/, 'forecast-minus-budget'],
  [
    /^(?:positive = )?underspends? (?:is )?positive$|^positive (?:= |is )?underspends?$/,
    'budget-minus-forecast',
  ],
  [
    /^(?:positive = )?overspends? (?:is )?positive$|^positive (?:= |is )?overspends?$/,
    'forecast-minus-budget',
  ],
];

/**
 * Reads a sign convention as a finance officer writes it in a setting or a formula argument:
 * `budget-minus-forecast`, `Budget - Forecast`, `forecast minus budget`, `positive = overspend`.
 * Blank means the default (budget - forecast).
 *
 * @example
 * parseConvention('Forecast - Budget'); // { ok: true, value: 'forecast-minus-budget' }
 * parseConvention('upside down'); // { ok: false, message: "Cannot read ..." }
 */
export function parseConvention(text: string): Parsed<VarianceConvention> {
  const words = text
    .trim()
    .toLowerCase()
    .replace(/[\s\u2212\u2013\u2014-]+/g, ' ')
    .trim();
  if (words === '') return { ok: true, value: DEFAULT_CONVENTION };
  for (const [pattern, convention] of CONVENTION_WORDS)
    if (pattern.test(words)) return { ok: true, value: convention };
  return {
    ok: false,
    message: `Cannot read the variance sign convention '${quoteForMessage(text.trim())}': write 'budget - forecast' (positive = underspend) or 'forecast - budget' (positive = overspend)`,
  };
}

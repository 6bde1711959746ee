/**
 * Keeping slippage apart from true underspend, as capital monitoring reports do.
 */
import { type Decimal, subtract } from '../money/decimal';

/** In-year and all-years budget and forecast of one scheme (or a group). */
export interface SlippageFigures {
  inYearBudget: Decimal;
  inYearForecast: Decimal;
  allYearsBudget: Decimal;
  allYearsForecast: Decimal;
}

/**
 * The in-year variance (budget - forecast, positive = underspend) split into its two causes.
 * `slippage + underspend` is always exactly the in-year variance.
 */
export interface VarianceSplit {
  /**
   * Spend moved into later years (re-profiled): it leaves the all-years forecast unchanged.
   * Negative when spend is brought forward from later years (acceleration).
   */
  slippage: Decimal;
  /** True underspend: the all-years budget less the all-years forecast. Negative is an overspend. */
  underspend: Decimal;
}

/**
 * Splits an in-year variance into slippage and true under/overspend. The all-years variance is
 * money that will not be spent at all (or extra cost); the rest of the in-year variance is money
 * that will be spent in a later year. Exact.
 *
 * @example
 * splitVariance({ inYearBudget: fromNumber(10), inYearForecast: fromNumber(7),
 *                 allYearsBudget: fromNumber(50), allYearsForecast: fromNumber(49) });
 * // { slippage: 2, underspend: 1 }
 */
export function splitVariance(figures: SlippageFigures): VarianceSplit {
  const inYear = subtract(figures.inYearBudget, figures.inYearForecast);
  const underspend = subtract(figures.allYearsBudget, figures.allYearsForecast);
  return { slippage: subtract(inYear, underspend), underspend };
}

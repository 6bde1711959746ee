/**
 * Red / amber / green by how far a scheme is forecast to overspend its budget.
 *
 * What is measured: the OVERSPEND as a percentage of the budget, (forecast - budget) / |budget|.
 * Underspends are Green here: a council's RAG on a capital scheme asks "will it cost more than we
 * approved?"; the size of an underspend is reported by `varianceStatus` and slippage by
 * `splitVariance`. A scheme with no budget that is forecast to spend is Red.
 */
import { type Decimal, ZERO, abs, compare, subtract, tryFromNumber } from '../money/decimal';
import type { Parsed } from '../findings';
import { assertContract } from '../errors';
import { HUNDRED, compareProducts, percentAsDecimal } from './exact';
import type { Rag, RagLimits } from './types';

/** True when the overspend is more than `percent`% of |budget| (exact). */
function overspendsBeyond(budget: Decimal, forecast: Decimal, percent: number): boolean {
  const overspend = subtract(forecast, budget);
  if (compare(overspend, ZERO) <= 0) return false;
  return compareProducts(overspend, HUNDRED, percentAsDecimal(percent), abs(budget)) > 0;
}

function validLimit(percent: number): boolean {
  return Number.isFinite(percent) && percent >= 0 && tryFromNumber(percent) !== undefined;
}

/**
 * RAG of a scheme: Red when the forecast overspend is more than `redPercent`% of budget, Amber
 * when more than `amberPercent`%, else Green (on budget or underspent). Budget 0 with any
 * forecast spend is Red. "Up to 120% of the approved estimate" is `redPercent` 20.
 *
 * @example
 * ragRating(fromNumber(100), fromNumber(104), 5, 20); // 'Green'
 * ragRating(fromNumber(100), fromNumber(110), 5, 20); // 'Amber'
 * ragRating(fromNumber(100), fromNumber(120), 5, 20); // 'Amber' (exactly 120% is tolerated)
 * ragRating(fromNumber(100), fromNumber(120.01), 5, 20); // 'Red'
 */
export function ragRating(
  budget: Decimal,
  forecast: Decimal,
  amberPercent: number,
  redPercent: number,
): Rag {
  assertContract(
    validLimit(amberPercent) && validLimit(redPercent) && amberPercent <= redPercent,
    `RAG limits must be 0 <= amber <= red, got ${amberPercent} and ${redPercent} (use readRagLimits)`,
  );
  if (overspendsBeyond(budget, forecast, redPercent)) return 'Red';
  if (overspendsBeyond(budget, forecast, amberPercent)) return 'Amber';
  return 'Green';
}

/**
 * True when a forecast is within a tolerance written as a percentage of the approved estimate,
 * e.g. "a scheme may cost up to 120% of its approved estimate" is `percentOfEstimate` 120. Exact;
 * the limit itself is within tolerance.
 *
 * @example
 * withinTolerance(fromNumber(2.5), fromNumber(3.0), 120); // true (3.0 is exactly 120% of 2.5)
 * withinTolerance(fromNumber(2.5), fromNumber(3.01), 120); // false
 */
export function withinTolerance(
  approvedEstimate: Decimal,
  forecast: Decimal,
  percentOfEstimate: number,
): boolean {
  assertContract(
    validLimit(percentOfEstimate),
    `a tolerance must be a percentage >= 0, got ${percentOfEstimate}`,
  );
  return (
    compareProducts(forecast, HUNDRED, percentAsDecimal(percentOfEstimate), approvedEstimate) <= 0
  );
}

/**
 * Reads RAG limits as a user gave them; a bad pair is a message, never a throw.
 *
 * @example
 * readRagLimits(5, 20); // { ok: true, value: { amberPercent: 5, redPercent: 20 } }
 * readRagLimits(20, 5); // { ok: false, message: 'The amber limit (20%) is above the red limit (5%) ...' }
 */
export function readRagLimits(amberPercent: number, redPercent: number): Parsed<RagLimits> {
  for (const [name, value] of [
    ['amber', amberPercent],
    ['red', redPercent],
  ] as const) {
    if (!validLimit(value)) {
      return {
        ok: false,
        message: `The ${name} limit ${value} cannot be used: write a percentage of budget overspent of 0 or more, e.g. 5 for 5%`,
      };
    }
  }
  if (amberPercent > redPercent) {
    return {
      ok: false,
      message: `The amber limit (${amberPercent}%) is above the red limit (${redPercent}%): amber must be the smaller, e.g. amber 5 and red 20`,
    };
  }
  return { ok: true, value: { amberPercent, redPercent } };
}

/**
 * Checks of figures a programme or report states: the revised budget and the percentage change.
 */
import {
  type Decimal,
  abs,
  compare,
  formatDecimal,
  subtract,
  tryFromNumber,
} from '../money/decimal';
import type { Finding } from '../findings';
import { percentMatches } from '../monitoring/exact';
import { revisedBudgetOf } from './revised';
import { revisionFinding, roundingAllowance, schemeLabel, shownPlaces, signed } from './text';
import type { BudgetRevision, SchemeBudget, SourceCell } from './types';

/**
 * Checks a scheme's stated revised budget against its original budget plus its recorded changes,
 * by the rounding rule: k figures shown to d places may be off by k x 0.5 x 10^-d (k = original +
 * each change + the revised figure; d = the revised figure's printed places, else the figures' own).
 *
 * @example
 * checkStatedRevised({ ref: 'CMS-01', originalBudget: fromNumber(3.1), statedRevised: fromNumber(4.3) }, revisions);
 * // [{ severity: 'error', message: 'Revised budget of CMS-01 is 4.300 but ...', expected: '4.245', actual: '4.300' }]
 */
export function checkStatedRevised(
  scheme: SchemeBudget,
  revisions: readonly BudgetRevision[],
): Finding[] {
  const stated = scheme.statedRevised;
  if (stated === undefined) return [];
  const own = revisions.filter((revision) => revision.ref === scheme.ref);
  const expected = revisedBudgetOf(scheme.originalBudget, own);
  const places =
    scheme.revisedDecimals ??
    shownPlaces([scheme.originalBudget, stated, ...own.map((r) => r.amount)]);
  const difference = subtract(stated, expected);
  if (compare(abs(difference), roundingAllowance(own.length + 2, places)) <= 0) return [];
  const changes = own.length === 1 ? 'its 1 recorded change' : `its ${own.length} recorded changes`;
  // Exact figures in the message, so the officer sees why; the suggestion at the printed places.
  const exactPlaces = Math.max(places, shownPlaces([expected, scheme.originalBudget]));
  const suggestion = formatDecimal(expected, places);
  return [
    revisionFinding(
      'error',
      `Revised budget of ${schemeLabel(scheme.ref, scheme.name)} is ${formatDecimal(stated, places)} but the original ${formatDecimal(scheme.originalBudget, exactPlaces)} plus ${changes} make ${formatDecimal(expected, exactPlaces)}, a difference of ${signed(difference, exactPlaces)}: more than rounding can explain. Enter ${suggestion}, or record the missing change in Revisions`,
      scheme.revisedSource,
      { expected: suggestion, actual: formatDecimal(stated, places) },
    ),
  ];
}

/** How a stated percentage is placed and named in a finding. */
export interface StatedPercentOptions {
  /** Decimal places the percentage is printed to; default: the number's own (6.6 -> 1). */
  decimals?: number;
  /** Names the scheme in the message. */
  scheme?: string;
  source?: SourceCell;
}

/**
 * Checks a stated percentage change ("a 6.6% budget increase") against the figures, to the printed
 * precision of the percentage: it must be within half a unit of its last place of
 * 100 x (revised - original) / |original|, compared exactly.
 *
 * @example
 * checkStatedPercent(fromNumber(3.1), fromNumber(4.245), 36.9); // [] (36.935...% shows as 36.9%)
 * checkStatedPercent(fromNumber(6000), fromNumber(6450), 6.6); // error: the figures make 7.5%
 */
export function checkStatedPercent(
  original: Decimal,
  revised: Decimal,
  statedPercent: number,
  options: StatedPercentOptions = {},
): Finding[] {
  const who = options.scheme ? ` for ${options.scheme}` : '';
  const stated = tryFromNumber(statedPercent);
  if (stated === undefined) {
    return [
      revisionFinding(
        'error',
        `The stated change${who} (${statedPercent}) is not a percentage: write it as a number, e.g. 6.6 for 6.6%`,
        options.source,
      ),
    ];
  }
  const places = options.decimals ?? stated.scale;
  if (original.units === 0) {
    return [
      revisionFinding(
        'warning',
        `The stated change of ${formatDecimal(stated, places)}%${who} cannot be checked: there is no percentage change from an original budget of 0. State the change as an amount instead`,
        options.source,
      ),
    ];
  }
  const change = subtract(revised, original);
  if (percentMatches(change, original, stated, places)) return [];
  const actualPercent = percentText(change, original, places);
  return [
    revisionFinding(
      'error',
      `The stated change of ${formatDecimal(stated, places)}%${who} does not match the figures: ${signed(change, shownPlaces([original, revised]))} on ${formatDecimal(original)} is ${actualPercent}%. Correct the percentage, or the figures it was worked from`,
      options.source,
      { expected: `${actualPercent}%`, actual: `${formatDecimal(stated, places)}%` },
    ),
  ];
}

/** 100 x change / |original| rounded to `places`, as text (exact long division). */
function percentText(change: Decimal, original: Decimal, places: number): string {
  const scale = Math.max(change.scale, original.scale);
  const numerator =
    BigInt(change.units) * 10n ** BigInt(scale - change.scale) * 100n * 10n ** BigInt(places);
  const denominator = BigInt(Math.abs(original.units)) * 10n ** BigInt(scale - original.scale);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  if ((magnitude % denominator) * 2n >= denominator) quotient += 1n;
  const digits = quotient.toString().padStart(places + 1, '0');
  const text =
    places === 0
      ? digits
      : `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
  return negative && quotient !== 0n ? `-${text}` : text;
}

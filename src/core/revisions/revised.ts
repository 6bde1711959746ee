/**
 * Revised budget and percentage change of a scheme.
 */
import { type Decimal, abs, add, negate, subtract, sum } from '../money/decimal';
import type { BudgetRevision } from './types';

/**
 * Original budget plus signed changes, exact.
 *
 * @example
 * revisedBudget(fromNumber(3.1), [0.42, 0.875, -0.15].map(fromNumber)); // 4.245
 */
export function revisedBudget(original: Decimal, changes: readonly Decimal[]): Decimal {
  return changes.length === 0 ? original : add(original, sum(changes));
}

/**
 * The change from original to revised as a fraction of the original (0.369 is 36.9%), for
 * display; `undefined` when the original is 0. Measured against |original| so that an increase is
 * always positive.
 *
 * @example
 * changePercent(fromNumber(3.1), fromNumber(4.245)); // 0.36935483870967745
 * changePercent(ZERO, fromNumber(1)); // undefined
 */
export function changePercent(original: Decimal, revised: Decimal): number | undefined {
  if (original.units === 0) return undefined;
  const change = subtract(revised, original);
  if (change.units === 0) return 0;
  const base = abs(original);
  // A ratio of the integer units, then one exact power of ten: at most two roundings of a double.
  const ratio = change.units / base.units;
  const shift = base.scale - change.scale;
  return shift >= 0 ? ratio * 10 ** shift : ratio / 10 ** -shift;
}

/**
 * The signed effect of a revision on the scheme's budget: a reduction always reduces, whichever
 * sign it was entered with; other kinds keep the sign entered.
 *
 * @example
 * revisionChange({ kind: 'reduction', amount: fromNumber(0.2), ... }); // -0.2
 * revisionChange({ kind: 'virement', amount: fromNumber(-0.15), ... }); // -0.15
 */
export function revisionChange(revision: Pick<BudgetRevision, 'kind' | 'amount'>): Decimal {
  return revision.kind === 'reduction' ? negate(abs(revision.amount)) : revision.amount;
}

/**
 * Revised budget of a scheme from its original budget and its revisions.
 *
 * @example
 * revisedBudgetOf(fromNumber(3.1), revisions); // 4.245 for the case management system
 */
export function revisedBudgetOf(
  original: Decimal,
  revisions: readonly Pick<BudgetRevision, 'kind' | 'amount'>[],
): Decimal {
  return revisions.length === 0 ? original : add(original, sum(revisions.map(revisionChange)));
}

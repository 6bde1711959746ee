/**
 * The budget bridge: from the original approved budget, change by change, to the revised budget.
 */
import { type Decimal, add } from '../money/decimal';
import type { CalendarDate } from '../calendar';
import { revisionChange } from './revised';
import type { BridgeStep, BudgetBridge, BudgetRevision } from './types';

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Builds one scheme's bridge: its revisions in date order (same-day changes in the order recorded),
 * each with its signed change and the running balance. The last balance is the revised budget,
 * exactly the original plus every change. Pass the revisions of one scheme.
 *
 * @example
 * const bridge = buildBridge(fromNumber(3.1), caseManagementRevisions);
 * bridge.steps.map((s) => formatDecimal(s.balance, 3)); // ['3.520', '4.395', '4.245']
 * bridge.revisedBudget; // 4.245
 */
export function buildBridge(original: Decimal, revisions: readonly BudgetRevision[]): BudgetBridge {
  // Array.prototype.sort is stable (ES2019), so same-day changes keep their recorded order.
  const ordered = [...revisions].sort((a, b) => compareDates(a.date, b.date));
  let balance = original;
  const steps: BridgeStep[] = ordered.map((revision) => {
    const change = revisionChange(revision);
    balance = add(balance, change);
    return { revision, change, balance };
  });
  return { originalBudget: original, steps, revisedBudget: balance };
}

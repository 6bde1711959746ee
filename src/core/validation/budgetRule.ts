/**
 * `negative-budget`: a budget below zero is almost always a sign error or a reduction typed in the
 * wrong place.
 */
import type { PreparedTable } from '../grid/prepare';
import { DETAIL } from '../grid/rowKind';
import type { FigureScan } from '../grid/scan';
import { type CheckContext, type Rule, report, rowName, shown } from './context';

// A class rather than closures, so the pass calls one stable method (see totalRule.ts).
class NegativeBudgetRule implements Rule {
  readonly kinds = [DETAIL];
  // (row, figure column, units) of each negative budget.
  private readonly found: number[] = [];

  constructor(
    private readonly prepared: PreparedTable,
    private readonly budgets: readonly number[],
  ) {}

  row(row: number, _kind: number, scan: FigureScan): void {
    const { budgets } = this;
    for (let i = 0; i < budgets.length; i++) {
      const units = scan.units[budgets[i]];
      if (units < 0) this.found.push(row, budgets[i], units);
    }
  }

  widen(factor: number): void {
    for (let i = 2; i < this.found.length; i += 3) this.found[i] *= factor;
  }

  finish(context: CheckContext): void {
    const { found } = this;
    for (let i = 0; i < found.length; i += 3) {
      const [row, f, units] = [found[i], found[i + 1], found[i + 2]];
      const printed = shown(context, units, context.decimals[f]);
      report(context, {
        rule: 'negative-budget',
        severity: 'warning',
        row,
        column: this.prepared.figureColumns[f],
        message: `Budget ${printed} for ${rowName(context, row)} is negative: show a reduction as a change to the budget (a revision), or correct the sign`,
        actual: printed,
      });
    }
  }
}

/**
 * The negative-budget rule: a warning for each scheme with a budget below zero.
 *
 * @example
 * negativeBudgetRule(prepared); // warns about a budget of (0.3)
 */
export function negativeBudgetRule(prepared: PreparedTable): Rule | undefined {
  const budgets: number[] = [];
  prepared.figureColumns.forEach((column, f) => {
    const role = prepared.columns[column].role;
    if (role === 'budget' || role === 'all-years-budget') budgets.push(f);
  });
  return budgets.length === 0 ? undefined : new NegativeBudgetRule(prepared, budgets);
}

/**
 * `phasing-mismatch` for a year column shown beside its own quarters (`2016/17` next to
 * `2016/17 Q1` ... `Q4`): the year must equal its quarters.
 */
import { formatPeriodColumn, quarterIndex } from '../calendar';
import type { PreparedTable } from '../grid/prepare';
import { DETAIL } from '../grid/rowKind';
import type { FigureScan } from '../grid/scan';
import { type CheckContext, type Rule, report, rowName, shown, shownTolerance } from './context';
import { withinRounding } from './rounding';

/** A year column and the figure columns of its four quarters. */
interface YearSummary {
  year: number;
  quarters: number[];
}

// A class rather than closures, so the pass calls one stable method (see totalRule.ts).
class YearSummaryRule implements Rule {
  readonly kinds = [DETAIL];
  // (row, summary index, sum of quarters, printed year, count of quarter figures) per mismatch.
  private readonly mismatches: number[] = [];

  constructor(
    private readonly prepared: PreparedTable,
    private readonly summaries: readonly YearSummary[],
  ) {}

  row(row: number, _kind: number, scan: FigureScan): void {
    const units = scan.units;
    for (let s = 0; s < this.summaries.length; s++) {
      const { year, quarters } = this.summaries[s];
      const printed = units[year];
      if (printed !== printed) continue;
      let sum = 0;
      let count = 0;
      for (let i = 0; i < quarters.length; i++) {
        const x = units[quarters[i]];
        if (x === x) {
          sum += x;
          count++;
        }
      }
      if (count > 0 && sum !== printed) this.mismatches.push(row, s, sum, printed, count);
    }
  }

  widen(factor: number): void {
    const { mismatches } = this;
    for (let i = 0; i < mismatches.length; i += 5) {
      mismatches[i + 2] *= factor;
      mismatches[i + 3] *= factor;
    }
  }

  finish(context: CheckContext): void {
    const { mismatches, summaries, prepared } = this;
    for (let i = 0; i < mismatches.length; i += 5) {
      const [row, s, sum, printed, count] = mismatches.slice(i, i + 5);
      const { year, quarters } = summaries[s];
      const column = prepared.columns[prepared.figureColumns[year]];
      const label = column.period ? formatPeriodColumn(column.period) : column.header;
      const d = context.decimals[year];
      let allowance = context.allowance[year];
      for (const f of quarters) allowance += context.allowance[f];
      const added = shown(context, sum, d);
      const given = shown(context, printed, d);
      const inside = withinRounding(printed - sum, allowance);
      const message = inside
        ? `${label} for ${rowName(context, row)} is ${given} and its quarters add up to ${added}: within rounding (up to ${shownTolerance(context, allowance)})`
        : `${label} for ${rowName(context, row)} is ${given} but its quarters add up to ${added} (${count} shown): ${shown(context, Math.abs(printed - sum), d)} more than rounding can explain. Correct the year or its quarters`;
      report(context, {
        rule: 'phasing-mismatch',
        severity: inside ? 'info' : 'error',
        row,
        column: column.index,
        message,
        expected: added,
        actual: given,
      });
    }
  }
}

/**
 * The year-summary rule, when a year column sits beside all four of its quarter columns.
 *
 * @example
 * yearSummaryRule(prepared); // checks '2016/17' against '2016/17 Q1' ... '2016/17 Q4'
 */
export function yearSummaryRule(prepared: PreparedTable): Rule | undefined {
  const quarterFigure = new Map<number, number>();
  prepared.figureColumns.forEach((c, f) => {
    const period = prepared.columns[c].period;
    if (period?.kind === 'quarter' && !quarterFigure.has(quarterIndex(period)))
      quarterFigure.set(quarterIndex(period), f);
  });
  const summaries: YearSummary[] = [];
  prepared.figureColumns.forEach((c, f) => {
    const period = prepared.columns[c].period;
    if (period?.kind !== 'year') return;
    const first = quarterIndex({ year: period.year, quarter: 1 });
    const quarters = [first, first + 1, first + 2, first + 3].map((index) =>
      quarterFigure.get(index),
    );
    if (quarters.every((q) => q !== undefined))
      summaries.push({ year: f, quarters: quarters as number[] });
  });
  return summaries.length > 0 ? new YearSummaryRule(prepared, summaries) : undefined;
}

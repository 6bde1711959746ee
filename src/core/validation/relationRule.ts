/**
 * Relations between columns, row by row: each variance against the two columns it compares (in
 * the convention the table holds), revised = approved + additions, and each row total across the
 * columns beside it. The relations come from `findRelations` (headers confirmed by figures) or
 * from the user's overrides.
 */
import type { ColumnRelation } from '../grid/relations';
import { DETAIL, TOTAL } from '../grid/rowKind';
import type { FigureScan } from '../grid/scan';
import type { PreparedTable } from '../grid/prepare';
import type { RuleId } from '../findings';
import { type CheckContext, type Rule, report, rowName, shown, shownTolerance } from './context';
import { withinRounding } from './rounding';

/** What was checked of one relation: rows checked, exact, within rounding, wrong. */
export interface RelationTally {
  relation: ColumnRelation;
  checked: number;
  exact: number;
  withinRounding: number;
  wrong: number;
}

const RULE_OF: Record<ColumnRelation['kind'], RuleId> = {
  variance: 'variance-mismatch',
  revised: 'revision-mismatch',
  'row-total': 'total-mismatch',
};

/** A relation as figure-column indexes. */
interface Compiled {
  relation: ColumnRelation;
  target: number;
  plus: number[];
  minus: number[];
}

// A class rather than closures, so the pass calls one stable method (see totalRule.ts).
class RelationRule implements Rule {
  readonly kinds = [DETAIL, TOTAL];
  // Per relation: rows checked; and (relation, row, expected, printed, shown operands) per row
  // that is not exact.
  private readonly checked: Int32Array;
  private readonly misses: number[] = [];

  constructor(private readonly compiled: readonly Compiled[]) {
    this.checked = new Int32Array(compiled.length);
  }

  row(row: number, _kind: number, scan: FigureScan): void {
    const units = scan.units;
    for (let i = 0; i < this.compiled.length; i++) {
      const { target, plus, minus } = this.compiled[i];
      const printed = units[target];
      if (printed !== printed) continue;
      let expected = 0;
      let count = 0;
      for (let k = 0; k < plus.length; k++) {
        const x = units[plus[k]];
        if (x === x) {
          expected += x;
          count++;
        }
      }
      for (let k = 0; k < minus.length; k++) {
        const x = units[minus[k]];
        if (x === x) {
          expected -= x;
          count++;
        }
      }
      // A row with one figure of three is not stating the relation (a heading's lone total).
      // A blank operand is nil (councils leave a cell empty or print `-` for nothing).
      if (count === 0) continue;
      this.checked[i]++;
      if (expected !== printed) this.misses.push(i, row, expected, printed, 0);
    }
  }

  widen(factor: number): void {
    const { misses } = this;
    for (let i = 0; i < misses.length; i += 5) {
      misses[i + 2] *= factor;
      misses[i + 3] *= factor;
    }
  }

  finish(context: CheckContext): void {
    const tallies: RelationTally[] = this.compiled.map((c, i) => ({
      relation: c.relation,
      checked: this.checked[i],
      exact: this.checked[i],
      withinRounding: 0,
      wrong: 0,
    }));
    const { misses } = this;
    for (let m = 0; m < misses.length; m += 5) {
      const [i, row, expected, printed] = misses.slice(m, m + 4);
      const c = this.compiled[i];
      const tally = tallies[i];
      tally.exact--;
      let allowance = context.allowance[c.target];
      for (const f of [...c.plus, ...c.minus]) allowance += context.allowance[f];
      const inside = withinRounding(printed - expected, allowance);
      if (inside) tally.withinRounding++;
      else tally.wrong++;
      judgeRow(context, c, row, expected, printed, inside, allowance);
    }
    context.relationTallies = [...(context.relationTallies ?? []), ...tallies];
  }
}

function headerOf(context: CheckContext, column: number): string {
  const header = context.prepared.columns[column].header.replace(/\s+/g, ' ').trim();
  return header === '' ? `column ${context.prepared.columns[column].letters}` : header;
}

/**
 * The relation in words: `Actual less Budget`, `Approved plus Additions`.
 *
 * @example
 * describeRelation(prepared, relation); // "Actual less Latest Budget"
 */
export function describeRelation(prepared: PreparedTable, relation: ColumnRelation): string {
  const name = (column: number): string => {
    const header = prepared.columns[column].header.replace(/\s+/g, ' ').trim();
    return header === '' ? `column ${prepared.columns[column].letters}` : header;
  };
  if (relation.kind === 'row-total') {
    const first = prepared.columns[relation.plus[0]].letters;
    const last = prepared.columns[relation.plus[relation.plus.length - 1]].letters;
    return `the sum of columns ${first} to ${last}`;
  }
  const plus = relation.plus.map(name).join(' plus ');
  const minus = relation.minus.map(name).join(' less ');
  return minus === '' ? plus : `${plus} less ${minus}`;
}

function judgeRow(
  context: CheckContext,
  c: Compiled,
  row: number,
  expected: number,
  printed: number,
  inside: boolean,
  allowance: number,
): void {
  const { relation } = c;
  const column = relation.target;
  const d = context.decimals[c.target];
  const want = shown(context, expected, d);
  const got = shown(context, printed, d);
  const gap = shown(context, Math.abs(printed - expected), d);
  const what = headerOf(context, column);
  const how = describeRelation(context.prepared, relation);
  const rule = RULE_OF[relation.kind];
  if (inside) {
    report(context, {
      rule: rule,
      severity: 'info',
      row: row,
      column: column,
      message: `${what} ${got} for ${rowName(context, row)} differs from ${how} (${want}) by ${gap}: within rounding (up to ${shownTolerance(context, allowance)})`,
      expected: want,
      actual: got,
    });
    return;
  }
  const flipped =
    relation.kind === 'variance' && printed !== 0 && withinRounding(printed + expected, allowance);
  const hint = flipped ? ' It has the opposite sign to the other rows of this column.' : '';
  report(context, {
    rule: rule,
    severity: 'error',
    row: row,
    column: column,
    message: `${what} ${got} for ${rowName(context, row)} does not match ${how} (${want}): ${gap} more than rounding can explain.${hint} Correct it to ${want}, or check the figures it comes from`,
    expected: want,
    actual: got,
  });
}

/**
 * The relation rule for the given relations; `undefined` when there are none.
 *
 * @example
 * relationRule(prepared, findRelations(prepared)); // checks every variance, revised budget and row total
 */
export function relationRule(
  prepared: PreparedTable,
  relations: readonly ColumnRelation[],
): Rule | undefined {
  const figureOf = new Map<number, number>();
  prepared.figureColumns.forEach((column, f) => figureOf.set(column, f));
  const compiled: Compiled[] = [];
  for (const relation of relations) {
    const target = figureOf.get(relation.target);
    const plus = relation.plus.map((column) => figureOf.get(column));
    const minus = relation.minus.map((column) => figureOf.get(column));
    if (target === undefined || plus.includes(undefined) || minus.includes(undefined)) continue;
    compiled.push({ relation, target, plus: plus as number[], minus: minus as number[] });
  }
  return compiled.length === 0 ? undefined : new RelationRule(compiled);
}

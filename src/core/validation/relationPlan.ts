/**
 * Which relations between columns a check judges, and by which rule: the user's column overrides
 * first, then the relations the figures confirm (`findRelations`), with the long-standing
 * budget-and-forecast variance check kept where it reads the same columns.
 */
import { columnLetters } from '../grid/address';
import { FIGURE_ROLES, type PreparedTable } from '../grid/prepare';
import { type ColumnRelation, findRelations, relationHolds } from '../grid/relations';
import type { BudgetKind, ColumnRole } from '../grid/types';
import type { Parsed } from '../findings';
import { currentBudgetFigure, findFigure } from './context';
import { signedByBlock } from './blockSigns';
import { periodFigures, targetFigure } from './phasingRule';
import { legacyVarianceFigure } from './varianceRule';

/** What the check will judge between columns. */
export interface RelationPlan {
  /** Relations the relation rule judges. */
  relations: ColumnRelation[];
  /** True when the budget-and-forecast variance rule judges the first Variance column. */
  legacyVariance: boolean;
  /** That rule's columns (grid indexes), for the reading. */
  legacy?: { budget: number; forecast: number; variance: number };
  /** True when the period columns are checked against the budget (phasing). */
  phasing: boolean;
  /** The column the period columns add up to (grid index), when they are checked against it. */
  phasingTarget?: number;
  /** Why the period columns are not checked against the budget, when they are not. */
  phasingSkipped?: string;
  /** Columns the user set, by grid index. */
  overridden: Set<number>;
}

/** Roles a `--column` override may give, in the finance officer's words. */
export const OVERRIDE_ROLES: readonly string[] = [
  'label',
  'budget',
  'original',
  'approved',
  'revised',
  'additions',
  'forecast',
  'actual',
  'variance',
  'amount',
  'year',
  'percentage',
  'notes',
  'skip',
];

const ROLE_OF: Record<string, { role: ColumnRole; budgetKind?: BudgetKind; percent?: boolean }> = {
  label: { role: 'label' },
  budget: { role: 'budget' },
  original: { role: 'budget', budgetKind: 'original' },
  approved: { role: 'budget', budgetKind: 'approved' },
  revised: { role: 'budget', budgetKind: 'revised' },
  additions: { role: 'additions' },
  forecast: { role: 'forecast' },
  actual: { role: 'actual' },
  variance: { role: 'variance' },
  amount: { role: 'amount' },
  year: { role: 'amount' },
  percentage: { role: 'text', percent: true },
  notes: { role: 'text' },
  skip: { role: 'text' },
};
/** A formula override: `E-D`, `C+D`, `B+C+D`. */
const FORMULA = /^([A-Z]{1,3})((?:\s*[-+]\s*[A-Z]{1,3})+)$/;

/**
 * Applies `--column` overrides (`{ G: 'variance', H: 'E-D' }`) to a prepared table: each names a
 * column by its sheet letters and gives it a role, or states it as the sum and difference of
 * other columns. Returns the stated relations, or a message saying what is wrong.
 *
 * @example
 * applyColumnOverrides(prepared, { G: 'variance' }); // { ok: true, value: [] }
 * applyColumnOverrides(prepared, { G: 'E-D' }).value[0]; // { kind: 'variance', target: 6, plus: [4], minus: [3], source: 'override' }
 */
export function applyColumnOverrides(
  prepared: PreparedTable,
  overrides: Readonly<Record<string, string>> | undefined,
): Parsed<ColumnRelation[]> {
  const relations: ColumnRelation[] = [];
  if (overrides === undefined || overrides === null || typeof overrides !== 'object')
    return { ok: true, value: relations };
  const byLetters = new Map(prepared.columns.map((column) => [column.letters, column.index]));
  const columnOf = (letters: string): Parsed<number> => {
    const index = byLetters.get(letters.trim().toUpperCase());
    if (index !== undefined) return { ok: true, value: index };
    const first = prepared.columns[0]?.letters ?? 'A';
    const last = prepared.columns[prepared.columns.length - 1]?.letters ?? columnLetters(0);
    return {
      ok: false,
      message: `Column ${letters.trim()} is not in the table (it spans columns ${first} to ${last}): name a column by its letters, e.g. G=variance`,
    };
  };
  for (const [letters, raw] of Object.entries(overrides)) {
    const target = columnOf(letters);
    if (!target.ok) return target;
    const value = String(raw).trim();
    const column = prepared.columns[target.value];
    const role = ROLE_OF[value.toLowerCase()];
    if (role) {
      column.role = role.role;
      column.figures = FIGURE_ROLES.has(role.role);
      if (role.budgetKind) column.budgetKind = role.budgetKind;
      else delete column.budgetKind;
      if (role.percent) column.percent = true;
      else delete column.percent;
      if (role.role !== 'period') delete column.period;
      continue;
    }
    const formula = FORMULA.exec(value.toUpperCase().replace(/\s+/g, ''));
    if (!formula) {
      return {
        ok: false,
        message: `Cannot read '${value}' for column ${letters.trim()}: give a role (${OVERRIDE_ROLES.join(', ')}) or the columns it adds up, e.g. G=E-D for a variance of E less D`,
      };
    }
    const plus: number[] = [];
    const minus: number[] = [];
    const first = columnOf(formula[1]);
    if (!first.ok) return first;
    plus.push(first.value);
    for (const part of formula[2].matchAll(/([-+])([A-Z]{1,3})/g)) {
      const operand = columnOf(part[2]);
      if (!operand.ok) return operand;
      if (operand.value === target.value)
        return {
          ok: false,
          message: `Column ${letters.trim()} cannot be worked out from itself: name other columns, e.g. G=E-D`,
        };
      (part[1] === '+' ? plus : minus).push(operand.value);
    }
    for (const index of [target.value, ...plus, ...minus]) {
      const operand = prepared.columns[index];
      if (!operand.figures) {
        operand.role = 'amount';
        operand.figures = true;
      }
    }
    relations.push({
      kind: minus.length > 0 ? 'variance' : plus.length === 2 ? 'revised' : 'row-total',
      target: target.value,
      plus,
      minus,
      source: 'override',
      sampleRows: 0,
      sampleFits: 0,
    });
  }
  refigure(prepared);
  return { ok: true, value: relations };
}

/** Works out the figure, label-search and other-word columns again after roles changed. */
function refigure(prepared: PreparedTable): void {
  const { columns } = prepared;
  prepared.figureColumns = columns.filter((column) => column.figures).map((column) => column.index);
  const first = prepared.figureColumns[0] ?? columns.length;
  const words: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['label', 'ref', 'status']);
  prepared.labelSearch = columns
    .filter((column) => !column.figures && (column.index < first || words.has(column.role)))
    .map((column) => column.index);
  prepared.otherWords = columns
    .filter((column) => !column.figures && !prepared.labelSearch.includes(column.index))
    .map((column) => column.index);
  const label = columns.find((column) => column.role === 'label');
  if (label && (prepared.labelColumn === undefined || columns[prepared.labelColumn].figures))
    prepared.labelColumn = label.index;
}

/**
 * Decides what is judged between columns: stated relations, then those the figures confirm; the
 * budget-and-forecast variance rule where it reads the same columns; and whether the period
 * columns are judged against the budget.
 *
 * @example
 * planRelations(prepared, []).relations.map((relation) => relation.kind); // ['variance']
 */
export function planRelations(
  prepared: PreparedTable,
  stated: readonly ColumnRelation[],
): RelationPlan {
  const overridden = new Set(stated.map((relation) => relation.target));
  // A variance signed one way for income and the other for spending is checked block by block
  // after the pass (sectionVarianceRule), not as one relation that half the rows break.
  const found = (prepared.figureColumns.length > 0 ? findRelations(prepared) : []).filter(
    (relation) =>
      relation.kind !== 'variance' ||
      relation.plus.length !== 1 ||
      relation.minus.length !== 1 ||
      !signedByBlock(prepared, relation.target, relation.plus[0], relation.minus[0]),
  );
  const relations = [...stated, ...found.filter((relation) => !overridden.has(relation.target))];
  const plan: RelationPlan = { relations, legacyVariance: false, phasing: true, overridden };
  // The long-standing check: first Variance column = current budget and forecast, either way round.
  const b = currentBudgetFigure(prepared);
  const f = findFigure(prepared, (column) => column.role === 'forecast');
  const v = legacyVarianceFigure(prepared);
  if (b >= 0 && f >= 0 && v >= 0) {
    const [budget, forecast, variance] = [b, f, v].map((i) => prepared.figureColumns[i]);
    const own = relations.find((relation) => relation.target === variance);
    const operands = own ? [...own.plus, ...own.minus].sort((x, y) => x - y) : [];
    const same =
      own !== undefined &&
      own.source !== 'override' &&
      operands.length === 2 &&
      operands.includes(budget) &&
      operands.includes(forecast);
    if ((own === undefined || same) && !signedByBlock(prepared, variance, forecast, budget)) {
      plan.legacyVariance = true;
      plan.legacy = { budget, forecast, variance };
      if (same) plan.relations = relations.filter((relation) => relation !== own);
    }
  }
  // Period columns against the budget: kept where the header says all years, or where the
  // figures fit; otherwise the budget is not the sum of the periods and is not judged as one.
  const periods = periodFigures(prepared);
  const target = periods.length > 0 ? targetFigure(prepared) : -1;
  if (target >= 0) {
    const targetColumn = prepared.figureColumns[target];
    const periodColumns = periods.map((p) => prepared.figureColumns[p]);
    plan.relations = plan.relations.filter(
      (relation) => !(relation.kind === 'row-total' && relation.target === targetColumn),
    );
    const role = prepared.columns[targetColumn].role;
    plan.phasingTarget = targetColumn;
    if (
      role !== 'all-years-budget' &&
      !relationHolds(prepared, targetColumn, periodColumns, [], false) &&
      sampleHasPhasing(prepared, periods)
    ) {
      plan.phasing = prepared.columns.some((column) => column.role === 'phasing');
      delete plan.phasingTarget;
      plan.phasingSkipped = `${prepared.columns[targetColumn].header || prepared.columns[targetColumn].letters} is not the sum of the period columns in most rows, so the periods are not checked against it`;
    }
  }
  return plan;
}

/** True when a few rows show period figures (a table with no phasing yet is still checked). */
function sampleHasPhasing(prepared: PreparedTable, periods: readonly number[]): boolean {
  const { values, firstDataRow, figureColumns } = prepared;
  let rows = 0;
  for (let r = firstDataRow; r < values.length && r < firstDataRow + 400; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    if (
      periods.some(
        (p) =>
          typeof row[figureColumns[p]] === 'number' ||
          (typeof row[figureColumns[p]] === 'string' && /\d/.test(row[figureColumns[p]] as string)),
      )
    )
      rows++;
    if (rows >= 2) return true;
  }
  return false;
}

/**
 * The reading of a table a check returns beside its findings: what each column was taken to be
 * (or why it was skipped), which rows are headings, groups and totals and what each total adds
 * up, and how many relations were checked, exact or within rounding. Nothing is skipped silently.
 */
import { cellText } from '../grid/cells';
import type { ColumnRelation } from '../grid/relations';
import { HEADING } from '../grid/rowKind';
import type { Grid, RecognisedColumn } from '../grid/types';
import type { CheckContext } from './context';
import type { RelationPlan } from './relationPlan';
import { describeRelation } from './relationRule';

/** What a column was taken to be, in the finance officer's words. */
export type ReadingRole =
  | 'label'
  | 'ref'
  | 'group'
  | 'status'
  | 'budget'
  | 'original budget'
  | 'approved budget'
  | 'revised budget'
  | 'additions'
  | 'forecast'
  | 'actual'
  | 'variance'
  | 'all-years budget'
  | 'all-years forecast'
  | 'year'
  | 'quarter'
  | 'row total'
  | 'amount'
  | 'percentage'
  | 'phasing'
  | 'notes'
  | 'blank';

/** One column as the check read it. */
export interface ColumnReading {
  /** Sheet letters, e.g. `G`. */
  column: string;
  header: string;
  role: ReadingRole;
  /** True when the user set the role (`--column`). */
  setByUser?: boolean;
  /** For a column worked out from others: how (`C - B`, Actual less Budget). */
  worksOut?: string;
  /** True when some check read its figures (a total, a relation). */
  checked: boolean;
  /** Why it was not checked, when it was not. */
  reason?: string;
}

/** One relation between columns, and what was found row by row. */
export interface RelationReading {
  /** `difference`: a surplus or shortfall row, one row less another (`row 14 = row 13 - row 6`). */
  kind: 'variance' | 'revised' | 'row-total' | 'difference';
  /** `D = C - B` in sheet letters. */
  formula: string;
  /** The same in the table's words: `Actual less Budget`. */
  words: string;
  /** For a variance: which way round it is signed. */
  convention?: string;
  /** How it was found: header and figures, figures alone, or set by the user. */
  source: 'header' | 'figures' | 'override';
  checked: number;
  exact: number;
  withinRounding: number;
  wrong: number;
}

/** One total row and what it adds up. */
export interface TotalReading {
  /** Sheet row number (1-based). */
  row: number;
  label: string;
  /** `rows 5 to 9`, or `the subtotals above it`. */
  over: string;
  checked: number;
  exact: number;
  withinRounding: number;
  wrong: number;
}

/** The whole reading of one table. */
export interface TableReading {
  sheet?: string;
  /** Sheet row numbers (1-based) of the header rows. */
  headerRows: number[];
  columns: ColumnReading[];
  /** Sheet row numbers of heading rows (text only, no figures). */
  headings: number[];
  /** Rows where a group starts with its name on its first scheme, and the name. */
  groups: { row: number; name: string }[];
  /** Rows that start a table of their own under the one above (`Financed by`). */
  blocks: number[];
  totals: TotalReading[];
  /** Rows that look like totals but were not checked, and why. */
  unchecked: { row: number; reason: string }[];
  relations: RelationReading[];
  /** Every figure checked against what it should be: totals, variances, revised budgets, row totals. */
  checked: { total: number; exact: number; withinRounding: number; wrong: number };
  /** Anything else the user should know about the reading (checks not made, and why). */
  notes: string[];
}

const CONVENTION_WORDS = {
  'budget-minus-forecast': 'budget less forecast (positive = underspend)',
  'forecast-minus-budget': 'forecast less budget (positive = overspend)',
} as const;

const BUDGET_LIKE = new Set(['budget', 'all-years-budget', 'amount', 'additions']);

/**
 * The reading of a grid with no figures: nothing was checked, and the note says so.
 *
 * @example
 * emptyReading({ values: [['Notes']] }).notes; // ['No figures found: nothing was checked']
 */
export function emptyReading(grid: Grid): TableReading {
  const reading: TableReading = {
    headerRows: [],
    columns: [],
    headings: [],
    groups: [],
    blocks: [],
    totals: [],
    unchecked: [],
    relations: [],
    checked: { total: 0, exact: 0, withinRounding: 0, wrong: 0 },
    notes: ['No figures found: nothing was checked'],
  };
  if (grid?.sheet !== undefined) reading.sheet = grid.sheet;
  return reading;
}

function baseRole(column: RecognisedColumn): ReadingRole {
  if (column.percent) return 'percentage';
  switch (column.role) {
    case 'budget':
      return column.budgetKind ? `${column.budgetKind} budget` : 'budget';
    case 'all-years-budget':
      return 'all-years budget';
    case 'all-years-forecast':
      return 'all-years forecast';
    case 'period':
      return column.period?.kind === 'quarter' ? 'quarter' : 'year';
    case 'text':
      return 'notes';
    case 'label':
    case 'ref':
    case 'status':
    case 'additions':
    case 'forecast':
    case 'actual':
    case 'variance':
    case 'amount':
    case 'phasing':
    case 'blank':
      return column.role;
  }
}

function conventionOf(context: CheckContext, relation: ColumnRelation): string | undefined {
  if (relation.kind !== 'variance' || relation.plus.length !== 1 || relation.minus.length !== 1)
    return undefined;
  const plus = context.prepared.columns[relation.plus[0]];
  const minus = context.prepared.columns[relation.minus[0]];
  const [from, to] = [plus, minus].map((c) => c.header.replace(/\s+/g, ' ').trim() || c.letters);
  if (BUDGET_LIKE.has(minus.role) && !BUDGET_LIKE.has(plus.role))
    return `${from} less ${to}: positive = overspend`;
  if (BUDGET_LIKE.has(plus.role) && !BUDGET_LIKE.has(minus.role))
    return `${from} less ${to}: positive = underspend`;
  return `${from} less ${to}`;
}

function formula(context: CheckContext, relation: ColumnRelation): string {
  const letters = (index: number) => context.prepared.columns[index].letters;
  if (relation.kind === 'row-total' && relation.plus.length > 2)
    return `${letters(relation.target)} = SUM(${letters(relation.plus[0])}:${letters(relation.plus[relation.plus.length - 1])})`;
  const plus = relation.plus.map(letters).join(' + ');
  const minus = relation.minus.map((index) => ` - ${letters(index)}`).join('');
  return `${letters(relation.target)} = ${plus}${minus}`;
}

function rowLabel(context: CheckContext, row: number): string {
  const cells = context.prepared.values[row];
  if (!Array.isArray(cells)) return '';
  for (const c of context.prepared.labelSearch) {
    const text = cellText(cells[c]);
    if (text !== undefined) return text.length <= 60 ? text : `${text.slice(0, 59)}…`;
  }
  return '(no label)';
}

/**
 * Builds the reading of a checked table from what the rules noted.
 *
 * @example
 * describeReading(context, plan).relations[0]; // { kind: 'variance', formula: 'D = C - B', ... }
 */
export function describeReading(context: CheckContext, plan: RelationPlan): TableReading {
  const { prepared, scan } = context;
  const sheetRow = (row: number) => prepared.origin.row + row + 1;
  const checkedColumns = new Set<number>();
  const relations: RelationReading[] = [];
  const worksOut = new Map<number, string>();
  for (const tally of context.relationTallies ?? []) {
    const { relation } = tally;
    const reading: RelationReading = {
      kind: relation.kind,
      formula: formula(context, relation),
      words: describeRelation(prepared, relation),
      source:
        relation.source === 'override'
          ? 'override'
          : prepared.columns[relation.target].role === 'variance' ||
              prepared.columns[relation.target].role === 'budget'
            ? 'header'
            : 'figures',
      checked: tally.checked,
      exact: tally.exact,
      withinRounding: tally.withinRounding,
      wrong: tally.wrong,
    };
    const convention = conventionOf(context, relation);
    if (convention !== undefined) reading.convention = convention;
    relations.push(reading);
    worksOut.set(relation.target, `${reading.formula.split(' = ')[1]} (${reading.words})`);
    for (const index of [relation.target, ...relation.plus, ...relation.minus])
      checkedColumns.add(index);
  }
  const legacy = context.legacyTally;
  if (plan.legacy && legacy) {
    const { budget, forecast, variance } = plan.legacy;
    const budgetFirst = legacy.convention === 'budget-minus-forecast';
    const relation: ColumnRelation = {
      kind: 'variance',
      target: variance,
      plus: [budgetFirst ? budget : forecast],
      minus: [budgetFirst ? forecast : budget],
      source: 'figures',
      sampleRows: 0,
      sampleFits: 0,
    };
    const reading: RelationReading = {
      kind: 'variance',
      formula: formula(context, relation),
      words: describeRelation(prepared, relation),
      convention: CONVENTION_WORDS[legacy.convention],
      source: 'header',
      checked: legacy.checked,
      exact: legacy.exact,
      withinRounding: legacy.withinRounding,
      wrong: legacy.wrong,
    };
    relations.push(reading);
    worksOut.set(variance, `${reading.formula.split(' = ')[1]} (${reading.words})`);
    for (const index of [budget, forecast, variance]) checkedColumns.add(index);
  }
  for (const section of context.sectionVariances ?? []) {
    const { relation } = section;
    const reading: RelationReading = {
      kind: 'variance',
      formula: formula(context, relation),
      words: `${describeRelation(prepared, relation)}, in rows ${sheetRow(section.from)} to ${sheetRow(section.to)}`,
      source: 'figures',
      checked: section.checked,
      exact: section.exact,
      withinRounding: section.withinRounding,
      wrong: section.wrong,
    };
    // The words already say which way round; a convention only adds which sign is an overspend.
    const convention = conventionOf(context, relation);
    if (convention?.includes('positive =')) reading.convention = convention;
    relations.push(reading);
    for (const index of [relation.target, ...relation.plus, ...relation.minus])
      checkedColumns.add(index);
  }
  for (const tally of context.differenceTallies ?? []) {
    relations.push({
      kind: 'difference',
      formula: `row ${sheetRow(tally.row)} = row ${sheetRow(tally.resources)} - row ${sheetRow(tally.spending)}`,
      words: `${rowLabel(context, tally.resources)} less ${rowLabel(context, tally.spending)}`,
      source: 'figures',
      checked: tally.checked,
      exact: tally.exact,
      withinRounding: tally.withinRounding,
      wrong: tally.wrong,
    });
  }
  const totalChecks = context.totalColumnChecks;
  prepared.figureColumns.forEach((column, f) => {
    if (totalChecks && totalChecks[f] > 0) checkedColumns.add(column);
  });
  const periodsChecked =
    plan.phasing && prepared.columns.some((column) => column.role === 'period');
  const columns: ColumnReading[] = prepared.columns.map((column) => {
    let role = baseRole(column);
    if (column.index === prepared.groupColumn) role = 'group';
    else if (column.index === prepared.labelColumn) role = 'label';
    const relation = plan.relations.find((r) => r.target === column.index);
    if (relation?.kind === 'row-total') role = 'row total';
    // A Total column the period columns add up to (unnamed figures, not a budget heading).
    if (
      periodsChecked &&
      column.index === plan.phasingTarget &&
      (column.role === 'amount' || column.role === 'all-years-budget')
    ) {
      role = 'row total';
      worksOut.set(column.index, 'the sum of the period columns');
    }
    const reading: ColumnReading = {
      column: column.letters,
      header: column.header,
      role,
      checked:
        checkedColumns.has(column.index) ||
        (periodsChecked && (column.role === 'period' || column.index === plan.phasingTarget)),
    };
    if (plan.overridden.has(column.index) || (context.options.columns ?? {})[column.letters])
      reading.setByUser = true;
    const how = worksOut.get(column.index);
    if (how !== undefined) reading.worksOut = how;
    if (!reading.checked) reading.reason = skipReason(column, context);
    return reading;
  });
  const totals: TotalReading[] = (context.totalTallies ?? []).map((tally) => {
    const over =
      tally.fromRow !== undefined
        ? `rows ${tally.fromRow < 0 ? sheetRow(prepared.firstDataRow - 1) + 1 : sheetRow(tally.fromRow) + 1} to ${sheetRow(tally.row) - 1} (${tally.over})`
        : tally.over;
    return {
      row: sheetRow(tally.row),
      label: rowLabel(context, tally.row),
      over,
      checked: tally.checked,
      exact: tally.exact,
      withinRounding: tally.withinRounding,
      wrong: tally.wrong,
    };
  });
  const headings: number[] = [];
  for (let r = prepared.firstDataRow; r < scan.kinds.length; r++)
    if (scan.kinds[r] === HEADING) headings.push(sheetRow(r));
  const checked = { total: 0, exact: 0, withinRounding: 0, wrong: 0 };
  const phasing = periodsChecked ? context.phasingTally : undefined;
  for (const item of [...totals, ...relations, ...(phasing ? [phasing] : [])]) {
    checked.total += item.checked;
    checked.exact += item.exact;
    checked.withinRounding += item.withinRounding;
    checked.wrong += item.wrong;
  }
  const notes: string[] = [];
  if (plan.phasingSkipped) notes.push(plan.phasingSkipped);
  if (periodsChecked)
    notes.push(
      `Period columns checked against the budget of each scheme${phasing ? ` (${phasing.checked} rows: ${phasing.exact} exact, ${phasing.withinRounding} within rounding, ${phasing.wrong} wrong)` : ''}`,
    );
  const sections = context.sectionVariances ?? [];
  for (const column of prepared.columns) {
    const blocks = sections.filter((s) => s.relation.target === column.index);
    if (blocks.length > 0)
      notes.push(
        `Variance column ${column.letters} is signed differently in each block: ${blocks.map((s) => `rows ${sheetRow(s.from)} to ${sheetRow(s.to)} ${formula(context, s.relation)}`).join('; ')}`,
      );
  }
  for (const column of prepared.columns) {
    if (column.role === 'variance' && !checkedColumns.has(column.index))
      notes.push(
        `Variance column ${column.letters} (${column.header || 'no header'}) was not checked: it is not the difference of two other columns in most rows. Say which with --column, e.g. ${column.letters}=E-D`,
      );
  }
  const reading: TableReading = {
    headerRows: prepared.headerRows.map(sheetRow),
    columns,
    headings,
    groups: (context.groupRows ?? []).map((row) => ({
      row: sheetRow(row),
      name: cellText(prepared.values[row]?.[prepared.groupColumn ?? 0]) ?? '',
    })),
    blocks: (context.blockRows ?? []).map(sheetRow),
    totals,
    unchecked: (context.uncheckedTotals ?? []).map(({ row, reason }) => ({
      row: sheetRow(row),
      reason: `${rowLabel(context, row)}: not checked, ${reason}`,
    })),
    relations,
    checked,
    notes,
  };
  if (context.grid.sheet !== undefined) reading.sheet = context.grid.sheet;
  return reading;
}

function skipReason(column: RecognisedColumn, context: CheckContext): string {
  if (column.percent) return 'a percentage: never added up';
  if (column.index === context.prepared.groupColumn) return 'names the group each scheme is in';
  if (column.index === context.prepared.labelColumn) return 'names the schemes';
  switch (column.role) {
    case 'label':
      return 'names the schemes';
    case 'ref':
      return 'holds references';
    case 'status':
      return 'holds a status, not figures';
    case 'phasing':
      return 'holds phasing phrases';
    case 'blank':
      return 'empty';
    case 'text':
      return 'holds words, not figures';
    default:
      return 'figures with no total row and no relation to other columns to check them against';
  }
}

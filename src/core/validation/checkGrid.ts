/**
 * Checking any budget table: recognise it, read it once with every rule watching, then report.
 */
import { describeTable } from '../grid/analyse';
import { prepareTable } from '../grid/prepare';
import { type FigureScan, scanTable } from '../grid/scan';
import type { Grid, RecognisedTable } from '../grid/types';
import type { Finding } from '../findings';
import { MAX_SCALE } from '../money/decimal';
import { negativeBudgetRule } from './budgetRule';
import type { CheckContext, CheckOptions, Rule } from './context';
import { reportOddFigures } from './oddFigureRule';
import { phasingRule } from './phasingRule';
import { duplicateRefRule } from './refRule';
import { totalRule } from './totalRule';
import { varianceRule } from './varianceRule';
import { yearSummaryRule } from './yearSummaryRule';
import type { PreparedTable } from '../grid/prepare';
import { relationRule } from './relationRule';
import { checkDifferences } from './differenceRule';
import { checkBlockTotals } from './blockTotalRule';
import { checkExcludingTotals } from './excludingTotalRule';
import { checkSectionVariances } from './sectionVarianceRule';
import { noteUnlabelledRows } from './unlabelledRows';
import { checkCumulativeRows, checkRunningBalances } from './balanceRule';
import { type RelationPlan, applyColumnOverrides, planRelations } from './relationPlan';
import { type TableReading, describeReading, emptyReading } from './reading';

/** Everything a grid check found, and the table it recognised (absent when there is none). */
export interface GridCheck {
  findings: Finding[];
  table?: RecognisedTable;
}

/** A grid check with its reading of the table (see {@link checkGridWithReading}). */
export interface GridCheckWithReading extends GridCheck {
  reading: TableReading;
}

// Sums of subtotals count figures twice over: a margin of 4 keeps every partial sum exact.
const SAFE_MAGNITUDE = Number.MAX_SAFE_INTEGER / 4;

function makeRules(prepared: PreparedTable, options: CheckOptions, plan: RelationPlan): Rule[] {
  const rules = [
    totalRule(prepared),
    varianceRule(prepared, options, plan.legacyVariance),
    relationRule(prepared, plan.relations),
    plan.phasing ? phasingRule(prepared) : undefined,
    yearSummaryRule(prepared),
    negativeBudgetRule(prepared),
    duplicateRefRule(prepared),
  ];
  return rules.filter((rule): rule is Rule => rule !== undefined);
}

function shownDecimals(
  scan: FigureScan,
  decimalsOption: number | undefined,
  figures: number,
): number[] {
  const decimals: number[] = [];
  for (let f = 0; f < figures; f++)
    decimals.push(decimalsOption ?? scan.formatDecimals[f] ?? scan.shownDecimals);
  return decimals;
}

/**
 * Runs every check of the engine on a grid, with no prior knowledge of its layout: totals (with
 * the rounding rule), variances, phasing, figures stored as text, negative budgets, repeated refs
 * and variance thresholds. Problems in the data come back as findings: it never throws on the
 * grid's content.
 *
 * @example
 * checkGrid({ values: [['Scheme', 'Capital £m'], ['A', 40.0], ['B', 4.5], ['Total', 41.0]] }).findings[0].message;
 * // 'Total 41.0 does not match its rows (44.5): 3.5 more than rounding can explain. ...'
 */
export function checkGrid(grid: Grid, options: CheckOptions = {}): GridCheck {
  const { findings, table } = checkGridWithReading(grid, options);
  return table === undefined ? { findings } : { findings, table };
}

/**
 * {@link checkGrid}, with the reading of the table: what each column was taken to be, which rows
 * are headings, groups and totals, and what was checked (exact, within rounding, wrong).
 *
 * @example
 * checkGridWithReading({ values: [['Scheme', 'Budget', 'Actual', 'Over/(Under)'], ['A', 10, 12, 2], ['B', 5, 4, -1], ['Total', 15, 16, 1]] })
 *   .reading?.relations[0].formula; // 'D = C - B'
 */
export function checkGridWithReading(grid: Grid, options: CheckOptions = {}): GridCheckWithReading {
  const prepared = prepareTable(grid);
  if (!prepared) return { findings: [], reading: emptyReading(grid) };
  const overridden = applyColumnOverrides(prepared, options.columns);
  if (!overridden.ok) {
    const finding: Finding = {
      rule: 'column-override',
      severity: 'error',
      message: overridden.message,
    };
    if (grid.sheet !== undefined) finding.sheet = grid.sheet;
    return { findings: [finding], reading: emptyReading(grid) };
  }
  const plan = planRelations(prepared, overridden.value);
  const decimalsOption = readDecimals(options.decimals);
  const figures = prepared.figureColumns.length;
  let rules = makeRules(prepared, options, plan);
  let scan = scanTable(prepared, grid.numberFormats, rules);
  let decimals = shownDecimals(scan, decimalsOption, figures);
  // Work at a scale that shows every figure's printed places, as long as sums stay exact.
  const wanted = Math.min(MAX_SCALE - 1, Math.max(scan.scale, ...decimals));
  let safe = wanted;
  while (safe > 0 && scan.magnitude * 10 ** safe > SAFE_MAGNITUDE) safe--;
  if (safe < scan.scale) {
    rules = makeRules(prepared, options, plan);
    scan = scanTable(prepared, grid.numberFormats, rules, safe);
    decimals = shownDecimals(scan, decimalsOption, figures);
  } else if (safe > scan.scale) {
    const factor = 10 ** (safe - scan.scale);
    for (const rule of rules) rule.widen(factor);
    scan.scale = safe;
    scan.power = 10 ** safe;
  }
  decimals = decimals.map((d) => Math.min(d, scan.scale));
  const context: CheckContext = {
    grid,
    prepared,
    table: describeTable(grid, prepared, scan),
    options,
    scan,
    decimals,
    allowance: decimals.map((d) => 10 ** (scan.scale - d)),
    findings: [],
  };
  reportOddFigures(context);
  for (const rule of rules) rule.finish(context);
  context.differenceTallies = checkDifferences(context);
  checkSummaryRows(context);
  context.sectionVariances = checkSectionVariances(
    context,
    new Set(plan.legacy ? [plan.legacy.variance] : []),
  );
  return {
    findings: context.findings,
    table: context.table,
    reading: describeReading(context, plan),
  };
}

/**
 * The rows that state a result of other rows in ways the pass does not read (totals that leave a
 * row out, totals of subtotals without the word Total, running balances, cumulative rows), read
 * after the pass; each row is read as one of them at most.
 */
function checkSummaryRows(context: CheckContext): void {
  const taken = new Set((context.differenceTallies ?? []).map((tally) => tally.row));
  for (const row of checkExcludingTotals(context)) taken.add(row);
  for (const check of [checkBlockTotals, checkRunningBalances, checkCumulativeRows])
    for (const row of check(context, taken)) taken.add(row);
  noteUnlabelledRows(context, taken);
  for (const row of context.unmatchedDifferences ?? [])
    if (!taken.has(row))
      (context.uncheckedTotals ??= []).push({
        row,
        reason:
          'its label names a difference of two rows, but no two rows above it give its figures (a figure in its own right, or a wrong one)',
      });
  context.totalTallies?.sort((x, y) => x.row - y.row);
}

function readDecimals(decimals: unknown): number | undefined {
  return typeof decimals === 'number' &&
    Number.isInteger(decimals) &&
    decimals >= 0 &&
    decimals <= 10
    ? decimals
    : undefined;
}

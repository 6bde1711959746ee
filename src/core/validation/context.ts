/**
 * What every rule of the grid check shares: the prepared table, the options, the pass's result
 * and the findings list, plus helpers to word and place a finding.
 */
import { toA1 } from '../grid/address';
import { cellText } from '../grid/cells';
import type { PreparedTable } from '../grid/prepare';
import type { FigureScan, RowSink } from '../grid/scan';
import type { Grid, RecognisedColumn, RecognisedTable } from '../grid/types';
import type { Finding, RuleId, Severity } from '../findings';
import { decimal, formatDecimal, normalise } from '../money/decimal';
import type { VarianceConvention, VarianceThresholds } from '../monitoring';
import type { DifferenceTally } from './differenceRule';
import type { SectionVariance } from './sectionVarianceRule';
import type { RelationTally } from './relationRule';

/** Options of a grid check; each left out is recognised from the grid or defaulted. */
export interface CheckOptions {
  /** Decimal places the figures are shown to; default from number formats, else the figures. */
  decimals?: number;
  /** How variances are signed; default recognised from the rows, else budget minus forecast. */
  convention?: VarianceConvention;
  /** The council's variance thresholds; no `variance-threshold` findings without them. */
  thresholds?: VarianceThresholds;
  /**
   * The user's reading of columns, by sheet letters: a role (`variance`, `revised`, `notes`,
   * `skip`...) or the columns it is worked out from (`E-D`, `B+C`). See `OVERRIDE_ROLES`.
   */
  columns?: Readonly<Record<string, string>>;
}

/** Everything the rules read once the pass is done. */
export interface CheckContext {
  grid: Grid;
  prepared: PreparedTable;
  table: RecognisedTable;
  options: CheckOptions;
  scan: FigureScan;
  /** Per figure column: decimal places shown (never more than the scan's scale). */
  decimals: number[];
  /** Per figure column: 10^(scale - decimals), i.e. twice one figure's rounding allowance in units. */
  allowance: number[];
  findings: Finding[];
  /** What the relation rule checked, per relation (for the reading). */
  relationTallies?: RelationTally[];
  /** What the total rule checked, per total row (for the reading). */
  totalTallies?: TotalTally[];
  /** Total rows whose label leaves a row out (`Total (Not including Precept)`), judged after the pass. */
  excludingTotals?: number[];
  /** Total rows left unchecked, and why (for the reading). */
  uncheckedTotals?: { row: number; reason: string }[];
  /** Per figure column: how many totals were checked in it (for the reading). */
  totalColumnChecks?: Int32Array;
  /** Rows that start a group (a name in the group column) or a new block (`Financed by`). */
  groupRows?: number[];
  blockRows?: number[];
  /** Rows whose period columns were added up against the budget (for the reading). */
  phasingTally?: { checked: number; exact: number; withinRounding: number; wrong: number };
  /** Variance columns signed differently in each block, checked block by block (for the reading). */
  sectionVariances?: SectionVariance[];
  /** Rows whose label names a difference (`Surplus`) but that no two rows above give. */
  unmatchedDifferences?: number[];
  /** Surplus or shortfall rows checked as resources less spending (for the reading). */
  differenceTallies?: DifferenceTally[];
  /** What the budget-and-forecast variance rule checked, and the convention it read. */
  legacyTally?: {
    checked: number;
    exact: number;
    withinRounding: number;
    wrong: number;
    convention: VarianceConvention;
  };
}

/** What the total rule checked on one total row. */
export interface TotalTally {
  row: number;
  /** Which rows it adds up, in words (`its rows`, `the subtotals above it`). */
  over: string;
  /** First and last grid rows the reading spans (0-based), when it runs over rows. */
  fromRow?: number;
  checked: number;
  exact: number;
  withinRounding: number;
  wrong: number;
}

/** What a rule found, at a 0-based cell of the grid. */
export interface FoundAt {
  rule: RuleId;
  severity: Severity;
  row: number;
  column: number;
  message: string;
  expected?: string;
  actual?: string;
}

/** A rule: sees every row during the pass, then reports. */
export interface Rule extends RowSink {
  finish(context: CheckContext): void;
}

/**
 * Adds a finding at a cell (0-based grid indexes; the address respects the grid's origin).
 *
 * @example
 * report(context, { rule: 'negative-budget', severity: 'warning', row: 4, column: 2, message: 'Budget -0.3 for ...' });
 */
export function report(context: CheckContext, found: FoundAt): void {
  const { rule, severity, row, column, message, expected, actual } = found;
  const { origin } = context.prepared;
  const finding: Finding = {
    rule,
    severity,
    cell: toA1(origin.row + row, origin.column + column),
    message,
  };
  if (context.grid.sheet !== undefined) finding.sheet = context.grid.sheet;
  if (expected !== undefined) finding.expected = expected;
  if (actual !== undefined) finding.actual = actual;
  context.findings.push(finding);
}

/**
 * A unit count as it is printed, to `decimals` places.
 *
 * @example
 * shown(context, 445, 1); // '44.5' at working scale 1
 */
export function shown(context: CheckContext, units: number, decimals: number): string {
  const { scale } = context.scan;
  const places = Math.min(decimals, scale);
  if (!Number.isSafeInteger(units)) return (units / 10 ** scale).toFixed(places);
  return formatDecimal(decimal(units, scale), places);
}

/**
 * The rounding tolerance for an allowance (a sum of 10^(scale - d) over the figures), as printed.
 *
 * @example
 * shownTolerance(context, 8); // '0.4' at working scale 1
 */
export function shownTolerance(context: CheckContext, allowance: number): string {
  const units = allowance * 5;
  if (!Number.isSafeInteger(units)) return String(units / 10 ** (context.scan.scale + 1));
  return formatDecimal(normalise(decimal(units, context.scan.scale + 1)));
}

/**
 * The scheme a row is about, quoted for a message (`'Compliance'`), or its row number.
 *
 * @example
 * rowName(context, 4); // "'Compliance'"
 */
export function rowName(context: CheckContext, row: number): string {
  const { labelColumn, values, origin } = context.prepared;
  const cells = values[row];
  const text =
    labelColumn !== undefined && Array.isArray(cells) ? cellText(cells[labelColumn]) : undefined;
  if (text !== undefined) return `'${text.length <= 60 ? text : `${text.slice(0, 59)}…`}'`;
  return `row ${origin.row + row + 1}`;
}

/**
 * Index (into the figure columns) of the first figure column passing a test, or -1.
 *
 * @example
 * findFigure(prepared, (column) => column.role === 'forecast');
 */
export function findFigure(
  prepared: PreparedTable,
  test: (column: RecognisedColumn) => boolean,
): number {
  return prepared.figureColumns.findIndex((column) => test(prepared.columns[column]));
}

/**
 * The current budget column: revised, else approved, else original, else any budget; -1 for none.
 *
 * @example
 * currentBudgetFigure(prepared); // the index of 'Revised Budget' when the table has one
 */
export function currentBudgetFigure(prepared: PreparedTable): number {
  for (const kind of ['revised', 'approved', 'original', undefined] as const) {
    const found = findFigure(
      prepared,
      (column) => column.role === 'budget' && column.budgetKind === kind,
    );
    if (found >= 0) return found;
  }
  return -1;
}

/**
 * Multiplies every number of a list in place (a rule's stored units, when the scale grows).
 *
 * @example
 * scaleAll(sums, 10);
 */
export function scaleAll(list: number[] | Float64Array, factor: number): void {
  for (let i = 0; i < list.length; i++) list[i] *= factor;
}

/**
 * `phasing-mismatch`, `unphased` and `phasing-out-of-range`: a scheme's quarter (or year) columns
 * against its all-years budget, and its phasing phrase against the period columns.
 */
import { formatFiscalYear, formatPeriodColumn, quarterIndex, quartersOfColumn } from '../calendar';
import { cellText } from '../grid/cells';
import type { PreparedTable } from '../grid/prepare';
import { DETAIL } from '../grid/rowKind';
import type { FigureScan } from '../grid/scan';
import type { Parsed } from '../findings';
import { type Phasing, parsePhasing } from '../phasing';
import {
  type CheckContext,
  type Rule,
  currentBudgetFigure,
  findFigure,
  report,
  rowName,
  shown,
  shownTolerance,
} from './context';
import { withinRounding } from './rounding';

/**
 * The period columns that split a scheme's budget, each quarter counted once: every quarter
 * column, plus the year columns none of whose quarters has its own column (a sheet may show
 * quarters for the budget year and whole years after it). A year column over its own quarters is
 * a summary, not more spend, and is left out.
 */
export function periodFigures(prepared: PreparedTable): number[] {
  const periodOf = (f: number) => prepared.columns[prepared.figureColumns[f]].period;
  const all: number[] = [];
  prepared.figureColumns.forEach((_, f) => {
    if (periodOf(f)) all.push(f);
  });
  const taken = new Set<number>();
  const chosen: number[] = [];
  for (const kind of ['quarter', 'year'] as const) {
    for (const f of all) {
      const period = periodOf(f);
      if (period?.kind !== kind) continue;
      const quarters = quartersOfColumn(period);
      if (quarters.some((quarter) => taken.has(quarter))) continue;
      for (const quarter of quarters) taken.add(quarter);
      chosen.push(f);
    }
  }
  return chosen.sort((a, b) => a - b);
}

/** The figure a scheme's phasing must add up to: all-years budget, else current budget, else an amount. */
export function targetFigure(prepared: PreparedTable): number {
  const allYears = findFigure(prepared, (column) => column.role === 'all-years-budget');
  if (allYears >= 0) return allYears;
  const budget = currentBudgetFigure(prepared);
  if (budget >= 0) return budget;
  return findFigure(prepared, (column) => column.role === 'amount');
}

// A class rather than closures, so the pass calls one stable method (see totalRule.ts).
class PhasingRule implements Rule {
  readonly kinds = [DETAIL];
  /** Rows whose period figures were added up against the budget (for the reading). */
  private checkedRows = 0;
  /** Per figure column: 1 when it is one of the period columns. */
  private readonly isPeriod: Uint8Array;
  // (row, phased sum, budget, count of period figures) of rows whose phasing does not add up.
  private readonly mismatches: number[] = [];
  // (row, outcome) of rows whose phrase has a finding, judged as the pass reads the row (its
  // cells are at hand then; reading them again afterwards would fetch every row from memory).
  readonly phraseFindings: number[] = [];
  // A programme repeats a few hundred phrases over many thousand rows: each distinct phrase is
  // judged once.
  private readonly verdicts = new Map<string, PhraseVerdict>();

  constructor(
    private readonly periods: readonly number[],
    private readonly target: number,
    private readonly phrases: number | undefined,
    private readonly covered: ReadonlySet<number>,
    figureCount: number,
  ) {
    this.isPeriod = new Uint8Array(figureCount);
    for (const f of periods) this.isPeriod[f] = 1;
  }

  row(row: number, _kind: number, scan: FigureScan): void {
    if (this.phrases !== undefined) {
      const outcome = this.judgeRowPhrase(scan.cells[this.phrases]);
      if (outcome !== PHRASE_FITS) this.phraseFindings.push(row, outcome);
    }
    if (this.target < 0) return;
    const units = scan.units;
    const budget = units[this.target];
    if (budget !== budget) return;
    // The row's figures are listed in the scan: add those in period columns, rather than test
    // every period column of a mostly empty row.
    const { shown, shownCount } = scan;
    const isPeriod = this.isPeriod;
    let sum = 0;
    let count = 0;
    for (let i = 0; i < shownCount; i++) {
      const f = shown[i];
      if (isPeriod[f] === 1) {
        sum += units[f];
        count++;
      }
    }
    if (count > 0) this.checkedRows++;
    if (sum !== budget || count === 0) this.mismatches.push(row, sum, budget, count);
  }

  private judgeRowPhrase(raw: unknown): number {
    const text = phraseText(raw);
    if (text === undefined) return PHRASE_MISSING;
    return this.verdictOf(text).outcome;
  }

  verdictOf(text: string): PhraseVerdict {
    let verdict = this.verdicts.get(text);
    if (!verdict) {
      verdict = judgePhrase(text, this.covered);
      if (this.verdicts.size < 10000) this.verdicts.set(text, verdict);
    }
    return verdict;
  }

  widen(factor: number): void {
    const { mismatches } = this;
    for (let i = 0; i < mismatches.length; i += 4) {
      mismatches[i + 1] *= factor;
      mismatches[i + 2] *= factor;
    }
  }

  finish(context: CheckContext): void {
    const { periods, target, phrases } = this;
    if (target >= 0) {
      const tally = {
        checked: this.checkedRows,
        exact: this.checkedRows,
        withinRounding: 0,
        wrong: 0,
      };
      context.phasingTally = tally;
      judgeSums(context, this.mismatches, periods, target, phrases !== undefined, tally);
    }
    if (phrases !== undefined) reportPhrases(context, this, phrases, periods);
  }
}

/**
 * The phasing rule, when the table has period columns or a phasing column; `undefined` otherwise.
 *
 * @example
 * phasingRule(prepared); // 'phasing-mismatch' where a scheme's quarters do not add up to its budget
 */
export function phasingRule(prepared: PreparedTable): Rule | undefined {
  const periods = periodFigures(prepared);
  const target = periods.length > 0 ? targetFigure(prepared) : -1;
  const phrases = prepared.columns.find((column) => column.role === 'phasing')?.index;
  if (target < 0 && phrases === undefined) return undefined;
  const covered = new Set<number>();
  for (const f of periods) {
    const period = prepared.columns[prepared.figureColumns[f]].period;
    if (period) for (const index of quartersOfColumn(period)) covered.add(index);
  }
  return new PhasingRule(periods, target, phrases, covered, prepared.figureColumns.length);
}

/**
 * A phrase to suggest in a message, in the table's own first year (never a year the table does not
 * have, regression: '2016/17 Q2-4' in a 2026/27 programme); `2016/17 Q2-4` when no year is known.
 */
function examplePhrase(context: CheckContext, periods: readonly number[]): string {
  const { columns, figureColumns } = context.prepared;
  let first: number | undefined;
  for (const f of periods) {
    const year = columns[figureColumns[f]]?.period?.year;
    if (year !== undefined && (first === undefined || year < first)) first = year;
  }
  return `${formatFiscalYear(first ?? 2016)} Q2-4`;
}

function judgeSums(
  context: CheckContext,
  mismatches: number[],
  periods: readonly number[],
  target: number,
  hasPhrases: boolean,
  tally: { exact: number; withinRounding: number; wrong: number },
): void {
  const d = context.decimals[target];
  const column = context.prepared.figureColumns[target];
  let periodAllowance = 0;
  for (const f of periods) periodAllowance = Math.max(periodAllowance, context.allowance[f]);
  for (let i = 0; i < mismatches.length; i += 4) {
    const [row, sum, budget, count] = [
      mismatches[i],
      mismatches[i + 1],
      mismatches[i + 2],
      mismatches[i + 3],
    ];
    if (count === 0) {
      // With a phasing column, the phrase speaks for an unphased scheme.
      if (budget !== 0 && !hasPhrases) {
        report(context, {
          rule: 'unphased',
          severity: 'warning',
          row,
          column,
          message: `${rowName(context, row)} has a budget of ${shown(context, budget, d)} but nothing in its period columns: phase it, e.g. '${examplePhrase(context, periods)}'`,
        });
      }
      continue;
    }
    const allowance = count * periodAllowance + context.allowance[target];
    const phased = shown(context, sum, d);
    const printed = shown(context, budget, d);
    tally.exact--;
    if (withinRounding(sum - budget, allowance)) {
      tally.withinRounding++;
      report(context, {
        rule: 'phasing-mismatch',
        severity: 'info',
        row,
        column,
        message: `Phasing of ${rowName(context, row)} adds up to ${phased} against a budget of ${printed}: within rounding (up to ${shownTolerance(context, allowance)})`,
        expected: phased,
        actual: printed,
      });
      continue;
    }
    tally.wrong++;
    report(context, {
      rule: 'phasing-mismatch',
      severity: 'error',
      row,
      column,
      message: `Phasing of ${rowName(context, row)} adds up to ${phased} but its budget is ${printed}: ${shown(context, Math.abs(sum - budget), d)} more than rounding can explain. Re-phase the periods or correct the budget`,
      expected: phased,
      actual: printed,
    });
  }
}

const PHRASE_FITS = 0;
const PHRASE_UNREADABLE = 1;
const PHRASE_NOT_PHASED = 2;
const PHRASE_OUT_OF_RANGE = 3;
/** The row has no phrase at all. */
const PHRASE_MISSING = 4;

/** What one phasing phrase says against the period columns, whichever row it is on. */
interface PhraseVerdict {
  outcome: number;
  /** Why the phrase cannot be read (for PHRASE_UNREADABLE). */
  message?: string;
}

/** A phasing cell's text: words trimmed, or a plain number (a year typed as 2017). */
function phraseText(raw: unknown): string | undefined {
  return (
    cellText(raw) ?? (typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined)
  );
}

function judgePhrase(text: string, covered: ReadonlySet<number>): PhraseVerdict {
  const phasing: Parsed<Phasing> = parsePhasing(text);
  if (!phasing.ok) return { outcome: PHRASE_UNREADABLE, message: phasing.message };
  if (phasing.value.kind === 'not phased') return { outcome: PHRASE_NOT_PHASED };
  if (
    covered.size > 0 &&
    phasing.value.quarters.some((quarter) => !covered.has(quarterIndex(quarter)))
  )
    return { outcome: PHRASE_OUT_OF_RANGE };
  return { outcome: PHRASE_FITS };
}

function reportPhrases(
  context: CheckContext,
  rule: PhasingRule,
  c: number,
  periods: readonly number[],
): void {
  const { prepared } = context;
  const labels = periods
    .map((f) => prepared.columns[prepared.figureColumns[f]].period)
    .filter((period) => period !== undefined);
  const range =
    labels.length === 0
      ? ''
      : `${formatPeriodColumn(labels[0])} to ${formatPeriodColumn(labels[labels.length - 1])}`;
  const found = rule.phraseFindings;
  for (let i = 0; i < found.length; i += 2) {
    const row = found[i];
    const name = rowName(context, row);
    if (found[i + 1] === PHRASE_MISSING) {
      report(context, {
        rule: 'unphased',
        severity: 'warning',
        row,
        column: c,
        message: `${name} has no phasing: write when it will be spent, e.g. '${examplePhrase(context, periods)}'`,
      });
      continue;
    }
    const cells = prepared.values[row];
    const text = phraseText(Array.isArray(cells) ? cells[c] : undefined) ?? '';
    const verdict = rule.verdictOf(text);
    const quoted = text.length <= 60 ? text : `${text.slice(0, 59)}…`;
    if (verdict.outcome === PHRASE_UNREADABLE) {
      report(context, {
        rule: 'unphased',
        severity: 'warning',
        row,
        column: c,
        message: `${name}: ${verdict.message}`,
        actual: quoted,
      });
    } else if (verdict.outcome === PHRASE_NOT_PHASED) {
      report(context, {
        rule: 'unphased',
        severity: 'warning',
        row,
        column: c,
        message: `${name} is not phased yet ('${quoted}'): write when it will be spent, e.g. '${examplePhrase(context, periods)}'`,
        actual: quoted,
      });
    } else {
      report(context, {
        rule: 'phasing-out-of-range',
        severity: 'error',
        row,
        column: c,
        message: `Phasing '${quoted}' of ${name} falls outside the period columns (${range}): correct the phasing, or add columns for the periods it names`,
        actual: quoted,
      });
    }
  }
}

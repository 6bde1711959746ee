/**
 * A variance column signed differently in each block of the table. Councils print variances as
 * favourable when positive: for income, actual less budget (more came in); for spending, budget
 * less actual (less went out). A parish's quarterly monitor heads one `Difference` column over
 * its income lines (4th quarter less budget) and its expenditure lines (budget less 4th quarter),
 * so no one relation fits most rows of the column and it was left unchecked.
 *
 * After the pass, for each variance column no relation checked, this rule splits the rows at the
 * table's headings (`Expenditure (gross)`) and finds, block by block, the two columns whose
 * difference the column is in most rows of that block, in whichever order; then it judges every
 * row of the block against that. A block that fits no pair is left alone, and the reading says so.
 */
import { DETAIL, HEADING, TOTAL } from '../grid/rowKind';
import type { ColumnRelation } from '../grid/relations';
import type { CheckContext } from './context';
import { describeRelation } from './relationRule';
import { rowUnits } from './rowFigures';
import { withinRounding } from './rounding';
import { report, rowName, shown, shownTolerance } from './context';

/** Rows of a block read to find its pair of columns. */
const SAMPLE_ROWS = 200;

/** What the rule found, per block: the relation and its tally (for the reading). */
export interface SectionVariance {
  relation: ColumnRelation;
  /** First and last grid rows (0-based) of the block. */
  from: number;
  to: number;
  checked: number;
  exact: number;
  withinRounding: number;
  wrong: number;
}

/** Columns a variance may compare: money columns, not percentages, not other variances. */
function comparable(context: CheckContext, f: number, target: number): boolean {
  const column = context.prepared.columns[context.prepared.figureColumns[f]];
  return f !== target && column.role !== 'variance' && column.percent !== true;
}

function sheetRow(context: CheckContext, row: number): number {
  return context.prepared.origin.row + row + 1;
}

/**
 * Checks each variance column that no relation checked, block by block. Returns what it found.
 *
 * @example
 * checkSectionVariances(context); // [{ relation: H = G - C, rows 2 to 10 }, { relation: H = C - G, rows 11 to 20 }]
 */
export function checkSectionVariances(
  context: CheckContext,
  alreadyChecked: ReadonlySet<number> = new Set(),
): SectionVariance[] {
  const { prepared, scan } = context;
  const checkedTargets = new Set([
    ...alreadyChecked,
    ...(context.relationTallies ?? []).map((t) => t.relation.target),
  ]);
  const found: SectionVariance[] = [];
  const targets = prepared.figureColumns
    .map((column, f) => ({ column, f }))
    .filter(
      ({ column }) => prepared.columns[column].role === 'variance' && !checkedTargets.has(column),
    );
  if (targets.length === 0) return found;
  // Blocks: the rows between headings.
  const blocks: { from: number; to: number }[] = [];
  let from = prepared.firstDataRow;
  for (let r = prepared.firstDataRow; r <= scan.kinds.length; r++) {
    if (r === scan.kinds.length || scan.kinds[r] === HEADING) {
      if (r > from) blocks.push({ from, to: r - 1 });
      from = r + 1;
    }
  }
  if (blocks.length < 2) return found;
  const units = new Map<number, number[]>();
  const unitsOf = (r: number) => {
    let row = units.get(r);
    if (row === undefined) units.set(r, (row = rowUnits(context, r)));
    return row;
  };
  for (const { column, f: t } of targets) {
    const perBlock: SectionVariance[] = [];
    const findingsBefore = context.findings.length;
    for (const block of blocks) {
      const rows: number[] = [];
      for (let r = block.from; r <= block.to; r++)
        if (
          (scan.kinds[r] === DETAIL || scan.kinds[r] === TOTAL) &&
          unitsOf(r)[t] === unitsOf(r)[t]
        )
          rows.push(r);
      if (rows.length < 2) continue;
      // The pair is found on a sample of the block (a programme's block may hold thousands).
      const sample = rows.length <= SAMPLE_ROWS ? rows : rows.slice(0, SAMPLE_ROWS);
      let best: { a: number; b: number; fits: number; distance: number } | undefined;
      const figures = prepared.figureColumns.length;
      for (let a = 0; a < figures; a++) {
        if (!comparable(context, a, t)) continue;
        for (let b = 0; b < figures; b++) {
          if (b === a || !comparable(context, b, t)) continue;
          let fits = 0;
          let telling = 0;
          for (const r of sample) {
            const x = unitsOf(r);
            const va = x[a] === x[a] ? x[a] : 0;
            const vb = x[b] === x[b] ? x[b] : 0;
            if (withinRounding(x[t] - (va - vb), 3 * context.allowance[t])) {
              fits++;
              // A budget of nil is common on income lines: one operand shown is enough.
              if (x[t] !== 0 && (va !== 0 || vb !== 0)) telling++;
            }
          }
          // Most rows (all but a quarter) fit, two of them with figures that say something.
          if (telling < 2 || sample.length - fits > Math.floor(sample.length / 4)) continue;
          // The nearest columns win a tie (the 4th quarter beside the Difference, not the 3rd).
          const distance = Math.abs(a - t) + Math.abs(b - t);
          if (!best || fits > best.fits || (fits === best.fits && distance < best.distance))
            best = { a, b, fits, distance };
        }
      }
      if (!best) continue;
      const relation: ColumnRelation = {
        kind: 'variance',
        target: column,
        plus: [prepared.figureColumns[best.a]],
        minus: [prepared.figureColumns[best.b]],
        source: 'figures',
        sampleRows: sample.length,
        sampleFits: best.fits,
      };
      const tally: SectionVariance = {
        relation,
        from: block.from,
        to: block.to,
        checked: 0,
        exact: 0,
        withinRounding: 0,
        wrong: 0,
      };
      for (const r of rows) judge(context, tally, r, t, best.a, best.b, unitsOf(r));
      perBlock.push(tally);
    }
    // Only a column whose blocks read differently is this rule's: one convention for every block
    // would have been found by the relation rule.
    const ways = new Set(perBlock.map((s) => `${s.relation.plus[0]}-${s.relation.minus[0]}`));
    if (ways.size >= 2) found.push(...perBlock);
    else context.findings.length = findingsBefore;
  }
  return found;
}

function judge(
  context: CheckContext,
  tally: SectionVariance,
  row: number,
  t: number,
  a: number,
  b: number,
  x: readonly number[],
): void {
  const expected = (x[a] === x[a] ? x[a] : 0) - (x[b] === x[b] ? x[b] : 0);
  const printed = x[t];
  tally.checked++;
  if (printed === expected) {
    tally.exact++;
    return;
  }
  const allowance = 3 * context.allowance[t];
  const d = context.decimals[t];
  const want = shown(context, expected, d);
  const got = shown(context, printed, d);
  const gap = shown(context, Math.abs(printed - expected), d);
  const what = context.prepared.columns[tally.relation.target].header || 'Variance';
  const how = `${describeRelation(context.prepared, tally.relation)} (as in rows ${sheetRow(context, tally.from)} to ${sheetRow(context, tally.to)})`;
  const inside = withinRounding(printed - expected, allowance);
  if (inside) tally.withinRounding++;
  else tally.wrong++;
  report(context, {
    rule: 'variance-mismatch',
    severity: inside ? 'info' : 'error',
    row,
    column: tally.relation.target,
    message: inside
      ? `${what} ${got} for ${rowName(context, row)} differs from ${how} (${want}) by ${gap}: within rounding (up to ${shownTolerance(context, allowance)})`
      : `${what} ${got} for ${rowName(context, row)} does not match ${how} (${want}): ${gap} more than rounding can explain. Correct it to ${want}, or check the figures it comes from`,
    expected: want,
    actual: got,
  });
}

/**
 * Runs the checker over every table of the corpus (tests/corpus/tables) and compares what it
 * finds and what its reading says it checked with the ground truth stored beside each table.
 * Shared by corpus.test.ts and by anyone wanting the figures (`npx tsx tests/corpus/corpusCheck.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGridWithReading } from '../../src/core/validation';
import type { Finding } from '../../src/core/findings';
import type { TableReading } from '../../src/core/validation';

/** One stated relation of a corpus table (tests/corpus/README.md). */
export interface CorpusRelation {
  kind: 'total' | 'row-total' | 'revised' | 'variance' | 'difference' | 'cumulative';
  cell: string;
  printed: string;
  status: 'exact' | 'within-rounding' | 'wrong';
  decimals: number;
  over?: string[];
  a?: string;
  b?: string;
}

/** One corpus table. */
export interface CorpusTable {
  id: string;
  council: string;
  grid: string[][];
  relations: CorpusRelation[];
}

/** The kinds of relation the checker must find: every kind the corpus states. */
export const CHECKED_KINDS: ReadonlySet<CorpusRelation['kind']> = new Set([
  'total',
  'cumulative',
  'row-total',
  'revised',
  'variance',
  'difference',
]);

const TABLES = join(__dirname, 'tables');

/** Every table of the corpus, in file-name order. */
export function loadCorpus(): CorpusTable[] {
  return readdirSync(TABLES)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(TABLES, name), 'utf8')) as CorpusTable);
}

/** A printed figure by the corpus's rule (README): `(1,234)`, `-`, `£1.2m`, `12,539`. */
export function readPrinted(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '-' || trimmed === '\u2013') return 0;
  const match = /^(\()?(-)?£?(-)?([\d,]*\.?\d+)m?(\))?$/.exec(trimmed);
  if (!match || (match[1] === undefined) !== (match[5] === undefined)) return undefined;
  if (!/^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$/.test(match[4])) return undefined;
  const value = Number(match[4].replace(/,/g, ''));
  return match[1] || match[2] || match[3] ? -value : value;
}

/** The grid as numbers: every figure cell read by the corpus's rule, the rest left as text. */
export function asNumbers(grid: readonly string[][]): unknown[][] {
  return grid.map((row) =>
    row.map((cell) => {
      const value = readPrinted(cell);
      // A units cell (`£000`) stays text: it heads a column, it is not a figure of 0.
      const units = /^\(?£\s*['\u2019]?0{3}['\u2019]?s?\)?$/.test(cell.trim());
      return value === undefined || units || cell.trim() === '-' || /%/.test(cell) ? cell : value;
    }),
  );
}

function split(cell: string): { letters: string; row: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!match) throw new Error(`bad cell ${cell}`);
  return { letters: match[1], row: Number(match[2]) };
}

/** True when the reading says the relation at `cell` was checked. */
export function readingChecks(reading: TableReading, relation: CorpusRelation): boolean {
  const { letters, row } = split(relation.cell);
  const byColumn = reading.relations.some((r) => r.formula.startsWith(`${letters} = `));
  if (relation.kind === 'difference')
    return reading.relations.some(
      (r) => r.kind === 'difference' && r.formula.startsWith(`row ${row} = `),
    );
  // A running or cumulative balance is read as a row that adds up other rows.
  if (relation.kind === 'total' || relation.kind === 'cumulative')
    return reading.totals.some((total) => total.row === row) || byColumn;
  if (relation.kind === 'row-total') {
    const column = reading.columns.find((c) => c.column === letters);
    return (
      byColumn ||
      (column?.checked === true && reading.notes.some((n) => /^Period columns checked/.test(n)))
    );
  }
  return byColumn;
}

/** What one run over one table found. */
export interface TableOutcome {
  id: string;
  relations: number;
  checked: number;
  missed: CorpusRelation[];
  falseAlarms: Finding[];
  wrongFound: number;
  wrongMissed: CorpusRelation[];
  findings: Finding[];
  reading: TableReading;
  /** What each grid row was read as (`total`, `detail`...), indexed like the grid. */
  rowKinds: readonly string[];
}

const ARITHMETIC: ReadonlySet<string> = new Set([
  'total-mismatch',
  'variance-mismatch',
  'revision-mismatch',
  'phasing-mismatch',
]);

/**
 * Checks one table's grid (text or numbers) and compares with its relations.
 *
 * @example
 * runTable(table, table.grid).falseAlarms; // []
 */
export function runTable(
  table: CorpusTable,
  values: readonly (readonly unknown[])[],
): TableOutcome {
  const {
    findings,
    reading,
    table: recognised,
  } = checkGridWithReading({ sheet: table.id, values });
  const errors = findings.filter((f) => f.severity === 'error' && ARITHMETIC.has(f.rule));
  const wrongCells = new Set(
    table.relations.filter((r) => r.status === 'wrong').map((r) => r.cell),
  );
  const stated = table.relations.filter((r) => CHECKED_KINDS.has(r.kind));
  const missed = stated.filter((r) => !readingChecks(reading, r));
  const wrong = table.relations.filter((r) => r.status === 'wrong');
  const wrongMissed = wrong.filter((r) => !errors.some((f) => f.cell === r.cell));
  return {
    id: table.id,
    relations: stated.length,
    checked: stated.length - missed.length,
    missed,
    falseAlarms: errors.filter((f) => !wrongCells.has(f.cell ?? '')),
    wrongFound: wrong.length - wrongMissed.length,
    wrongMissed,
    findings,
    reading,
    rowKinds: recognised?.rowKinds ?? [],
  };
}

/** A copy of the grid with one figure changed well beyond rounding (a planted typo). */
export function plant(grid: readonly string[][], cell: string): string[][] {
  const { letters, row } = split(cell);
  let column = 0;
  for (const ch of letters) column = column * 26 + ch.charCodeAt(0) - 64;
  const copy = grid.map((r) => [...r]);
  const printed = copy[row - 1][column - 1];
  const value = readPrinted(printed) ?? 0;
  const places = /\.(\d+)/.exec(printed)?.[1].length ?? 0;
  const changed = value + 137 * 10 ** -places * (Math.abs(value) > 1000 ? 10 : 1);
  const text = changed.toFixed(places);
  copy[row - 1][column - 1] = changed < 0 ? `(${text.slice(1)})` : text;
  return copy;
}

if (require.main === module) {
  for (const table of loadCorpus()) {
    for (const [how, values] of [
      ['text', table.grid],
      ['numbers', asNumbers(table.grid)],
    ] as const) {
      const outcome = runTable(table, values);
      const bad = outcome.missed.length + outcome.falseAlarms.length + outcome.wrongMissed.length;
      console.log(
        `${bad ? 'XX' : 'ok'} ${table.id} (${how}): ${outcome.checked}/${outcome.relations} checked, ${outcome.falseAlarms.length} false alarms, ${outcome.wrongMissed.length} wrong missed`,
      );
      if (bad && how === 'text' && process.argv.includes('-v')) {
        for (const r of outcome.missed.slice(0, 6)) console.log(`   missed ${r.kind} ${r.cell}`);
        for (const f of outcome.falseAlarms.slice(0, 6))
          console.log(`   alarm ${f.cell} ${f.message}`);
      }
    }
  }
}

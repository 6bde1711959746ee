/**
 * Proves the corpus is self-consistent: every stored relation's sum or difference, and its
 * status under the rounding rule, is recomputed here from the transcribed grid with exact
 * BigInt decimals. Deliberately independent of src/core (the checker under test), so a bug in
 * the checker cannot hide a bug in the ground truth. The tables are real published council
 * tables: see tests/corpus/SOURCES.md for where each comes from.
 */
import * as fs from 'fs';
import * as path from 'path';

interface SumRelation { kind: 'total' | 'row-total' | 'revised' | 'cumulative'; cell: string; over: string[]; printed: string; sum: string; status: Status; decimals: number }
interface DifferenceRelation { kind: 'variance' | 'difference'; cell: string; a: string; b: string; formula: 'a-b' | 'b-a'; printed: string; computed: string; status: Status; decimals: number }
type Relation = SumRelation | DifferenceRelation;
const isDifference = (r: Relation): r is DifferenceRelation => r.kind === 'variance' || r.kind === 'difference';
type Status = 'exact' | 'within-rounding' | 'wrong';
interface CorpusTable {
  id: string; council: string; report: string; date: string; url: string; page_or_table: string; units: string;
  grid: string[][]; relations: Relation[];
}

const tablesDir = path.join(__dirname, 'tables');
const files = fs.readdirSync(tablesDir).filter((f) => f.endsWith('.json')).sort();
const tables: CorpusTable[] = files.map((f) => JSON.parse(fs.readFileSync(path.join(tablesDir, f), 'utf8')) as CorpusTable);

/** A1 address to the printed text of that cell. */
function cellAt(grid: string[][], address: string): string {
  const m = /^([A-Z]+)([1-9]\d*)$/.exec(address);
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = grid[Number(m[2]) - 1];
  if (!row || col > row.length) throw new Error(`address outside the grid: ${address}`);
  return row[col - 1];
}

/** Printed figure to an exact scaled integer: `(1,234)`, `-1,234`, `£1.169m`, `-` and blank (nil). */
function parseFigure(text: string): { units: bigint; decimals: number } {
  let s = text.trim();
  if (s === '' || s === '-' || s === '\u2013') return { units: 0n, decimals: 0 };
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) { negative = true; s = s.slice(1, -1).trim(); }
  if (s.startsWith('-') || s.startsWith('\u2013')) { negative = !negative; s = s.slice(1).trim(); }
  s = s.replace(/^£/, '').replace(/m$/, '').split(',').join('');
  if (!/^\d+(\.\d+)?$/.test(s)) throw new Error(`not a figure: ${JSON.stringify(text)}`);
  const [whole, fraction = ''] = s.split('.');
  const units = BigInt(whole + fraction);
  return { units: negative ? -units : units, decimals: fraction.length };
}

function rescale(f: { units: bigint; decimals: number }, decimals: number): bigint {
  return f.units * 10n ** BigInt(decimals - f.decimals);
}

function format(units: bigint, decimals: number): string {
  const negative = units < 0n;
  let digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  if (decimals > 0) digits = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return (negative ? '-' : '') + digits;
}

/** Recomputes a relation: the value the other figures give, and the status of the printed one. */
function recompute(grid: string[][], r: Relation): { value: string; status: Status; decimals: number } {
  const terms: { address: string; sign: 1n | -1n }[] =
    isDifference(r)
      ? r.formula === 'a-b'
        ? [{ address: r.a, sign: 1n }, { address: r.b, sign: -1n }]
        : [{ address: r.b, sign: 1n }, { address: r.a, sign: -1n }]
      : r.over.map((address: string) => ({ address, sign: 1n as const }));
  const printed = parseFigure(cellAt(grid, r.cell));
  const figures = terms.map((t) => ({ ...t, figure: parseFigure(cellAt(grid, t.address)) }));
  const decimals = Math.max(printed.decimals, ...figures.map((f) => f.figure.decimals));
  const value = figures.reduce((acc, f) => acc + f.sign * rescale(f.figure, decimals), 0n);
  const gap = rescale(printed, decimals) - value;
  const absGap = gap < 0n ? -gap : gap;
  // Each of the k shown figures may be off by half a unit of the last place: |gap| <= k * 0.5.
  const k = BigInt(terms.length + 1);
  const status: Status = gap === 0n ? 'exact' : 2n * absGap <= k ? 'within-rounding' : 'wrong';
  return { value: format(value, decimals), status, decimals };
}

describe('corpus of real published capital tables', () => {
  it('holds at least 25 tables from at least 10 councils or public bodies', () => {
    expect(tables.length).toBeGreaterThanOrEqual(25);
    const bodies = new Set(tables.map((t) => t.council.replace(/ \(.*$/, '')));
    expect(bodies.size).toBeGreaterThanOrEqual(10);
  });

  it.each(tables.map((t) => [t.id, t] as const))('%s: has its source and a rectangular grid', (id, t) => {
    expect(`${t.id}.json`).toBe(files.find((f) => f === `${id}.json`));
    for (const key of ['council', 'report', 'date', 'url', 'page_or_table', 'units'] as const) expect(t[key]).toBeTruthy();
    expect(t.url).toMatch(/^https?:\/\//);
    const width = t.grid[0].length;
    for (const row of t.grid) {
      expect(row).toHaveLength(width);
      for (const cell of row) expect(typeof cell).toBe('string');
    }
    expect(t.relations.length).toBeGreaterThan(0);
  });

  it.each(tables.map((t) => [t.id, t] as const))('%s: every stored relation matches exact recomputation', (_id, t) => {
    for (const r of t.relations) {
      const got = recompute(t.grid, r);
      const stored = isDifference(r) ? r.computed : r.sum;
      expect({ cell: r.cell, printed: r.printed, value: stored, status: r.status, decimals: r.decimals }).toEqual({
        cell: r.cell, printed: cellAt(t.grid, r.cell), value: got.value, status: got.status, decimals: got.decimals,
      });
    }
  });

  it('uses every relation kind the README documents', () => {
    const kinds = new Set(tables.flatMap((t) => t.relations.map((r) => r.kind)));
    expect([...kinds].sort()).toEqual(['cumulative', 'difference', 'revised', 'row-total', 'total', 'variance']);
  });

  it('recognises a published mistake: West Yorkshire Fire prints 7.616 over rows that sum to 7.484', () => {
    const t = tables.find((x) => x.id === 'wyfs-2017-18-capital-investment');
    const total = t?.relations.find((r) => r.cell === 'B8');
    expect(total && recompute(t!.grid, total)).toEqual({ value: '7.484', status: 'wrong', decimals: 3 });
  });

  it('the rounding rule is what separates within-rounding from wrong (Bath & NES Jun-05 actual total)', () => {
    const t = tables.find((x) => x.id === 'bathnes-2005-06-capital-monitor')!;
    const r = t.relations.find((x) => x.cell === 'B13')!;
    expect(recompute(t.grid, r)).toEqual({ value: '3505', status: 'within-rounding', decimals: 0 });
    const planted = t.grid.map((row) => [...row]);
    planted[12][1] = '3,512'; // off by 7 over 9 rows: beyond 10 x 0.5
    expect(recompute(planted, r).status).toBe('wrong');
  });
});

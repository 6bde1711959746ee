/**
 * The financing checks on real published statements (tests/corpus, issue 12's corpus): each total
 * financing as printed is found to add up, financing equals expenditure where the report prints
 * both, and a mismatch planted in a copy is found at its cell.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFinancingStatement, type ShownStatement } from '../../src/core/financing';
import { toA1 } from '../../src/core/grid/address';
import { type Decimal, ZERO } from '../../src/core/money/decimal';
import { parseMoney } from '../../src/core/money/parse';

interface CorpusTable {
  grid: string[][];
}

function table(id: string): string[][] {
  const file = join(__dirname, '..', 'corpus', 'tables', `${id}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as CorpusTable).grid;
}

/** A printed figure as the corpus README reads it: '-' and blank are nil. */
function figure(text: string): Decimal {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '-' || trimmed === '–') return ZERO;
  const read = parseMoney(trimmed, { unit: '£m', assumedUnit: '£m' });
  if (!read.ok) throw new Error(`corpus figure ${text}: ${read.message}`);
  return read.value.value;
}

const at = (grid: string[][], row1: number, column0: number) => ({
  value: figure(grid[row1 - 1][column0]),
  cell: { sheet: 'Sheet1', cell: toA1(row1 - 1, column0) },
});

/** Rows `from..to` (1-based) of column `column0` as a statement's sources. */
function sourcesOf(grid: string[][], from: number, to: number, columns: number[]) {
  const rows = [];
  for (let row = from; row <= to; row++)
    rows.push({ label: grid[row - 1][0], figures: columns.map((column) => at(grid, row, column)) });
  return rows;
}

describe('financing checks on published statements', () => {
  it('Isle of Wight 2005/06 outturn: the Financed by block under the expenditure block equals it', () => {
    const grid = table('iow-2005-06-capital-outturn-summary');
    const statement: ShownStatement = {
      columns: ['Actual spend'],
      expenditure: [at(grid, 13, 2)],
      sources: sourcesOf(grid, 17, 19, [2]),
      totalFinancing: [at(grid, 20, 2)],
    };
    expect(checkFinancingStatement(statement, { decimals: 1 })).toEqual([]);
  });

  it('Isle of Wight with one source changed: the planted mismatch is found at the total', () => {
    const grid = table('iow-2005-06-capital-outturn-summary').map((row) => row.slice());
    grid[17][2] = '512.7'; // Capital Receipts, printed 412.7
    const statement: ShownStatement = {
      columns: ['Actual spend'],
      expenditure: [at(grid, 13, 2)],
      sources: sourcesOf(grid, 17, 19, [2]),
      totalFinancing: [at(grid, 20, 2)],
    };
    const findings = checkFinancingStatement(statement, { decimals: 1 });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'funding-mismatch',
        cell: 'C20',
        expected: '25818.3',
        actual: '25718.3',
      }),
    ]);
  });

  it('Welwyn Hatfield 2021/22: financing (a separate table) equals expenditure, £000', () => {
    const spend = table('welhat-2021-22-capital-expenditure');
    const financing = table('welhat-2021-22-capital-financing');
    const statement: ShownStatement = {
      columns: ['2021/22'],
      expenditure: [at(spend, 8, 1)],
      sources: sourcesOf(financing, 2, 7, [1]),
      totalFinancing: [at(financing, 8, 1)],
    };
    expect(checkFinancingStatement(statement, { decimals: 0 })).toEqual([]);
  });

  it('Bexley 2025-29: every year and the total column of a three-decimal statement add up', () => {
    const grid = table('bexley-2025-29-capital-funding');
    const columns = [1, 2, 3, 4, 5];
    const statement: ShownStatement = {
      columns: columns.map((column) => grid[0][column]),
      expenditure: columns.map(() => undefined),
      sources: sourcesOf(grid, 2, 7, columns),
      totalFinancing: columns.map((column) => at(grid, 8, column)),
    };
    expect(checkFinancingStatement(statement, { decimals: 3 })).toEqual([]);
  });
});

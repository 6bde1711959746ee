/**
 * The fast reader against ExcelJS on the real-table corpus (tests/corpus/tables: councils'
 * published capital tables, as printed). Each table is written by ExcelJS twice: as the printed
 * text, and with its figures as numbers in '#,##0' (brackets as negatives); both readers must give
 * the same grid, and the engine's check the same findings on both. CORPUS_TABLES names another
 * folder; without the corpus the test says so and checks nothing.
 */
import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkGrid } from '../../src/core/validation';
import { readWorkbookFast } from '../../src/xlsx/fastReader/readWorkbookFast';
import { readWholeWorkbookGrids } from '../../src/xlsx/readWorkbook';

const TABLES = process.env.CORPUS_TABLES ?? resolve(__dirname, '../corpus/tables');
const files = existsSync(TABLES)
  ? readdirSync(TABLES).filter((name) => name.endsWith('.json'))
  : [];

/** '6,357' -> 6357, '(318)' -> -318; other text stays text. */
function asFigure(cell: unknown): unknown {
  if (typeof cell !== 'string') return cell;
  const match = /^\s*(\()?(-?[\d,]+(?:\.\d+)?)\)?\s*$/.exec(cell);
  if (!match) return cell;
  const number = Number(match[2].replace(/,/g, ''));
  return match[1] ? -number : number;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-fast-corpus-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the fast reader on the real-table corpus', () => {
  if (files.length === 0) {
    it('has no corpus here to read (tests/corpus/tables is missing)', () => {
      expect(existsSync(TABLES)).toBe(false);
    });
    return;
  }

  it.each(files)('%s: same grids as ExcelJS, same findings', async (name) => {
    const table = JSON.parse(readFileSync(join(TABLES, name), 'utf8')) as { grid: unknown[][] };
    const workbook = new ExcelJS.Workbook();
    const printed = workbook.addWorksheet('Printed');
    const figures = workbook.addWorksheet('Figures');
    table.grid.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null || cell === undefined || cell === '') return;
        printed.getCell(r + 3, c + 2).value = cell as ExcelJS.CellValue;
        const figure = asFigure(cell);
        const target = figures.getCell(r + 3, c + 2);
        target.value = figure as ExcelJS.CellValue;
        if (typeof figure === 'number') target.numFmt = '#,##0;(#,##0)';
      }),
    );
    const path = join(dir, `${name}.xlsx`);
    await workbook.xlsx.writeFile(path);
    const expected = await readWholeWorkbookGrids(path);
    const actual = await readWorkbookFast(path);
    if (!expected.ok || !actual.ok) throw new Error('a reader refused a corpus table');
    expect(actual.value.grids).toEqual(expected.value.grids);
    for (const [index, grid] of actual.value.grids.entries())
      expect(checkGrid(grid).findings).toEqual(checkGrid(expected.value.grids[index]).findings);
  });
});

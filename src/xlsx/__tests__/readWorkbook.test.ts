import ExcelJS from 'exceljs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookGrids } from '../readWorkbook';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-xlsx-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function written(name: string, build: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

describe('readWorkbookGrids', () => {
  it('reads the used range from its top-left cell, with the origin of that cell', async () => {
    const path = await written('origin.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Programme');
      sheet.getCell('B3').value = 'Area for investment';
      sheet.getCell('C3').value = 'Capital £m';
      sheet.getCell('B4').value = 'Compliance';
      sheet.getCell('C4').value = 2.6;
      sheet.getCell('C4').numFmt = '0.0';
    });
    const read = await readWorkbookGrids(path);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [grid] = read.value.grids;
    expect(grid.sheet).toBe('Programme');
    expect(grid.origin).toEqual({ row: 2, column: 1 });
    expect(grid.values).toEqual([
      ['Area for investment', 'Capital £m'],
      ['Compliance', 2.6],
    ]);
    expect(grid.numberFormats).toEqual([
      ['General', 'General'],
      ['General', '0.0'],
    ]);
  });

  it('gives formulas as their cached results, dates as serials and empty cells as blank text', async () => {
    const path = await written('values.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Monitoring');
      sheet.getCell('A1').value = { formula: '1+1', result: 2 };
      sheet.getCell('B1').value = new Date(Date.UTC(2016, 3, 1));
      sheet.getCell('B1').numFmt = 'dd/mm/yyyy';
      sheet.getCell('D1').value = {
        richText: [{ text: 'On ' }, { text: 'target', font: { bold: true } }],
      };
      sheet.getCell('A2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      sheet.getCell('B2').value = true;
      sheet.getCell('C2').value = { formula: 'IF(B2,"OK","Check")', result: 'OK' };
      sheet.getCell('D2').value = '2.6';
    });
    const read = await readWorkbookGrids(path);
    if (!read.ok) throw new Error(read.message);
    expect(read.value.grids[0].values).toEqual([
      [2, 42461, '', 'On target'],
      ['#DIV/0!', true, 'OK', '2.6'],
    ]);
  });

  it('shows a merged area’s value only in its top-left cell, as Excel does', async () => {
    const path = await written('merged.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Programme');
      sheet.getCell('A1').value = 'DELIVERED OR IN PROGRESS';
      sheet.mergeCells('A1:C1');
      sheet.getCell('A2').value = 'Compliance';
      sheet.getCell('C2').value = 2.6;
    });
    const read = await readWorkbookGrids(path);
    if (!read.ok) throw new Error(read.message);
    expect(read.value.grids[0].values[0]).toEqual(['DELIVERED OR IN PROGRESS', '', '']);
  });

  it('reads only the sheet named, whatever its case', async () => {
    const path = await written('sheets.xlsx', (workbook) => {
      workbook.addWorksheet('Programme').getCell('A1').value = 1;
      workbook.addWorksheet('Monitoring').getCell('A1').value = 2;
    });
    const read = await readWorkbookGrids(path, { sheet: 'monitoring' });
    if (!read.ok) throw new Error(read.message);
    expect(read.value.grids.map((grid) => grid.sheet)).toEqual(['Monitoring']);
    expect(read.value.grids[0].values).toEqual([[2]]);
  });

  it('names the sheets there are when the sheet asked for is missing', async () => {
    const path = await written('one-sheet.xlsx', (workbook) => {
      workbook.addWorksheet('Programme').getCell('A1').value = 1;
    });
    const read = await readWorkbookGrids(path, { sheet: 'Forecast' });
    expect(read).toEqual({
      ok: false,
      message: expect.stringContaining("no sheet named 'Forecast' (its sheets: 'Programme')"),
    });
  });

  it('gives an empty sheet as an empty grid', async () => {
    const path = await written('empty-sheet.xlsx', (workbook) => {
      workbook.addWorksheet('Notes');
    });
    const read = await readWorkbookGrids(path);
    if (!read.ok) throw new Error(read.message);
    expect(read.value.grids[0].values).toEqual([]);
  });

  it.each([
    ['an empty file', '', /is empty \(0 bytes\)/],
    ['a CSV file', 'Scheme,Budget\nCompliance,2.6\n', /is a text \(CSV\) file/],
    [
      'a web page saved as .xlsx',
      '<html><body><table><tr><td>2.6</td></tr></table></body></html>',
      /is a web page \(HTML or XML\)/,
    ],
    [
      'a compound (password-protected) file',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /password-protected/,
    ],
    [
      'a zip archive cut short',
      Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 1)]),
      /damaged or not an Excel workbook/,
    ],
  ])('explains %s instead of throwing', async (_what, content, message) => {
    const path = join(dir, `bad-${Math.random().toString(36).slice(2)}.xlsx`);
    await writeFile(path, content);
    const read = await readWorkbookGrids(path);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
  });

  it('explains a missing file and a folder', async () => {
    expect(await readWorkbookGrids(join(dir, 'missing.xlsx'))).toEqual({
      ok: false,
      message: expect.stringMatching(/does not exist/),
    });
    expect(await readWorkbookGrids(dir)).toEqual({
      ok: false,
      message: expect.stringMatching(/is a folder/),
    });
  });
});

describe('ExcelJS regression: a formula whose cached result is 0', () => {
  // ExcelJS 4.4 leaves falsy results out of `cell.value` ({ formula } with no result), so a
  // variance of exactly 0 read back as blank; the adapter reads `cell.result` instead.
  it('reads a zero, an empty text and a false result as themselves, not as blank', async () => {
    const path = await written('zero-result.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Monitoring');
      sheet.getCell('A1').value = { formula: '2.6-2.6', result: 0 };
      sheet.getCell('B1').value = { formula: '1=2', result: false };
      sheet.getCell('C1').value = { formula: '1+1', result: 2 };
    });
    const read = await readWorkbookGrids(path);
    if (!read.ok) throw new Error(read.message);
    expect(read.value.grids[0].values).toEqual([[0, false, 2]]);
  });
});

/**
 * The command line's reader (src/xlsx/fastReader) against ExcelJS's whole-file read, on every
 * .xlsx the repository builds: the fixtures of tests/fixtures/buildFixtures.ts, the forecast
 * returns and masters of tests/fixtures/forecastReturns.ts and the demo workbook. Both must give
 * the same grids (values and number formats), sheet names and, for readable files, the same
 * verdict; unreadable files must be refused by both.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { readWholeWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { readWorkbookFast } from '../../src/xlsx/fastReader/readWorkbookFast';
import { describeFileProblem } from '../../src/xlsx/fileProblem';
import { buildFixtures } from '../fixtures/buildFixtures';
import { writeReturn, writeTaskPaneMaster, writeTaskPaneReturn } from '../fixtures/forecastReturns';

let dir: string;
let files: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-fast-'));
  await buildFixtures(join(dir, 'fixtures'));
  const quiet = { out: () => undefined, err: () => undefined };
  await main(['demo', '--out', join(dir, 'demo.xlsx')], quiet);
  const schemes = [
    { ref: 'CP001', scheme: 'Compliance', approved: 2.6, current: 2.4 },
    { ref: 'CP002', scheme: 'Technology refresh', approved: 1.1, current: 1.3 },
  ];
  await writeTaskPaneMaster(dir, 'master.xlsx', 'Head of ICT', schemes);
  await writeTaskPaneReturn(dir, 'return.xlsx', 'Head of ICT', schemes, [2.5, null]);
  await writeReturn(dir, 'plain-return.xlsx', {
    'Jane Smith': [{ ref: 'CP001', scheme: 'Compliance', budget: 2.6, forecast: 2.5 }],
  });
  const fixtures = (await readdir(join(dir, 'fixtures'))).map((name) =>
    join(dir, 'fixtures', name),
  );
  files = [
    ...fixtures,
    ...['demo.xlsx', 'master.xlsx', 'return.xlsx', 'plain-return.xlsx'].map((name) =>
      join(dir, name),
    ),
  ];
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the fast reader on every workbook the repository builds', () => {
  it('gives exactly the grids ExcelJS gives, or refuses what ExcelJS cannot read', async () => {
    expect(files.length).toBeGreaterThan(8);
    let compared = 0;
    for (const file of files) {
      const problem = await describeFileProblem(file);
      if (problem) continue;
      const expected = await readWholeWorkbookGrids(file);
      const actual = await readWorkbookFast(file);
      expect({ file, ok: actual.ok }).toEqual({ file, ok: expected.ok });
      if (!expected.ok || !actual.ok) continue;
      expect(actual.value.sheetNames).toEqual(expected.value.sheetNames);
      expect(actual.value.grids).toEqual(expected.value.grids);
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(7);
  });

  it('finds the Excel table and the range it covers', async () => {
    const read = await readWorkbookFast(join(dir, 'fixtures', 'excel-table.xlsx'));
    if (!read.ok) throw new Error(read.message);
    expect(read.value.tables).toEqual([
      expect.objectContaining({ sheet: 'Schemes', name: 'Schemes' }),
    ]);
    expect(read.value.tables[0].range).toMatch(/^A1:[A-Z]+\d+$/);
  });
});

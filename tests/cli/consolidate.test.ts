/**
 * `capital-planner consolidate`: forecasts from budget holders' returns go into the master's
 * Monitoring sheet by Ref; returns that do not match are reported and not copied; inputs never change.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_LAYOUT } from '../../src/xlsx/demo/writeDemo';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import type { SheetGrid } from '../../src/xlsx/sheetGrid';
import ExcelJS from 'exceljs';
import {
  writeReturn,
  writeTaskPaneMaster,
  writeTaskPaneReturn,
  type MasterScheme,
} from '../fixtures/forecastReturns';
import { hashes, runCli, type CliRun } from './runCli';

let dir: string;
let master: string;
let returns: Record<'good' | 'mixed' | 'unknownRef' | 'missingForecast', string>;
let out: string;
let run: CliRun;
let before: string[];

async function monitoring(path: string): Promise<Map<string, unknown[]>> {
  const read = await readWorkbookGrids(path, { sheet: DEMO_LAYOUT.monitoringSheet });
  if (!read.ok) throw new Error(read.message);
  const grid: SheetGrid = read.value.grids[0];
  return new Map(
    grid.values
      .filter((row) => typeof row[0] === 'string' && row[0] !== '')
      .map((row) => [String(row[0]), [...row]]),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-consolidate-'));
  master = join(dir, 'master.xlsx');
  const demo = await runCli(['demo', '--out', master]);
  if (demo.status !== 0) throw new Error(demo.stderr);
  returns = {
    good: await writeReturn(dir, 'ict-jane-smith.xlsx', {
      'Jane Smith': [
        { ref: 'CP-001', scheme: 'Compliance', budget: 2.6, forecast: 2.5 },
        { ref: 'CP-002', scheme: 'Service management', budget: 1.1, forecast: 1.3 },
        { ref: 'CP-003', scheme: 'Technology refresh', budget: 4.32, forecast: 4.5 },
      ],
    }),
    mixed: await writeReturn(dir, 'ict-two-holders.xlsx', {
      'Ali Khan': [
        { ref: 'CP-004', scheme: 'Business transformation', budget: 0.6, forecast: 0.6 },
      ],
      // The master's budget for CP-007 is 2.0: a budget holder may not change it.
      'Sam Jones': [
        { ref: 'CP-007', scheme: 'Technology and Internet of things', budget: 2.5, forecast: 2.4 },
      ],
    }),
    unknownRef: await writeReturn(dir, 'ict-pat-lee.xlsx', {
      'Pat Lee': [
        { ref: 'CP-008', scheme: 'Technology refresh', budget: 10, forecast: 9 },
        { ref: 'CP-099', scheme: 'A scheme the master does not have', budget: 1, forecast: 1 },
      ],
    }),
    missingForecast: await writeReturn(dir, 'ict-chris-ng.xlsx', {
      'Chris Ng': [
        {
          ref: 'CP-009',
          scheme: 'Business transformation aligned to business strategy',
          budget: 10,
          forecast: null,
        },
      ],
    }),
  };
  out = join(dir, 'period-8.xlsx');
  before = await hashes([master, ...Object.values(returns)]);
  run = await runCli(['consolidate', master, ...Object.values(returns), '--out', out, '--json']);
}, 30_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('capital-planner consolidate', () => {
  it('copies forecasts of matching returns by Ref and exits 1 because some returns were not copied', async () => {
    expect(run.status).toBe(1);
    const rows = await monitoring(out);
    const forecast = (ref: string) => rows.get(ref)?.[5];
    expect([
      forecast('CP-001'),
      forecast('CP-002'),
      forecast('CP-003'),
      forecast('CP-004'),
    ]).toEqual([2.5, 1.3, 4.5, 0.6]);
  });

  it('does not copy a return with a changed budget, an unknown Ref or a missing forecast, and says why', async () => {
    const report = JSON.parse(run.stdout);
    const byHolder = Object.fromEntries(
      report.returns.map((entry: { sheet: string }) => [entry.sheet, entry]),
    );
    expect(byHolder['Jane Smith']).toMatchObject({ copied: true, schemes: 3 });
    expect(byHolder['Ali Khan']).toMatchObject({ copied: true, schemes: 1 });
    expect(byHolder['Sam Jones']).toMatchObject({
      copied: false,
      problems: [
        expect.stringMatching(
          /budget of CP-007 was changed \(C4\): 2\.5 in the return, 2 in the master/,
        ),
      ],
    });
    expect(byHolder['Pat Lee']).toMatchObject({
      copied: false,
      problems: [expect.stringMatching(/CP-099 \(A5\) is not a scheme .*unknown Ref/)],
    });
    expect(byHolder['Chris Ng']).toMatchObject({
      copied: false,
      problems: [expect.stringMatching(/no forecast for CP-009 \(D4\)/)],
    });

    const [masterRows, outRows] = [await monitoring(master), await monitoring(out)];
    // CP-008 was fine on its own, but its sheet also had an unknown Ref: nothing of that sheet is copied.
    for (const ref of ['CP-007', 'CP-008', 'CP-009'])
      expect(outRows.get(ref)?.[5]).toBe(masterRows.get(ref)?.[5]);
  });

  it('brings variances, flags and the total up to date, so the output passes the checks', async () => {
    const rows = await monitoring(out);
    expect(rows.get('CP-003')?.slice(4, 8)).toEqual([
      4.32,
      4.5,
      expect.closeTo(-0.18, 12),
      'Overspend',
    ]);
    const forecasts = [...rows.entries()]
      .filter(([ref]) => ref.startsWith('CP'))
      .map(([, row]) => row[5] as number);
    expect(rows.get('Total')?.[5]).toBeCloseTo(
      forecasts.reduce((a, b) => a + b, 0),
      9,
    );
    const check = await runCli(['check', out, '--json']);
    expect(JSON.parse(check.stdout).summary.errors).toBe(0);
  });

  it('never changes the master or the returns, and leaves no temporary file behind', async () => {
    expect(await hashes([master, ...Object.values(returns)])).toEqual(before);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write over one of its inputs', async () => {
    const refused = await runCli(['consolidate', master, returns.good, '--out', master]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('is one of the inputs');
    expect(await hashes([master])).toEqual(before.slice(0, 1));
  });

  it('exits 2 naming a return it cannot read, and still copies the others', async () => {
    const second = join(dir, 'with-missing-return.xlsx');
    const result = await runCli([
      'consolidate',
      master,
      returns.good,
      join(dir, 'no-such-return.xlsx'),
      '--out',
      second,
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Cannot read '.*no-such-return\.xlsx': does not exist/);
    expect((await monitoring(second)).get('CP-001')?.[5]).toBe(2.5);
  });
});

describe('capital-planner consolidate on a master laid out by the task pane', () => {
  const schemes: MasterScheme[] = [
    { ref: 'CP-001', scheme: 'Compliance', approved: 2.6, current: 2.6 },
    { ref: 'CP-003', scheme: 'Technology refresh', approved: 3.9, current: 4.32 },
  ];

  it("writes each forecast where the Monitoring link points (the holder's sheet) and keeps the link", async () => {
    const paneMaster = await writeTaskPaneMaster(dir, 'pane-master.xlsx', 'Head of ICT', schemes);
    const paneReturn = await writeTaskPaneReturn(
      dir,
      'pane-return.xlsx',
      'Head of ICT',
      schemes,
      [2.5, 4.6],
    );
    const paneOut = join(dir, 'pane-out.xlsx');
    const result = await runCli([
      'consolidate',
      paneMaster,
      paneReturn,
      '--out',
      paneOut,
      '--json',
    ]);
    expect(result.status).toBe(0);
    // Approved 3.9 differs from the master's one Budget (4.32): only the current budget is compared.
    expect(JSON.parse(result.stdout).returns).toEqual([
      { file: paneReturn, sheet: 'Forecast - Head of ICT', copied: true, schemes: 2, problems: [] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(paneOut);
    const holder = workbook.getWorksheet('Forecast - Head of ICT');
    expect([holder?.getCell('F5').value, holder?.getCell('F6').value]).toEqual([2.5, 4.6]);
    const link = workbook.getWorksheet('Monitoring')?.getCell('F6');
    expect(link?.formula).toBe(
      `IF(ISBLANK('Forecast - Head of ICT'!F6),"",'Forecast - Head of ICT'!F6)`,
    );
    expect(link?.result).toBe(4.6);
    // The pane's variance is worked out again with the settings sheet it reads (4.32 - 4.6)...
    expect(workbook.getWorksheet('Monitoring')?.getCell('G6').result).toBeCloseTo(-0.28, 12);
    // ...and a formula this command cannot work out (the by-area SUMIFS) keeps no stale result
    // (Excel recalculates on open: the workbook is written with fullCalcOnLoad).
    expect(workbook.getWorksheet('Monitoring')?.getCell('F9').formula).toMatch(/^SUMIFS\(/);
    expect(workbook.getWorksheet('Monitoring')?.getCell('F9').result).toBeUndefined();
  });
});

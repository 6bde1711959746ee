/**
 * `capital-planner consolidate` on a master that monitors the year (the demo at 2016/17 P8):
 * this version's returns bring in-year and all-years forecasts and explanations into the In-year
 * monitoring sheet, each gathering appends a snapshot to the Monitoring history, last version's
 * returns are still read, and a return with a changed budget, text in an amount or an unknown Ref
 * is reported with its cell and not copied.
 */
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  writeInYearReturn,
  writePreviousShapeReturn,
  type InYearReturnLine,
} from '../fixtures/forecastReturns';
import { hashes, runCli } from './runCli';

let dir: string;
let master: string;

/** CP-001 and CP-003 of the demo's Head of ICT, as the demo's own return has them at P8. */
const line = (ref: 'CP-001' | 'CP-003', typed: Partial<InYearReturnLine>): InYearReturnLine => ({
  ...(ref === 'CP-001'
    ? {
        ref,
        scheme: 'Compliance',
        area: 'ICT infrastructure',
        approved: 2.6,
        current: 2.6,
        inYearBudget: 2.6,
        actualToDate: 2.34,
      }
    : {
        ref,
        scheme: 'Technology refresh',
        area: 'Technology',
        approved: 3.9,
        current: 4.32,
        inYearBudget: 4.32,
        actualToDate: 2.59,
      }),
  allYearsForecast: null,
  inYearForecast: null,
  explanation: '',
  ...typed,
});

async function open(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The In-year monitoring row of a scheme (1-based sheet row). */
function inYearRow(workbook: ExcelJS.Workbook, ref: string): ExcelJS.Row {
  const sheet = workbook.getWorksheet('In-year monitoring')!;
  for (let r = 5; r <= sheet.rowCount; r++)
    if (sheet.getCell(r, 1).value === ref) return sheet.getRow(r);
  throw new Error(`${ref} not on the In-year monitoring sheet`);
}

/** What a reader sees in a cell: the cached result of a formula (`cell.result` keeps a 0). */
const shown = (row: ExcelJS.Row, column: string): unknown => {
  const cell = row.getCell(column);
  return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
};

/** The history rows (after the header) as [ref, year, period, in-year forecast, explanation]. */
function history(workbook: ExcelJS.Workbook): unknown[][] {
  const sheet = workbook.getWorksheet('Monitoring history')!;
  const rows: unknown[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    if (!sheet.getCell(r, 1).value) break;
    rows.push([1, 2, 3, 6, 8].map((c) => sheet.getCell(r, c).value));
  }
  return rows;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-consolidate-in-year-'));
  master = join(dir, 'master.xlsx');
  const demo = await runCli(['demo', '--out', master]);
  if (demo.status !== 0) throw new Error(demo.stderr);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('consolidate reads this version’s returns into the in-year sheets', () => {
  let out: string;
  let stdout: string;
  let status: number | null;

  beforeAll(async () => {
    const returned = await writeInYearReturn(dir, 'ict-p8.xlsx', 'Head of ICT', [
      line('CP-001', {
        allYearsForecast: 2.48,
        inYearForecast: 2.48,
        explanation: 'Saving released',
      }),
      line('CP-003', {
        allYearsForecast: 4.32,
        inYearForecast: 3.5,
        explanation: 'Hardware now due in May: £0.82m slips into 2017/18',
      }),
    ]);
    out = join(dir, 'p8.xlsx');
    const run = await runCli(['consolidate', master, returned, '--out', out, '--json']);
    ({ stdout, status } = run);
  }, 60_000);

  it('copies the return and says what the gathering did', () => {
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.returns).toEqual([
      expect.objectContaining({ sheet: 'Forecast - Head of ICT', copied: true, schemes: 2 }),
    ]);
    expect(report.inYear).toEqual({
      year: 2016,
      period: 8,
      updated: 2,
      historyAppended: 9,
      historyRefused: [],
      problems: [],
    });
  });

  it('puts the in-year forecast and explanation where the In-year sheet links, and works the line out again', async () => {
    const workbook = await open(out);
    const holder = workbook.getWorksheet('Forecast - Head of ICT')!;
    // CP-003 is the third scheme on the holder's sheet (row 7): in-year forecast I, explanation J.
    expect([holder.getCell('I7').value, holder.getCell('J7').value]).toEqual([
      3.5,
      'Hardware now due in May: £0.82m slips into 2017/18',
    ]);
    const row = inYearRow(workbook, 'CP-003');
    expect(row.getCell('H').formula).toBe("'Forecast - Head of ICT'!I7");
    // Variance 4.32 - 3.5 = 0.82, all of it slippage (the all-years forecast is unchanged).
    expect(shown(row, 'H')).toBe(3.5);
    expect(shown(row, 'I')).toBeCloseTo(0.82, 12);
    expect(shown(row, 'J')).toBeCloseTo(0.82, 12);
    expect(shown(row, 'K')).toBe(0);
    expect(shown(row, 'O')).toBe('Underspend');
    expect(shown(row, 'Q')).toBe('Hardware now due in May: £0.82m slips into 2017/18');
    // Movement since P6 (the P6 snapshot said 3.92 + 0.1 of slippage not yet known: 4.02).
    expect(shown(row, 'R')).toBeCloseTo(3.5 - 4.02, 12);
    // The committee table follows.
    const position = workbook.getWorksheet('Capital budget position')!;
    let found = false;
    position.eachRow((r) => {
      if (r.getCell(1).value !== 'Technology refresh' || found) return;
      found = true;
      expect(r.getCell(5).result).toBe(3.5);
    });
    expect(found).toBe(true);
  });

  it('appends one snapshot per scheme at P8 below the P3 and P6 gatherings, which stay as they were', async () => {
    const [before, after] = [history(await open(master)), history(await open(out))];
    expect(before).toHaveLength(18);
    expect(after.slice(0, 18)).toEqual(before);
    const appended = after.slice(18);
    expect(appended).toHaveLength(9);
    expect(appended.every((row) => row[1] === '2016/17' && row[2] === 8)).toBe(true);
    expect(appended.find((row) => row[0] === 'CP-003')).toEqual([
      'CP-003',
      '2016/17',
      8,
      3.5,
      'Hardware now due in May: £0.82m slips into 2017/18',
    ]);
  });

  it('leaves a workbook the checker passes with no error', async () => {
    const check = await runCli(['check', out]);
    expect(check.stdout).toMatch(/1 file checked: 0 errors/);
  });

  it('refuses a second gathering at the same period in the history, and says so', async () => {
    const again = join(dir, 'p8-again.xlsx');
    const returned = await writeInYearReturn(dir, 'ict-p8-again.xlsx', 'Head of ICT', [
      line('CP-001', { allYearsForecast: 2.48, inYearForecast: 2.4, explanation: 'Saving' }),
    ]);
    const run = await runCli(['consolidate', out, returned, '--out', again, '--json']);
    const report = JSON.parse(run.stdout);
    expect(report.inYear.historyAppended).toBe(0);
    expect(report.inYear.historyRefused[0]).toMatch(
      /^CP-001 was already gathered at 2016\/17 P8: the history keeps the first gathering/,
    );
    expect(history(await open(again))).toEqual(history(await open(out)));
  }, 60_000);
});

describe('consolidate still reads last version’s returns', () => {
  it('copies the one Forecast outturn as the all-years forecast, leaving the in-year forecast and explanation be', async () => {
    const returned = await writePreviousShapeReturn(dir, 'ict-old.xlsx', 'Head of ICT', [
      {
        ref: 'CP-003',
        scheme: 'Technology refresh',
        area: 'Technology',
        approved: 3.9,
        current: 4.32,
        forecast: 4.5,
        comment: '',
      },
    ]);
    const out = join(dir, 'old-shape.xlsx');
    const run = await runCli(['consolidate', master, returned, '--out', out, '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).returns[0]).toMatchObject({ copied: true, schemes: 1 });
    const workbook = await open(out);
    const row = inYearRow(workbook, 'CP-003');
    expect(shown(row, 'M')).toBe(4.5);
    expect(shown(row, 'H')).toBe(3.92);
    expect(shown(row, 'Q')).toBe('Hardware delivery delayed to April: £0.4m slips into 2017/18');
    // Variance 0.4 = slippage 0.58 + overspend (0.18).
    expect(shown(row, 'K')).toBeCloseTo(-0.18, 12);
    expect(shown(row, 'J')).toBeCloseTo(0.58, 12);
  }, 60_000);
});

describe('consolidate reports a bad return with its cells and copies nothing of it', () => {
  it('names the changed in-year budget, the text in an amount and the unknown Ref, and leaves the master’s figures', async () => {
    const returned = await writeInYearReturn(dir, 'ict-bad.xlsx', 'Head of ICT', [
      line('CP-001', {
        inYearBudget: 2.9,
        allYearsForecast: 2.48,
        inYearForecast: 2.48,
        explanation: 'More budget please',
      }),
      line('CP-003', { allYearsForecast: 4.32, inYearForecast: 'about 3.8' }),
      {
        ...line('CP-003', { allYearsForecast: 1, inYearForecast: 1 }),
        ref: 'CP-099',
      },
    ]);
    const before = await hashes([master, returned]);
    const out = join(dir, 'bad.xlsx');
    const run = await runCli(['consolidate', master, returned, '--out', out, '--json']);
    expect(run.status).toBe(1);
    const [outcome] = JSON.parse(run.stdout).returns;
    expect(outcome).toMatchObject({ copied: false, schemes: 0 });
    expect(outcome.problems).toEqual([
      expect.stringMatching(
        /^the in-year budget of CP-001 was changed \(G5\): 2\.9 in the return, 2\.6 in the master/,
      ),
      expect.stringMatching(/^the in-year forecast for CP-003 \(I6\) cannot be read/),
      expect.stringMatching(/^CP-099 \(A7\) is not a scheme in the master's Monitoring sheet/),
    ]);
    // Nothing of it went in, and no gathering was recorded.
    const workbook = await open(out);
    expect(shown(inYearRow(workbook, 'CP-001'), 'H')).toBe(2.48);
    expect(shown(inYearRow(workbook, 'CP-003'), 'H')).toBe(3.92);
    expect(history(workbook)).toHaveLength(18);
    expect(await hashes([master, returned])).toEqual(before);
  }, 60_000);
});

describe('consolidate says when the Settings name another period than the In-year sheet', () => {
  /** The master with its Settings naming 2016/17 and `period` (the sheet still states P8). */
  async function masterWithSettingsAt(period: number, name: string): Promise<string> {
    const workbook = await open(master);
    const settings = workbook.getWorksheet('_CapitalPlannerSettings')!;
    // The demo leaves both blank (not set); the officer sets the year and the period.
    const set: Record<string, string | number> = {
      monitoringYear: '2016/17',
      monitoringPeriod: period,
    };
    let found = 0;
    settings.eachRow((row) => {
      const key = String(row.getCell(1).value);
      if (!(key in set)) return;
      row.getCell(2).value = set[key];
      found++;
    });
    expect(found).toBe(2);
    const path = join(dir, name);
    await workbook.xlsx.writeFile(path);
    return path;
  }

  it('regression: Settings at P10 and the sheet at P8: gathered at P8, and the text and JSON say so (the sheet is not moved)', async () => {
    const ahead = await masterWithSettingsAt(10, 'master-settings-p10.xlsx');
    const returned = await writeInYearReturn(dir, 'ict-p8-settings.xlsx', 'Head of ICT', [
      line('CP-001', { allYearsForecast: 2.48, inYearForecast: 2.48, explanation: 'Saving' }),
    ]);
    const note =
      "The Settings say 2016/17 P10 but the 'In-year monitoring' sheet states 2016/17 P8: gathered at 2016/17 P8, the period the sheet states. The command line does not move the sheet on: Gather in the task pane does, after asking.";
    const json = await runCli([
      'consolidate',
      ahead,
      returned,
      '--out',
      join(dir, 'settings-p10.xlsx'),
      '--json',
    ]);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).inYear).toMatchObject({
      year: 2016,
      period: 8,
      settingsNote: note,
    });
    const written = await open(join(dir, 'settings-p10.xlsx'));
    expect(written.getWorksheet('In-year monitoring')!.getCell('D3').value).toBe(8);

    const text = await runCli([
      'consolidate',
      ahead,
      returned,
      '--out',
      join(dir, 'settings-p10-text.xlsx'),
    ]);
    expect(text.stdout).toContain(`    - ${note}\n`);
  }, 60_000);

  it('Settings behind the sheet are said too, with the fix', async () => {
    const behind = await masterWithSettingsAt(3, 'master-settings-p3.xlsx');
    const returned = await writeInYearReturn(dir, 'ict-p8-behind.xlsx', 'Head of ICT', [
      line('CP-001', { allYearsForecast: 2.48, inYearForecast: 2.48, explanation: 'Saving' }),
    ]);
    const run = await runCli([
      'consolidate',
      behind,
      returned,
      '--out',
      join(dir, 'settings-p3.xlsx'),
      '--json',
    ]);
    expect(JSON.parse(run.stdout).inYear.settingsNote).toBe(
      "The Settings say 2016/17 P3 but the 'In-year monitoring' sheet states 2016/17 P8: gathered at 2016/17 P8, the period the sheet states, later than the Settings: move the Settings on to 2016/17 P8 if they are behind.",
    );
  }, 60_000);
});

/**
 * `capital-planner demo --year-end` (the demo at the 2016/17 outturn, ready for closing the year)
 * and `demo --rolled-over` (the demo one year on, closed as `rollover` closes it): issue 14's "the
 * demo shows ... a rolled-over year".
 */
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_DEMO_FILE,
  DEFAULT_ROLLED_OVER_FILE,
  DEFAULT_YEAR_END_FILE,
} from '../../src/cli/commands/demo';
import { compareFormulas, recalculateInLibreOffice } from '../support/libreOffice';
import { runCli, type CliRun } from './runCli';

let dir: string;
let yearEnd: CliRun;
let rolledOver: CliRun;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-demo-year-end-'));
  [yearEnd, rolledOver] = await Promise.all([
    runCli(['demo', '--year-end'], { cwd: dir }),
    runCli(['demo', '--rolled-over'], { cwd: dir }),
  ]);
}, 120000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A cell's figure: a formula's cached result (ExcelJS leaves out a result of 0), else its value. */
const resultOf = (cell: ExcelJS.Cell): unknown => {
  const value = cell.value as unknown;
  if (value && typeof value === 'object' && 'formula' in (value as object))
    return (value as { result?: unknown }).result ?? 0;
  return value;
};

async function read(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, file));
  return workbook;
}

/** The In-year monitoring's scheme rows by their header (row 4), read as figures. */
function inYearRows(workbook: ExcelJS.Workbook): Record<string, unknown>[] {
  const sheet = workbook.getWorksheet('In-year monitoring')!;
  const header = (sheet.getRow(4).values as unknown[]).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 5; typeof sheet.getCell(r, 1).value === 'string'; r++)
    rows.push(
      Object.fromEntries(header.map((name, c) => [name, resultOf(sheet.getCell(r, c))]).slice(1)),
    );
  return rows;
}

describe('capital-planner demo --year-end', () => {
  it('writes the demo at the outturn in its own file, checks it clean and says how to close the year', () => {
    expect(yearEnd.stderr).toBe('');
    expect(yearEnd.status).toBe(0);
    expect(yearEnd.stdout).toContain(`Wrote ${DEFAULT_YEAR_END_FILE}: Programme (9 schemes`);
    expect(yearEnd.stdout).toContain('in-year monitoring at the outturn (2016/17 P12');
    expect(yearEnd.stdout).toContain(
      `capital-planner rollover ${DEFAULT_YEAR_END_FILE} --out ${DEFAULT_ROLLED_OVER_FILE}`,
    );
    expect(yearEnd.stdout).toMatch(/1 file checked: 0 errors, 1 warning\n$/);
    expect(DEFAULT_YEAR_END_FILE).not.toBe(DEFAULT_DEMO_FILE);
  });

  it('monitors 2016/17 at P12 with each scheme’s forecast equal to its actual for the year', async () => {
    const workbook = await read(DEFAULT_YEAR_END_FILE);
    const sheet = workbook.getWorksheet('In-year monitoring')!;
    expect([resultOf(sheet.getCell('D3')), resultOf(sheet.getCell('E3'))]).toEqual([12, '2016/17']);
    const rows = inYearRows(workbook);
    expect(rows).toHaveLength(9);
    for (const row of rows)
      expect([row.Ref, row['Actual to date']]).toEqual([row.Ref, row.Forecast]);
    const cp003 = rows.find((row) => row.Ref === 'CP-003')!;
    expect([cp003['Actual to date'], cp003.Slippage, cp003.Explanation]).toEqual([
      3.92,
      0.4,
      'Hardware delivered in April 2017: £0.4m carried forward to 2017/18',
    ]);
    // The returns say P12; the Monitoring sheet says it is the outturn.
    expect(workbook.getWorksheet('Forecast - Head of ICT')!.getCell('H4').value).toBe(
      'Actual to date P12',
    );
    expect(workbook.getWorksheet('Monitoring')!.getCell('A1').value).toBe(
      'Capital monitoring 2016/17, Period 12 (outturn) (£m)',
    );
    // The history holds the gatherings at P3, P6 and P8, one line per scheme each.
    const history = workbook.getWorksheet('Monitoring history')!;
    const periods: unknown[] = [];
    for (let r = 2; typeof history.getCell(r, 1).value === 'string'; r++)
      periods.push(history.getCell(r, 3).value);
    expect(periods).toEqual([...Array(9).fill(3), ...Array(9).fill(6), ...Array(9).fill(8)]);
  });

  it('computes every formula in LibreOffice to the figure the engine cached', async () => {
    const file = join(dir, DEFAULT_YEAR_END_FILE);
    const ours = await read(DEFAULT_YEAR_END_FILE);
    const theirs = await recalculateInLibreOffice(file, join(dir, 'lo-year-end'));
    const differences: string[] = [];
    let formulas = 0;
    for (const name of ours.worksheets.map((worksheet) => worksheet.name)) {
      const compared = compareFormulas(ours, theirs, name);
      formulas += compared.formulas;
      differences.push(...compared.differences);
    }
    expect(formulas).toBeGreaterThan(300);
    expect(differences).toEqual([]);
  }, 180000);
});

describe('capital-planner demo --rolled-over', () => {
  it('writes the demo one year on, saying what closing 2016/17 carried and released, and checks it clean', () => {
    expect(rolledOver.stderr).toBe('');
    expect(rolledOver.status).toBe(0);
    expect(rolledOver.stdout).toContain(
      `Wrote ${DEFAULT_ROLLED_OVER_FILE}, the demo one year on, from the demo at 2016/17's outturn:`,
    );
    expect(rolledOver.stdout).toContain(
      `Closed 2016/17 and wrote ${DEFAULT_ROLLED_OVER_FILE} with 2017/18 current: 5 lines added to the Revisions log.`,
    );
    expect(rolledOver.stdout).toContain('CP-003: outturn 3.92 of 4.32; slippage carried 0.40');
    // Every figure to the same places, as a table prints them.
    expect(rolledOver.stdout).toContain(
      'CP-001: outturn 2.48 of 2.60; slippage carried 0.00; under/(over)spend not carried 0.12; all years 2.60 -> 2.48',
    );
    expect(rolledOver.stdout).toMatch(/1 file checked: 0 errors, 1 warning\n$/);
  });

  it('is exactly what rollover writes from the year-end demo', async () => {
    const out = join(dir, 'by-rollover.xlsx');
    const run = await runCli(['rollover', join(dir, DEFAULT_YEAR_END_FILE), '--out', out]);
    expect(run.status).toBe(0);
    const ours = await read(DEFAULT_ROLLED_OVER_FILE);
    const theirs = await read('by-rollover.xlsx');
    const cells = (workbook: ExcelJS.Workbook, name: string) => {
      const found: string[] = [];
      workbook
        .getWorksheet(name)!
        .eachRow((row, r) =>
          row.eachCell((cell, c) => found.push(`${r},${c}=${JSON.stringify(cell.value)}`)),
        );
      return found;
    };
    for (const name of ['Programme', 'Revisions', 'Financing', 'Monitoring', 'In-year monitoring'])
      expect({ name, cells: cells(ours, name) }).toEqual({ name, cells: cells(theirs, name) });
  }, 60000);

  it('logs each scheme’s slippage as a carry-forward line and phases it into 2017/18', async () => {
    const workbook = await read(DEFAULT_ROLLED_OVER_FILE);
    const log = workbook.getWorksheet('Revisions')!;
    const carried: unknown[][] = [];
    log.eachRow((row) => {
      if (row.getCell(3).value === 're-profile')
        carried.push([1, 4, 6, 7, 9, 10].map((c) => row.getCell(c).value));
    });
    expect(carried).toEqual([
      [
        'CP-003',
        0.4,
        'Slippage carried forward from 2016/17 to 2017/18',
        'Outturn 2016/17',
        '2016/17',
        '2017/18',
      ],
      [
        'CP-005',
        0.3,
        'Slippage carried forward from 2016/17 to 2017/18',
        'Outturn 2016/17',
        '2016/17',
        '2017/18',
      ],
    ]);
    // CP-003's 2017/18 Q1 holds the 0.4 carried; its all-years budget is unchanged at 4.32.
    const programme = workbook.getWorksheet('Programme')!;
    const header = (programme.getRow(1).values as unknown[]).map(String);
    const q1 = header.indexOf('2017/18 Q1');
    expect([programme.getCell('A4').value, programme.getCell(4, q1).value]).toEqual([
      'CP-003',
      0.4,
    ]);
    expect(resultOf(programme.getCell(4, header.indexOf('Revised budget')))).toBe(4.32);
    // Its Phasing and Profile give those amounts, so the pane's Phase keeps the carried 0.4.
    expect([
      programme.getCell(4, header.indexOf('Phasing')).value,
      programme.getCell(4, header.indexOf('Profile')).value,
    ]).toEqual(['2016/17 Q1 - 2017/18 Q1', '49, 49, 49, 49, 20']);
  });
});

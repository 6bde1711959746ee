/**
 * `capital-planner rollover`: closing the demo's year at its outturn (issue 14), on the real
 * year-end demo (`demo --year-end`, 2016/17 P12 with the year's actuals), and refusing the
 * in-year demo (P8).
 */
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareFormulas, recalculateInLibreOffice } from '../support/libreOffice';
import { SETTINGS_SHEET, parseSettings } from '../../src/workbook';
import { hashes, runCli } from './runCli';

let dir: string;
let demo: string;
let p12: string;

const resultOf = (cell: ExcelJS.Cell): unknown => {
  const value = cell.value as unknown;
  if (value && typeof value === 'object' && 'formula' in (value as object))
    return (value as { result?: unknown }).result ?? 0;
  return value;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-rollover-'));
  demo = join(dir, 'demo.xlsx');
  p12 = join(dir, 'p12.xlsx');
  // The in-year demo (period 8), and the demo at the outturn (period 12).
  const [inYear, outturn] = await Promise.all([
    runCli(['demo', '--out', demo]),
    runCli(['demo', '--year-end', '--out', p12]),
  ]);
  expect([inYear.status, outturn.status]).toEqual([0, 0]);
}, 120000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Each scheme's Programme amounts by Ref: all years, and 2016/17's four quarters. */
async function programme(file: string): Promise<Map<string, { all: number; first: number }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Programme')!;
  const header = sheet.getRow(1).values as unknown[];
  const first = header.findIndex((value) => value === '2016/17 Q1');
  const byRef = new Map<string, { all: number; first: number }>();
  for (let r = 2; typeof sheet.getCell(r, 1).value === 'string'; r++) {
    let all = 0;
    let year = 0;
    for (let c = first; c < first + 16; c++) {
      const value = Number(resultOf(sheet.getCell(r, c)) ?? 0);
      all += value;
      if (c < first + 4) year += value;
    }
    byRef.set(sheet.getCell(r, 1).value as string, { all, first: year });
  }
  return byRef;
}

describe('capital-planner rollover', () => {
  it('refuses a workbook not at the year’s last period, saying which period it is at', async () => {
    const run = await runCli(['rollover', demo, '--out', join(dir, 'x.xlsx')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      '2016/17 period 8: a year is closed after its outturn (period 12)',
    );
  });

  it('refuses --out equal to the input, and a workbook without the sheets it needs', async () => {
    const same = await runCli(['rollover', demo, '--out', demo]);
    expect(same.status).toBe(2);
    expect(same.stderr).toContain('is the input');
    const bare = new ExcelJS.Workbook();
    bare.addWorksheet('Programme');
    const file = join(dir, 'bare.xlsx');
    await bare.xlsx.writeFile(file);
    const run = await runCli(['rollover', file, '--out', join(dir, 'y.xlsx')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("has no 'In-year monitoring' or 'Revisions' sheet");
  });

  it('carries slippage forward, releases real under/overspends and never changes the input', async () => {
    const out = join(dir, '2017-18.xlsx');
    const before = await hashes([p12]);
    const run = await runCli(['rollover', p12, '--out', out, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(await hashes([p12])).toEqual(before);
    const report = JSON.parse(run.stdout) as {
      closedYear: string;
      currentYear: string;
      schemes: {
        ref: string;
        outturn: string;
        underOverspend: string;
        allYearsBefore: string;
        allYearsAfter: string;
      }[];
      revisions: {
        ref: string;
        kind: string;
        amount: number;
        reason: string;
        reference: string;
        fromYear?: number;
        toYear?: number;
      }[];
    };
    expect([report.closedYear, report.currentYear]).toEqual(['2016/17', '2017/18']);
    for (const scheme of report.schemes)
      expect(Number(scheme.allYearsAfter)).toBeCloseTo(
        Number(scheme.allYearsBefore) - Number(scheme.underOverspend),
        9,
      );
    // Each scheme's slippage at the outturn is one carry-forward line, 2016/17 into 2017/18.
    const carried = report.revisions.filter((line) => line.kind === 're-profile');
    expect(carried).toEqual([
      expect.objectContaining({
        ref: 'CP-003',
        amount: 0.4,
        fromYear: 2016,
        toYear: 2017,
        reason: 'Slippage carried forward from 2016/17 to 2017/18',
        reference: 'Outturn 2016/17',
      }),
      expect.objectContaining({ ref: 'CP-005', amount: 0.3, fromYear: 2016, toYear: 2017 }),
    ]);
    // Real under/overspends are not carried: CP-001 saved 0.12, CP-002 overspent 0.15, CP-004 saved 0.05.
    const real = Object.fromEntries(
      report.schemes.map((scheme) => [scheme.ref, Number(scheme.underOverspend)]),
    );
    expect(real).toEqual({
      'CP-001': 0.12,
      'CP-002': -0.15,
      'CP-003': 0,
      'CP-004': 0.05,
      'CP-005': 0,
      'CP-006': 0,
      'CP-007': 0,
      'CP-008': 0,
    });

    // The written workbook: the Programme's totals match the report, and the log has the lines.
    const after = await programme(out);
    const was = await programme(p12);
    for (const scheme of report.schemes) {
      expect(after.get(scheme.ref)!.all).toBeCloseTo(Number(scheme.allYearsAfter), 9);
      expect(was.get(scheme.ref)!.all).toBeCloseTo(Number(scheme.allYearsBefore), 9);
      // The closed year's budget is what was really spent in it.
      expect(after.get(scheme.ref)!.first).toBeCloseTo(Number(scheme.outturn), 9);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const log = workbook.getWorksheet('Revisions')!;
    const reasons: unknown[] = [];
    log.eachRow((row) => reasons.push(row.getCell(6).value));
    expect(reasons).toContain('Slippage carried forward from 2016/17 to 2017/18');
    // The closed year's budget is its outturn: the Programme's revised budgets follow the log.
    const sheet = workbook.getWorksheet('Programme')!;
    for (
      let r = 2;
      typeof sheet.getCell(r, 1).value === 'string' && sheet.getCell(r, 1).value !== 'Total';
      r++
    ) {
      const ref = sheet.getCell(r, 1).value as string;
      const scheme = report.schemes.find((entry) => entry.ref === ref);
      if (scheme)
        expect(resultOf(sheet.getCell(r, 8))).toBeCloseTo(Number(scheme.allYearsAfter), 9);
    }
    // The next year is the one being monitored, from its first period (as the pane's Close the year).
    const settings: unknown[][] = [];
    workbook
      .getWorksheet(SETTINGS_SHEET)!
      .eachRow((row) => settings.push((row.values as unknown[]).slice(1)));
    const monitored = parseSettings(settings);
    expect([monitored.monitoringYear, monitored.monitoringPeriod]).toEqual([2017, 1]);
  }, 60000);

  it('writes a workbook that checks clean and recalculates in LibreOffice to its cached figures', async () => {
    const out = join(dir, 'closed.xlsx');
    expect((await runCli(['rollover', p12, '--out', out])).status).toBe(0);
    const check = await runCli(['check', out]);
    expect(check.stdout).toMatch(/1 file checked: 0 errors/);
    expect(check.status).toBe(0);
    const ours = new ExcelJS.Workbook();
    await ours.xlsx.readFile(out);
    const theirs = await recalculateInLibreOffice(out, join(dir, 'lo'));
    const differences: string[] = [];
    let formulas = 0;
    for (const name of ours.worksheets.map((worksheet) => worksheet.name)) {
      const compared = compareFormulas(ours, theirs, name);
      formulas += compared.formulas;
      differences.push(...compared.differences);
    }
    expect(formulas).toBeGreaterThan(150);
    expect(differences).toEqual([]);
  }, 180000);

  it('refuses to close the same year twice', async () => {
    const out = join(dir, 'once.xlsx');
    await runCli(['rollover', p12, '--out', out]);
    const again = await runCli(['rollover', out, '--out', join(dir, 'twice.xlsx')]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('2016/17 was closed already');
  }, 60000);
});

/**
 * The demo's Financing sheet: financing equals expenditure in every year, it checks clean, and a
 * planted mismatch is found at its cell (issue 14).
 */
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareFormulas, recalculateInLibreOffice } from '../support/libreOffice';
import { runCli, type CliRun } from './runCli';

let dir: string;
let demo: CliRun;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-demo-fin-'));
  file = join(dir, 'demo.xlsx');
  demo = await runCli(['demo', '--out', file]);
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

function rowLabelled(sheet: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === label) return r;
  throw new Error(`no row labelled ${label}`);
}

/** 1-based column of each year heading on the Financing sheet's first header (row of `Scheme`). */
function yearColumns(sheet: ExcelJS.Worksheet): Map<string, number> {
  const header = rowLabelled(sheet, 'Scheme');
  const columns = new Map<string, number>();
  sheet.getRow(header).eachCell((cell, c) => {
    if (typeof cell.value === 'string' && /^\d{4}\/\d{2}$/.test(cell.value))
      columns.set(cell.value, c);
  });
  return columns;
}

async function readDemo(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe('the demo Financing sheet', () => {
  it('finances every year in full and checks with no error', async () => {
    expect(demo.status).toBe(0);
    expect(demo.stdout).not.toContain("Sheet 'Financing'");
    const sheet = (await readDemo()).getWorksheet('Financing')!;
    const years = yearColumns(sheet);
    expect([...years.keys()]).toEqual(['2016/17', '2017/18', '2018/19', '2019/20']);
    const spend = rowLabelled(sheet, 'Total expenditure');
    const financing = rowLabelled(sheet, 'Total financing');
    let total = 0;
    for (const c of years.values()) {
      const spent = resultOf(sheet.getCell(spend, c)) as number;
      expect(resultOf(sheet.getCell(financing, c))).toBeCloseTo(spent, 9);
      total += spent;
    }
    // The Programme's revised budgets, less the TBC scheme (not phased, so not yet spent).
    expect(total).toBeCloseTo(31.77, 9);
    const gap = rowLabelled(sheet, 'Gap (expenditure less financing)');
    for (const c of years.values()) expect(resultOf(sheet.getCell(gap, c))).toBe(0);
  });

  it('shows the revenue consequences of the borrowing, MRP and interest by year', async () => {
    const sheet = (await readDemo()).getWorksheet('Financing')!;
    const mrp = rowLabelled(sheet, 'Minimum revenue provision (MRP)');
    const interest = rowLabelled(sheet, 'Interest');
    const cost = rowLabelled(sheet, 'Total revenue cost');
    const header = rowLabelled(sheet, 'Revenue consequences');
    expect(sheet.getCell(header, 4).value).toBe('2017/18');
    for (let c = 4; sheet.getCell(header, c).value !== 'Total'; c++) {
      const m = resultOf(sheet.getCell(mrp, c)) as number;
      const i = resultOf(sheet.getCell(interest, c)) as number;
      expect(resultOf(sheet.getCell(cost, c))).toBeCloseTo(m + i, 9);
    }
    // Borrowing in 2016/17 costs MRP and interest from 2017/18.
    expect(resultOf(sheet.getCell(mrp, 4))).toBeGreaterThan(0);
    expect(resultOf(sheet.getCell(interest, 4))).toBeGreaterThan(0);
  });

  it('finds a planted mismatch between financing and expenditure at its cell', async () => {
    const workbook = await readDemo();
    const sheet = workbook.getWorksheet('Financing')!;
    const column = yearColumns(sheet).get('2017/18')!;
    // Capital receipts raised by 0.3 in 2017/18 and the total with it: the statement adds up,
    // but finances 0.3 more than is spent (row totals raised too).
    const receipts = rowLabelled(sheet, 'Capital receipts');
    const financing = rowLabelled(sheet, 'Total financing');
    const total = yearColumns(sheet).get('2019/20')! + 1;
    const raise = (row: number, at: number) => {
      const before = resultOf(sheet.getCell(row, at)) as number;
      sheet.getCell(row, at).value = Math.round((before + 0.3) * 100) / 100;
    };
    for (const row of [receipts, financing]) for (const at of [column, total]) raise(row, at);
    const planted = join(dir, 'planted.xlsx');
    await workbook.xlsx.writeFile(planted);
    const run = await runCli(['check', planted, '--json']);
    const report = JSON.parse(run.stdout) as {
      files: { findings: { rule: string; sheet?: string; cell?: string; severity: string }[] }[];
    };
    const errors = report.files[0].findings.filter((finding) => finding.severity === 'error');
    const cell = `${String.fromCharCode(64 + column)}${financing}`;
    expect(errors).toEqual([
      expect.objectContaining({ rule: 'funding-mismatch', sheet: 'Financing', cell }),
    ]);
  }, 60000);

  it('finds a planted wrong total financing at its cell', async () => {
    const workbook = await readDemo();
    const sheet = workbook.getWorksheet('Financing')!;
    const column = yearColumns(sheet).get('2016/17')!;
    const financing = rowLabelled(sheet, 'Total financing');
    sheet.getCell(financing, column).value = 1;
    const planted = join(dir, 'planted-total.xlsx');
    await workbook.xlsx.writeFile(planted);
    const run = await runCli(['check', planted, '--json']);
    const report = JSON.parse(run.stdout) as {
      files: { findings: { rule: string; cell?: string; severity: string }[] }[];
    };
    const cell = `${String.fromCharCode(64 + column)}${financing}`;
    const rules = report.files[0].findings
      .filter((finding) => finding.severity === 'error')
      .map((finding) => `${finding.rule} ${finding.cell}`);
    expect(rules).toEqual(
      expect.arrayContaining([`total-mismatch ${cell}`, `funding-mismatch ${cell}`]),
    );
  }, 60000);
});

describe('the demo workbook recalculated by LibreOffice', () => {
  it('computes every Financing formula to the figure the engine cached', async () => {
    const recalculated = await recalculateInLibreOffice(file, join(dir, 'lo'));
    const problems = compareFormulas(await readDemo(), recalculated, 'Financing');
    expect(problems.formulas).toBeGreaterThan(100);
    expect(problems.differences).toEqual([]);
  }, 180000);
});

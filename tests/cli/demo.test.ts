/**
 * `capital-planner demo`: the quickest way to see the product without Excel.
 */
import ExcelJS from 'exceljs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEMO_FILE } from '../../src/cli/commands/demo';
import { runCli, type CliRun } from './runCli';

let dir: string;
let run: CliRun;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-demo-'));
  run = await runCli(['demo'], { cwd: dir });
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, DEFAULT_DEMO_FILE));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('capital-planner demo', () => {
  it('writes the workbook in the current folder, checks it and prints the summary', () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `Wrote ${DEFAULT_DEMO_FILE}: Programme (9 schemes phased over 16 quarters, approved £41.5m, revised £41.77m)`,
    );
    expect(run.stdout).toMatch(/1 file checked: 0 errors, \d+ warnings?\n$/);
    // 'Business transformation aligned to business strategy' is TBC: a true warning.
    expect(run.stdout).toMatch(/I10: .* is not phased yet \('TBC'\)/);
  });

  it('builds the task pane’s sheets: Programme and Revisions tables, a forecast sheet per budget holder, Monitoring', () => {
    // Sheet names stop at Excel's 31 characters, as the task pane cuts them.
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Programme',
      'Revisions',
      'Forecast - Head of ICT',
      'Forecast - Head Transformation',
      'Monitoring',
      'Actuals',
      'Monitoring history',
      'In-year monitoring',
      'Capital budget position',
      'Financing',
      '_CapitalPlannerSettings',
    ]);
    const tables = (name: string) =>
      (workbook.getWorksheet(name)?.getTables() ?? []).map(
        (entry) =>
          (entry as unknown as { table?: { name: string }; name?: string }).table?.name ??
          (entry as { name?: string }).name,
      );
    expect(tables('Programme')).toEqual(['Programme']);
    expect(tables('Revisions')).toEqual(['Revisions']);
  });

  it('heads Monitoring as the task pane does (same plan), with the check that it agrees with the Programme', () => {
    const monitoring = workbook.getWorksheet('Monitoring')!;
    expect((monitoring.getRow(4).values as unknown[]).slice(1)).toEqual([
      'Ref',
      'Area',
      'Scheme',
      'Budget holder',
      'Budget',
      'Forecast',
      'Variance',
      'Flag',
      'RAG',
    ]);
    // 9 schemes on rows 5-13, the total on row 14; E3 says it agrees with the Programme's revised budget.
    expect(monitoring.getCell('A14').value).toBe('Total');
    expect(monitoring.getCell('E3').result).toBe('OK');
    // The flags read their thresholds from the hidden settings sheet, as in the task pane.
    expect(workbook.getWorksheet('_CapitalPlannerSettings')?.state).toBe('hidden');
  });

  it('writes every derived figure as a native formula with its result, never a CAPITAL.* function', () => {
    const formulas: { text: string; result: unknown }[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula)
            formulas.push({ text: cell.formula, result: cell.result });
        }),
      ),
    );
    expect(
      formulas.some((formula) => formula.text.includes('SUMIFS(Revisions[Signed amount]')),
    ).toBe(true);
    expect(formulas.some((formula) => formula.text.startsWith('IF(SUM('))).toBe(true);
    expect(formulas.filter((formula) => /CAPITAL\./i.test(formula.text))).toEqual([]);
    expect(formulas.filter((formula) => formula.result === undefined)).toEqual([]);
  });

  it('writes the file whole, through a temporary file that does not remain', async () => {
    expect(await readdir(dir)).toEqual([DEFAULT_DEMO_FILE]);
  });

  it('prints the check as JSON with --json', async () => {
    const json = await runCli(['demo', '--out', join(dir, 'demo-json.xlsx'), '--json']);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.summary.errors).toBe(0);
    expect(report.files[0].findings).toContainEqual(
      expect.objectContaining({ rule: 'unphased', cell: 'I10', actual: 'TBC' }),
    );
  });
});

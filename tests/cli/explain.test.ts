/**
 * `capital-planner check --explain`, `--json` tables and `--column` overrides (issue 12), on a
 * real .xlsx holding a council's outturn table: Bath and North East Somerset's 2004/05 capital
 * outturn (tests/corpus/tables/bathnes-2004-05-capital-outturn.json), figures as numbers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { asNumbers, loadCorpus } from '../corpus/corpusCheck';
import { COLUMN_READINGS_LEFT, SETTINGS_SHEET, planColumnReadings } from '../../src/workbook';
import { runCli } from './runCli';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-cli-explain-'));
  const table = loadCorpus().find((t) => t.id === 'bathnes-2004-05-capital-outturn');
  if (!table) throw new Error('corpus table missing');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Outturn');
  for (const row of asNumbers(table.grid)) sheet.addRow(row);
  file = join(dir, 'outturn.xlsx');
  await workbook.xlsx.writeFile(file);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('check --explain', () => {
  it('says how the table was read: the variance and what it compares, the revised programme, the totals', async () => {
    const run = await runCli(['check', file, '--explain']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("How sheet 'Outturn' was read:");
    expect(run.stdout).toMatch(/G '\(UNDER\) \/ OVER SPEND': variance = F - E/);
    expect(run.stdout).toMatch(/E = C \+ D/);
    expect(run.stdout).toMatch(/C 'PROGRAMME AS APPROVED DEC 2004': approved budget - checked/);
    expect(run.stdout).toMatch(/A 'EXECUTIVE PORTFOLIO': group/);
    expect(run.stdout).toMatch(/Checked \d+ figures: \d+ exact, \d+ within rounding, 0 wrong/);
  }, 60_000);
});

describe('check --json', () => {
  it('gives a table object per sheet with the roles and relations', async () => {
    const run = await runCli(['check', file, '--json']);
    const report = JSON.parse(run.stdout) as {
      files: {
        sheets: {
          sheet: string;
          table: {
            columns: { column: string; role: string }[];
            relations: { formula: string; wrong: number }[];
          };
        }[];
      }[];
    };
    const [{ table, sheet }] = report.files[0].sheets;
    expect(sheet).toBe('Outturn');
    expect(table.columns.find((c) => c.column === 'G')?.role).toBe('variance');
    expect(table.relations.map((r) => r.formula)).toEqual(
      expect.arrayContaining(['G = F - E', 'E = C + D']),
    );
  }, 60_000);
});

describe('check --column', () => {
  it('a wrong variance found only through an override is flagged at its cell', async () => {
    // Read G as E less F (the other convention): every row is then wrong by the sign.
    const run = await runCli(['check', file, '--json', '--column', 'G=E-F']);
    const report = JSON.parse(run.stdout) as {
      files: { findings: { rule: string; cell: string; severity: string }[] }[];
    };
    const cells = report.files[0].findings
      .filter((f) => f.rule === 'variance-mismatch' && f.severity === 'error')
      .map((f) => f.cell);
    expect(cells).toContain('G2');
    expect(run.status).toBe(1);
  }, 60_000);

  it.each([
    ['G', '--column must be LETTERS=ROLE or LETTERS=FORMULA'],
    ['G=varience', "'varience' is not a role or a formula"],
  ])(
    'refuses --column %s with a clear message',
    async (value, message) => {
      const run = await runCli(['check', file, '--column', value]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
    },
    60_000,
  );

  it('says when the column is not in the table', async () => {
    const run = await runCli(['check', file, '--column', 'Z=variance']);
    expect(run.stdout).toContain('Column Z is not in the table (it spans columns A to G)');
  }, 60_000);
});

describe('a reading saved in the workbook by the task pane', () => {
  // The pane's column role picker saves its correction on the settings sheet (E:G); the command
  // line must read the workbook the same way, unless --column says otherwise.
  let saved: string;
  beforeAll(async () => {
    const table = loadCorpus().find((t) => t.id === 'bathnes-2004-05-capital-outturn');
    if (!table) throw new Error('corpus table missing');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Outturn');
    for (const row of asNumbers(table.grid)) sheet.addRow(row);
    const settings = workbook.addWorksheet(SETTINGS_SHEET);
    const block = planColumnReadings(undefined, 'outturn', { G: 'E-F' });
    if (!block.ok) throw new Error(block.message);
    block.value.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== '')
          settings.getCell(r + 1, COLUMN_READINGS_LEFT + c + 1).value = value as string;
      }),
    );
    saved = join(dir, 'outturn-corrected.xlsx');
    await workbook.xlsx.writeFile(saved);
  }, 60_000);

  it('is used by check, and a note says so', async () => {
    const run = await runCli(['check', saved, '--json']);
    const report = JSON.parse(run.stdout) as {
      files: { findings: { rule: string; cell: string }[]; notes?: string[] }[];
    };
    const cells = report.files[0].findings
      .filter((f) => f.rule === 'variance-mismatch')
      .map((f) => f.cell);
    expect(cells).toContain('G2');
    expect(report.files[0].notes).toEqual([
      "The columns of 'Outturn' were read as saved in the workbook (Check in the task pane): G=E-F",
    ]);
  }, 60_000);

  it('is used with --sheet too (the settings sheet is read on its own)', async () => {
    const run = await runCli(['check', saved, '--sheet', 'Outturn']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Note: The columns of');
  }, 60_000);

  it('gives way to --column', async () => {
    const run = await runCli(['check', saved, '--column', 'G=F-E']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('was not used: --column was given');
  }, 60_000);

  it('an unreadable saved reading is ignored with a note, and the table is checked as read', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    workbook.getWorksheet(SETTINGS_SHEET)!.getCell('G2').value = 7;
    const stale = join(dir, 'outturn-stale.xlsx');
    await workbook.xlsx.writeFile(stale);
    const run = await runCli(['check', stale]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('saved in format 7 by another version');
  }, 60_000);
});

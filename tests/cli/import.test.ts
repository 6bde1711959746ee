/**
 * `capital-planner import`: Manchester's ICT Strategy 2016-19, Table 1, as printed (quarter
 * markers under year columns), saved as a workbook and brought in headless (issue 18).
 */
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportJsonReport } from '../../src/cli/commands/import';
import { readPeriodHeaders, quarterIndex } from '../../src/core/calendar';
import { compare, fromNumber, formatDecimal, sum } from '../../src/core/money';
import { parsePhasing, phaseAmount } from '../../src/core/phasing';
import { ICT_STRATEGY_TABLE_1 } from '../fixtures/ictStrategyTable1';
import { hashes, hasStackTrace, runCli, type CliRun } from './runCli';

let dir: string;
let table: string;
let out: string;
let text: CliRun;
let json: CliRun;
let programme: ExcelJS.Workbook;

async function writeTable(path: string, rows: readonly (readonly (string | number)[])[]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Notes');
  sheet.getCell('A1').value = 'Our ICT Strategy 2016-19';
  const data = workbook.addWorksheet('Table 1');
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === '') return;
      const cell = data.getCell(r + 1, c + 1);
      cell.value = value;
      if (typeof value === 'number') cell.numFmt = '0.0';
    });
  });
  await workbook.xlsx.writeFile(path);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-import-'));
  table = join(dir, 'table.xlsx');
  out = join(dir, 'programme.xlsx');
  await writeTable(table, ICT_STRATEGY_TABLE_1);
  const before = await hashes([table]);
  text = await runCli(['import', table, '--out', out]);
  json = await runCli([
    'import',
    table,
    '--sheet',
    'Table 1',
    '--out',
    join(dir, 'b.xlsx'),
    '--json',
  ]);
  expect(await hashes([table])).toEqual(before);
  programme = new ExcelJS.Workbook();
  await programme.xlsx.readFile(out);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const EXPECTED = [
  ['Compliance', 'Delivered or in progress', '2.6', '2016/17 Q1-2'],
  ['Service management', 'Delivered or in progress', '1.1', '2016/17 Q2-4'],
  ['Technology refresh', 'Delivered or in progress', '3.9', '2016/17 Q1-4'],
  ['Business transformation', 'Delivered or in progress', '0.6', '2016/17 Q1'],
  ['Ongoing service stability', 'Planned', '1.3', '2016/17 Q3-4'],
  ['Ongoing service stability', 'Future plans', '10.0', '2017/18 Q1 - 2019/20 Q1'],
  ['Technology and Internet of things', 'Future plans', '2.0', '2017-20'],
  ['Technology refresh', 'Future plans', '10.0', '2016/17 Q4 - 2019/20 Q4'],
  ['Business transformation aligned to business strategy', 'Future plans', '10.0', 'TBC'],
];

describe('capital-planner import (Manchester ICT Strategy 2016-19, Table 1)', () => {
  it('reports each column’s role, each scheme with its phrase, the checked totals, and exits 0', () => {
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`Read 'Table 1' of ${table} (header on row 1, amounts in £m).`);
    expect(text.stdout).toContain('  E   2016/17: quarter markers (2016/17)');
    expect(text.stdout).toContain('  A   Area for investment: scheme');
    expect(text.stdout).toContain('  B   Capital £m: amount');
    expect(text.stdout).toContain(
      '  A15  Technology refresh (Future plans), 10.0: 2016/17 Q4 - 2019/20 Q4 [rows 15, 17, 18]',
    );
    expect(text.stdout).toContain('  B11  TOTAL 9.5: matches its 5 schemes (9.5)');
    expect(text.stdout).toContain('  B20  TOTAL 32.0: matches its 4 schemes (32.0)');
    expect(text.stdout).toContain('Header repeated at page breaks, skipped: rows 7, 16');
    expect(text.stdout).toContain('Everything in the table was read.');
  });

  it('prints the same as JSON: nine schemes with statuses, amounts and phrases', () => {
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as ImportJsonReport;
    expect(report.schemes.map((s) => [s.name, s.status, s.amount, s.phrase])).toEqual(EXPECTED);
    expect(report.columns.map((c) => c.role)).toEqual([
      'scheme',
      'amount',
      'description',
      'impact',
      'quarter markers',
      'quarter markers',
      'quarter markers',
      'quarter markers',
    ]);
    expect(report.totals.map((t) => [t.printed, t.ok])).toEqual([
      ['9.5', true],
      ['32.0', true],
    ]);
    expect(report.summary).toEqual({ schemes: 9, errors: 0, warnings: 0 });
    expect(report.schemes[0].impact).toBe(
      'PSN Compliance Achieved ...; Improved security services ...',
    );
  });

  it('writes the Programme and Revisions tables as the task pane sets them up', () => {
    // The settings sheet carries the table's unit and decimals, as the pane's Set up saves them.
    expect(programme.worksheets.map((s) => s.name)).toEqual([
      'Programme',
      'Revisions',
      '_CapitalPlannerSettings',
    ]);
    const settings = programme.getWorksheet('_CapitalPlannerSettings')!;
    const setting = (key: string) =>
      (settings.getSheetValues() as unknown[][]).find((row) => row?.[1] === key)?.[2];
    expect([setting('unit'), setting('decimals')]).toEqual(['£m', 1]);
    const sheet = programme.getWorksheet('Programme')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 12)).toEqual([
      'Ref',
      'Status',
      'Area',
      'Scheme',
      'Description',
      'Impact',
      'Approved budget',
      'Revised budget',
      'Phasing',
      'Profile',
      'Funding source',
      'Budget holder',
    ]);
    expect(header.slice(12)).toHaveLength(16);
    expect(header[12]).toBe('2016/17 Q1');
    expect(header[27]).toBe('2019/20 Q4');
    const rows = EXPECTED.map((_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1));
    expect(
      rows.map((r) => [r[3], r[1], formatDecimal(fromNumber(r[6] as number), 1), r[8]]),
    ).toEqual(EXPECTED);
    expect(rows[7][4]).toContain('Windows 10 (inc desktop/Wyse/Laptop refresh) ...');
    expect((sheet.getCell('H2').value as ExcelJS.CellFormulaValue).formula).toContain(
      'SUMIFS(Revisions[Signed amount]',
    );
  });

  it('phases each budget to exactly the quarters its markers show, penny-exact', () => {
    const sheet = programme.getWorksheet('Programme')!;
    const labels = ((sheet.getRow(1).values as unknown[]).slice(13) as string[]).map(String);
    const columns = readPeriodHeaders(labels);
    expect(columns.ok).toBe(true);
    EXPECTED.forEach(([name, , amount, phrase], i) => {
      const cells = labels.map((_, q) => sheet.getCell(i + 2, 13 + q).value);
      const spentIn = labels.filter((_, q) => typeof cells[q] === 'number' && cells[q] !== 0);
      const marked = parsePhasing(phrase);
      const expectedQuarters =
        marked.ok && marked.value.kind === 'phased'
          ? marked.value.quarters.map(
              (q) => labels[quarterIndex(q) - quarterIndex({ year: 2016, quarter: 1 })],
            )
          : [];
      expect([name, spentIn]).toEqual([name, expectedQuarters]);
      const phased = cells.map((v) => fromNumber(typeof v === 'number' ? v : 0));
      if (phrase !== 'TBC') expect(compare(sum(phased), fromNumber(Number(amount)))).toBe(0);
      // The same figures CAPITAL.PHASE and the pane's Phase give (core phaseAmount).
      const engine = columns.ok
        ? phaseAmount(fromNumber(Number(amount)), phrase, columns.value, { decimals: 1 })
        : undefined;
      expect(engine?.ok && engine.value.amounts.map((a) => formatDecimal(a, 1))).toEqual(
        phased.map((a) => formatDecimal(a, 1)),
      );
    });
  });
});

describe('capital-planner import: what it cannot read', () => {
  it('reports an unreadable marker at its cell and a total that does not add up, writes the rest, exits 1', async () => {
    const path = join(dir, 'bad.xlsx');
    await writeTable(path, [
      ['Scheme', 'Capital £m', '2016/17', '2017/18'],
      ['Roofs', 1.2, 'Q1', 'next spring'],
      ['Boilers', 0.4, '', ''],
      ['Total', 2.6, '', ''],
    ]);
    const run = await runCli(['import', path, '--out', join(dir, 'bad-out.xlsx')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "D2   error unreadable-marker: Cannot read the marker 'next spring' under 2017/18",
    );
    expect(run.stdout).toContain('A3   warning unphased:');
    expect(run.stdout).toContain(
      'B4   error total-mismatch: Total 2.6 does not match the 2 schemes above it (1.6)',
    );
    expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
  });

  it.each([
    [['import'], 'import needs the workbook holding the table'],
    [['import', 'a.xlsx'], 'import needs --out FILE'],
    [['import', 'a.xlsx', '--out', 'a.xlsx'], 'is the table being read'],
  ])('refuses %j in one line with exit 2', async (args, message) => {
    const run = await runCli(args, { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('says what a table needs when no sheet holds one', async () => {
    const path = join(dir, 'notes.xlsx');
    await writeTable(path, [['Minutes of the meeting'], ['Nothing to import']]);
    const run = await runCli(['import', path, '--out', join(dir, 'x.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no programme table found in any sheet (Notes, Table 1)');
  });
});

/**
 * `capital-planner check` on real .xlsx files: findings at the right cells, the JSON document,
 * exit statuses, and inputs left exactly as they were.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixtures, EXPECTED_CELLS, type Fixtures } from '../fixtures/buildFixtures';
import { hashes, runCli } from './runCli';

interface JsonFinding {
  rule: string;
  severity: string;
  sheet: string | null;
  cell: string | null;
  message: string;
  expected: string | null;
  actual: string | null;
}
interface JsonReport {
  files: { file: string; findings: JsonFinding[]; error?: string }[];
  summary: { errors: number; warnings: number };
}

let dir: string;
let fixtures: Fixtures;
let report: JsonReport;
let status: number | null;
let inputs: string[];
let before: string[];

function findingsOf(file: string): JsonFinding[] {
  const entry = report.files.find((candidate) => candidate.file === file);
  if (!entry) throw new Error(`${file} is missing from the report`);
  return entry.findings;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-cli-check-'));
  fixtures = await buildFixtures(dir);
  inputs = [
    fixtures.severalGroups,
    fixtures.totalError,
    fixtures.roundingOnly,
    fixtures.textFigures,
    fixtures.excelTable,
  ];
  before = await hashes(inputs);
  // One run over every readable fixture: the command is started once, as a finance team would.
  const run = await runCli(['check', '--json', ...inputs]);
  status = run.status;
  report = JSON.parse(run.stdout) as JsonReport;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('capital-planner check --json', () => {
  it('prints one document listing every file in order, each finding with all seven keys', () => {
    expect(report.files.map((entry) => entry.file)).toEqual(inputs);
    for (const entry of report.files) {
      for (const finding of entry.findings) {
        expect(Object.keys(finding).sort()).toEqual([
          'actual',
          'cell',
          'expected',
          'message',
          'rule',
          'severity',
          'sheet',
        ]);
      }
    }
  });

  it('reports a real total error at the total’s cell, with the figure it should be', () => {
    const errors = findingsOf(fixtures.totalError).filter(
      (finding) => finding.severity === 'error',
    );
    expect(errors).toEqual([
      expect.objectContaining({
        rule: 'total-mismatch',
        sheet: 'Programme',
        cell: EXPECTED_CELLS.wrongTotal,
        expected: '32.0',
        actual: '35.0',
      }),
    ]);
  });

  it('accepts totals that are right within rounding (6.4 over 1.3 + 2.5 + 2.5)', () => {
    expect(
      findingsOf(fixtures.roundingOnly).filter((finding) => finding.severity === 'error'),
    ).toEqual([]);
  });

  it('finds no error in a table with several groups, each with a correct total', () => {
    expect(
      findingsOf(fixtures.severalGroups).filter((finding) => finding.severity === 'error'),
    ).toEqual([]);
  });

  it('points at each figure pasted as text', () => {
    const cells = findingsOf(fixtures.textFigures)
      .filter((finding) => finding.rule === 'number-as-text')
      .map((finding) => finding.cell);
    expect(cells).toEqual(EXPECTED_CELLS.textFigures);
  });

  it('reads an Excel table with a totals row formula as a table with a correct total', () => {
    expect(
      findingsOf(fixtures.excelTable).filter((finding) => finding.severity === 'error'),
    ).toEqual([]);
  });

  it('counts errors and warnings over every file in the summary', () => {
    const all = report.files.flatMap((entry) => entry.findings);
    expect(report.summary).toEqual({
      errors: all.filter((finding) => finding.severity === 'error').length,
      warnings: all.filter((finding) => finding.severity === 'warning').length,
    });
    expect(report.summary.errors).toBeGreaterThan(0);
  });

  it('exits 1 when there is an error finding', () => {
    expect(status).toBe(1);
  });

  it('leaves every input file byte for byte as it was', async () => {
    expect(await hashes(inputs)).toEqual(before);
  });
});

describe('capital-planner check (readable report)', () => {
  it('exits 0 on a workbook with no errors and groups findings by file and sheet', async () => {
    const run = await runCli(['check', fixtures.severalGroups, '--sheet', 'programme']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${fixtures.severalGroups}\n  Sheet 'Programme'\n`);
    expect(run.stdout).toMatch(/1 file checked: 0 errors, \d+ warnings?\n$/);
  });
});

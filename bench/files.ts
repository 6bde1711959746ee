/**
 * Benchmark 4: `capital-planner check` on generated .xlsx files of 10k and 50k rows, against a
 * floor of ExcelJS only loading the same file. Target (issue 6): total <= 1.3x the floor.
 * Measured in-process (the command's own `runCheck`), and the whole command once for information.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { runCheck } from '../src/cli/commands/check';
import type { CliIo } from '../src/cli/io';
import { type GeneratedProgramme, generateProgramme } from './lib/programme';
import { type BenchmarkReport, ReportBuilder, type Verdict } from './lib/results';
import { type Repetitions, timeAlternately } from './lib/timing';

export const NAME = 'files';

const ROOT = resolve(__dirname, '..');

/**
 * Writes a generated programme to an .xlsx file (sheet `Programme`) with ExcelJS's streaming
 * writer; blank cells are left out, as Excel leaves them.
 *
 * @example
 * await writeProgrammeFile(generateProgramme(1000), '/tmp/p.xlsx');
 */
export async function writeProgrammeFile(
  programme: GeneratedProgramme,
  path: string,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('Programme');
  for (const values of programme.values)
    sheet.addRow(values.map((value) => (value === '' ? null : value))).commit();
  sheet.commit();
  await workbook.commit();
}

/** The command's output of one in-process run. */
interface CommandRun {
  status: number;
  out: string;
  err: string;
}

/**
 * Runs `capital-planner check <file> --json` in-process through the command's own entry.
 *
 * @example
 * const { status, out } = await checkInProcess('programme.xlsx');
 */
export async function checkInProcess(file: string): Promise<CommandRun> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (text) => void (out += text), err: (text) => void (err += text) };
  const status = await runCheck([file, '--json'], io);
  return { status, out, err };
}

interface JsonReport {
  files: {
    file: string;
    findings: { rule: string; severity: string; sheet?: string; cell?: string }[];
  }[];
  summary: { errors: number; warnings: number };
}

/**
 * The command's JSON for a generated file names the one planted error at its cell, every figure
 * pasted as text, and exits 1 (an error was found).
 *
 * @example
 * verifyFileCheck(await checkInProcess(path), programme); // { ok: true }
 */
export function verifyFileCheck(run: CommandRun, programme: GeneratedProgramme): Verdict {
  if (run.status !== 1)
    return {
      ok: false,
      problem: `exit status ${run.status}, expected 1 (one error). stderr: ${run.err.slice(0, 300)}`,
    };
  let report: JsonReport;
  try {
    report = JSON.parse(run.out) as JsonReport;
  } catch {
    return {
      ok: false,
      problem: `--json output is not one JSON document: ${run.out.slice(0, 200)}`,
    };
  }
  const findings = report.files[0]?.findings ?? [];
  const errors = findings.filter((finding) => finding.severity === 'error');
  const { expect } = programme;
  if (
    errors.length !== 1 ||
    errors[0].cell !== expect.errorCell ||
    errors[0].rule !== 'total-mismatch' ||
    errors[0].sheet !== 'Programme'
  )
    return {
      ok: false,
      problem: `expected one total-mismatch error at Programme!${expect.errorCell}, got ${errors
        .map((e) => `${e.rule} ${e.sheet}!${e.cell}`)
        .slice(0, 3)
        .join('; ')}`,
    };
  const asText = findings.filter((finding) => finding.rule === 'number-as-text').length;
  if (asText !== expect.textFigures)
    return {
      ok: false,
      problem: `expected ${expect.textFigures} number-as-text findings, got ${asText}`,
    };
  if (report.summary.errors !== 1)
    return { ok: false, problem: `summary says ${report.summary.errors} errors, expected 1` };
  return { ok: true };
}

/** The floor: ExcelJS loading the whole file and nothing else. */
async function loadOnly(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** For information: ExcelJS's streaming reader visiting every row and nothing else. */
async function streamOnly(path: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let cells = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>)
      cells += row.cellCount;
  }
  return cells;
}

const SIZES: readonly { label: string; schemes: number; reps: Repetitions }[] = [
  { label: '10k', schemes: 10_000, reps: { warmups: 1, repetitions: 3 } },
  { label: '50k', schemes: 50_000, reps: { warmups: 0, repetitions: 3 } },
];

/**
 * Runs benchmark 4.
 *
 * @example
 * const report = await runFilesBenchmark();
 */
export async function runFilesBenchmark(): Promise<BenchmarkReport> {
  const out = new ReportBuilder(NAME);
  const dir = mkdtempSync(join(tmpdir(), 'capital-planner-bench-'));
  try {
    for (const size of SIZES) {
      const programme = generateProgramme(size.schemes);
      const path = join(dir, `programme-${size.label}.xlsx`);
      await writeProgrammeFile(programme, path);
      const verdict = verifyFileCheck(await checkInProcess(path), programme);
      if (!verdict.ok) return out.fail(`${size.label} rows: ${verdict.problem}`);
      const [floor, check, stream] = await timeAlternately(
        [() => loadOnly(path), () => checkInProcess(path), () => streamOnly(path)],
        size.reps,
      );
      const caseName = `${size.label} rows x 48 columns (${(statSync(path).size / 1048576).toFixed(1)} MB)`;
      out.figure(caseName, 'floor: ExcelJS readFile only (median)', floor.medianMs, 'ms');
      out.figure(caseName, 'capital-planner check in-process (median)', check.medianMs, 'ms');
      out.figure(caseName, 'check / floor', check.medianMs / floor.medianMs, 'x');
      out.figure(
        caseName,
        'for information: ExcelJS streaming reader visiting every row (median)',
        stream.medianMs,
        'ms',
      );
      out.figure(
        caseName,
        'for information: check / streaming reader',
        check.medianMs / stream.medianMs,
        'x',
      );
      const ratio = check.medianMs / floor.medianMs;
      out.target(
        `check ${size.label} rows <= 1.3x ExcelJS load`,
        `${ratio.toFixed(2)}x`,
        ratio <= 1.3,
      );
      if (size.label === '10k') {
        const started = Date.now();
        const whole = spawnSync(
          process.execPath,
          [join(ROOT, 'bin/capital-planner.cjs'), 'check', path, '--json'],
          { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
        );
        const elapsed = Date.now() - started;
        const wholeVerdict = verifyFileCheck(
          { status: whole.status ?? -1, out: whole.stdout, err: whole.stderr },
          programme,
        );
        out.figure(
          caseName,
          'whole command once (node bin/capital-planner.cjs check --json, incl. start-up)',
          elapsed,
          'ms',
        );
        if (!wholeVerdict.ok)
          out.note(
            `The whole command on ${size.label} rows gave a wrong result: ${wholeVerdict.problem}`,
          );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  out.note(
    "Files are written with ExcelJS (sheet Programme: the grid benchmark's programme, blank cells left out). Each timed check is verified first: exit status 1, one total-mismatch at the planted cell, every text figure reported.",
  );
  return out.report;
}

/**
 * Benchmark 6 (issue 15): `capital-planner check` as a whole process against the physical floor,
 * Node inflating the sheet and shared-string XML once and finding every <v> value tag
 * (bench/lib/inflateScanFloor.cjs), same file, same run, alternately. At 20k and 100k rows x 48
 * columns: time, the ratio to the floor, growth from 20k to 100k, peak memory (maxRSS). Also
 * `--help` start-up against `node -e 0`, and many files on worker threads against one thread.
 * Each is measured through bin/capital-planner.cjs (what users run; today it compiles through
 * tsx at start-up) and, for information, through an esbuild bundle of the CLI (compiled
 * JavaScript, what issue 17 ships).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { verifyFileCheck, writeProgrammeFile } from './files';
import { generateProgramme } from './lib/programme';
import { type BenchmarkReport, ReportBuilder } from './lib/results';
import { median, timeAlternately } from './lib/timing';
import { SaxesParser } from 'saxes';
import { GridRows } from '../src/xlsx/fastReader/gridRows';
import { SheetScanner } from '../src/xlsx/fastReader/sheetScanner';
import { ZipParts } from '../src/xlsx/fastReader/zipParts';

export const NAME = 'reader';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin/capital-planner.cjs');
const FLOOR = join(ROOT, 'bench/lib/inflateScanFloor.cjs');
const MAX_RSS = join(ROOT, 'bench/lib/maxRss.cjs');

interface ProcessRun {
  ms: number;
  maxRssMB: number;
  status: number;
  out: string;
  err: string;
}

/** Runs `node args` as its own process; time from spawn to exit, and its peak memory. */
function runProcess(args: readonly string[], env: Record<string, string> = {}): ProcessRun {
  const rssFile = join(tmpdir(), `capital-planner-rss-${process.pid}`);
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['-r', MAX_RSS, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env, MAX_RSS_FILE: rssFile },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let maxRssMB = NaN;
  try {
    maxRssMB = Number(readFileSync(rssFile, 'utf8')) / 1024;
    rmSync(rssFile, { force: true });
  } catch {
    // The process died before writing it.
  }
  return { ms, maxRssMB, status: run.status ?? -1, out: run.stdout, err: run.stderr };
}

/** Runs each command `repetitions` times, alternating, and returns the median of each. */
function alternate(
  commands: readonly (() => ProcessRun)[],
  repetitions: number,
): { ms: number; maxRssMB: number; last: ProcessRun }[] {
  const runs: ProcessRun[][] = commands.map(() => []);
  for (let r = 0; r < repetitions; r++) commands.forEach((command, i) => runs[i].push(command()));
  return runs.map((list) => ({
    ms: median(list.map((run) => run.ms)),
    maxRssMB: Math.max(...list.map((run) => run.maxRssMB)),
    last: list[list.length - 1],
  }));
}

/** The CLI bundled by esbuild into one CommonJS file (compiled JavaScript, no tsx). */
async function bundleCli(dir: string): Promise<string> {
  const esbuild = await import('esbuild');
  const file = join(dir, 'capital-planner-bundle.cjs');
  await esbuild.build({
    stdin: {
      contents: "require('./src/cli/main').run();",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: file,
    logLevel: 'silent',
  });
  return file;
}

/**
 * Why the reader scans the sheet XML itself rather than through saxes: saxes only tokenising the
 * sheet (an event per tag and text, nothing kept) against the scanner reading every cell's value
 * and format (kept in nothing: GridRows.add does nothing here), same 256 KiB chunks, in-process.
 */
async function scannerAgainstSaxes(path: string): Promise<{ saxesMs: number; scannerMs: number }> {
  const parts = await ZipParts.open(path);
  const xml = (await parts.text('xl/worksheets/sheet1.xml')) ?? '';
  const chunks: string[] = [];
  for (let at = 0; at < xml.length; at += 262_144) chunks.push(xml.slice(at, at + 262_144));
  const discard = new GridRows();
  discard.add = () => undefined;
  const [saxes, scanner] = await timeAlternately(
    [
      () => {
        const parser = new SaxesParser();
        let events = 0;
        parser.on('opentag', () => events++);
        parser.on('text', () => events++);
        for (const chunk of chunks) parser.write(chunk);
        parser.close();
        return events;
      },
      () => {
        const scan = new SheetScanner({ sharedStrings: [], styles: [], date1904: false }, discard);
        for (const chunk of chunks) scan.write(chunk);
        return scan.end();
      },
    ],
    { warmups: 1, repetitions: 3 },
  );
  return { saxesMs: saxes.medianMs, scannerMs: scanner.medianMs };
}

const SIZES = [
  { label: '20k', schemes: 20_000 },
  { label: '100k', schemes: 100_000 },
] as const;

/**
 * Runs benchmark 6.
 *
 * @example
 * const report = await runReaderBenchmark();
 */
export async function runReaderBenchmark(): Promise<BenchmarkReport> {
  const out = new ReportBuilder(NAME);
  const dir = mkdtempSync(join(tmpdir(), 'capital-planner-reader-'));
  const repetitions = Number(process.env.BENCH_READER_REPS ?? 3);
  try {
    const bundle = await bundleCli(dir);
    const perRow: Record<string, number> = {};
    for (const size of SIZES) {
      const programme = generateProgramme(size.schemes);
      const path = join(dir, `programme-${size.label}.xlsx`);
      await writeProgrammeFile(programme, path);
      const caseName = `${size.label} rows x ${programme.values[0].length} columns (${(statSync(path).size / 1048576).toFixed(1)} MB)`;
      const [floor, check, compiled] = alternate(
        [
          () => runProcess([FLOOR, path]),
          () => runProcess([BIN, 'check', path, '--json']),
          () => runProcess([bundle, 'check', path, '--json']),
        ],
        repetitions,
      );
      for (const [name, run] of [
        ['bin', check.last],
        ['bundle', compiled.last],
      ] as const) {
        const verdict = verifyFileCheck(run, programme);
        if (!verdict.ok) return out.fail(`${size.label} rows (${name}): ${verdict.problem}`);
      }
      out.figure(
        caseName,
        'floor: node inflate + scan every <v> (whole process, median)',
        floor.ms,
        'ms',
      );
      out.figure(
        caseName,
        'check: node bin/capital-planner.cjs check --json (median)',
        check.ms,
        'ms',
      );
      out.figure(caseName, 'check / floor', check.ms / floor.ms, 'x');
      out.figure(caseName, 'check peak memory (maxRSS)', check.maxRssMB, 'MB');
      out.figure(caseName, 'floor peak memory (maxRSS)', floor.maxRssMB, 'MB');
      out.figure(
        caseName,
        'for information: check compiled (esbuild bundle, no tsx) (median)',
        compiled.ms,
        'ms',
      );
      out.figure(caseName, 'for information: compiled check / floor', compiled.ms / floor.ms, 'x');
      out.figure(caseName, 'for information: compiled check peak memory', compiled.maxRssMB, 'MB');
      perRow[size.label] = check.ms / size.schemes;
      if (size.label === '20k') {
        const tokenisers = await scannerAgainstSaxes(path);
        out.figure(
          caseName,
          'saxes tokenising the sheet XML only (in-process, median)',
          tokenisers.saxesMs,
          'ms',
        );
        out.figure(
          caseName,
          'scanner reading every cell of it (in-process, median)',
          tokenisers.scannerMs,
          'ms',
        );
      }
      if (size.label === '20k')
        out.target(
          'check 20k rows <= 2x the inflate-and-scan floor',
          `${(check.ms / floor.ms).toFixed(2)}x`,
          check.ms / floor.ms <= 2,
        );
      else {
        out.target(
          'check peak memory at 100k rows < 300 MB',
          `${check.maxRssMB.toFixed(0)} MB`,
          check.maxRssMB < 300,
        );
        const growth = perRow['100k'] / perRow['20k'];
        out.figure('20k -> 100k', 'time per row at 100k / at 20k (1.0 = linear)', growth, 'x');
        out.target(
          'check grows linearly 20k -> 100k (per-row time within 1.25x)',
          `${growth.toFixed(2)}x`,
          growth <= 1.25,
        );
      }
    }

    const [bare, help, compiledHelp] = alternate(
      [
        () => runProcess(['-e', '0']),
        () => runProcess([BIN, '--help']),
        () => runProcess([bundle, '--help']),
      ],
      5,
    );
    out.figure('start-up', 'node -e 0 (median)', bare.ms, 'ms');
    out.figure('start-up', 'capital-planner --help via bin (median)', help.ms, 'ms');
    out.figure(
      'start-up',
      'for information: --help compiled (esbuild bundle) (median)',
      compiledHelp.ms,
      'ms',
    );
    out.target(
      '--help within 0.3 s of node -e 0',
      `+${((help.ms - bare.ms) / 1000).toFixed(2)} s`,
      help.ms - bare.ms <= 300,
    );

    // Many files: 8 copies of a 5k-row programme, worker threads against one thread.
    const small = generateProgramme(5_000);
    const first = join(dir, 'many-0.xlsx');
    await writeProgrammeFile(small, first);
    const files = [first];
    for (let i = 1; i < 8; i++) {
      files.push(join(dir, `many-${i}.xlsx`));
      copyFileSync(first, files[i]);
    }
    const [threads, oneThread] = alternate(
      [
        () =>
          runProcess([BIN, 'check', ...files, '--json'], {
            CAPITAL_PLANNER_WORKERS: String(availableParallelism()),
          }),
        () => runProcess([BIN, 'check', ...files, '--json'], { CAPITAL_PLANNER_WORKERS: '1' }),
      ],
      repetitions,
    );
    if (threads.last.out !== oneThread.last.out)
      return out.fail('many files: the reports on worker threads differ from one thread');
    const cores = availableParallelism();
    const manyCase = `8 files x 5k rows, ${cores} cores`;
    out.figure(
      manyCase,
      'load average at the start (the default uses free cores only)',
      loadavg()[0],
      '',
    );
    out.figure(manyCase, 'worker threads, one per core (median)', threads.ms, 'ms');
    out.figure(manyCase, 'one thread (CAPITAL_PLANNER_WORKERS=1) (median)', oneThread.ms, 'ms');
    out.figure(manyCase, 'throughput, worker threads', (8 / threads.ms) * 1000, 'files/s');
    out.figure(manyCase, 'throughput, one thread', (8 / oneThread.ms) * 1000, 'files/s');
    out.figure(manyCase, 'speed-up over one thread', oneThread.ms / threads.ms, 'x');
    out.figure(manyCase, 'peak memory, worker threads', threads.maxRssMB, 'MB');
    writeFileSync(join(dir, 'done'), '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  out.note(
    'Whole processes, alternated, median of BENCH_READER_REPS (default 3). The floor is bench/lib/inflateScanFloor.cjs: node:zlib inflates the sheet and shared-string XML once and counts <v> tags. Each check run is verified (exit 1, the planted total-mismatch at its cell, every text figure reported). Peak memory is process.resourceUsage().maxRSS (bench/lib/maxRss.cjs, preloaded).',
  );
  return out.report;
}

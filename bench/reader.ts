/**
 * Benchmark 6 (issue 15): `capital-planner check` as a whole process against the physical floor,
 * Node inflating the sheet and shared-string XML once and finding every <v> value tag
 * (bench/lib/inflateScanFloor.cjs), same file, same run, alternately. At 20k and 100k rows x 48
 * columns: time, the ratio to the floor (wall clock, and CPU time of all threads, which a shared
 * machine disturbs less), growth from 20k to 100k, peak memory (maxRSS). Also `--help` start-up
 * against `node -e 0`, and many files on worker threads against one thread. Each is measured
 * through bin/capital-planner.cjs (what users run: the bundled lib/cli/capital-planner.cjs with
 * its V8 code cache, rebuilt first so that it is current) and, for information, without the code
 * cache (CAPITAL_PLANNER_CODE_CACHE=off).
 *
 * Ratios are medians of paired runs (the check over the floor run just before it, both under the
 * same load), BENCH_READER_REPS pairs (default 7 at 20k, 5 at 100k).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { verifyFileCheck, writeProgrammeFile } from './files';
import { generateProgramme } from './lib/programme';
import { type BenchmarkReport, ReportBuilder } from './lib/results';
import { median, pairedRatio, timeAlternately } from './lib/timing';
import { SaxesParser } from 'saxes';
import { GridRows } from '../src/xlsx/fastReader/gridRows';
import { SheetScanner } from '../src/xlsx/fastReader/sheetScanner';
import { ZipParts } from '../src/xlsx/fastReader/zipParts';
import { workerCount } from '../src/cli/workerPool';

export const NAME = 'reader';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin/capital-planner.cjs');
const FLOOR = join(ROOT, 'bench/lib/inflateScanFloor.cjs');
const MAX_RSS = join(ROOT, 'bench/lib/maxRss.cjs');
/** Runs the command without its V8 code cache (bin/capital-planner.cjs), for comparison. */
const NO_CODE_CACHE = { CAPITAL_PLANNER_CODE_CACHE: 'off' };

interface ProcessRun {
  ms: number;
  /** CPU time of every thread of the process (user + system). */
  cpuMs: number;
  maxRssMB: number;
  status: number;
  out: string;
  err: string;
}

/** Runs `node args` as its own process; time from spawn to exit, its CPU time and peak memory. */
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
  let cpuMs = NaN;
  try {
    const [rss, cpu] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
    maxRssMB = rss / 1024;
    cpuMs = cpu / 1000;
    rmSync(rssFile, { force: true });
  } catch {
    // The process died before writing it.
  }
  return { ms, cpuMs, maxRssMB, status: run.status ?? -1, out: run.stdout, err: run.stderr };
}

interface Runs {
  ms: number;
  cpuMs: number;
  maxRssMB: number;
  last: ProcessRun;
  all: ProcessRun[];
}

/** Runs each command `repetitions` times, alternating, and returns the median of each. */
function alternate(commands: readonly (() => ProcessRun)[], repetitions: number): Runs[] {
  const runs: ProcessRun[][] = commands.map(() => []);
  for (let r = 0; r < repetitions; r++) commands.forEach((command, i) => runs[i].push(command()));
  return runs.map((list) => ({
    ms: median(list.map((run) => run.ms)),
    cpuMs: median(list.map((run) => run.cpuMs)),
    maxRssMB: Math.max(...list.map((run) => run.maxRssMB)),
    last: list[list.length - 1],
    all: list,
  }));
}

/** Median ratio of paired runs of `a` over `b`: wall clock and CPU time. */
function ratios(a: Runs, b: Runs): { wall: number; cpu: number } {
  return {
    wall: pairedRatio(
      a.all.map((run) => run.ms),
      b.all.map((run) => run.ms),
    ),
    cpu: pairedRatio(
      a.all.map((run) => run.cpuMs),
      b.all.map((run) => run.cpuMs),
    ),
  };
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

const REPS = process.env.BENCH_READER_REPS ? Number(process.env.BENCH_READER_REPS) : undefined;
const SIZES = [
  { label: '20k', schemes: 20_000, repetitions: REPS ?? 7 },
  { label: '100k', schemes: 100_000, repetitions: REPS ?? 5 },
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
  // bin/capital-planner.cjs runs lib/cli only while it is current (else the sources through tsx).
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.cjs')], {
    encoding: 'utf8',
  });
  if (build.status !== 0) return out.fail(`cannot build lib/: ${build.stderr || build.stdout}`);
  try {
    const perRow: Record<string, number> = {};
    for (const size of SIZES) {
      const programme = generateProgramme(size.schemes);
      const path = join(dir, `programme-${size.label}.xlsx`);
      await writeProgrammeFile(programme, path);
      const caseName = `${size.label} rows x ${programme.values[0].length} columns (${(statSync(path).size / 1048576).toFixed(1)} MB)`;
      const [floor, check, uncached] = alternate(
        [
          () => runProcess([FLOOR, path]),
          () => runProcess([BIN, 'check', path, '--json']),
          () => runProcess([BIN, 'check', path, '--json'], NO_CODE_CACHE),
        ],
        size.repetitions,
      );
      for (const [name, run] of [
        ['bin', check.last],
        ['bin, no code cache', uncached.last],
      ] as const) {
        const verdict = verifyFileCheck(run, programme);
        if (!verdict.ok) return out.fail(`${size.label} rows (${name}): ${verdict.problem}`);
      }
      const ratio = ratios(check, floor);
      const reps = `median of ${size.repetitions}`;
      out.figure(
        caseName,
        `floor: node inflate + scan every <v> (whole process, ${reps})`,
        floor.ms,
        'ms',
      );
      out.figure(
        caseName,
        `check: node bin/capital-planner.cjs check --json (${reps})`,
        check.ms,
        'ms',
      );
      out.figure(caseName, `check / floor, wall clock (${reps} paired runs)`, ratio.wall, 'x');
      out.figure(caseName, `floor CPU time, all threads (${reps})`, floor.cpuMs, 'ms');
      out.figure(caseName, `check CPU time, all threads (${reps})`, check.cpuMs, 'ms');
      out.figure(caseName, `check / floor, CPU time (${reps} paired runs)`, ratio.cpu, 'x');
      out.figure(caseName, 'check peak memory (maxRSS)', check.maxRssMB, 'MB');
      out.figure(caseName, 'floor peak memory (maxRSS)', floor.maxRssMB, 'MB');
      out.figure(
        caseName,
        `for information: check without the code cache (${reps})`,
        uncached.ms,
        'ms',
      );
      out.figure(
        caseName,
        'for information: check without the code cache / floor, wall clock',
        ratios(uncached, floor).wall,
        'x',
      );
      perRow[size.label] = check.cpuMs / size.schemes;
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
        out.target(
          'check 20k rows <= 2x the inflate-and-scan floor (wall clock)',
          `${ratio.wall.toFixed(2)}x (CPU ${ratio.cpu.toFixed(2)}x)`,
          ratio.wall <= 2,
        );
      } else {
        out.target(
          'check 100k rows <= 2x the inflate-and-scan floor (wall clock)',
          `${ratio.wall.toFixed(2)}x (CPU ${ratio.cpu.toFixed(2)}x)`,
          ratio.wall <= 2,
        );
        out.target(
          'check peak memory at 100k rows < 300 MB',
          `${check.maxRssMB.toFixed(0)} MB`,
          check.maxRssMB < 300,
        );
        const growth = perRow['100k'] / perRow['20k'];
        out.figure('20k -> 100k', 'CPU time per row at 100k / at 20k (1.0 = linear)', growth, 'x');
        out.target(
          'check grows linearly 20k -> 100k (CPU time per row within 1.25x)',
          `${growth.toFixed(2)}x`,
          growth <= 1.25,
        );
      }
    }

    const [bare, help, uncachedHelp] = alternate(
      [
        () => runProcess(['-e', '0']),
        () => runProcess([BIN, '--help']),
        () => runProcess([BIN, '--help'], NO_CODE_CACHE),
      ],
      7,
    );
    out.figure('start-up', 'node -e 0 (median of 7)', bare.ms, 'ms');
    out.figure('start-up', 'capital-planner --help via bin (median of 7)', help.ms, 'ms');
    out.figure(
      'start-up',
      'for information: --help without the code cache (median of 7)',
      uncachedHelp.ms,
      'ms',
    );
    out.target(
      '--help within 0.3 s of node -e 0',
      `+${((help.ms - bare.ms) / 1000).toFixed(2)} s`,
      help.ms - bare.ms <= 300,
    );

    // Many files: small ones (8 x 5k rows) and big ones (4 x 20k rows), on threads against one.
    const cores = availableParallelism();
    for (const many of [
      { count: 8, schemes: 5_000, label: '5k' },
      { count: 4, schemes: 20_000, label: '20k' },
    ]) {
      const first = join(dir, `many-${many.label}-0.xlsx`);
      await writeProgrammeFile(generateProgramme(many.schemes), first);
      const files = [first];
      for (let i = 1; i < many.count; i++) {
        files.push(join(dir, `many-${many.label}-${i}.xlsx`));
        copyFileSync(first, files[i]);
      }
      const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
      const manyCase = `${many.count} files x ${many.label} rows (${(bytes / 1048576).toFixed(1)} MB), ${cores} cores`;
      const chosen = workerCount(files.length, bytes);
      const [threads, oneThread, byDefault] = alternate(
        [
          () =>
            runProcess([BIN, 'check', ...files, '--json'], {
              CAPITAL_PLANNER_WORKERS: String(cores),
            }),
          () => runProcess([BIN, 'check', ...files, '--json'], { CAPITAL_PLANNER_WORKERS: '1' }),
          () => runProcess([BIN, 'check', ...files, '--json'], { CAPITAL_PLANNER_WORKERS: '' }),
        ],
        REPS ?? 5,
      );
      if (threads.last.out !== oneThread.last.out || byDefault.last.out !== oneThread.last.out)
        return out.fail(`${manyCase}: the reports on worker threads differ from one thread`);
      out.figure(manyCase, 'load average (1 min) after the runs', loadavg()[0], '');
      out.figure(manyCase, `threads the default would choose now (of ${cores})`, chosen, '');
      out.figure(manyCase, `${cores} threads, forced (median)`, threads.ms, 'ms');
      out.figure(manyCase, 'one thread (CAPITAL_PLANNER_WORKERS=1) (median)', oneThread.ms, 'ms');
      out.figure(manyCase, 'the default (median)', byDefault.ms, 'ms');
      out.figure(
        manyCase,
        `speed-up of ${cores} threads over one, wall clock`,
        ratios(oneThread, threads).wall,
        'x',
      );
      out.figure(
        manyCase,
        `extra CPU time of ${cores} threads over one`,
        ratios(threads, oneThread).cpu,
        'x',
      );
      out.figure(manyCase, 'throughput, one thread', (many.count / oneThread.ms) * 1000, 'files/s');
      out.figure(manyCase, `peak memory, ${cores} threads`, threads.maxRssMB, 'MB');
    }
    writeFileSync(join(dir, 'done'), '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  out.note(
    'Whole processes, alternated; ratios are medians of paired runs, BENCH_READER_REPS pairs (default 7 at 20k, 5 at 100k). CPU time is process.resourceUsage() user + system of every thread (zlib inflates on the thread pool, V8 compiles and collects garbage on helper threads), less disturbed than wall clock on a shared machine. The floor is bench/lib/inflateScanFloor.cjs: node:zlib inflates the sheet and shared-string XML once and counts <v> tags. Each check run is verified (exit 1, the planted total-mismatch at its cell, every text figure reported). Peak memory is process.resourceUsage().maxRSS (bench/lib/maxRss.cjs, preloaded).',
  );
  return out.report;
}

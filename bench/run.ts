/**
 * `npm run bench`: runs every benchmark of issue 6 and prints a table of figures and targets.
 * `npm run bench -- --json` prints exactly one JSON document on stdout (progress goes to stderr).
 * `--only grid,phasing` runs some of them: grid, phasing, excel, files, size, reader. `--out FILE` also
 * writes the JSON document to FILE. npm prints its own `> capital-planner bench` banner on stdout:
 * use `npm run -s bench -- --json` (or `npx tsx bench/run.ts --json`) when piping the JSON.
 */
import { writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { runExcelRoundTripsBenchmark } from './excelRoundTrips';
import { runFilesBenchmark } from './files';
import { runGridCheckBenchmark } from './gridCheck';
import type { BenchmarkReport } from './lib/results';
import { runPhasingBenchmark } from './phasing';
import { runReaderBenchmark } from './reader';
import { runSizeBenchmark } from './size';

const BENCHMARKS: readonly { key: string; title: string; run: () => Promise<BenchmarkReport> }[] = [
  { key: 'grid', title: '1. grid check throughput', run: runGridCheckBenchmark },
  { key: 'phasing', title: '2. phasing', run: runPhasingBenchmark },
  { key: 'excel', title: '3. Excel round trips', run: runExcelRoundTripsBenchmark },
  { key: 'files', title: '4. files', run: runFilesBenchmark },
  { key: 'size', title: '5. size and first render', run: runSizeBenchmark },
  { key: 'reader', title: '6. workbook reader (issue 15)', run: runReaderBenchmark },
];

/** The machine a run was made on (BENCHMARKS.md records it with the figures). */
function machine(): Record<string, string | number> {
  const processors = cpus();
  return {
    cores: processors.length,
    cpu: processors[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg()
      .map((load) => load.toFixed(2))
      .join(' '),
  };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function table(rows: readonly string[][]): string {
  const widths = rows[0].map((_, c) => Math.min(90, Math.max(...rows.map((row) => row[c].length))));
  const line = (row: readonly string[]): string =>
    `| ${row.map((cell, c) => pad(cell, widths[c])).join(' | ')} |`;
  return [
    line(rows[0]),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

function formatReports(
  reports: readonly BenchmarkReport[],
  info: Record<string, string | number>,
  seconds: number,
): string {
  const lines: string[] = [];
  lines.push(
    `Machine: ${info.cores} cores, ${info.cpu}, ${info.memoryGiB} GiB, node ${info.node}; load average at start ${info.loadAverageAtStart}, at end ${info.loadAverageAtEnd}`,
  );
  lines.push(`Run: ${info.date}, ${seconds.toFixed(0)} s`);
  lines.push('');
  const figures = [['Benchmark', 'Case', 'Metric', 'Value', 'Unit']];
  for (const report of reports) {
    for (const figure of report.figures)
      figures.push([
        figure.benchmark,
        figure.case,
        figure.metric,
        figure.value === null ? '-' : String(figure.value),
        figure.unit,
      ]);
    if (!report.ok)
      figures.push([report.benchmark, 'WRONG RESULT: not timed', report.problem ?? '', '', '']);
  }
  lines.push(table(figures), '');
  const targets = [['Benchmark', 'Target', 'Measured', 'Met']];
  for (const report of reports)
    for (const target of report.targets)
      targets.push([target.benchmark, target.target, target.measured, target.met ? 'yes' : 'NO']);
  lines.push(table(targets), '');
  for (const report of reports) {
    for (const target of report.targets)
      if (!target.met && target.note)
        lines.push(`- ${target.benchmark}, ${target.target}: ${target.note}`);
    for (const note of report.notes) lines.push(`- ${report.benchmark}: ${note}`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean' }, only: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: false,
  });
  const json = values.json === true;
  const wanted = values.only
    ?.split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  const unknown =
    wanted?.filter((key) => !BENCHMARKS.some((benchmark) => benchmark.key === key)) ?? [];
  if (unknown.length > 0) {
    process.stderr.write(
      `bench: unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.map((b) => b.key).join(', ')}\n`,
    );
    return 2;
  }
  // Only the JSON document may reach stdout: anything the code under test logs goes to stderr.
  if (json) console.log = console.info = (...args: unknown[]) => console.error(...args);
  const info: Record<string, string | number> = { ...machine(), date: new Date().toISOString() };
  const started = Date.now();
  const reports: BenchmarkReport[] = [];
  for (const benchmark of BENCHMARKS) {
    if (wanted && !wanted.includes(benchmark.key)) continue;
    process.stderr.write(`bench: ${benchmark.title} ...\n`);
    const began = Date.now();
    try {
      reports.push(await benchmark.run());
    } catch (error) {
      const message =
        error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
      reports.push({
        benchmark: benchmark.title,
        ok: false,
        problem: `crashed: ${message.slice(0, 600)}`,
        figures: [],
        targets: [],
        notes: [],
      });
    }
    process.stderr.write(
      `bench: ${benchmark.title} done in ${((Date.now() - began) / 1000).toFixed(0)} s\n`,
    );
  }
  const seconds = (Date.now() - started) / 1000;
  info.loadAverageAtEnd = loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
  info.seconds = Math.round(seconds);
  const targets = reports.flatMap((report) => report.targets);
  const allCorrect = reports.every((report) => report.ok);
  const document = `${JSON.stringify({ machine: info, benchmarks: reports, targets, allCorrect }, null, 2)}\n`;
  if (values.out !== undefined) writeFileSync(values.out, document);
  if (json) {
    process.stdout.write(document);
  } else {
    process.stdout.write(formatReports(reports, info, seconds));
  }
  return reports.every((report) => report.ok) ? 0 : 1;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);

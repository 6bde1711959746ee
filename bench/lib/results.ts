/**
 * What every benchmark reports: figures (for the table and the JSON document) and targets met or
 * missed, with the reason when one is missed.
 */

/** One measured figure. */
export interface Figure {
  benchmark: string;
  /** The case measured, e.g. `100k rows`. */
  case: string;
  metric: string;
  value: number | string | null;
  unit: string;
}

/** A target from the benchmark issue and whether this run met it. */
export interface Target {
  benchmark: string;
  target: string;
  measured: string;
  met: boolean;
  note?: string;
}

/** Everything one benchmark found. `ok: false` when its result was wrong (nothing is timed then). */
export interface BenchmarkReport {
  benchmark: string;
  ok: boolean;
  /** Why the result could not be checked or timed, when `ok` is false. */
  problem?: string;
  figures: Figure[];
  targets: Target[];
  /** Facts worth knowing that are not figures (gaps in what exists, how something was measured). */
  notes: string[];
}

/** Collects figures and targets for one benchmark. */
export class ReportBuilder {
  readonly report: BenchmarkReport;

  constructor(benchmark: string) {
    this.report = { benchmark, ok: true, figures: [], targets: [], notes: [] };
  }

  figure(caseName: string, metric: string, value: number | string | null, unit: string): void {
    const shown = typeof value === 'number' ? roundForShow(value) : value;
    this.report.figures.push({
      benchmark: this.report.benchmark,
      case: caseName,
      metric,
      value: shown,
      unit,
    });
  }

  target(target: string, measured: string, met: boolean, note?: string): void {
    const entry: Target = { benchmark: this.report.benchmark, target, measured, met };
    if (note !== undefined) entry.note = note;
    this.report.targets.push(entry);
  }

  note(text: string): void {
    this.report.notes.push(text);
  }

  fail(problem: string): BenchmarkReport {
    this.report.ok = false;
    this.report.problem = problem;
    return this.report;
  }
}

function roundForShow(value: number): number {
  if (!Number.isFinite(value)) return value;
  const size = Math.abs(value);
  const places = size >= 100 ? 1 : size >= 1 ? 2 : 4;
  return Number(value.toFixed(places));
}

/** A correctness check's outcome: a wrong result is never timed. */
export type Verdict = { ok: true } | { ok: false; problem: string };

/**
 * Joins several verdicts: the first problem wins.
 *
 * @example
 * allOf([{ ok: true }, { ok: false, problem: 'sum is 3, expected 4' }]); // { ok: false, ... }
 */
export function allOf(verdicts: readonly Verdict[]): Verdict {
  return verdicts.find((verdict) => !verdict.ok) ?? { ok: true };
}

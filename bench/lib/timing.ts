/**
 * Timing for the benchmarks: warm-up runs, then the median of several repetitions. Machines here
 * are shared and noisy, so a floor and the thing measured are timed alternately in one run and
 * compared as a ratio of medians.
 */
import { performance } from 'node:perf_hooks';

/** Median, fastest and every sample of one measured task, in milliseconds. */
export interface Timing {
  medianMs: number;
  minMs: number;
  samplesMs: number[];
}

/** How many times to run: untimed warm-ups, then timed repetitions. */
export interface Repetitions {
  warmups: number;
  repetitions: number;
}

/**
 * Median of the ratios of paired samples (`a[i] / b[i]`): with tasks timed alternately, each pair
 * ran under the same load, so this ratio holds better on a shared machine than a ratio of medians.
 *
 * @example
 * pairedRatio([4, 8, 6], [1, 2, 2]); // 4
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, i) => value / b[i]));
}

/**
 * Median of a list of numbers.
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summarise(samples: number[]): Timing {
  return { medianMs: median(samples), minMs: Math.min(...samples), samplesMs: samples.map(round3) };
}

/** Rounds to three decimal places (microseconds when the unit is milliseconds). */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

// Keeps results alive so the optimiser cannot drop the work being timed.
let sink: unknown;
/** The last result kept alive (read it so that it is used). */
export function lastResult(): unknown {
  return sink;
}

/**
 * Times several tasks alternately (A, B, A, B, ...) after warm-ups, so that noise from other
 * processes falls on all of them alike. Returns one timing per task, in the order given.
 *
 * @example
 * const [floor, check] = await timeAlternately([() => sumGrid(grid), () => checkGrid(grid)], { warmups: 2, repetitions: 5 });
 */
export async function timeAlternately(
  tasks: readonly (() => unknown)[],
  reps: Repetitions,
): Promise<Timing[]> {
  for (let w = 0; w < reps.warmups; w++) for (const task of tasks) sink = await task();
  const samples: number[][] = tasks.map(() => []);
  for (let r = 0; r < reps.repetitions; r++) {
    for (let t = 0; t < tasks.length; t++) {
      const started = performance.now();
      sink = await tasks[t]();
      samples[t].push(performance.now() - started);
    }
  }
  return samples.map(summarise);
}

/**
 * Times one task after warm-ups.
 *
 * @example
 * const timing = await time(() => allocate(amount, weights, 2), { warmups: 3, repetitions: 7 });
 */
export async function time(task: () => unknown, reps: Repetitions): Promise<Timing> {
  const [timing] = await timeAlternately([task], reps);
  return timing;
}

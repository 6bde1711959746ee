/**
 * Runs one job per workbook on worker threads, one per free core (os.availableParallelism less
 * the load average), and gives the results in the order the files were named. One file, one core, or
 * CAPITAL_PLANNER_WORKERS=1 runs the jobs in this thread instead; so does a worker that cannot
 * start (the jobs it had not finished are then run here).
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { runFileJob, type FileJob } from './fileWorker';

/**
 * How many threads to use for `count` files: CAPITAL_PLANNER_WORKERS, else one per free core
 * (cores less the load other processes put on them: on a two-core machine already running
 * other work, measured in bench/reader.ts, two threads ran 1.5x slower than one).
 *
 * @example
 * workerCount(8); // 2 on an idle two-core machine
 */
export function workerCount(count: number): number {
  const asked = Number(process.env.CAPITAL_PLANNER_WORKERS);
  const cores = availableParallelism();
  // The load average counts this process too: one busy core is ours.
  const free = Math.round(cores - Math.max(0, loadavg()[0] - 1));
  const threads = Number.isInteger(asked) && asked > 0 ? asked : Math.min(cores, free);
  return Math.max(1, Math.min(count, threads));
}

/**
 * The code a worker starts with: the compiled worker when this runs as JavaScript, else the
 * TypeScript one through tsx (how bin/capital-planner.cjs runs the sources today).
 */
function workerSource(): string {
  const compiled = !__filename.endsWith('.ts');
  const file = join(__dirname, compiled ? 'fileWorker.js' : 'fileWorker.ts');
  // An absolute path: an eval'd worker resolves bare names from the working directory, not here.
  const register = compiled
    ? ''
    : `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();`;
  return `${register}require(${JSON.stringify(file)});`;
}

async function runHere(jobs: readonly FileJob[], results: unknown[], pending: number[]) {
  for (const index of pending) results[index] = await runFileJob(jobs[index]);
}

/**
 * Runs every job and returns their results in the jobs' order.
 *
 * @example
 * const reports = await runJobs(files.map((file) => ({ kind: 'check', file, check: {} })));
 */
export async function runJobs<T>(jobs: readonly FileJob[]): Promise<T[]> {
  const results: unknown[] = new Array(jobs.length);
  const threads = workerCount(jobs.length);
  if (threads <= 1) {
    await runHere(
      jobs,
      results,
      jobs.map((_, index) => index),
    );
    return results as T[];
  }
  const done = new Set<number>();
  let next = 0;
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve) => {
          let worker: Worker;
          try {
            worker = new Worker(workerSource(), { eval: true });
          } catch {
            resolve();
            return;
          }
          let current = -1;
          const give = (): void => {
            if (next >= jobs.length) {
              void worker.terminate().then(() => resolve());
              return;
            }
            current = next++;
            worker.postMessage({ index: current, job: jobs[current] });
          };
          worker.on('message', (message: { index: number; result?: unknown; failure?: string }) => {
            if (message.failure === undefined) {
              results[message.index] = message.result;
              done.add(message.index);
            }
            give();
          });
          // A worker that fails leaves its job undone: it is run in this thread below.
          worker.on('error', () => resolve());
          worker.on('exit', () => resolve());
          give();
        }),
    ),
  );
  const undone = jobs.map((_, index) => index).filter((index) => !done.has(index));
  await runHere(jobs, results, undone);
  return results as T[];
}

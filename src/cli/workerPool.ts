/**
 * Runs one job per workbook, on worker threads when that pays, and gives the results in the
 * order the files were named. This thread takes jobs too, so N threads means N - 1 workers.
 *
 * When threads pay (measured in bench/reader.ts; BENCHMARKS.md): a worker loads the engine and
 * compiles its hot code afresh, about 0.4 s of CPU, and on a two-core machine also running other
 * work it only takes CPU from this thread. So threads are used only for enough work (files
 * totalling WORK_PER_WORKER_BYTES per extra thread) and free cores (cores less the load
 * average); CAPITAL_PLANNER_WORKERS=N asks for N threads whatever the work (1: none). A worker
 * that cannot start or fails leaves its jobs to this thread.
 */
import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Worker as WorkerThread } from 'node:worker_threads';
import { runFileJob, type FileJob } from './fileJob';

/**
 * Compressed workbook bytes each extra thread must have to read before it pays for its start
 * (about 40k programme rows, ~1 s of work: over twice a worker's start-up).
 */
export const WORK_PER_WORKER_BYTES = 4 * 1024 * 1024;

/**
 * How many threads (this one included) to use for `count` files totalling `bytes`:
 * CAPITAL_PLANNER_WORKERS, else one per free core (cores less the load other processes put on
 * them) while each extra thread has WORK_PER_WORKER_BYTES to read.
 *
 * @example
 * workerCount(8, 80 * 1024 * 1024); // 2 on an idle two-core machine
 * workerCount(8, 4 * 1024 * 1024); // 1: too little work to pay for a second thread
 */
export function workerCount(count: number, bytes = Infinity): number {
  const asked = Number(process.env.CAPITAL_PLANNER_WORKERS);
  if (Number.isInteger(asked) && asked > 0) return Math.max(1, Math.min(count, asked));
  const cores = availableParallelism();
  // The load average counts this process too: one busy core is ours.
  const free = Math.round(cores - Math.max(0, loadavg()[0] - 1));
  const worthwhile = 1 + Math.floor(bytes / WORK_PER_WORKER_BYTES);
  return Math.max(1, Math.min(count, cores, free, worthwhile));
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // reported by the job itself
  }
}

/**
 * The code a worker starts with: the bundled command again (bin/capital-planner.cjs runs
 * lib/cli/capital-planner.cjs, one file holding every module, so `__filename` is that file) told
 * to be a file worker, or the TypeScript worker through tsx when the sources run.
 */
function workerSource(): string {
  // An absolute path: an eval'd worker resolves bare names from the working directory, not here.
  if (!__filename.endsWith('.ts'))
    return `require(${JSON.stringify(__filename)}).startFileWorker();`;
  const register = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();`;
  return `${register}require(${JSON.stringify(join(__dirname, 'fileWorker.ts'))});`;
}

/**
 * node:worker_threads, loaded only when threads are used: loading it cost 3 ms of every
 * command's start (issue 15), and one file never uses a thread.
 */
function threadModule(): typeof import('node:worker_threads') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:worker_threads') as typeof import('node:worker_threads');
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
  const bytes = jobs.length > 1 ? jobs.reduce((sum, job) => sum + sizeOf(job.file), 0) : 0;
  const threads = workerCount(jobs.length, bytes);
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
  const workers = Array.from(
    { length: threads - 1 },
    () =>
      new Promise<void>((resolve) => {
        let worker: WorkerThread;
        try {
          worker = new (threadModule().Worker)(workerSource(), { eval: true });
        } catch {
          resolve();
          return;
        }
        const give = (): void => {
          if (next >= jobs.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const index = next++;
          worker.postMessage({ index, job: jobs[index] });
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
  );
  // This thread takes the next job whenever it is free, like a worker.
  const here = (async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await runFileJob(jobs[index]);
      done.add(index);
    }
  })();
  await Promise.all([here, ...workers]);
  const undone = jobs.map((_, index) => index).filter((index) => !done.has(index));
  await runHere(jobs, results, undone);
  return results as T[];
}

/**
 * One job of `check` and `consolidate` given many workbooks: read one file (and check it, for
 * `check`). Run by a worker thread (fileWorker.ts) or by the main thread (workerPool.ts).
 */
import { readWorkbookGrids } from '../xlsx/readWorkbook';
import { checkFiles } from './checkFiles';
import { gridChecker, type CliCheckOptions } from './engine';

/** A job for a worker: check a file, or only read its grids. */
export type FileJob =
  | { kind: 'check'; file: string; sheet?: string; check: CliCheckOptions }
  | { kind: 'read'; file: string };

/**
 * Does one job, as a worker (or the main thread, when workers are not used) does it.
 *
 * @example
 * await runFileJob({ kind: 'check', file: 'a.xlsx', check: { decimals: 1 } }); // a FileReport
 */
export async function runFileJob(job: FileJob): Promise<unknown> {
  if (job.kind === 'check') {
    const [report] = await checkFiles(
      [job.file],
      { sheet: job.sheet, columnsGiven: job.check.columns !== undefined },
      readWorkbookGrids,
      gridChecker(job.check),
    );
    return report;
  }
  return readWorkbookGrids(job.file);
}

/**
 * A worker thread of `check` and `consolidate` given many workbooks (started by workerPool.ts):
 * does each job it is sent (fileJob.ts) and posts the result back.
 */
import { parentPort } from 'node:worker_threads';
import { runFileJob, type FileJob } from './fileJob';

if (parentPort) {
  const port = parentPort;
  port.on('message', (message: { index: number; job: FileJob }) => {
    runFileJob(message.job).then(
      (result) => port.postMessage({ index: message.index, result }),
      (error: unknown) =>
        port.postMessage({
          index: message.index,
          failure: error instanceof Error ? error.message : String(error),
        }),
    );
  });
}

/**
 * How many threads `check` and `consolidate` use for many files (issue 15): worker threads only
 * when there is enough work for each to pay for its start, and only on free cores.
 */
import { WORK_PER_WORKER_BYTES, workerCount } from '../workerPool';

let cores = 2;
let load = 0;
jest.mock('node:os', () => ({
  ...jest.requireActual<typeof import('node:os')>('node:os'),
  availableParallelism: () => cores,
  loadavg: () => [load, load, load],
}));

const MB = 1024 * 1024;

describe('workerCount', () => {
  const saved = process.env.CAPITAL_PLANNER_WORKERS;
  beforeEach(() => {
    delete process.env.CAPITAL_PLANNER_WORKERS;
    cores = 2;
    load = 0;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.CAPITAL_PLANNER_WORKERS;
    else process.env.CAPITAL_PLANNER_WORKERS = saved;
  });

  it('uses a second thread on an idle two-core machine only when the files are big enough', () => {
    expect(workerCount(8, 8 * MB)).toBe(2);
    expect(workerCount(8, WORK_PER_WORKER_BYTES - 1)).toBe(1);
    // Eight 5k-row programmes (0.5 MB each): a worker's start-up costs more than it saves.
    expect(workerCount(8, 4 * 0.5 * MB)).toBe(1);
  });

  it('never uses more threads than files, cores or work', () => {
    cores = 16;
    expect(workerCount(3, 1000 * MB)).toBe(3);
    expect(workerCount(40, 1000 * MB)).toBe(16);
    expect(workerCount(40, 3 * WORK_PER_WORKER_BYTES)).toBe(4);
    expect(workerCount(1, 1000 * MB)).toBe(1);
  });

  it('leaves cores other processes are using alone', () => {
    cores = 2;
    load = 3; // two other busy processes besides this one
    expect(workerCount(8, 1000 * MB)).toBe(1);
    cores = 8;
    load = 4;
    expect(workerCount(8, 1000 * MB)).toBe(5);
  });

  it('does what CAPITAL_PLANNER_WORKERS asks, up to one thread per file', () => {
    load = 10;
    process.env.CAPITAL_PLANNER_WORKERS = '3';
    expect(workerCount(8, 0)).toBe(3);
    expect(workerCount(2, 0)).toBe(2);
    process.env.CAPITAL_PLANNER_WORKERS = '1';
    expect(workerCount(8, 1000 * MB)).toBe(1);
    process.env.CAPITAL_PLANNER_WORKERS = 'lots';
    expect(workerCount(8, 0)).toBe(1);
  });
});

/**
 * Bulk writes that stay inside Excel on the web's 5 MB request limit. Writes are queued as whole
 * blocks (one `range.values` array each); only when the queued data would pass the budget does the
 * writer sync and go on, so a normal programme is written in one round trip.
 */
import { report, throwIfCancelled } from './action';
import { requestsAreLimited } from './platform';
import type { RunOptions } from './types';

/** Default budget per request: under 5 MB with room for Office.js's own envelope. */
export const DEFAULT_REQUEST_BUDGET = 4 * 1024 * 1024;

let requestBudget = DEFAULT_REQUEST_BUDGET;

/**
 * Changes the per-request budget (tests use a small one to prove chunking). Returns the old one.
 *
 * @example
 * const old = setRequestBudget(64 * 1024); ...; setRequestBudget(old);
 */
export function setRequestBudget(bytes: number): number {
  const old = requestBudget;
  requestBudget = bytes;
  return old;
}

/**
 * The per-request budget in force (reads use it too, against the response limit): the budget on
 * Excel on the web, and no limit on Windows and Mac, where a request of any size goes in one sync.
 *
 * @example
 * const rows = Math.floor(currentRequestBudget() / bytesPerRow); // Infinity on desktop
 */
export function currentRequestBudget(): number {
  return requestsAreLimited() ? requestBudget : Number.POSITIVE_INFINITY;
}

/** Rough JSON size of one cell as Office.js sends it. */
function cellBytes(value: unknown): number {
  if (typeof value === 'string') return value.length + 3;
  if (typeof value === 'number') return 12;
  return 6;
}

function rowBytes(row: readonly unknown[]): number {
  let total = 2;
  for (const value of row) total += cellBytes(value);
  return total;
}

export type CellProperty = 'values' | 'formulas' | 'numberFormat';

/**
 * Queues block writes for one Excel.run and syncs only when a request would grow too large.
 *
 * @example
 * const writer = new BatchWriter(context, run, 'Writing quarters');
 * writer.write(sheet, 1, 12, amounts, 'values');
 * await writer.finish();
 */
export class BatchWriter {
  private queued = 0;
  /** Round trips this writer made (for benchmarks and tests). */
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly run: RunOptions,
    private readonly stage: string,
  ) {
    context.application.suspendApiCalculationUntilNextSync();
  }

  /** Counts data queued by other calls (validation rules, formats) against the budget. */
  note(bytes: number): void {
    this.queued += bytes;
  }

  /** Writes `grid` with its top-left at (top, left), 0-based; splits by rows when too big for one request. */
  async write(
    sheet: Excel.Worksheet,
    top: number,
    left: number,
    grid: readonly (readonly unknown[])[],
    property: CellProperty,
  ): Promise<void> {
    if (grid.length === 0 || grid[0].length === 0) return;
    const columns = grid[0].length;
    const budget = currentRequestBudget();
    let chunkStart = 0;
    for (let i = 0; i < grid.length; i++) {
      const bytes = rowBytes(grid[i]);
      if (this.queued + bytes > budget && (i > chunkStart || this.queued > 0)) {
        if (i > chunkStart) this.emit(sheet, top, left, grid, chunkStart, i, columns, property);
        chunkStart = i;
        await this.sync(i, grid.length);
      }
      this.queued += bytes;
    }
    this.emit(sheet, top, left, grid, chunkStart, grid.length, columns, property);
  }

  private emit(
    sheet: Excel.Worksheet,
    top: number,
    left: number,
    grid: readonly (readonly unknown[])[],
    from: number,
    to: number,
    columns: number,
    property: CellProperty,
  ): void {
    const rows = from === 0 && to === grid.length ? grid : grid.slice(from, to);
    const range = sheet.getRangeByIndexes(top + from, left, to - from, columns);
    (range as unknown as Record<CellProperty, unknown>)[property] = rows;
  }

  /** Sends what is queued (between chunks): the user may cancel here. */
  async sync(done = 0, total = 0): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.queued = 0;
    if (total > 0) report(this.run, this.stage, done, total);
    throwIfCancelled(this.run.signal);
    this.context.application.suspendApiCalculationUntilNextSync();
  }

  /** Sends the last request. */
  async finish(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.queued = 0;
  }
}

/**
 * Bulk writes that stay inside Excel on the web's 5 MB request limit. Writes are queued as whole
 * blocks (one `range.values` array each); only when the queued data would pass the budget does the
 * writer sync and go on, so a normal programme is written in one round trip.
 */
import { report, throwIfCancelled } from './action';
import { currentRequestBudget, jsonBytes } from './requestBudget';
import type { RunOptions } from './types';

export { DEFAULT_REQUEST_BUDGET, currentRequestBudget, setRequestBudget } from './requestBudget';

/** A row's share of the request: its JSON and the comma after it, measured rather than guessed. */
function rowBytes(row: readonly unknown[]): number {
  return jsonBytes(row) + 1;
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
    if (!Number.isFinite(budget)) {
      // Desktop Excel: one request whatever its size, so nothing to measure.
      this.emit(sheet, top, left, grid, 0, grid.length, columns, property);
      return;
    }
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

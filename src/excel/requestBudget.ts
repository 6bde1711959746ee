/**
 * How much one round trip may carry, and reads sized to fill it. Excel on the web refuses a
 * request or response over 5 MB; desktop Excel has no such limit. Chunks are sized from the
 * bytes actually measured (JSON, as Office.js sends it) rather than from a guess per cell, so
 * on the web they fill the budget and are as few as the limit allows. Check, Phase and bringing
 * in a table all read through {@link readRowChunks}, and {@link BatchWriter} writes by
 * {@link jsonBytes}.
 */
import { requestsAreLimited } from './platform';

/** Default budget per request: under 5 MB with room for Office.js's own envelope. */
export const DEFAULT_REQUEST_BUDGET = 4 * 1024 * 1024;

/**
 * Most cells one read may ask for: "On all platforms, a range is limited to five million cells
 * for get operations", and past it `values` may come back null without an error:
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
 */
export const GET_CELL_LIMIT = 5_000_000;

/** Bytes per cell assumed for a first chunk, before anything has been measured (on the high side). */
export const FIRST_GUESS_BYTES_PER_CELL = 16;

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

/**
 * Bytes of text in UTF-8, as it travels: '£' is 2 bytes, not 1.
 *
 * @example
 * utf8Bytes('£m'); // 3
 */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 2 units and 4 bytes; other units past ASCII are 2 or 3 bytes.
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/**
 * Size of a value as Office.js sends it: its JSON, in UTF-8 bytes.
 *
 * @example
 * jsonBytes([['CP-1', 2.6]]); // 13
 */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) as string | undefined;
  return json === undefined ? 0 : utf8Bytes(json);
}

/**
 * True for Excel's refusal of a request or response over its size limit (Excel on the web).
 *
 * @example
 * if (tooLarge(error)) retryWithFewerRows();
 */
export function tooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/** What a caller queues for one chunk of rows, and takes back after its sync. */
export type QueueChunk = (start: number, rows: number) => () => unknown;

/**
 * Reads `totalRows` rows in chunks of one sync each. On desktop that is one chunk. On Excel on
 * the web (`budget` bytes per response) the first chunk is sized by a guess per cell and each
 * next one from the bytes read so far, measured, so the chunks fill the budget. `queue(start, rows)` queues the loads of a chunk
 * and returns a function that, after the sync, keeps the rows read and returns them (their JSON
 * is what is measured). A chunk refused as too large (rows further down wordier than those
 * measured) is read again with half as many rows.
 *
 * @example
 * await readRowChunks(context, block.rows, block.columns, (start, rows) => {
 *   const range = sheet.getRangeByIndexes(block.top + start, block.left, rows, block.columns).load('values');
 *   return () => { for (const row of range.values) values.push(row); return range.values; };
 * }, (done) => report(run, 'Reading cells', done, block.rows));
 */
export async function readRowChunks(
  context: Excel.RequestContext,
  totalRows: number,
  cellsPerRow: number,
  queue: QueueChunk,
  afterChunk: (done: number) => void = () => undefined,
  budget: number = currentRequestBudget(),
): Promise<void> {
  let bytesPerRow = FIRST_GUESS_BYTES_PER_CELL * Math.max(1, cellsPerRow);
  let bytesRead = 0;
  let done = 0;
  const maxRows = Math.max(1, Math.floor(GET_CELL_LIMIT / Math.max(1, cellsPerRow)));
  while (done < totalRows) {
    const rows = Math.min(totalRows - done, maxRows, Math.max(1, Math.floor(budget / bytesPerRow)));
    const take = queue(done, rows);
    try {
      await context.sync();
    } catch (error) {
      if (!tooLarge(error) || rows === 1 || !Number.isFinite(budget)) throw error;
      bytesPerRow = (2 * budget) / rows;
      continue;
    }
    const read = take();
    done += rows;
    afterChunk(done);
    if (done === totalRows) break;
    bytesRead += jsonBytes(read);
    bytesPerRow = Math.max(1, bytesRead / done);
  }
}

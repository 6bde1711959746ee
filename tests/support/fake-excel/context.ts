/**
 * The request context of the in-memory Excel: counts syncs, queued operations and request bytes,
 * reveals loaded properties only after sync (like Office.js), and rejects a sync whose request
 * would pass Excel on the web's payload limit.
 */
import { FakeOfficeError } from './errors';
import type { FakeWorkbookModel } from './model';

/** Counters a test (or benchmark) reads to prove round trips do not grow with rows. */
export interface FakeStats {
  runs: number;
  syncs: number;
  /** Every proxy method call or property write: what Office.js would queue. */
  operations: number;
  /** Largest request (estimated bytes of written data) sent in one sync. */
  largestRequestBytes: number;
  /** Largest response (estimated bytes of loaded data) received in one sync. */
  largestResponseBytes: number;
  /** Every response's bytes added up: what the action read, to compare its syncs with the limit. */
  responseBytes: number;
  /** Every request's bytes added up: what the action wrote, likewise. */
  requestBytes: number;
}

export function emptyStats(): FakeStats {
  return {
    runs: 0,
    syncs: 0,
    operations: 0,
    largestRequestBytes: 0,
    largestResponseBytes: 0,
    responseBytes: 0,
    requestBytes: 0,
  };
}

/** Something whose loaded properties become readable at the next sync. */
export interface Loadable {
  commitLoads(): void;
  /** Size of the data waiting to be revealed at the next sync. */
  pendingBytes(): number;
}

/**
 * Excel on the web refuses requests and responses larger than 5 MB ("Excel on the web limits
 * requests and responses to 5 MB. The API returns a RichAPI.Error error if this limit is
 * exceeded."): https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
 */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * What one queued action costs in the request besides its data: Office.js sends each action as
 * JSON with its id, type, name, object path and argument list (`{"Id":12,"ActionType":3,
 * "Name":"values","ObjectPathId":11,"ArgumentInfo":{...}}` plus an object-path entry), about
 * 100 bytes. The documentation gives no figure, so the stand-in charges this (stricter than 0)
 * and Diagnostics measures a chunked read at the limit in real Excel.
 */
export const REQUEST_BYTES_PER_OPERATION = 100;

/** Likewise for each loaded object in a response (its envelope, property names, separators). */
export const RESPONSE_BYTES_PER_LOAD = 40;

export class FakeContextCore {
  syncCount = 0;
  private pendingLoads = new Set<Loadable>();
  private pendingOperations = 0;
  private pendingBytes = 0;
  private pendingError?: Error;
  calculationSuspended = false;

  constructor(
    readonly model: FakeWorkbookModel,
    readonly stats: FakeStats,
    readonly payloadLimit: number,
    /** `Excel.run({ delayForCellEdit: true }, ...)`: wait for the user to leave the cell. */
    readonly delayForCellEdit = false,
  ) {}

  /** Records one queued operation carrying roughly `bytes` of data, plus its JSON envelope. */
  queue(bytes = 16): void {
    this.pendingOperations++;
    this.pendingBytes += bytes + REQUEST_BYTES_PER_OPERATION;
    this.stats.operations++;
  }

  /** True once an operation of this batch has failed: Excel runs nothing queued after it. */
  get failed(): boolean {
    return this.pendingError !== undefined;
  }

  /**
   * Applies one queued operation the way Excel processes a batch: in order, stopping at the first
   * that fails. Its error is raised at the next `sync()` (never at the call), with its `code`;
   * operations queued after it are not applied. Other throws (bugs in the stand-in) pass through.
   */
  guard(apply: () => void): void {
    if (this.pendingError) return;
    try {
      apply();
    } catch (error) {
      if (error instanceof FakeOfficeError) this.fail(error);
      else throw error;
    }
  }

  addLoad(target: Loadable): void {
    this.pendingLoads.add(target);
  }

  /** An error Office.js would report at the next sync (e.g. ItemNotFound). */
  fail(error: Error): void {
    if (!this.pendingError) this.pendingError = error;
  }

  get hasPending(): boolean {
    return this.pendingOperations > 0 || this.pendingLoads.size > 0;
  }

  async sync(): Promise<void> {
    this.stats.syncs++;
    this.syncCount++;
    const bytes = this.pendingBytes;
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, bytes);
    this.pendingBytes = 0;
    this.pendingOperations = 0;
    this.calculationSuspended = false;
    const error = this.pendingError;
    this.pendingError = undefined;
    const loads = [...this.pendingLoads];
    this.pendingLoads.clear();
    // Let other promises run, as a real round trip would.
    await Promise.resolve();
    if (this.model.syncNeverReturns) {
      // Excel on the web has been seen to leave a sync unanswered; the promise never settles.
      await new Promise<never>(() => undefined);
    }
    if (bytes > this.payloadLimit) {
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        'RequestContext.sync',
        `request of ${bytes} bytes passes the ${this.payloadLimit}-byte limit`,
      );
    }
    if (this.model.cellEditing && !this.delayForCellEdit) {
      // "When false, if the user is in cell edit when the batch request is processed by the
      // host, the batch automatically fails":
      // https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member
      throw new FakeOfficeError(
        'InvalidOperationInCellEditMode',
        'RequestContext.sync',
        'the user is editing a cell',
      );
    }
    if (error) throw error;
    this.stats.requestBytes += bytes;
    let responseBytes = 0;
    for (const load of loads) responseBytes += load.pendingBytes() + RESPONSE_BYTES_PER_LOAD;
    this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, responseBytes);
    if (responseBytes > this.payloadLimit) {
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        'RequestContext.sync',
        `response of ${responseBytes} bytes passes the ${this.payloadLimit}-byte limit`,
      );
    }
    this.stats.responseBytes += responseBytes;
    for (const load of loads) load.commitLoads();
  }
}

/** Bytes of text in UTF-8 ('£' is 2). */
function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** Rough size in bytes of a value as Office.js would send it (JSON, UTF-8). */
export function payloadBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  // As JSON writes it (quotes, a backslash before each quote or backslash inside), in UTF-8.
  if (typeof value === 'string') return utf8Bytes(JSON.stringify(value));
  // As JSON writes it: 2.6 is 3 bytes, 0.30000000000000004 is 19.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === 'boolean') return 5;
  if (Array.isArray(value)) {
    let total = 2;
    for (const item of value) total += payloadBytes(item) + 1;
    return total;
  }
  return JSON.stringify(value).length;
}

/**
 * The request context of the in-memory Excel: counts syncs, queued operations and request bytes,
 * reveals loaded properties only after sync (like Office.js), and rejects a sync whose request
 * would pass Excel on the web's payload limit.
 */
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

/** Excel on the web refuses requests larger than 5 MB. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

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
  ) {}

  /** Records one queued operation carrying roughly `bytes` of data. */
  queue(bytes = 16): void {
    this.pendingOperations++;
    this.pendingBytes += bytes;
    this.stats.operations++;
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
    if (bytes > this.payloadLimit) {
      const tooBig = new Error(
        `RequestPayloadSizeLimitExceeded: request of ${bytes} bytes passes the ${this.payloadLimit}-byte limit`,
      );
      (tooBig as Error & { code: string }).code = 'RequestPayloadSizeLimitExceeded';
      throw tooBig;
    }
    if (error) throw error;
    this.stats.requestBytes += bytes;
    let responseBytes = 0;
    for (const load of loads) responseBytes += load.pendingBytes();
    this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, responseBytes);
    if (responseBytes > this.payloadLimit) {
      const tooBig = new Error(
        `ResponsePayloadSizeLimitExceeded: response of ${responseBytes} bytes passes the ${this.payloadLimit}-byte limit`,
      );
      (tooBig as Error & { code: string }).code = 'ResponsePayloadSizeLimitExceeded';
      throw tooBig;
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

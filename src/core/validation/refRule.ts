/**
 * `duplicate-ref`: each scheme's ref must be its own, because returns and revisions are matched
 * to schemes by ref.
 *
 * A programme may hold a hundred thousand schemes, so refs are not put in a Map (which would make
 * garbage in proportion to the table): each scheme's ref hash is written down in row order (one
 * sequential write per row, where a hash table's random probes missed the cache on every row),
 * and at the end the rows are grouped by hash (a radix sort); only refs that share a hash are
 * compared as text.
 */
import { toA1 } from '../grid/address';
import { trimText } from '../grid/cells';
import type { PreparedTable } from '../grid/prepare';
import { DETAIL, HEADING } from '../grid/rowKind';
import type { FigureScan } from '../grid/scan';
import { type CheckContext, type Rule, report } from './context';

function refText(raw: unknown): string | undefined {
  if (typeof raw === 'string') {
    const text = trimText(raw);
    return text === '' ? undefined : text;
  }
  return typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined;
}

function hashOf(text: string): number {
  // FNV-1a, 32 bits.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** Rows (indexes of the list) fit in 21 bits: Excel has 2^20 rows. */
const INDEX_BITS = 2 ** 21;

/** Bits of the hash each pass of {@link groupByHash} sorts on (3 passes cover 32 bits). */
const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;

/**
 * The indexes 0..count-1 ordered by `hashes[index]` (as unsigned numbers), each hash's indexes
 * in ascending order: a least-significant-digit radix sort, stable at every pass.
 *
 * @example
 * groupByHash(Int32Array.of(7, 3, 7), 3); // Int32Array [1, 0, 2]
 */
function groupByHash(hashes: Int32Array, count: number): Int32Array {
  let from = new Int32Array(count);
  for (let i = 0; i < count; i++) from[i] = i;
  let to = new Int32Array(count);
  const starts = new Int32Array(DIGITS);
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    starts.fill(0);
    for (let i = 0; i < count; i++) starts[(hashes[i] >>> shift) & (DIGITS - 1)]++;
    let sum = 0;
    for (let d = 0; d < DIGITS; d++) {
      const size = starts[d];
      starts[d] = sum;
      sum += size;
    }
    for (let i = 0; i < count; i++) {
      const index = from[i];
      to[starts[(hashes[index] >>> shift) & (DIGITS - 1)]++] = index;
    }
    const done = to;
    to = from;
    from = done;
  }
  return from;
}

/** Longest ref read as a line code that each block may number afresh. */
const LINE_CODE_LENGTH = 4;

// A class rather than closures, so the pass calls one stable method (see totalRule.ts).
class DuplicateRefRule implements Rule {
  readonly kinds = [DETAIL, HEADING];
  // Heading rows seen so far: the block each ref is in. A short line code (`A`, `4045`) that comes
  // again under another heading numbers the lines of each block (a parish budget's income A to G
  // and expenditure A to M, a cost centre's account codes), not schemes.
  private block = 0;
  // Per scheme with a ref, in row order: its ref's hash, its row and its block.
  private readonly hashes: Int32Array;
  private readonly rows: Int32Array;
  private readonly blocks: Int32Array;
  private count = 0;

  constructor(
    private readonly prepared: PreparedTable,
    private readonly column: number,
  ) {
    // Each row is seen once at most; no sheet has more rows than INDEX_BITS (a grid that does is
    // not from Excel, and its refs past that are not compared).
    const capacity = Math.min(prepared.values.length, INDEX_BITS);
    this.hashes = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.blocks = new Int32Array(capacity);
  }

  private textAt(row: number): string | undefined {
    const cells = this.prepared.values[row];
    return refText(Array.isArray(cells) ? cells[this.column] : undefined);
  }

  row(row: number, kind: number, scan: FigureScan): void {
    if (kind === HEADING) {
      this.block++;
      return;
    }
    const text = refText(scan.cells[this.column]);
    if (text === undefined || this.count === this.hashes.length) return;
    this.hashes[this.count] = hashOf(text);
    this.blocks[this.count] = this.block;
    this.rows[this.count++] = row;
  }

  widen(): void {}

  /** (row, first row with the same ref) of each repeat, in row order. */
  private repeats(): number[] {
    const count = this.count;
    const hashes = this.hashes;
    // Indexes grouped by hash, in row order within each hash: a stable radix sort (three passes of
    // 11 bits over the hash), cheaper than sorting 100k keys by comparison. Which hash comes first
    // does not matter: the repeats are put in row order at the end.
    const order = groupByHash(hashes, count);
    const found: [number, number][] = [];
    for (let start = 0; start < count;) {
      const hash = hashes[order[start]];
      let end = start + 1;
      while (end < count && hashes[order[end]] === hash) end++;
      if (end - start > 1) {
        // Refs sharing a hash: each is a repeat of the first earlier one with the same text.
        const firsts: { text: string | undefined; row: number; block: number }[] = [];
        for (let k = start; k < end; k++) {
          const index = order[k];
          const row = this.rows[index];
          const block = this.blocks[index];
          const text = this.textAt(row);
          const first = firsts.find((candidate) => candidate.text === text);
          if (!first) firsts.push({ text, row, block });
          else if (first.block !== block && (text ?? '').length <= LINE_CODE_LENGTH) {
            // A line code numbered afresh under a new heading: later repeats are judged in it.
            first.block = block;
            first.row = row;
          } else found.push([row, first.row]);
        }
      }
      start = end;
    }
    found.sort((a, b) => a[0] - b[0]);
    return found.flat();
  }

  finish(context: CheckContext): void {
    const { origin } = this.prepared;
    const { column } = this;
    const repeats = this.repeats();
    for (let i = 0; i < repeats.length; i += 2) {
      const row = repeats[i];
      const text = (this.textAt(row) ?? '').slice(0, 60);
      const first = toA1(origin.row + repeats[i + 1], origin.column + column);
      report(context, {
        rule: 'duplicate-ref',
        severity: 'error',
        row,
        column,
        message: `Ref '${text}' is already used at ${first}: give each scheme its own ref, so returns and revisions reach the right scheme`,
        actual: text,
      });
    }
  }
}

/** The header of a log's date column (`Date`, `Date approved`). */
const DATED_ENTRY = /^\s*date\b/i;

/**
 * The duplicate-ref rule: an error at every scheme row whose ref an earlier row already used.
 *
 * @example
 * duplicateRefRule(prepared); // an error at the second 'ICT-01'
 */
export function duplicateRefRule(prepared: PreparedTable): Rule | undefined {
  const refColumn = prepared.columns.find((column) => column.role === 'ref');
  // A log of dated entries (the Revisions log: Ref, Date, Kind, Amount...) names a scheme once
  // per change: its refs repeat by design.
  if (prepared.columns.some((column) => DATED_ENTRY.test(column.header))) return undefined;
  return refColumn ? new DuplicateRefRule(prepared, refColumn.index) : undefined;
}

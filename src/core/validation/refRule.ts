/**
 * `duplicate-ref`: each scheme's ref must be its own, because returns and revisions are matched
 * to schemes by ref.
 *
 * A programme may hold a hundred thousand schemes, so refs are not put in a Map (which would make
 * garbage in proportion to the table): each scheme's ref hash is written down in row order (one
 * sequential write per row, where a hash table's random probes missed the cache on every row),
 * and at the end the hashes are sorted; only refs that share a hash are compared as text.
 */
import { toA1 } from '../grid/address';
import { trimText } from '../grid/cells';
import type { PreparedTable } from '../grid/prepare';
import { DETAIL } from '../grid/rowKind';
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

// A class rather than closures, so the pass calls one stable method (see totalRule.ts).
class DuplicateRefRule implements Rule {
  readonly kinds = [DETAIL];
  // Per scheme with a ref, in row order: its ref's hash and its row.
  private readonly hashes: Int32Array;
  private readonly rows: Int32Array;
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
  }

  private textAt(row: number): string | undefined {
    const cells = this.prepared.values[row];
    return refText(Array.isArray(cells) ? cells[this.column] : undefined);
  }

  row(row: number, _kind: number, scan: FigureScan): void {
    const text = refText(scan.cells[this.column]);
    if (text === undefined || this.count === this.hashes.length) return;
    this.hashes[this.count] = hashOf(text);
    this.rows[this.count++] = row;
  }

  widen(): void {}

  /** (row, first row with the same ref) of each repeat, in row order. */
  private repeats(): number[] {
    const count = this.count;
    // hash x 2^21 + index: exact in a double, and sorting it groups equal hashes in row order.
    const keys = new Float64Array(count);
    for (let i = 0; i < count; i++) keys[i] = this.hashes[i] * INDEX_BITS + i;
    keys.sort();
    const found: [number, number][] = [];
    for (let start = 0; start < count;) {
      const hash = Math.floor(keys[start] / INDEX_BITS);
      let end = start + 1;
      while (end < count && Math.floor(keys[end] / INDEX_BITS) === hash) end++;
      if (end - start > 1) {
        // Refs sharing a hash: each is a repeat of the first earlier one with the same text.
        const firsts: { text: string | undefined; row: number }[] = [];
        for (let k = start; k < end; k++) {
          const row = this.rows[keys[k] - hash * INDEX_BITS];
          const text = this.textAt(row);
          const first = firsts.find((candidate) => candidate.text === text);
          if (first) found.push([row, first.row]);
          else firsts.push({ text, row });
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

/**
 * The duplicate-ref rule: an error at every scheme row whose ref an earlier row already used.
 *
 * @example
 * duplicateRefRule(prepared); // an error at the second 'ICT-01'
 */
export function duplicateRefRule(prepared: PreparedTable): Rule | undefined {
  const refColumn = prepared.columns.find((column) => column.role === 'ref');
  return refColumn ? new DuplicateRefRule(prepared, refColumn.index) : undefined;
}

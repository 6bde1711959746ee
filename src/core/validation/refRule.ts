/**
 * `duplicate-ref`: each scheme's ref must be its own, because returns and revisions are matched
 * to schemes by ref.
 *
 * A programme may hold a hundred thousand schemes, so refs are not put in a Map (which would make
 * garbage in proportion to the table): each ref's hash goes into an open-addressing table held
 * in typed arrays, and only refs that share a hash are compared as text.
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

/** Longest ref read as a line code that each block may number afresh. */
const LINE_CODE_LENGTH = 4;

// A class rather than closures, so the pass calls one stable method (see totalRule.ts).
class DuplicateRefRule implements Rule {
  readonly kinds = [DETAIL, HEADING];
  // Heading rows seen so far: the block each ref is in. A short line code (`A`, `4045`) that comes
  // again under another heading numbers the lines of each block (a parish budget's income A to G
  // and expenditure A to M, a cost centre's account codes), not schemes.
  private block = 0;
  private readonly blocks: Int32Array;
  private readonly mask: number;
  // Slot i holds a ref's hash (never 0; 0 = empty) and, in `rows`, its row. A probe reads only
  // the hashes, so the memory it touches is half of keeping both side by side (the table is too
  // big for the fastest caches, and this runs for every scheme); the row is read on a match.
  private readonly hashes: Int32Array;
  private readonly rows: Int32Array;
  // (row, first row with the same ref) of each repeat.
  private readonly repeats: number[] = [];

  constructor(
    private readonly prepared: PreparedTable,
    private readonly column: number,
  ) {
    let capacity = 1024;
    while (capacity < prepared.values.length * 2) capacity *= 2;
    this.mask = capacity - 1;
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
    if (text === undefined) return;
    const { hashes, mask } = this;
    const hash = hashOf(text) || 1;
    let slot = hash & mask;
    for (let seen = hashes[slot]; seen !== 0; seen = hashes[slot]) {
      if (seen === hash && this.textAt(this.rows[slot]) === text) {
        if (this.blocks[slot] !== this.block && text.length <= LINE_CODE_LENGTH) {
          this.blocks[slot] = this.block;
          this.rows[slot] = row;
          return;
        }
        this.repeats.push(row, this.rows[slot]);
        return;
      }
      slot = (slot + 1) & mask;
    }
    hashes[slot] = hash;
    this.rows[slot] = row;
    this.blocks[slot] = this.block;
  }

  widen(): void {}

  finish(context: CheckContext): void {
    const { origin } = this.prepared;
    const { repeats, column } = this;
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

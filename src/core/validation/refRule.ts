/**
 * `duplicate-ref`: each scheme's ref must be its own, because returns and revisions are matched
 * to schemes by ref.
 *
 * A programme may hold a hundred thousand schemes, so refs are not put in a Map (which would make
 * garbage in proportion to the table): each ref's hash goes into an open-addressing table held
 * in typed arrays, and only refs that share a hash are compared as text.
 */
import { toA1 } from '../grid/address';
import type { PreparedTable } from '../grid/prepare';
import { DETAIL } from '../grid/rowKind';
import { type CheckContext, type Rule, report } from './context';

function refText(raw: unknown): string | undefined {
  if (typeof raw === 'string') {
    const text = raw.trim();
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

// A class rather than closures, so the pass calls one stable method (see totalRule.ts).
class DuplicateRefRule implements Rule {
  private readonly mask: number;
  // Slot i holds row + 1 (0 = empty) and that ref's hash.
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  // (row, first row with the same ref) of each repeat.
  private readonly repeats: number[] = [];

  constructor(
    private readonly prepared: PreparedTable,
    private readonly column: number,
  ) {
    let capacity = 1024;
    while (capacity < prepared.values.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
  }

  private textAt(row: number): string | undefined {
    const cells = this.prepared.values[row];
    return refText(Array.isArray(cells) ? cells[this.column] : undefined);
  }

  row(row: number, kind: number): void {
    if (kind !== DETAIL) return;
    const text = this.textAt(row);
    if (text === undefined) return;
    const { slots, hashes, mask } = this;
    const hash = hashOf(text);
    let slot = hash & mask;
    while (slots[slot] !== 0) {
      if (hashes[slot] === hash && this.textAt(slots[slot] - 1) === text) {
        this.repeats.push(row, slots[slot] - 1);
        return;
      }
      slot = (slot + 1) & mask;
    }
    slots[slot] = row + 1;
    hashes[slot] = hash;
  }

  widen(): void {}

  finish(context: CheckContext): void {
    const { origin } = this.prepared;
    const { repeats, column } = this;
    for (let i = 0; i < repeats.length; i += 2) {
      const row = repeats[i];
      const text = (this.textAt(row) ?? '').slice(0, 60);
      const first = toA1(origin.row + repeats[i + 1], origin.column + column);
      report(
        context,
        'duplicate-ref',
        'error',
        row,
        column,
        `Ref '${text}' is already used at ${first}: give each scheme its own ref, so returns and revisions reach the right scheme`,
        undefined,
        text,
      );
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

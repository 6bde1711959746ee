/**
 * "Undo last change". Office.js edits cannot be undone with Ctrl+Z, so every action that replaces
 * cells keeps a copy of them (values, formulas, number formats) and of the sheets it added; undo
 * puts the copy back exactly. The copies live in the pane's memory for this session.
 */
import { runAction } from './action';
import { BatchWriter } from './batchWriter';
import { restorableContent } from './cellText';
import { excelRun } from './excelRun';
import type { ActionResult, ChangeRecord, UndoInfo } from './types';

/** A block of cells as it was before an action, 0-based position on its sheet. */
export interface SavedBlock {
  sheet: string;
  top: number;
  left: number;
  values: unknown[][];
  formulas: unknown[][];
  /** Left out when the action changed contents only. */
  numberFormat?: unknown[][];
}

/** Everything needed to put the workbook back as it was before one action. */
export interface UndoEntry {
  label: string;
  blocks: SavedBlock[];
  /** Sheets the action created: undo deletes them. */
  addedSheets: string[];
  /** Set when the change must not be undone (the append-only revision log); says what to do instead. */
  irreversible?: string;
  /**
   * Sheets an irreversible change wrote to. An earlier change can still be undone past it when it
   * touched none of these sheets (so undoing a phasing never removes a recorded revision).
   */
  sheets?: string[];
}

const MAX_ENTRIES = 20;
const entries: UndoEntry[] = [];

/**
 * Remembers an action's copy so that undo can restore it.
 *
 * @example
 * rememberChange({ label: 'Phase schemes', blocks: [saved], addedSheets: [] });
 */
export function rememberChange(entry: UndoEntry): void {
  entries.push(entry);
  if (entries.length > MAX_ENTRIES) entries.shift();
}

/**
 * Forgets every copy (a new workbook, or tests).
 *
 * @example
 * forgetChanges();
 */
export function forgetChanges(): void {
  entries.length = 0;
}

/** Sheets an entry would write or remove if undone. */
function sheetsOf(entry: UndoEntry): Set<string> {
  return new Set([...entry.addedSheets, ...entry.blocks.map((block) => block.sheet)]);
}

/**
 * The newest change that can be undone: the newest reversible entry, looking past append-only
 * changes (recorded revisions) that wrote to none of its sheets. Undefined when there is none or
 * when an append-only change blocks it (`blockedBy` then says which).
 */
function nextUndo(): { index: number; entry: UndoEntry } | { blockedBy: UndoEntry } | undefined {
  const passed: UndoEntry[] = [];
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index];
    if (entry.irreversible) {
      passed.push(entry);
      continue;
    }
    const touched = sheetsOf(entry);
    const blocker = passed.find((later) => (later.sheets ?? []).some((sheet) => touched.has(sheet)));
    return blocker ? { blockedBy: blocker } : { index, entry };
  }
  return undefined;
}

/**
 * What "Undo last change" would undo, or undefined when there is nothing.
 *
 * @example
 * const next = lastChange(); if (next) showButton(`Undo ${next.label}`);
 */
export function lastChange(): UndoInfo | undefined {
  const next = nextUndo();
  return next && 'entry' in next ? { label: next.entry.label } : undefined;
}

/**
 * The add-in's own changes in this session, newest first (at most the last 20), each named, so the
 * pane can show what Undo would revert and how to reverse what it cannot.
 *
 * @example
 * changeHistory(); // [{ label: 'Record revision', next: false, irreversible: 'The revision log is append-only, ...' }, { label: 'Phase schemes', next: true }]
 */
export function changeHistory(): ChangeRecord[] {
  const next = nextUndo();
  const nextEntry = next && 'entry' in next ? next.entry : undefined;
  return entries
    .map((entry) => ({
      label: entry.label,
      next: entry === nextEntry,
      ...(entry.irreversible ? { irreversible: entry.irreversible } : {}),
    }))
    .reverse();
}

/**
 * Queues the restore of an entry in an open batch: blocks back as they were, added sheets removed.
 *
 * @example
 * await restoreEntry(context, entry, {});
 */
export async function restoreEntry(context: Excel.RequestContext, entry: UndoEntry): Promise<void> {
  const writer = new BatchWriter(context, {}, `Undoing ${entry.label}`);
  for (const name of entry.addedSheets) context.workbook.worksheets.getItem(name).delete();
  for (const block of entry.blocks) {
    if (entry.addedSheets.includes(block.sheet)) continue;
    const sheet = context.workbook.worksheets.getItem(block.sheet);
    const contents = block.formulas.map((row, r) =>
      row.map((formula, c) => restorableContent(formula, block.values[r][c])),
    );
    // Number formats first, so text kept as text (`@`) is not read as a number on the way back.
    if (block.numberFormat)
      await writer.write(sheet, block.top, block.left, block.numberFormat, 'numberFormat');
    await writer.write(sheet, block.top, block.left, contents, 'formulas');
  }
  await writer.finish();
}

/**
 * Restores exactly what the last action replaced (values, formulas, number formats) and removes sheets it added.
 *
 * @example
 * const result = await undoLastChange(); if (!result.ok) show(result.message);
 */
export async function undoLastChange(): Promise<ActionResult<UndoInfo>> {
  return runAction('Undo', async () => {
    const next = nextUndo();
    if (!next)
      return {
        ok: false,
        message:
          entries.length === 0
            ? 'There is nothing to undo: no change has been made in this session.'
            : (entries[entries.length - 1].irreversible ??
              'There is nothing to undo: no change has been made in this session.'),
      };
    if ('blockedBy' in next)
      return {
        ok: false,
        message: `The change before "${next.blockedBy.label}" cannot be undone without removing it. ${next.blockedBy.irreversible ?? ''}`.trim(),
      };
    await excelRun((context) => restoreEntry(context, next.entry));
    entries.splice(next.index, 1);
    return { ok: true, value: { label: next.entry.label } };
  });
}

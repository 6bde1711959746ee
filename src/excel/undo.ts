/**
 * "Undo last change". Office.js edits cannot be undone with Ctrl+Z, so every action that replaces
 * cells keeps a copy of them (values, formulas, number formats) and of the sheets it added; undo
 * puts the copy back exactly. The copies live in the pane's memory for this session.
 */
import { ActionCancelled, ActionRestored, runAction } from './action';
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
  /**
   * Rows the action appended to a table's body (`from` = the body's row count before): undo
   * deletes them, last first (TableRow.delete, ExcelApi 1.1), so the table is its old size again.
   */
  addedTableRows?: {
    table: string;
    from: number;
    count: number;
    /** What the rows held when added: undo deletes them only while they still do. */
    values?: readonly (readonly unknown[])[];
  }[];
  /** Set when the change must not be undone (the append-only revision log); says what to do instead. */
  irreversible?: string;
  /** The sheet that was active before the action, shown again when its sheets are removed. */
  activeSheet?: string;
  /**
   * Sheets an irreversible change wrote to. An earlier change can still be undone past it when it
   * touched none of these sheets (so undoing a phasing never removes a recorded revision).
   */
  sheets?: string[];
  /** Charts the action pointed at other data: undo points them back (Chart.setData, ExcelApi 1.1). */
  chartSources?: {
    sheet: string;
    chart: string;
    source: { top: number; left: number; rows: number; columns: number };
  }[];
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
    const blocker = passed.find((later) =>
      (later.sheets ?? []).some((sheet) => touched.has(sheet)),
    );
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
  // An action that failed part-way may not have added every sheet it meant to: remove those there.
  const added = entry.addedSheets.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('name');
    return sheet;
  });
  if (added.length > 0) await context.sync();
  for (const sheet of added) if (!sheet.isNullObject) sheet.delete();
  if (entry.activeSheet !== undefined) {
    const shown = context.workbook.worksheets.getItemOrNullObject(entry.activeSheet);
    shown.load('name');
    await context.sync();
    if (!shown.isNullObject) shown.activate();
  }
  for (const { table, from, count } of entry.addedTableRows ?? []) {
    const found = context.workbook.tables.getItemOrNullObject(table);
    found.load('name');
    await context.sync();
    if (found.isNullObject) continue;
    const rows = found.rows.load('count');
    await context.sync();
    // A failure part-way may have added fewer rows: delete only those there.
    for (let index = Math.min(rows.count, from + count) - 1; index >= from; index--)
      found.rows.getItemAt(index).delete();
  }
  // Latest saved first: where an action saved a block and later saved part of it again (after
  // writing it once), the first copy, what the cells held before the action, is written last.
  for (const block of [...entry.blocks].reverse()) {
    if (entry.addedSheets.includes(block.sheet)) continue;
    const sheet = context.workbook.worksheets.getItem(block.sheet);
    const contents = block.formulas.map((row, r) =>
      row.map((formula, c) =>
        restorableContent(formula, block.values[r][c], block.numberFormat?.[r]?.[c]),
      ),
    );
    // Number formats first, so text kept as text (`@`) is not read as a number on the way back.
    if (block.numberFormat)
      await writer.write(sheet, block.top, block.left, block.numberFormat, 'numberFormat');
    await writer.write(sheet, block.top, block.left, contents, 'formulas');
  }
  for (const { sheet: name, chart, source } of entry.chartSources ?? []) {
    if (entry.addedSheets.includes(name)) continue;
    const sheet = context.workbook.worksheets.getItem(name);
    sheet.charts
      .getItem(chart)
      .setData(
        sheet.getRangeByIndexes(source.top, source.left, source.rows, source.columns),
        'Columns',
      );
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
        message:
          `The change before "${next.blockedBy.label}" cannot be undone without removing it. ${next.blockedBy.irreversible ?? ''}`.trim(),
      };
    const moved = await excelRun((context) => addedRowsMoved(context, next.entry));
    if (moved !== undefined) return { ok: false, message: moved };
    await excelRun((context) => restoreEntry(context, next.entry));
    entries.splice(next.index, 1);
    return { ok: true, value: { label: next.entry.label } };
  });
}

/**
 * Why the rows an entry added to a table can no longer be deleted by position (the table was
 * sorted, or rows were inserted or edited above or in them since), or undefined when they still
 * hold what was added. Undo deletes table rows by position, so it must not run over someone
 * else's lines (regression: undoing Close the year after sorting the Revisions log).
 *
 * @example
 * const moved = await addedRowsMoved(context, entry); if (moved) show(moved);
 */
async function addedRowsMoved(
  context: Excel.RequestContext,
  entry: UndoEntry,
): Promise<string | undefined> {
  const checks = (entry.addedTableRows ?? [])
    .filter(({ values, count }) => values !== undefined && count > 0)
    .map((added) => {
      const table = context.workbook.tables.getItemOrNullObject(added.table);
      table.load('name');
      const rows = table.rows.load('count');
      return { added, table, rows };
    });
  if (checks.length === 0) return undefined;
  await context.sync();
  const held = checks.map(({ added, table, rows }) => {
    if (table.isNullObject || rows.count < added.from + added.count)
      return { added, ranges: undefined };
    const ranges = Array.from({ length: added.count }, (_, i) =>
      table.rows.getItemAt(added.from + i).load('values'),
    );
    return { added, ranges };
  });
  await context.sync();
  for (const { added, ranges } of held) {
    const same =
      ranges !== undefined &&
      ranges.every((row, i) =>
        (added.values?.[i] ?? []).every((cell, c) => {
          const written = String(cell ?? '');
          // A formula's value is Excel's to work out; text written with a quote shows without it.
          if (written.startsWith('=')) return true;
          const shown = written.startsWith("'") ? written.slice(1) : written;
          return String(row.values[0]?.[c] ?? '') === shown;
        }),
      );
    if (!same)
      return `"${entry.label}" cannot be undone: the ${added.count === 1 ? 'line' : `${added.count} lines`} it added to the table '${added.table}' have been moved, changed or removed since, and undo would delete other lines. Remove those lines by hand if they should go.`;
  }
  return undefined;
}

/**
 * Runs the writes of a multi-step action all-or-nothing. `entry` must already hold what the
 * action will change (read before its first write). If any step fails, everything in `entry` is
 * put back in a fresh batch (the failed one ran nothing after its failing step, but everything
 * before it) and an {@link ActionRestored} is thrown that says whether the workbook is as it was;
 * `runAction` turns that into a message. On success nothing is restored and the result returned.
 *
 * @example
 * const entry = { label: 'Write checks report', blocks: [saved], addedSheets: [] };
 * await allOrNothing(entry, async () => { sheet.getRange('A1').values = grid; await context.sync(); });
 * rememberChange(entry);
 */
export async function allOrNothing<T>(entry: UndoEntry, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    let restored = true;
    try {
      await excelRun((context) => restoreEntry(context, entry));
    } catch {
      // The restore itself was refused (say, by a protected sheet): the cells may still be as
      // they were, if the failure came before any write. Look rather than guess.
      restored = await excelRun((context) => entryHolds(context, entry)).catch(() => false);
    }
    // Cancelled and put back: say cancelled, as a cancel before any write would.
    if (restored && error instanceof ActionCancelled) throw error;
    throw new ActionRestored(error, restored);
  }
}

/** True when the workbook holds exactly what `entry` saved: its blocks as read, its sheets absent. */
async function entryHolds(context: Excel.RequestContext, entry: UndoEntry): Promise<boolean> {
  const added = entry.addedSheets.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('name');
    return sheet;
  });
  const blocks = entry.blocks
    .filter((block) => !entry.addedSheets.includes(block.sheet))
    .map((block) => ({
      block,
      now: context.workbook.worksheets
        .getItem(block.sheet)
        .getRangeByIndexes(
          block.top,
          block.left,
          block.formulas.length,
          block.formulas[0]?.length ?? 1,
        )
        .load('formulas'),
    }));
  await context.sync();
  return (
    added.every((sheet) => sheet.isNullObject) &&
    blocks.every(
      ({ block, now }) => JSON.stringify(now.formulas) === JSON.stringify(block.formulas),
    )
  );
}

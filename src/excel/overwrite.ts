/**
 * "Nothing lost": before an action replaces non-empty cells it says what will go and waits for
 * the user's yes. Without a confirm callback it does nothing.
 */
import { isBlankCell } from './cellText';
import { toA1 } from './a1';
import type { ActionResult, OverwriteNotice, RunOptions } from './types';
import type { UndoEntry } from './undo';

/** Cells that will be replaced: non-empty now and different after. */
export interface Replacement {
  count: number;
  examples: { cell: string; was: string; becomes: string }[];
}

/** How a cell about to be written reads in the dialog: blank as "(blank)", text without its `'`. */
function shownAfter(next: unknown): string {
  if (next === '') return '(blank)';
  const text = String(next);
  return text.startsWith("'") ? text.slice(1) : text;
}

/**
 * Compares a block as read with what will be written there.
 *
 * @example
 * const replaced = findReplaced(formulas, values, next, 1, 12);
 */
export function findReplaced(
  formulasBefore: readonly (readonly unknown[])[],
  valuesBefore: readonly (readonly unknown[])[],
  after: readonly (readonly unknown[])[] | undefined,
  top: number,
  left: number,
): Replacement {
  const examples: Replacement['examples'] = [];
  let count = 0;
  for (let r = 0; r < formulasBefore.length; r++) {
    const row = formulasBefore[r];
    for (let c = 0; c < row.length; c++) {
      const was = row[c];
      if (isBlankCell(was)) continue;
      const next = after ? after[r]?.[c] : '';
      if (next === null || next === undefined) continue; // left as it is
      if (
        next === was ||
        (typeof next === 'string' && next.startsWith("'") && next.slice(1) === valuesBefore[r][c])
      )
        continue;
      count++;
      if (examples.length < 5)
        examples.push({
          cell: toA1(top + r, left + c),
          was: String(was),
          becomes: shownAfter(next),
        });
    }
  }
  return { count, examples };
}

/**
 * Asks the user before replacing; resolves to a refusal result, or undefined to go ahead.
 *
 * @example
 * const refused = await askBeforeReplacing(run, 'Phase schemes', 'Programme', 'M2:AB10', replaced);
 * if (refused) return refused;
 */
export async function askBeforeReplacing(
  run: RunOptions,
  action: string,
  sheet: string,
  address: string,
  replaced: Replacement,
): Promise<ActionResult<never> | undefined> {
  if (replaced.count === 0) return undefined;
  const notice: OverwriteNotice = {
    action,
    sheet,
    address,
    cellCount: replaced.count,
    examples: replaced.examples,
    message: `${action} will replace ${replaced.count} filled cell${replaced.count === 1 ? '' : 's'} in ${sheet}!${address}. A copy is kept: "Undo last change" puts them back.`,
  };
  const yes = await askFirst(run, notice);
  if (yes === undefined)
    return { ok: false, message: `${notice.message} Nothing was changed: confirm first.` };
  return yes
    ? undefined
    : { ok: false, cancelled: true, message: `${action} was cancelled; nothing was changed.` };
}

/**
 * The officer's answer to `notice` in the pane's confirm dialog: a dialog that fails counts as
 * no; undefined when there is no way to ask (then nothing may be written).
 *
 * @example
 * const yes = await askFirst(run, notice); // true, false, or undefined without run.confirm
 */
export async function askFirst(
  run: RunOptions,
  notice: OverwriteNotice,
): Promise<boolean | undefined> {
  if (!run.confirm) return undefined;
  try {
    return await run.confirm(notice);
  } catch {
    return false;
  }
}

/** A sheet's block as read before the add-in rewrites the whole sheet (Monitoring, Checks). */
export interface SheetContents {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

/**
 * Prepares to rewrite a report sheet the add-in owns: lays `grid` over the old block (cells
 * beyond the new report are cleared), asks before replacing filled cells, and returns what to
 * write with the undo entry that puts the old sheet back.
 *
 * @example
 * const plan = await planSheetRewrite(run, 'Write checks report', 'Checks', old, grid, 7);
 * if ('refused' in plan) return plan.refused;
 * range.formulas = plan.next;
 */
export async function planSheetRewrite(
  run: RunOptions,
  action: string,
  sheet: string,
  old: SheetContents,
  grid: readonly (readonly unknown[])[],
  width: number,
): Promise<{ refused: ActionResult<never> } | { next: unknown[][]; entry: UndoEntry }> {
  const next = old.formulas.map((row, r) =>
    row.map((_, c) => (r < grid.length && c < width ? grid[r][c] : '')),
  );
  const address = `A1:${toA1(old.formulas.length - 1, (old.formulas[0]?.length ?? 1) - 1)}`;
  const refused = await askBeforeReplacing(
    run,
    action,
    sheet,
    address,
    findReplaced(old.formulas, old.values, next, 0, 0),
  );
  if (refused) return { refused };
  const saved = { values: old.values, formulas: old.formulas, numberFormat: old.numberFormat };
  const entry: UndoEntry = {
    label: action,
    addedSheets: [],
    blocks: [{ sheet, top: 0, left: 0, ...saved }],
  };
  return { next, entry };
}

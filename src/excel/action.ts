/**
 * The boundary between the pane and Excel: every action resolves to a value or a message, a
 * cancelled action says so, and nothing rejects at the user.
 */
import { ADD_IN_CODES, officeErrorCode, officeErrorMessage } from './officeErrors';
import type { ActionResult, Progress, RunOptions } from './types';

/** Thrown inside an action when its AbortSignal fires; runAction turns it into `cancelled`. */
export class ActionCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ActionCancelled';
  }
}

/**
 * Stops the action here if the user pressed Cancel.
 *
 * @example
 * throwIfCancelled(run.signal);
 */
export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ActionCancelled();
}

/**
 * Reports progress when the pane asked for it.
 *
 * @example
 * report(run, 'Writing quarters', 1, 3);
 */
export function report(run: RunOptions, stage: string, done: number, total: number): void {
  const progress: Progress = { stage, done, total };
  try {
    run.onProgress?.(progress);
  } catch {
    // A failing progress bar must never stop the action.
  }
}

/**
 * Raised when a multi-step action failed part-way and put back what it had changed (or tried
 * to): carries the original failure and whether the workbook is as it was.
 */
export class ActionRestored extends Error {
  constructor(
    readonly failure: unknown,
    readonly restored: boolean,
  ) {
    super('the action failed part-way');
    this.name = 'ActionRestored';
  }
  readonly code = ADD_IN_CODES.restored;
}

/**
 * What to say about a failure, by its Office.js `code` (see officeErrors.ts), never by its
 * message text, which Office.js localises and does not mean for users.
 *
 * @example
 * explainFailure(Object.assign(new Error('x'), { code: 'AccessDenied' })); // 'A sheet it writes to is protected: ...'
 */
export function explainFailure(error: unknown): string {
  const known = officeErrorMessage(error);
  if (known) return known;
  const code = officeErrorCode(error);
  if (code)
    return `Excel refused the change (${code}): try again, and if it happens again send Settings > Diagnostics > Copy report.`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Runs an action body and turns any throw into a message a finance officer can act on.
 *
 * @example
 * return runAction('Phase schemes', async () => ({ ok: true, value: 42 }));
 */
export async function runAction<T>(
  label: string,
  body: () => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof ActionCancelled) {
      return {
        ok: false,
        cancelled: true,
        message: `${label} was cancelled; the workbook is as it was.`,
      };
    }
    if (error instanceof ActionRestored) {
      const after = error.restored
        ? ' What it had changed has been put back: the workbook is as it was.'
        : ' It could not put back everything it had changed: use "Undo last change", or check the sheets it writes.';
      return {
        ok: false,
        message: `${label} could not finish: ${explainFailure(error.failure)}${after}`,
      };
    }
    return { ok: false, message: `${label} could not finish: ${explainFailure(error)}` };
  }
}

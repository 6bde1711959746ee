/**
 * The boundary between the pane and Excel: every action resolves to a value or a message, a
 * cancelled action says so, and nothing rejects at the user.
 */
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

function describeError(error: unknown): string {
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
    const text = describeError(error);
    if (/RequestPayloadSizeLimitExceeded/i.test(text)) {
      return {
        ok: false,
        message: `${label} could not finish: Excel refused a request as too large. Try a smaller selection.`,
      };
    }
    if (/AccessDenied|protected/i.test(text)) {
      return {
        ok: false,
        message: `${label} could not finish: a sheet it writes to is protected. Unprotect it (Review > Unprotect Sheet) and try again.`,
      };
    }
    return { ok: false, message: `${label} could not finish: ${text}` };
  }
}

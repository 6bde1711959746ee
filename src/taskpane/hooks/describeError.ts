/**
 * Turns anything thrown by Excel or by a bug into a sentence a finance officer can act on.
 * Office.js errors carry a `code` (e.g. `InvalidArgument`, `ItemNotFound`); the raw stack is never shown.
 */
import { officeErrorCode, officeErrorMessage } from '../../excel/officeErrors';

/** True when the error is the one an `AbortController` raises on Cancel. */
export function isAbort(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}

/**
 * A readable message for an unexpected error: Office.js errors by their `code`, from the one
 * catalogue the adapter uses too (src/excel/officeErrors.ts); never by message text.
 *
 * @example
 * describeError(Object.assign(new Error('x'), { code: 'AccessDenied' }));
 * // 'A sheet it writes to is protected: unprotect it (Review > Unprotect Sheet) and try again.'
 */
export function describeError(error: unknown): string {
  const known = officeErrorMessage(error);
  if (known) return known;
  const code = officeErrorCode(error);
  if (code)
    return `Excel could not finish this action (${code.slice(0, 60)}). Check the sheets it writes, or use "Undo last change".`;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const detail = message ? ` (${message.slice(0, 200)})` : '';
  return `Excel could not finish this action${detail}. Check the sheets it writes, or use "Undo last change".`;
}

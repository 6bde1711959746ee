/**
 * Turns anything thrown by Excel or by a bug into a sentence a finance officer can act on.
 * Office.js errors carry a `code` (e.g. `InvalidArgument`, `ItemNotFound`); the raw stack is never shown.
 */

/** True when the error is the one an `AbortController` raises on Cancel. */
export function isAbort(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}

const HINTS: Record<string, string> = {
  ItemNotFound:
    'A sheet or table the add-in needs is missing: run Set up, or check it was not renamed.',
  InvalidArgument: 'Excel refused a value: check the selection and try again.',
  AccessDenied: 'The sheet is protected: unprotect it (Review > Unprotect Sheet) and try again.',
  InvalidOperationInCellEditMode:
    'Excel is editing a cell: press Enter or Esc in the sheet, then try again.',
  RequestPayloadSizeLimitExceeded:
    'The change is too large for Excel on the web in one go: select fewer rows and try again.',
};

/**
 * A readable message for an unexpected error.
 *
 * @example
 * describeError(Object.assign(new Error('x'), { code: 'AccessDenied' }));
 * // 'The sheet is protected: unprotect it (Review > Unprotect Sheet) and try again.'
 */
export function describeError(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  // Own keys only: an error code such as 'constructor' must not find Object's properties.
  if (typeof code === 'string' && Object.prototype.hasOwnProperty.call(HINTS, code))
    return HINTS[code];
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const detail = message ? ` (${message.slice(0, 200)})` : '';
  return `Excel could not finish this action${detail}. Nothing after the failure was written: try again, or use "Undo last change".`;
}

/**
 * Errors the stand-in raises, shaped as Office.js raises them: an `OfficeExtension.Error` whose
 * `code` is the stable error code, whose `message` is the host's localised text (never carrying
 * the code), and whose `debugInfo` says where it happened.
 *
 * - `code`, `message`, `debugInfo.code`, `debugInfo.errorLocation`, `debugInfo.statement`:
 *   https://learn.microsoft.com/javascript/api/office/officeextension.error and
 *   https://learn.microsoft.com/javascript/api/office/officeextension.debuginfo
 * - The error surfaces at `context.sync()` for anything queued (name "RichApi.Error"), e.g.
 *   office-js #399 shows `{ name: 'RichApi.Error', code: 'InvalidSelection', debugInfo: { code,
 *   message, errorLocation: 'Range.merge', statement } }`:
 *   https://github.com/OfficeDev/office-js/issues/399
 * - "code" values come from OfficeExtension.ErrorCodes and Excel.ErrorCodes:
 *   https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 */

/** Office.js's debugInfo (the fields the add-in may read). */
export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** The host's text for each code (Excel's English strings; never shown by the add-in). */
const HOST_TEXT: Record<string, string> = {
  AccessDenied: 'You cannot perform the requested operation.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  ItemNotFound: 'The requested resource doesn\u2019t exist.',
  ItemAlreadyExists: 'The resource being created already exists.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidSelection: 'The current selection is invalid for this operation.',
  InvalidOperationInCellEditMode:
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  PropertyNotLoaded:
    'The property isn\u2019t available. Before reading the property\u2019s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  Conflict: 'Request could not be processed because of a conflict.',
  GeneralException: 'There was an internal error while processing the request.',
};

/**
 * One Office.js error. `detail` is the stand-in's own explanation, kept in `debugInfo.statement`
 * (as a test aid) and never in `message`, so code that matches on message text finds nothing.
 */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  constructor(code: string, errorLocation: string, detail = '') {
    const message = HOST_TEXT[code] ?? HOST_TEXT.GeneralException;
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation, statement: detail };
  }
}

/**
 * True for an error the stand-in raised with `code`.
 *
 * @example
 * expect(isOfficeError(error, 'AccessDenied')).toBe(true);
 */
export function isOfficeError(error: unknown, code?: string): error is FakeOfficeError {
  return error instanceof FakeOfficeError && (code === undefined || error.code === code);
}

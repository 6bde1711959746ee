/**
 * One catalogue of the Office.js errors the add-in meets, keyed by the error's `code`, with what
 * a finance officer should do about each. Office.js errors carry a stable `code` and a localised
 * `message` that Microsoft says is not meant for end users, so nothing here reads message text:
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 * (`code` values: OfficeExtension.ErrorCodes and Excel.ErrorCodes,
 * https://learn.microsoft.com/javascript/api/excel/excel.errorcodes).
 *
 * Both the adapter (`runAction`) and the task pane (`describeError`) use it, so a code is
 * explained the same way wherever it surfaces. Pure: no Office.js at run time.
 */

/** Codes the add-in raises itself, for situations Office.js reports without an error. */
export const ADD_IN_CODES = {
  /** A sync that Excel (on the web) never answered: see {@link SYNC_TIMEOUT_MS}. */
  syncTimeout: 'CapitalPlanner.SyncTimeout',
  /** A read of more than 5,000,000 cells, which Excel answers with `values: null`. */
  tooManyCells: 'CapitalPlanner.TooManyCells',
  /** A newer ExcelApi requirement set than this Excel has. */
  apiMissing: 'CapitalPlanner.ApiMissing',
  /** An action stopped part-way and what it had changed was put back. */
  restored: 'CapitalPlanner.Restored',
} as const;

/** What the user should know about one error code. */
const CATALOGUE: Readonly<Record<string, string>> = {
  // https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member
  InvalidOperationInCellEditMode:
    'Excel is editing a cell: press Enter or Esc in the sheet, then try again.',
  // getSelectedRange throws InvalidSelection when a chart or shape is selected (by design,
  // office-js #2268: https://github.com/OfficeDev/office-js/issues/2268).
  InvalidSelection:
    'A chart, shape or picture is selected: click a cell in the sheet, then try again.',
  // office-js #561: with another workbook in focus, the selection's object path stops working.
  InvalidObjectPath:
    'Excel lost track of this workbook, perhaps because another workbook has the focus: click a cell in this workbook, then try again.',
  AccessDenied:
    'A sheet it writes to is protected: unprotect it (Review > Unprotect Sheet) and try again.',
  ItemNotFound:
    'A sheet or table the add-in needs is missing: run Set up, or check it was not renamed.',
  ItemAlreadyExists:
    'A sheet or table with that name already exists: rename or remove it, then try again.',
  InvalidArgument:
    'Excel refused a value or a name: check the selection and any names typed, and try again.',
  InvalidReference: 'Excel could not find a cell or range the add-in referred to: try again.',
  InvalidOperation: 'Excel refused the change in this workbook as it stands: try again.',
  // Excel on the web limits requests and responses to 5 MB:
  // https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
  RequestPayloadSizeLimitExceeded:
    'The change is too large for Excel on the web in one go: select fewer rows and try again.',
  ResponsePayloadSizeLimitExceeded:
    'The range is too large for Excel on the web to send in one go: select fewer rows and try again.',
  // rows.add on tables during co-authoring risks merge conflicts:
  // https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins
  Conflict:
    'Someone else changed the workbook at the same moment (co-authoring): wait until they have finished, then try again.',
  ActivityLimitReached: 'Excel is busy: wait a moment, then try again.',
  ApiNotFound:
    'This version of Excel lacks a feature the add-in needs: update Excel, or use Excel on the web.',
  GeneralException: 'Excel reported an internal error: save the workbook, then try again.',
  PropertyNotLoaded:
    'The add-in read something before Excel had sent it (a fault in the add-in): try again, and report it with Settings > Diagnostics > Copy report.',
  [ADD_IN_CODES.syncTimeout]:
    'Excel did not answer in time (this happens on Excel on the web): check the workbook, reload the add-in, and if the change is half-made use "Undo last change".',
  [ADD_IN_CODES.tooManyCells]:
    'The range has more than 5,000,000 cells, more than Excel sends in one read: select a smaller range.',
  [ADD_IN_CODES.apiMissing]:
    'This version of Excel lacks a feature the add-in needs: update Excel, or use Excel on the web.',
};

/**
 * The error's Office.js `code`, or undefined for anything else.
 *
 * @example
 * officeErrorCode(Object.assign(new Error('x'), { code: 'AccessDenied' })); // 'AccessDenied'
 */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  const debugCode = (error as { debugInfo?: { code?: unknown } }).debugInfo?.code;
  return typeof debugCode === 'string' && debugCode !== '' ? debugCode : undefined;
}

/**
 * What to tell the user about an Office.js error, by its `code`; undefined when the code is not
 * in the catalogue (the caller then gives its general message).
 *
 * @example
 * officeErrorMessage({ code: 'InvalidSelection' }); // 'A chart, shape or picture is selected: ...'
 */
export function officeErrorMessage(error: unknown): string | undefined {
  const code = officeErrorCode(error);
  // Own keys only: a code such as 'constructor' must not find Object's properties.
  if (code === undefined || !Object.prototype.hasOwnProperty.call(CATALOGUE, code))
    return undefined;
  return CATALOGUE[code];
}

/** An error the add-in raises itself, with a catalogue code (never shown raw). */
export class AddInError extends Error {
  constructor(
    readonly code: string,
    detail = '',
  ) {
    super(detail || code);
    this.name = 'AddInError';
  }
}

/**
 * How long one action may wait for Excel before saying so. Excel on the web has been seen to
 * leave a sync unanswered; the add-in cannot cancel it, but it can stop waiting and tell the user.
 */
export const SYNC_TIMEOUT_MS = 120_000;

/**
 * Message for the manual calculation mode, which Check meets: formula results it reads may be
 * stale ("Manual, where calculation is done when the user requests it":
 * https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-calculationmode-member).
 */
export const MANUAL_CALCULATION_WARNING =
  'Excel is set to calculate manually, so formula results may be out of date: press F9 (Formulas > Calculate Now), then run Check again.';

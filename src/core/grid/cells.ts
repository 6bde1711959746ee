/**
 * Reading single cells as hosts hand them over: Office.js gives numbers, strings ('' = empty),
 * booleans and error strings (`#REF!`); ExcelJS may give `{ error }` or `{ result }` objects.
 * None of these readers throws, whatever the cell holds.
 */

const EXCEL_ERROR =
  /^#(?:DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|FIELD!|BUSY!|CONNECT!|BLOCKED!|UNKNOWN!|GETTING_DATA)/i;
// Printed for "nothing" in finance tables; not a figure and not a mistake.
const NIL_TEXT = /^(?:[-\u2012-\u2015]|n\/a|nil|none)$/i;

/**
 * True when a cell shows nothing: null, undefined, or text of spaces only.
 *
 * @example
 * isBlankCell(' '); // true
 * isBlankCell(0); // false
 */
export function isBlankCell(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/**
 * True for text that finance tables print for nothing (`-`, an en or em dash, `n/a`, `nil`).
 *
 * @example
 * isNilText('–'); // true
 * isNilText('N/A'); // true
 */
export function isNilText(text: string): boolean {
  return NIL_TEXT.test(text.trim());
}

/**
 * The Excel error a cell holds (`#REF!`), from Office.js text or an ExcelJS `{ error }` object.
 *
 * @example
 * excelErrorOf('#DIV/0!'); // '#DIV/0!'
 * excelErrorOf({ error: '#REF!' }); // '#REF!'
 */
export function excelErrorOf(value: unknown): string | undefined {
  if (typeof value === 'string') return EXCEL_ERROR.test(value.trim()) ? value.trim() : undefined;
  if (typeof value === 'object' && value !== null) {
    const error = safeProperty(value, 'error');
    if (typeof error === 'string') return error;
  }
  return undefined;
}

/**
 * Unwraps an ExcelJS formula cell (`{ formula, result }`) to its result; other values unchanged.
 *
 * @example
 * cellResult({ formula: 'SUM(A1:A3)', result: 6 }); // 6
 */
export function cellResult(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const result = safeProperty(value, 'result');
    if (result !== undefined) return result;
    const text = safeProperty(value, 'text');
    if (typeof text === 'string') return text;
  }
  return value;
}

/**
 * `text.trim()`, without the call when there is nothing to trim: the checks trim a ref and a
 * phrase on every row, and most cells start and end with a printable ASCII character, which
 * `trim` (spaces, tabs, line ends and Unicode spaces, all below 33 or above 127) never removes.
 *
 * @example
 * trimText(' CP-01 '); // 'CP-01'
 */
export function trimText(text: string): string {
  const length = text.length;
  if (length === 0) return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(length - 1);
  return first > 32 && first < 128 && last > 32 && last < 128 ? text : text.trim();
}

/**
 * Text in a cell, trimmed, or `undefined` when the cell holds no text.
 *
 * @example
 * cellText('  TOTAL '); // 'TOTAL'
 * cellText(3); // undefined
 */
export function cellText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = trimText(value);
  return text === '' ? undefined : text;
}

function safeProperty(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

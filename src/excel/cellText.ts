/**
 * Text written as text. Office.js reads a string written to `values` as if typed: `=...` runs as a
 * formula, `+`/`-`/`@` start one too, and `007` or `TRUE` become a number or boolean. A leading
 * apostrophe (Excel's quote prefix) makes the cell hold exactly the text, never executed.
 */

const STARTS_LIKE_FORMULA = /^[=+\-@'\u2212\uFF1D\uFF0B\uFF0D\uFF20]/;
const ERROR_LITERAL =
  /^\s*#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)/i;
const LOOKS_LIKE_NUMBER =
  /^\s*[-+]?\(?\s*[£$€]?\s*(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?\s*\)?\s*%?\s*$/i;
const LOOKS_LIKE_DATE = /^\s*\d{1,4}\s*[/.-]\s*\d{1,2}(\s*[/.-]\s*\d{1,4})?\s*$/;
const LOOKS_LIKE_TIME = /^\s*\d{1,2}\s*:\s*\d{2}(\s*:\s*\d{2})?\s*(am|pm)?\s*$/i;
const MONTH_DATE =
  /^\s*(\d{1,2}[\s-]*)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?([\s-]*\d{1,4})?\s*$/i;
const LOOKS_LIKE_BOOLEAN = /^\s*(true|false)\s*$/i;
/** Fractions Excel reads as numbers: '1/2' is a date, but '0 1/2' and '1 1/2' are 0.5 and 1.5. */
const LOOKS_LIKE_FRACTION = /^\s*[-+]?\d+\s+\d+\s*\/\s*\d+\s*$/;

/**
 * True when Excel would turn `text`, written as a value, into something else: a formula, a number,
 * a date or time, a boolean or an error value.
 *
 * @example
 * excelWouldConvert('1e5'); // true (100000)
 * excelWouldConvert('Compliance'); // false
 */
export function excelWouldConvert(text: string): boolean {
  return (
    STARTS_LIKE_FORMULA.test(text) ||
    ERROR_LITERAL.test(text) ||
    LOOKS_LIKE_NUMBER.test(text) ||
    LOOKS_LIKE_DATE.test(text) ||
    LOOKS_LIKE_TIME.test(text) ||
    (/\d/.test(text) && MONTH_DATE.test(text)) ||
    LOOKS_LIKE_BOOLEAN.test(text) ||
    LOOKS_LIKE_FRACTION.test(text)
  );
}

/**
 * True when new text should be written with a quote prefix: only when Excel would convert it.
 * Text that merely holds a digit ('CP-001', 'Cab 12/01') is written as it is: Excel keeps text it
 * cannot read as a number, date, boolean or formula as text, while a prefix is documented only
 * for typing ("Format numbers as text":
 * https://support.microsoft.com/office/format-numbers-as-text-583160db-9c7c-4b8e-8b6e-7b2ab4b7a3a7),
 * not for `range.values`, and in a cell formatted as Text (`@`) it may be kept as a character.
 * Diagnostics checks both in real Excel. (Issue 11, finding 2: the old rule prefixed every text
 * with a digit.)
 *
 * @example
 * needsQuotePrefix('=HYPERLINK("http://x")'); // true
 * needsQuotePrefix('CP-001'); // false
 */
export function needsQuotePrefix(text: string): boolean {
  return excelWouldConvert(text);
}

/**
 * A cell value that Excel stores as the exact text given, never as a formula. For a cell already
 * formatted as Text (`numberFormat` '@') nothing is added: Excel keeps whatever is entered there
 * as text, and a prefix could stay as a stray apostrophe.
 *
 * @example
 * asTextCell('=1+1'); // "'=1+1"
 * asTextCell('=1+1', '@'); // '=1+1'
 * asTextCell('Technology refresh'); // 'Technology refresh'
 */
export function asTextCell(text: string, numberFormat?: unknown): string {
  if (numberFormat === '@') return text;
  return text !== '' && needsQuotePrefix(text) ? `'${text}` : text;
}

/**
 * Any cell value from another workbook, made safe to write: text as text, numbers and booleans as they are.
 *
 * @example
 * safeCell('@SUM(A1)'); // "'@SUM(A1)"
 * safeCell(2.6); // 2.6
 */
export function safeCell(value: unknown): string | number | boolean {
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return '';
  return asTextCell(String(value));
}

/**
 * What to write back to put a cell exactly as it was, from its `formulas` and `values` as read.
 * A text cell whose text looks like a formula (or a number) reads back the same in both, so it
 * gets its quote prefix again instead of being run.
 *
 * @example
 * restorableContent('=A1+1', 3); // '=A1+1' (a real formula)
 * restorableContent('=A1+1', '=A1+1'); // "'=A1+1" (text that only looks like one)
 */
export function restorableContent(
  formula: unknown,
  value: unknown,
  numberFormat?: unknown,
): string | number | boolean {
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) return formula;
  // Office.js cannot read a cell's quote prefix, so text is put back with one by the same rule
  // as new text: the same characters, and never converted or run. A cell whose format is put
  // back as Text (`@`) first takes the text as it is.
  if (typeof value === 'string') return asTextCell(value, numberFormat);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return '';
}

/**
 * True when a cell as read holds nothing.
 *
 * @example
 * isBlankCell(''); // true
 */
export function isBlankCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

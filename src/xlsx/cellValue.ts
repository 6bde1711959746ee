/**
 * Turns an ExcelJS cell value into the value Office.js would give for the same cell, so the
 * engine sees one kind of grid whether it runs in the task pane or on a file.
 */

/** A cell value as Office.js `range.values` gives it: '' for an empty cell. */
export type OfficeCellValue = number | string | boolean;

/** Days between the 1900 and 1904 date systems' day zero (Excel's own constant). */
const DATE_1904_OFFSET_DAYS = 1462;
/** Excel serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
const MILLISECONDS_PER_DAY = 86_400_000;

/**
 * Converts a JavaScript `Date` (as ExcelJS gives dates, in UTC) back to the Excel serial number
 * the cell holds, so dates reach the engine exactly as they do from Office.js.
 *
 * @example
 * dateToSerial(new Date(Date.UTC(2016, 3, 1))); // 42461 (1 April 2016)
 */
export function dateToSerial(date: Date, date1904 = false): number {
  const serial =
    UNIX_EPOCH_SERIAL +
    date.getTime() / MILLISECONDS_PER_DAY -
    (date1904 ? DATE_1904_OFFSET_DAYS : 0);
  // ExcelJS rounds to the millisecond on read; undo the float noise that leaves behind.
  return Math.round(serial * 1e8) / 1e8;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The value Office.js shows for an ExcelJS cell value: formulas give their cached result,
 * rich text its plain text, dates their serial number, errors their text (`#DIV/0!`) and
 * an empty cell (or a formula never calculated) ''.
 *
 * @example
 * toOfficeValue({ formula: 'SUM(B2:B4)', result: 7.6 }); // 7.6
 * toOfficeValue({ richText: [{ text: 'Tech' }, { text: 'nology' }] }); // 'Technology'
 * toOfficeValue(null); // ''
 */
export function toOfficeValue(value: unknown, date1904 = false): OfficeCellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '#NUM!';
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? '#VALUE!' : dateToSerial(value, date1904);
  }
  if (!isRecord(value)) return String(value);
  if ('formula' in value || 'sharedFormula' in value) return toOfficeValue(value.result, date1904);
  if (Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  if (typeof value.error === 'string') return value.error;
  // A hyperlink cell shows its text (which may itself be rich text).
  if ('hyperlink' in value) return toOfficeValue(value.text, date1904);
  if ('text' in value) return toOfficeValue(value.text, date1904);
  return '';
}

/**
 * Cell styles to number formats, as ExcelJS reads them, so both readers give the engine the same
 * format text: a custom `<numFmt>` of styles.xml, else Excel's built-in format for the id (the
 * table ExcelJS carries, lib/xlsx/defaultnumformats.js; ECMA-376 Part 1, 18.8.30), else none.
 */
import { elements } from './xmlText';

/** Built-in number formats (ids without a locale-independent code are left out, as ExcelJS does). */
export const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * True when a number format shows a date or time (so the cell holds a date serial), by the same
 * test ExcelJS applies: a date letter outside quotes and brackets.
 *
 * @example
 * isDateFormat('dd/mm/yyyy'); // true
 * isDateFormat('[Red]0.0'); // false
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** One cell style's number format, and whether it is a date's. */
export interface CellStyleFormat {
  /** Undefined for a style that sets none (the cell shows 'General'). */
  format?: string;
  date: boolean;
}

/**
 * The number format of each cell style (`s` attribute) in styles.xml, indexed by style.
 *
 * @example
 * readStyleFormats('<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>');
 * // [{ format: undefined, date: false }, { format: '0.0', date: false }]
 */
export function readStyleFormats(stylesXml: string | undefined): CellStyleFormat[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  // Only the workbook's own list: differential formats (<dxfs>) hold <numFmt>s of their own.
  const numFmts = elements(stylesXml, 'numFmts')[0]?.inner ?? '';
  for (const { attributes } of elements(numFmts, 'numFmt')) {
    const code = attributes.formatCode;
    if (code === undefined) continue;
    // ExcelJS drops the backslash of an escaped character ('\-' reads as '-').
    custom.set(parseInt(attributes.numFmtId, 10), code.replace(/[\\](.)/g, '$1'));
  }
  const cellXfs = elements(stylesXml, 'cellXfs')[0]?.inner ?? '';
  return elements(cellXfs, 'xf').map(({ attributes }) => {
    const id = parseInt(attributes.numFmtId, 10);
    const format = id ? custom.get(id) || BUILT_IN_FORMATS[id] || undefined : undefined;
    return { format, date: isDateFormat(format) };
  });
}

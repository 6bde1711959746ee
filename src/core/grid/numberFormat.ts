/**
 * How many decimal places an Excel number format shows, for the rounding rule.
 */

/**
 * Decimal places shown by an Excel number format code, or `undefined` when the format does not
 * fix them (`General`, text `@`, empty).
 *
 * @example
 * decimalsFromFormat('0.0'); // 1
 * decimalsFromFormat('#,##0.00'); // 2
 * decimalsFromFormat('"£"#,##0.0"m"'); // 1
 * decimalsFromFormat('#,##0;(#,##0)'); // 0
 * decimalsFromFormat('General'); // undefined
 */
export function decimalsFromFormat(format: string | undefined): number | undefined {
  if (typeof format !== 'string' || format.length > 255) return undefined;
  // The first section is for positive numbers; literals, colours and escapes hold no digits.
  const section = format
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  if (!/[0#?]/.test(section)) return undefined;
  const point = /\.([0#?]*)/.exec(section);
  return point ? point[1].length : 0;
}

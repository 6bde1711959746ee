/**
 * A1 addresses on the Excel side (kept here so the adapter's writes do not depend on the grid
 * analysis module being loaded).
 */

/**
 * Column letters of a 0-based column (0 -> A, 27 -> AB).
 *
 * @example
 * columnLetters(27); // 'AB'
 */
export function columnLetters(column0: number): string {
  let n = column0 + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * A1 address of a 0-based cell.
 *
 * @example
 * toA1(0, 0); // 'A1'
 */
export function toA1(row0: number, column0: number): string {
  return `${columnLetters(column0)}${row0 + 1}`;
}

/**
 * Reads `C7` or `$C$7` (optionally `Sheet!C7`) into a 0-based cell; undefined when it is not one cell.
 *
 * @example
 * fromA1('C7'); // { row: 6, column: 2 }
 */
export function fromA1(address: string): { row: number; column: number } | undefined {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(local.trim());
  if (!match) return undefined;
  let column = 0;
  for (const ch of match[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

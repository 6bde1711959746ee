/**
 * A1 addresses. Column letters and `toA1` are core's (src/core/grid/address.ts), re-exported so
 * the faces have one spelling; `fromA1` reads an address back (a selection, a finding's cell).
 */
export { columnLetters, toA1 } from '../core';

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

/**
 * A1 addresses, so a finding points at the exact cell a finance officer must look at.
 */
import { assertContract } from '../errors';

/**
 * Column letters for a 0-based column index: 0 is `A`, 25 is `Z`, 26 is `AA`.
 *
 * @example
 * columnLetters(0); // 'A'
 * columnLetters(27); // 'AB'
 */
export function columnLetters(column0: number): string {
  assertContract(
    Number.isSafeInteger(column0) && column0 >= 0,
    `a column index must be an integer >= 0, got ${column0}`,
  );
  let letters = '';
  let rest = column0 + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = (rest - 1 - digit) / 26;
  }
  return letters;
}

/**
 * The A1 address of a 0-based row and column.
 *
 * @example
 * toA1(0, 0); // 'A1'
 * toA1(9, 4); // 'E10'
 */
export function toA1(row0: number, column0: number): string {
  assertContract(
    Number.isSafeInteger(row0) && row0 >= 0,
    `a row index must be an integer >= 0, got ${row0}`,
  );
  return `${columnLetters(column0)}${row0 + 1}`;
}

/**
 * Reads the formula the task pane puts in a Monitoring forecast cell, a link to the budget
 * holder's forecast sheet (`=IF(ISBLANK('Forecast - Head of ICT'!F5),"",'Forecast - Head of ICT'!F5)`),
 * so a returned forecast can be written where the link points and the formula kept.
 */

/** A cell of a workbook, 1-based. */
export interface LinkedCell {
  sheet: string;
  row: number;
  column: number;
}

const REFERENCE = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z0-9_.]+))!\$?([A-Z]{1,3})\$?(\d+)`;
const PLAIN = new RegExp(String.raw`^\s*=?\s*${REFERENCE}\s*$`, 'i');
const IF_BLANK = new RegExp(
  String.raw`^\s*=?\s*IF\(\s*ISBLANK\(\s*${REFERENCE}\s*\)\s*,\s*""\s*,\s*${REFERENCE}\s*\)\s*$`,
  'i',
);

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

function cellOf(groups: string[]): LinkedCell {
  const [quoted, bare, letters, row] = groups;
  return {
    sheet: quoted !== undefined ? quoted.replace(/''/g, "'") : bare,
    row: Number(row),
    column: columnNumber(letters),
  };
}

/**
 * The one cell a formula links to, when it is a plain link (`='Sheet'!F5`) or the task pane's
 * blank-safe link (`IF(ISBLANK(x),"",x)` with the same x twice); otherwise `undefined`.
 *
 * @example
 * linkedCell(`IF(ISBLANK('Forecast - Head of ICT'!F5),"",'Forecast - Head of ICT'!F5)`);
 * // { sheet: 'Forecast - Head of ICT', row: 5, column: 6 }
 * linkedCell('C4-D4'); // undefined
 */
export function linkedCell(formula: string): LinkedCell | undefined {
  const plain = PLAIN.exec(formula);
  if (plain) return cellOf(plain.slice(1, 5));
  const guarded = IF_BLANK.exec(formula);
  if (!guarded) return undefined;
  const first = cellOf(guarded.slice(1, 5));
  const second = cellOf(guarded.slice(5, 9));
  const same =
    first.sheet.toLowerCase() === second.sheet.toLowerCase() &&
    first.row === second.row &&
    first.column === second.column;
  return same ? first : undefined;
}

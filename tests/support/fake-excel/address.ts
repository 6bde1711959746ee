/**
 * A1 addresses for the in-memory Excel stand-in. No Node imports: this also runs in the browser.
 */

/** A block of cells, 0-based and inclusive of `top`/`left`, sized in rows and columns. */
export interface Rect {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** Column letters for a 0-based column index (0 -> A, 26 -> AA). */
export function columnName(column: number): string {
  let n = column + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** 0-based index of column letters (A -> 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellName(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

export function rectAddress(rect: Rect): string {
  const start = cellName(rect.top, rect.left);
  if (rect.rows === 1 && rect.columns === 1) return start;
  return `${start}:${cellName(rect.top + rect.rows - 1, rect.left + rect.columns - 1)}`;
}

/** Quotes a sheet name the way Excel prints it in an address. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits `'My sheet'!A1:B2` into sheet name and local address. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** Parses `A1`, `A1:C3`, `$A$1` into a rectangle; throws on anything else (a bug in the caller). */
export function parseRect(local: string): Rect {
  const parts = local.split(':');
  const corners = parts.map((part) => {
    const match = CELL.exec(part.trim());
    if (!match) throw new Error(`InvalidArgument: cannot read address '${local}'`);
    return { row: Number(match[2]) - 1, column: columnIndex(match[1]) };
  });
  const a = corners[0];
  const b = corners[corners.length - 1];
  const top = Math.min(a.row, b.row);
  const left = Math.min(a.column, b.column);
  return {
    top,
    left,
    rows: Math.abs(a.row - b.row) + 1,
    columns: Math.abs(a.column - b.column) + 1,
  };
}

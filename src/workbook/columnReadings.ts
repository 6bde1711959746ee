/**
 * The user's corrections to how Check read a sheet's columns ("G is a variance", "H = E - D"),
 * remembered per sheet on the settings sheet `_CapitalPlannerSettings`, beside the settings, so
 * they travel with the workbook and anyone who unhides the sheet can read them.
 *
 * They sit in columns E:G, away from the settings in A:C (whose rows the Monitoring formulas read
 * by address): one row per sheet, `Sheet | Columns read as | Format`, the reading written as the
 * CLI's `--column` options are (`G=variance; H=E-D`). The format number makes a reading saved by
 * another version of the add-in recognisable, so it is ignored with a message, never misread.
 */
import { OVERRIDE_ROLES, type Parsed } from '../core';
import { SETTINGS_SHEET } from './settings';

/** Format of a saved reading; a row with any other number was written by another version. */
export const COLUMN_READINGS_FORMAT = 1;

/** First column of the block on the settings sheet (0-based: E). */
export const COLUMN_READINGS_LEFT = 4;

/** Columns of the block: Sheet, Columns read as, Format. */
export const COLUMN_READINGS_WIDTH = 3;

/** Sheets whose reading can be remembered (rows under the header). */
export const COLUMN_READINGS_MAX = 200;

/** Rows of the block, header included: read and written whole, so a removed row is cleared. */
export const COLUMN_READINGS_ROWS = COLUMN_READINGS_MAX + 1;

/** The block's header row. */
export const COLUMN_READINGS_HEADER: readonly string[] = [
  'Sheet',
  'Columns read as (set in Check: LETTERS=ROLE or LETTERS=FORMULA)',
  'Format',
];

/**
 * Excel's limit on the characters in one cell: "Total number of characters that a cell can
 * contain: 32,767 characters" (Excel specifications and limits,
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 */
export const CELL_CHARACTER_LIMIT = 32767;

/** The user's reading of some columns, by sheet letters: `{ G: 'variance', H: 'E-D' }`. */
export type ColumnReadingChoice = Readonly<Record<string, string>>;

/** What the settings sheet says about one sheet's columns. */
export interface SavedColumnReading {
  /** The reading to apply, when there is one that can be used. */
  columns?: Record<string, string>;
  /** Why a saved reading was ignored (unreadable, or saved by another version). */
  problem?: string;
}

const LETTERS = /^[A-Z]{1,3}$/;
const FORMULA = /^[A-Z]{1,3}(?:[-+][A-Z]{1,3})+$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * One entry made canonical (`g` `Variance` -> `G` `variance`, `e - d` -> `E-D`), or a message.
 *
 * @example
 * readColumnChoice('g', ' E - D '); // { ok: true, value: ['G', 'E-D'] }
 * readColumnChoice('G', 'total'); // { ok: false, message: "Column G: 'total' is not a role ..." }
 */
export function readColumnChoice(letters: string, value: string): Parsed<[string, string]> {
  const column = String(letters).trim().toUpperCase();
  if (!LETTERS.test(column))
    return {
      ok: false,
      message: `'${letters}' is not a column: name a column by its letters, e.g. G`,
    };
  const text = String(value).trim();
  const role = text.toLowerCase();
  if (OVERRIDE_ROLES.includes(role)) return { ok: true, value: [column, role] };
  const formula = text.toUpperCase().replace(/\s+/g, '');
  if (FORMULA.test(formula)) return { ok: true, value: [column, formula] };
  return {
    ok: false,
    message: `Column ${column}: '${text}' is not a role or a formula; roles are ${OVERRIDE_ROLES.join(', ')}, and a formula names columns, e.g. E-D`,
  };
}

/**
 * A reading as one cell's text, in the CLI's `--column` words, columns left to right.
 *
 * @example
 * formatColumnReading({ H: 'E-D', G: 'variance' }); // 'G=variance; H=E-D'
 */
export function formatColumnReading(columns: ColumnReadingChoice): string {
  return Object.entries(columns)
    .sort(([a], [b]) => columnNumber(a) - columnNumber(b))
    .map(([letters, value]) => `${letters}=${value}`)
    .join('; ');
}

/**
 * Reads a saved reading's text (`G=variance; H=E-D`) back, checking every entry.
 *
 * @example
 * parseColumnReading('G=variance; H=E-D'); // { ok: true, value: { G: 'variance', H: 'E-D' } }
 * parseColumnReading('G variance'); // { ok: false, message: "'G variance' is not LETTERS=ROLE ..." }
 */
export function parseColumnReading(text: string): Parsed<Record<string, string>> {
  const columns: Record<string, string> = {};
  const parts = text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return { ok: false, message: 'it is empty' };
  for (const part of parts) {
    const match = /^([^=]+)=(.+)$/.exec(part);
    if (!match)
      return {
        ok: false,
        message: `'${part}' is not LETTERS=ROLE or LETTERS=FORMULA, e.g. G=variance or G=E-D`,
      };
    const entry = readColumnChoice(match[1], match[2]);
    if (!entry.ok) return entry;
    if (columns[entry.value[0]] !== undefined)
      return { ok: false, message: `column ${entry.value[0]} is given twice` };
    columns[entry.value[0]] = entry.value[1];
  }
  return { ok: true, value: columns };
}

/**
 * Checks a reading before it is saved: every entry readable, and short enough for one cell.
 *
 * @example
 * validateColumnReading({ g: 'Variance' }); // { ok: true, value: { G: 'variance' } }
 */
export function validateColumnReading(
  columns: ColumnReadingChoice,
): Parsed<Record<string, string>> {
  const canonical: Record<string, string> = {};
  for (const [letters, value] of Object.entries(columns)) {
    const entry = readColumnChoice(letters, value);
    if (!entry.ok) return entry;
    canonical[entry.value[0]] = entry.value[1];
  }
  const text = formatColumnReading(canonical);
  if (text.length > CELL_CHARACTER_LIMIT)
    return {
      ok: false,
      message: `This reading is ${text.length.toLocaleString('en-GB')} characters long, more than one Excel cell holds (32,767): correct fewer columns, or Reset and let Check read the table`,
    };
  return { ok: true, value: canonical };
}

const sameSheet = (a: unknown, b: string) =>
  typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * What the block (as read from the settings sheet, header first) says about one sheet. Sheet names
 * are matched as Excel matches them, ignoring case. A row that cannot be read, or that another
 * version wrote, is ignored, and `problem` says so in words the user can act on.
 *
 * @example
 * savedColumnReading([COLUMN_READINGS_HEADER, ['Outturn', 'G=variance', 1]], 'outturn').columns; // { G: 'variance' }
 */
export function savedColumnReading(
  block: readonly (readonly unknown[])[] | undefined,
  sheet: string,
): SavedColumnReading {
  if (!block || block.length === 0) return {};
  const row = block.slice(1).find((cells) => sameSheet(cells[0], sheet));
  if (!row) return {};
  const ignored = (why: string) => ({
    problem: `Your saved reading of the columns of '${sheet}' was ignored: ${why}. Pick the roles again, or Reset to forget it.`,
  });
  if (row[2] !== COLUMN_READINGS_FORMAT)
    return ignored(
      typeof row[2] === 'number'
        ? `it was saved in format ${row[2]} by another version of Capital Planner, which this version cannot read`
        : `its format cell (column G of ${SETTINGS_SHEET}) does not say ${COLUMN_READINGS_FORMAT}`,
    );
  if (typeof row[1] !== 'string') return ignored('it is not text');
  const parsed = parseColumnReading(row[1]);
  return parsed.ok
    ? { columns: parsed.value }
    : ignored(`'${row[1]}' cannot be read: ${parsed.message}`);
}

/**
 * The block with one sheet's reading set (or removed, when `columns` is empty), as it is to be
 * written: header, the other sheets' rows as they were, blank rows to the end so a removed row is
 * cleared. A message when every row is taken.
 *
 * @example
 * planColumnReadings(undefined, 'Outturn', { G: 'variance' })[1]; // ['Outturn', 'G=variance', 1]
 */
export function planColumnReadings(
  block: readonly (readonly unknown[])[] | undefined,
  sheet: string,
  columns: ColumnReadingChoice,
): Parsed<unknown[][]> {
  const valid = validateColumnReading(columns);
  if (!valid.ok) return valid;
  const rows: unknown[][] = (block ?? [])
    .slice(1)
    .filter((cells) => cells.some((cell) => cell !== '' && cell !== null && cell !== undefined))
    .map((cells) => [0, 1, 2].map((i) => cells[i] ?? ''));
  const at = rows.findIndex((cells) => sameSheet(cells[0], sheet));
  const entries = Object.keys(valid.value).length;
  if (entries === 0) {
    if (at >= 0) rows.splice(at, 1);
  } else {
    const row = [sheet, formatColumnReading(valid.value), COLUMN_READINGS_FORMAT];
    if (at >= 0) rows[at] = row;
    else if (rows.length >= COLUMN_READINGS_MAX)
      return {
        ok: false,
        message: `The readings of ${COLUMN_READINGS_MAX} sheets are already remembered: Reset the reading of a sheet you no longer check, then pick again`,
      };
    else rows.push(row);
  }
  const blank = () => ['', '', ''];
  return {
    ok: true,
    value: [
      [...COLUMN_READINGS_HEADER],
      ...rows,
      ...Array.from({ length: COLUMN_READINGS_MAX - rows.length }, blank),
    ],
  };
}

/**
 * The block of saved readings out of the settings sheet as the command line reads it: whole-sheet
 * values starting at `origin` (0-based; readers drop empty leading rows and columns), in the shape
 * `savedColumnReading` takes, the header row first.
 *
 * @example
 * const block = columnReadingsBlockOf(settingsGrid.values, settingsGrid.origin);
 * savedColumnReading(block, 'Outturn').columns; // { G: 'variance' } when the pane saved one
 */
export function columnReadingsBlockOf(
  values: readonly (readonly unknown[])[],
  origin: { row: number; column: number } = { row: 0, column: 0 },
): unknown[][] {
  const rows = Math.max(0, Math.min(values.length + origin.row, COLUMN_READINGS_ROWS));
  return Array.from({ length: rows }, (_, sheetRow) => {
    const cells = values[sheetRow - origin.row] ?? [];
    return Array.from(
      { length: COLUMN_READINGS_WIDTH },
      (_, i) => cells[COLUMN_READINGS_LEFT + i - origin.column] ?? '',
    );
  });
}

/**
 * The choices of a column's role picker: the same roles as the CLI's `--column` overrides, and
 * "variance = E − D" and "revised = B + C" over the figure columns to its left, in the finance
 * officer's words.
 */
import { OVERRIDE_ROLES, type ColumnReading, type TableReading } from '../../../core';

/** One choice: what is saved (`variance`, `E-D`; '' = as Check read it) and what is shown. */
export interface RoleChoice {
  value: string;
  text: string;
}

/** How each override role is shown. */
const ROLE_WORDS: Record<string, string> = {
  label: 'label (names the row)',
  budget: 'budget',
  original: 'original budget',
  approved: 'approved budget',
  revised: 'revised budget',
  additions: 'additions or reductions',
  forecast: 'forecast',
  actual: 'actual',
  variance: 'variance (the two columns found from the figures)',
  amount: 'amount (added up in totals)',
  year: 'year',
  percentage: 'percentage (never added up)',
  notes: 'notes (words, not checked)',
  skip: 'skip (not checked)',
};

/** Roles read as figures: their columns can be what a variance is worked out from. */
const FIGURE_ROLES = new Set([
  'budget',
  'original budget',
  'approved budget',
  'revised budget',
  'additions',
  'forecast',
  'actual',
  'variance',
  'all-years budget',
  'all-years forecast',
  'year',
  'quarter',
  'row total',
  'amount',
]);

/** Figure columns to the left that "variance = X − Y" is offered over (nearest first). */
const OPERANDS = 4;

/**
 * A column as it is named to the user: its letter and heading.
 *
 * @example
 * columnName({ column: 'G', header: 'Variance', role: 'variance', checked: true }); // 'G (Variance)'
 */
export function columnName(column: ColumnReading): string {
  return column.header ? `${column.column} (${column.header})` : column.column;
}

/**
 * A saved value in words: `E-D` as `E − D`, a role as itself.
 *
 * @example
 * choiceInWords('E-D'); // 'E − D'
 */
export function choiceInWords(value: string): string {
  return value.replace(/-/g, ' − ').replace(/\+/g, ' + ');
}

/**
 * The columns a picker is shown for: every column with a heading or a role.
 *
 * @example
 * pickableColumns(reading).map((c) => c.column); // ['A', 'B', 'C', 'D']
 */
export function pickableColumns(reading: TableReading): ColumnReading[] {
  return reading.columns.filter((column) => !(column.role === 'blank' && column.header === ''));
}

/**
 * The choices for one column: as read, each role, and a variance or a sum of two figure columns
 * to its left (the nearest four), plus the saved choice if it is none of these.
 *
 * @example
 * roleChoices(reading, 'D', undefined)[0]; // { value: '', text: 'as read: variance = C − B' }
 */
export function roleChoices(
  reading: TableReading,
  letters: string,
  saved: string | undefined,
): RoleChoice[] {
  const columns = pickableColumns(reading);
  const at = columns.findIndex((column) => column.column === letters);
  const self = columns[at];
  // With a saved choice the reading shows that choice, not what Check would make of the column.
  const asRead =
    saved !== undefined || !self
      ? 'as Check reads it'
      : `as read: ${self.role}${self.worksOut ? ` = ${self.worksOut.replace(/ - /g, ' − ')}` : ''}`;
  const choices: RoleChoice[] = [{ value: '', text: asRead }];
  for (const role of OVERRIDE_ROLES) choices.push({ value: role, text: ROLE_WORDS[role] ?? role });
  const operands = columns
    .slice(0, Math.max(at, 0))
    .filter((column) => FIGURE_ROLES.has(column.role))
    .slice(-OPERANDS);
  for (const plus of operands)
    for (const minus of operands) {
      if (plus === minus) continue;
      choices.push({
        value: `${plus.column}-${minus.column}`,
        text: `variance = ${plus.column} − ${minus.column}${plus.header && minus.header ? ` (${plus.header} − ${minus.header})` : ''}`,
      });
    }
  operands.forEach((first, i) => {
    for (const second of operands.slice(i + 1))
      choices.push({
        value: `${first.column}+${second.column}`,
        text: `revised = ${first.column} + ${second.column}${first.header && second.header ? ` (${first.header} + ${second.header})` : ''}`,
      });
  });
  if (saved && !choices.some((choice) => choice.value === saved))
    choices.push({ value: saved, text: `= ${choiceInWords(saved)}` });
  return choices;
}

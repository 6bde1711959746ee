/**
 * `number-as-text` and `not-a-number`: figures pasted as text, and cells in a figure column that
 * cannot be read as a figure at all.
 */
import { HEADER, TITLE } from '../grid/rowKind';
import { type CheckContext, report } from './context';

/** Findings of each rule listed one by one before the rest are summed up in one finding. */
export const MAX_LISTED = 100;

/**
 * Reports every text figure (read, with a warning) and every unreadable figure (an error).
 *
 * @example
 * reportOddFigures(context); // a warning for '2.6' stored as text, an error for 'TBC' under Budget
 */
export function reportOddFigures(context: CheckContext): void {
  let asText = 0;
  let unreadable = 0;
  for (const odd of context.scan.oddFigures) {
    const kind = context.scan.kinds[odd.row];
    if (kind === TITLE || kind === HEADER) continue;
    const header = context.prepared.columns[odd.column].header || 'a figure column';
    if (odd.readable) {
      if (++asText <= MAX_LISTED) {
        report(context, {
          rule: 'number-as-text',
          severity: 'warning',
          row: odd.row,
          column: odd.column,
          message: `'${odd.shown}' under ${header} is stored as text: it was read as a figure, but Excel will not add it up. Convert it to a number (e.g. Data > Text to Columns)`,
          actual: odd.shown,
        });
      }
    } else if (++unreadable <= MAX_LISTED) {
      const what = odd.problem
        ? `The cell under ${header} ${odd.problem}`
        : `Cannot read '${odd.shown}' under ${header} as a figure`;
      report(context, {
        rule: 'not-a-number',
        severity: 'error',
        row: odd.row,
        column: odd.column,
        message: `${what}: write a number such as 2.6 or (0.3), or leave the cell blank`,
        actual: odd.shown,
      });
    }
  }
  if (asText > MAX_LISTED)
    summarise(
      context,
      'number-as-text',
      `${asText - MAX_LISTED} more figures in this table are stored as text: convert the figure columns to numbers`,
    );
  if (unreadable > MAX_LISTED)
    summarise(
      context,
      'not-a-number',
      `${unreadable - MAX_LISTED} more cells in figure columns cannot be read as figures: write numbers or leave them blank`,
    );
}

function summarise(
  context: CheckContext,
  rule: 'number-as-text' | 'not-a-number',
  message: string,
): void {
  const severity = rule === 'number-as-text' ? 'warning' : 'error';
  context.findings.push(
    context.grid.sheet !== undefined
      ? { rule, severity, sheet: context.grid.sheet, message }
      : { rule, severity, message },
  );
}

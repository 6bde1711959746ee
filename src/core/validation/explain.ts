/**
 * The reading of a table in a few readable lines (`check --explain`, the task pane's list).
 */
import type { TableReading } from './reading';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The reading as lines of text: the columns, the rows, what was checked and what was not.
 *
 * @example
 * formatReading(reading);
 * // ['Columns: A label; B revised budget; C actual; D variance = C - B (Actual less Budget) ...', ...]
 */
export function formatReading(reading: TableReading): string[] {
  const lines: string[] = [];
  const { checked } = reading;
  lines.push(
    `Checked ${plural(checked.total, 'figure')}: ${checked.exact} exact, ${checked.withinRounding} within rounding, ${checked.wrong} wrong`,
  );
  if (reading.headerRows.length > 0)
    lines.push(
      `Header: ${reading.headerRows.length === 1 ? 'row' : 'rows'} ${reading.headerRows.join(', ')}`,
    );
  lines.push('Columns:');
  for (const column of reading.columns) {
    if (column.role === 'blank' && column.header === '') continue;
    const header = column.header ? ` '${column.header}'` : '';
    const how = column.worksOut ? ` = ${column.worksOut}` : '';
    const user = column.setByUser ? ' (set by you)' : '';
    const state = column.checked
      ? 'checked'
      : `not checked: ${column.reason ?? 'no check reads it'}`;
    lines.push(`  ${column.column}${header}: ${column.role}${how}${user} - ${state}`);
  }
  if (reading.relations.length > 0) {
    lines.push('Relations:');
    for (const relation of reading.relations) {
      const convention = relation.convention ? `, ${relation.convention}` : '';
      lines.push(
        `  ${relation.formula} (${relation.words}${convention}; ${relation.kind}, from the ${relation.source === 'override' ? 'override' : relation.source === 'header' ? 'header and figures' : 'figures'}): ${plural(relation.checked, 'row')} checked, ${relation.exact} exact, ${relation.withinRounding} within rounding, ${relation.wrong} wrong`,
      );
    }
  }
  if (reading.headings.length > 0) lines.push(`Headings: rows ${reading.headings.join(', ')}`);
  for (const group of reading.groups)
    lines.push(`Group '${group.name}' starts at row ${group.row}`);
  for (const block of reading.blocks) lines.push(`A table of its own starts at row ${block}`);
  for (const total of reading.totals) {
    lines.push(
      `  Total row ${total.row} '${total.label}' adds up ${total.over}: ${total.checked} checked, ${total.exact} exact, ${total.withinRounding} within rounding, ${total.wrong} wrong`,
    );
  }
  for (const row of reading.unchecked) lines.push(`  Row ${row.row} ${row.reason}`);
  for (const note of reading.notes) lines.push(`Note: ${note}`);
  return lines;
}

/** Lines the short summary keeps (the task pane's "what was checked"). */
const SHORT_LINES = 8;

/**
 * A few lines on what was checked, for a small space: the count, each relation, the totals, and
 * each column or row left unchecked with why.
 *
 * @example
 * summariseReading(reading);
 * // ['64 figures checked: 62 exact, 2 within rounding, 0 wrong', 'Variance G = F - E (...): 10 rows', ...]
 */
export function summariseReading(reading: TableReading): string[] {
  const { checked } = reading;
  const lines = [
    `${plural(checked.total, 'figure')} checked: ${checked.exact} exact, ${checked.withinRounding} within rounding, ${checked.wrong} wrong`,
  ];
  if (reading.totals.length > 0)
    lines.push(`${plural(reading.totals.length, 'total row')} added up`);
  for (const relation of reading.relations) {
    const what =
      relation.kind === 'variance'
        ? 'Variance'
        : relation.kind === 'revised'
          ? 'Revised'
          : 'Row total';
    lines.push(
      `${what} ${relation.formula} (${relation.words}): ${plural(relation.checked, 'row')}`,
    );
  }
  const words = new Set(['label', 'ref', 'group', 'status', 'blank', 'phasing']);
  for (const column of reading.columns) {
    if (column.checked || words.has(column.role) || column.header === '') continue;
    lines.push(`Column ${column.column} '${column.header}' not checked: ${column.reason ?? ''}`);
  }
  for (const row of reading.unchecked) lines.push(`Row ${row.row}: ${row.reason}`);
  for (const note of reading.notes) if (!/^Period columns checked/.test(note)) lines.push(note);
  return lines.length <= SHORT_LINES
    ? lines
    : [
        ...lines.slice(0, SHORT_LINES - 1),
        `and ${lines.length - SHORT_LINES + 1} more (see check --explain)`,
      ];
}

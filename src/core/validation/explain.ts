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

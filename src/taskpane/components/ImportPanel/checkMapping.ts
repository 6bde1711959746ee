import type { ColumnRole, ImportColumn } from '../../services';
import { ROLE_LABELS } from './ImportPanel.types';

/** Roles that many columns may share. */
const SHAREABLE: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'period',
  'markers',
  'ignore',
  'description',
  'impact',
]);

/**
 * Problems with a column mapping that would make a wrong table: no scheme or budget column, or two
 * columns claiming the same role. Empty when the mapping can be imported.
 *
 * @example
 * checkMapping([{ index: 0, header: 'Area', role: 'scheme' }]);
 * // ['Choose the column that holds the approved budget (e.g. "Capital £m").']
 */
export function checkMapping(columns: readonly ImportColumn[]): string[] {
  const problems: string[] = [];
  const roles = columns.map((column) => column.role);
  if (!roles.includes('scheme'))
    problems.push('Choose the column that holds the scheme names (e.g. "Area for investment").');
  if (!roles.includes('approvedBudget'))
    problems.push('Choose the column that holds the approved budget (e.g. "Capital £m").');
  const seen = new Map<ColumnRole, string>();
  for (const column of columns) {
    if (SHAREABLE.has(column.role)) continue;
    const earlier = seen.get(column.role);
    if (earlier !== undefined) {
      problems.push(
        `"${earlier}" and "${column.header}" are both marked ${ROLE_LABELS[column.role]}: keep one and mark the other "Leave out".`,
      );
    } else {
      seen.set(column.role, column.header);
    }
  }
  return problems;
}

import type { ActualsChoices, LedgerMapping } from '../../services';

/** A column role in the ledger mapping, as the preview's drop-downs offer it. */
export type LedgerRole = keyof LedgerMapping | 'ignore';

/** What each role is called in the mapping preview. */
export const LEDGER_ROLE_LABELS: Record<LedgerRole, string> = {
  ref: 'Scheme ref',
  costCode: 'Cost code',
  date: 'Date',
  period: 'Period',
  year: 'Financial year',
  amount: 'Amount',
  description: 'Description',
  ignore: 'Not used',
};

/** The role of each column under a mapping (a column not in it is not used). */
export function rolesOf(mapping: LedgerMapping, columns: number): LedgerRole[] {
  const roles: LedgerRole[] = Array.from({ length: columns }, () => 'ignore');
  for (const [role, column] of Object.entries(mapping) as [keyof LedgerMapping, number][])
    if (column !== undefined && column >= 0 && column < columns) roles[column] = role;
  return roles;
}

/**
 * The mapping after giving `column` the role `role`: a role held by another column moves here.
 *
 * @example
 * withRole({ ref: 0, period: 1, amount: 2 }, 1, 'date'); // { ref: 0, date: 1, amount: 2 }
 */
export function withRole(mapping: LedgerMapping, column: number, role: LedgerRole): LedgerMapping {
  const next: Partial<Record<keyof LedgerMapping, number>> = {};
  for (const [key, at] of Object.entries(mapping) as [keyof LedgerMapping, number][])
    if (at !== column && key !== role && at !== undefined) next[key] = at;
  if (role !== 'ignore') next[role] = column;
  return next as LedgerMapping;
}

/**
 * What is missing from a mapping before the ledger can be read, in words; empty when it is whole.
 *
 * @example
 * mappingProblems({ ref: 0, amount: 2 } as LedgerMapping); // ['Choose the column with the date or the period of each line.']
 */
export function mappingProblems(mapping: Partial<LedgerMapping>): string[] {
  const problems: string[] = [];
  if (mapping.ref === undefined && mapping.costCode === undefined)
    problems.push('Choose the column with the scheme ref or cost code of each line.');
  if (mapping.date === undefined && mapping.period === undefined)
    problems.push('Choose the column with the date or the period of each line.');
  if (mapping.amount === undefined)
    problems.push('Choose the column with the amount of each line.');
  return problems;
}

/** The choices offered before anything is decided: nothing questionable is brought in by default. */
export const CAREFUL_CHOICES: ActualsChoices = {
  unknownRefs: 'leave-out',
  repeats: 'bring-in',
  alreadyIn: 'leave-out',
};

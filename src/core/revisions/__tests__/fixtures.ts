import { fromNumber } from '../../money/decimal';
import type { BudgetRevision } from '../types';

/** A revision with the fields a test does not care about filled in. */
export function revision(
  fields: Partial<BudgetRevision> & Pick<BudgetRevision, 'kind' | 'amount'>,
): BudgetRevision {
  return {
    ref: 'CMS-01',
    date: { year: 2019, month: 4, day: 1 },
    reason: 'test',
    reference: 'DD-1',
    ...fields,
  };
}

/** The case management system of DOMAIN.md: £3.100m, +0.420, +0.875, virement -0.150 -> £4.245m. */
export const caseManagement: BudgetRevision[] = [
  revision({
    kind: 'virement',
    amount: fromNumber(-0.15),
    date: { year: 2020, month: 2, day: 3 },
    reason: 'To HR system',
    reference: 'CAB-12',
  }),
  revision({
    kind: 'addition',
    amount: fromNumber(0.42),
    date: { year: 2019, month: 1, day: 15 },
    reason: 'New module, extra specialist support',
    reference: 'CAB-07',
  }),
  revision({
    kind: 'addition',
    amount: fromNumber(0.875),
    date: { year: 2019, month: 9, day: 10 },
    reason: 'Go-live support',
    reference: 'CAB-09',
  }),
];

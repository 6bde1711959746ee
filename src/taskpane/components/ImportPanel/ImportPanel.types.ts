import type { ColumnRole } from '../../services';

/** What each column role is called in the pane. */
export const ROLE_LABELS: Record<ColumnRole, string> = {
  ref: 'Ref',
  status: 'Status',
  area: 'Area',
  scheme: 'Scheme',
  description: 'Description',
  impact: 'Impact',
  approvedBudget: 'Approved budget',
  revisedBudget: 'Revised budget',
  phasing: 'Phasing',
  profile: 'Profile',
  fundingSource: 'Funding source',
  budgetHolder: 'Budget holder',
  period: 'Quarter or year amount',
  markers: 'Quarters marked (Q1-4, ✓)',
  ignore: 'Leave out',
};

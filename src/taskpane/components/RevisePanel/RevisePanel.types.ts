import type { NextStepProps } from '../NoProgramme/NoProgramme.types';
import type { RevisionKind } from '../../services';

/** The revision form as typed. */
export interface RevisionFormValues {
  /** Ref of the chosen scheme ('' until one is chosen). */
  ref: string;
  /** `YYYY-MM-DD`, as a date input gives it. */
  date: string;
  kind: RevisionKind;
  amount: string;
  reason: string;
  reference: string;
  approvedBy: string;
  /** For a re-profile: the first calendar year of the year money moves out of ('' until chosen). */
  fromYear: string;
  /** For a re-profile: the year money moves into ('' until chosen). */
  toYear: string;
}

/** Fields the form can complain about. */
export type RevisionField =
  'ref' | 'date' | 'amount' | 'fromYear' | 'toYear' | 'reason' | 'reference' | 'approvedBy';

/** A message per wrong field. */
export type RevisionFormErrors = Partial<Record<RevisionField, string>>;

/** Words for each kind of change, as the form shows them. */
export const REVISION_KIND_LABELS: Record<RevisionKind, string> = {
  addition: 'Addition',
  reduction: 'Reduction',
  virement: 'Virement (transfer)',
  're-profile': 'Re-profile between years',
};

/** Props of {@link RevisePanel}. */
export interface RevisePanelProps extends NextStepProps {
  /** True while its tab is shown: the scheme list is re-read each time it becomes true. */
  active?: boolean;
}

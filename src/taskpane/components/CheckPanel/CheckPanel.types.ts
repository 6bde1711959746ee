import type { Finding, Severity } from '../../../core';

/** Props of {@link FindingsList}. */
export interface FindingsListProps {
  findings: readonly Finding[];
  /** What was checked, e.g. `Programme!A1:W40`, for the "no problems" message. */
  address: string;
}

/** How each severity is headed in the list. */
export const SEVERITY_HEADINGS: Record<Severity, string> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Notes',
};

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

/** Props of {@link CheckPanel}. */
export interface CheckPanelProps {
  /**
   * True while its tab is shown (the default): only then does an Undo of the reading check again
   * by itself; a hidden panel marks its results out of date and checks again when shown.
   */
  active?: boolean;
}

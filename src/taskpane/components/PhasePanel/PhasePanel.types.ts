import type { PhaseReport } from '../../services';

/** Props of {@link PhaseResult}. */
export interface PhaseResultProps {
  report: PhaseReport;
}

import type { InYearSummary } from '../../services';

/** Props of {@link InYearResult}. */
export interface InYearResultProps {
  /** What Gather did to the in-year sheets. */
  inYear: InYearSummary;
}

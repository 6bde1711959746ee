import type { MonitoringSummary } from '../../services';

/** Props of {@link MonitoringSummaryView}. */
export interface MonitoringSummaryViewProps {
  summary: MonitoringSummary;
  /** Programme unit, for the figures. */
  unit: string;
  decimals: number;
}

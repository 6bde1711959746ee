import type { PaneUnit, VarianceConvention } from '../../services';

/** The settings form as typed. */
export interface SettingsFormValues {
  fiscalYearStartMonth: number;
  unit: PaneUnit;
  decimals: string;
  /** Blank for no absolute threshold. */
  thresholdAbsolute: string;
  /** Blank for no percentage threshold. */
  thresholdPercent: string;
  amberPercent: string;
  redPercent: string;
  convention: VarianceConvention;
  /** The financial year being monitored as written (`2016/17`); blank for not set. */
  monitoringYear: string;
  /** The period being monitored, '1'..'12'; blank for not set. */
  monitoringPeriod: string;
}

/** Fields the form can complain about. */
export type SettingsField =
  | 'decimals'
  | 'thresholdAbsolute'
  | 'thresholdPercent'
  | 'amberPercent'
  | 'redPercent'
  | 'monitoringYear';

/** A message per wrong field. */
export type SettingsFormErrors = Partial<Record<SettingsField, string>>;

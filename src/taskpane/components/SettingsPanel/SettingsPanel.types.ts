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
}

/** Fields the form can complain about. */
export type SettingsField =
  'decimals' | 'thresholdAbsolute' | 'thresholdPercent' | 'amberPercent' | 'redPercent';

/** A message per wrong field. */
export type SettingsFormErrors = Partial<Record<SettingsField, string>>;

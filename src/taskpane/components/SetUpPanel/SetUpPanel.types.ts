import type { NextStepProps } from '../NoProgramme/NoProgramme.types';
import type { PeriodKind, PaneUnit } from '../../services';

/** The set-up form as typed (text until it is checked). */
export interface SetUpFormValues {
  firstYear: string;
  years: string;
  periods: PeriodKind;
  unit: PaneUnit;
  fillWithSample: boolean;
}

/** Messages for the fields that are wrong. */
export type SetUpFormErrors = Partial<Record<'firstYear' | 'years', string>>;

/** Props of {@link SetUpPanel}: it reads actions and settings from context. */
export interface SetUpPanelProps extends NextStepProps {
  /** Fiscal year the form starts with (the current one by default). */
  initialFirstYear?: number;
}

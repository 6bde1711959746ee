/**
 * The settings a workbook has until it saves its own. A module of its own, with no Office.js, so
 * that the task pane shows the very defaults the adapter falls back to without loading the adapter.
 */
import type { PlannerSettings } from './types';

/** The UK defaults: April year, £m to one decimal place, flag over 10% or £0.1m. */
export const DEFAULT_SETTINGS: PlannerSettings = {
  fiscalYearStartMonth: 4,
  unit: '£m',
  decimals: 1,
  thresholdAbsolute: 0.1,
  thresholdPercent: 10,
  amberPercent: 5,
  redPercent: 10,
  convention: 'budget-minus-forecast',
};

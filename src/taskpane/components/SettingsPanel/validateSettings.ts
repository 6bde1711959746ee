import {
  compare,
  formatFiscalYear,
  parseFiscalYear,
  toNumber,
  ZERO,
  type Month,
} from '../../../core';
import { parseMoney } from '../../../core';
import type { PaneSettings } from '../../services';
import type { SettingsFormErrors, SettingsFormValues } from './SettingsPanel.types';

/** Most decimal places the programme can show. */
export const MAX_DECIMALS = 4;

function readPercent(text: string, max: number): number | undefined {
  const trimmed = text.trim().replace(/%$/, '').trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value <= max ? value : undefined;
}

/**
 * The form values for saved settings.
 *
 * @example
 * settingsToForm(DEFAULT_SETTINGS).thresholdAbsolute; // '0.1'
 */
export function settingsToForm(settings: PaneSettings): SettingsFormValues {
  return {
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    unit: settings.unit,
    decimals: String(settings.decimals),
    thresholdAbsolute:
      settings.thresholdAbsolute === null ? '' : String(settings.thresholdAbsolute),
    thresholdPercent: settings.thresholdPercent === null ? '' : String(settings.thresholdPercent),
    amberPercent: String(settings.amberPercent),
    redPercent: String(settings.redPercent),
    convention: settings.convention,
    monitoringYear:
      typeof settings.monitoringYear === 'number'
        ? formatFiscalYear(settings.monitoringYear, settings.fiscalYearStartMonth as Month)
        : '',
    monitoringPeriod:
      typeof settings.monitoringPeriod === 'number' ? String(settings.monitoringPeriod) : '',
  };
}

/**
 * Checks the settings form: settings to save, or a message per wrong field.
 *
 * @example
 * validateSettings({ ...settingsToForm(DEFAULT_SETTINGS), decimals: '7' });
 * // { ok: false, errors: { decimals: 'Write a whole number of decimal places from 0 to 4, e.g. 1.' } }
 */
export function validateSettings(
  values: SettingsFormValues,
): { ok: true; settings: PaneSettings } | { ok: false; errors: SettingsFormErrors } {
  const errors: SettingsFormErrors = {};
  const decimals = /^\d+$/.test(values.decimals.trim()) ? Number(values.decimals.trim()) : NaN;
  if (!(decimals >= 0 && decimals <= MAX_DECIMALS)) {
    errors.decimals = `Write a whole number of decimal places from 0 to ${MAX_DECIMALS}, e.g. 1.`;
  }

  let thresholdAbsolute: number | null = null;
  if (values.thresholdAbsolute.trim() !== '') {
    const parsed = parseMoney(values.thresholdAbsolute, {
      unit: values.unit,
      assumedUnit: values.unit,
    });
    if (!parsed.ok) errors.thresholdAbsolute = parsed.message;
    else if (compare(parsed.value.value, ZERO) < 0)
      errors.thresholdAbsolute = `A threshold is a size, not a direction: write it without a minus, e.g. 0.1 (${values.unit}).`;
    else thresholdAbsolute = toNumber(parsed.value.value);
  }

  let thresholdPercent: number | null = null;
  if (values.thresholdPercent.trim() !== '') {
    const percent = readPercent(values.thresholdPercent, 1000);
    if (percent === undefined)
      errors.thresholdPercent =
        'Write a percentage of budget, e.g. 10 for 10%, or leave blank for none.';
    else thresholdPercent = percent;
  }

  const amberPercent = readPercent(values.amberPercent, 1000);
  const redPercent = readPercent(values.redPercent, 1000);
  if (amberPercent === undefined) errors.amberPercent = 'Write a percentage of budget, e.g. 5.';
  if (redPercent === undefined) errors.redPercent = 'Write a percentage of budget, e.g. 10.';
  else if (amberPercent !== undefined && redPercent < amberPercent)
    errors.redPercent = `Red starts at or above Amber (${amberPercent}%): e.g. ${Math.max(amberPercent * 2, 10)}.`;

  let monitoringYear: number | null = null;
  if (values.monitoringYear.trim() !== '') {
    const year = parseFiscalYear(values.monitoringYear, values.fiscalYearStartMonth as Month);
    if (year.ok) monitoringYear = year.value;
    else errors.monitoringYear = 'Write the financial year as 2016/17, or leave it blank.';
  }
  const monitoringPeriod = values.monitoringPeriod === '' ? null : Number(values.monitoringPeriod);

  if (Object.keys(errors).length > 0 || amberPercent === undefined || redPercent === undefined)
    return { ok: false, errors };
  return {
    ok: true,
    settings: {
      fiscalYearStartMonth: values.fiscalYearStartMonth,
      unit: values.unit,
      decimals,
      thresholdAbsolute,
      thresholdPercent,
      amberPercent,
      redPercent,
      convention: values.convention,
      // Left out when blank: the settings sheet then shows them as not set.
      ...(monitoringYear !== null ? { monitoringYear } : {}),
      ...(monitoringPeriod !== null ? { monitoringPeriod } : {}),
    },
  };
}

/**
 * The settings sheet `_CapitalPlannerSettings`: one row per setting in a fixed order, so the
 * Monitoring formulas can read the thresholds and sign convention by address and a workbook
 * opened without the add-in still flags the same variances.
 */
import {
  formatFiscalYear,
  parseFiscalYear,
  readRagLimits,
  readThresholds,
  tryFromNumber,
  type MoneyUnit,
  type Month,
  type Parsed,
  type VarianceConvention,
} from '../core';
import { emptySheet, range, type SheetPlan } from './plan';

/** Settings kept in the workbook (hidden sheet `_CapitalPlannerSettings`), so they travel with it. */
export interface PlannerSettings {
  /** 1 = January ... 4 = April (UK default). */
  fiscalYearStartMonth: number;
  unit: MoneyUnit;
  decimals: number;
  /** Flag a variance above this amount (in `unit`); null = no absolute threshold. */
  thresholdAbsolute: number | null;
  /** Flag a variance above this % of budget (10 = 10%); null = none. */
  thresholdPercent: number | null;
  /** RAG: Amber above this % of budget, Red above `redPercent`. */
  amberPercent: number;
  redPercent: number;
  convention: VarianceConvention;
  /**
   * The financial year being monitored, as the calendar year it starts in (2016 = 2016/17);
   * absent or null = not set. Periods written without a year (`P8`) belong to it.
   */
  monitoringYear?: number | null;
  /** The period being monitored, 1..12 (P8 = November in an April year); absent or null = not set. */
  monitoringPeriod?: number | null;
}

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

/** Name of the hidden settings sheet. */
export const SETTINGS_SHEET = '_CapitalPlannerSettings';

export type SettingKey = keyof PlannerSettings;

/** One row per setting, in a fixed order: formulas refer to these cells by address. */
export const SETTINGS_LAYOUT: readonly { key: SettingKey; meaning: string }[] = [
  {
    key: 'fiscalYearStartMonth',
    meaning: 'Month the financial year starts (1 = January, 4 = April)',
  },
  { key: 'unit', meaning: 'Money unit of the programme: £, £k, £m or £bn' },
  { key: 'decimals', meaning: 'Decimal places shown and phased to' },
  {
    key: 'thresholdAbsolute',
    meaning: 'Explain variances larger than this amount (blank = no absolute limit)',
  },
  {
    key: 'thresholdPercent',
    meaning: 'Explain variances larger than this % of budget (blank = no % limit)',
  },
  {
    key: 'amberPercent',
    meaning: 'RAG Amber when forecast overspend is more than this % of budget',
  },
  { key: 'redPercent', meaning: 'RAG Red when forecast overspend is more than this % of budget' },
  { key: 'convention', meaning: 'Variance sign: budget-minus-forecast or forecast-minus-budget' },
  // Added last: formulas refer to the rows above by address, so they never move.
  {
    key: 'monitoringYear',
    meaning: 'Financial year being monitored, e.g. 2016/17 (blank = not set)',
  },
  {
    key: 'monitoringPeriod',
    meaning: 'Period being monitored, 1 to 12 (8 = P8, November in an April year; blank = not set)',
  },
];

/** Rows of the settings sheet, header included. */
export const SETTINGS_ROWS = SETTINGS_LAYOUT.length + 1;

const UNITS: readonly MoneyUnit[] = ['£', '£k', '£m', '£bn'];
const CONVENTIONS: readonly VarianceConvention[] = [
  'budget-minus-forecast',
  'forecast-minus-budget',
];

/**
 * Absolute address of a setting's value cell, for native formulas.
 *
 * @example
 * settingCell('thresholdPercent'); // "'_CapitalPlannerSettings'!$B$6"
 */
export function settingCell(key: SettingKey): string {
  const row = SETTINGS_LAYOUT.findIndex((entry) => entry.key === key) + 2;
  return `'${SETTINGS_SHEET}'!$B$${row}`;
}

/**
 * The settings sheet: Setting, Value, Meaning; hidden (not very hidden: anyone can unhide it to
 * see the council's rules).
 *
 * @example
 * planSettingsSheet(DEFAULT_SETTINGS).cells[4]; // ['thresholdAbsolute', 0.1, 'Explain variances ...']
 */
export function planSettingsSheet(settings: PlannerSettings): SheetPlan {
  const plan = emptySheet(SETTINGS_SHEET);
  plan.cells = [
    ['Setting', 'Value', 'Meaning'],
    ...SETTINGS_LAYOUT.map(({ key, meaning }) => {
      const value = settings[key];
      // The year as a finance officer writes it (2016/17), readable on the unhidden sheet.
      if (key === 'monitoringYear')
        return [
          key,
          typeof value === 'number'
            ? formatFiscalYear(value, settings.fiscalYearStartMonth as Month)
            : '',
          meaning,
        ];
      return [key, value ?? '', meaning];
    }),
  ];
  plan.hidden = true;
  return plan;
}

/** The settings sheet's value rows as a grid (what a writer puts in A1:C9). */
export const SETTINGS_RANGE = range(0, 0, SETTINGS_ROWS, 3);

function readNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Checks settings as the user gave them; a problem is a message saying how to write it.
 *
 * @example
 * validateSettings({ ...DEFAULT_SETTINGS, decimals: 9 }); // { ok: false, message: 'Decimal places ...' }
 */
export function validateSettings(settings: PlannerSettings): Parsed<PlannerSettings> {
  const month = settings.fiscalYearStartMonth;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    return {
      ok: false,
      message: `The financial year start month ${String(month)} cannot be used: write a month number from 1 to 12, e.g. 4 for April`,
    };
  }
  if (!UNITS.includes(settings.unit))
    return {
      ok: false,
      message: `The unit ${String(settings.unit)} cannot be used: choose £, £k, £m or £bn`,
    };
  if (!Number.isInteger(settings.decimals) || settings.decimals < 0 || settings.decimals > 6) {
    return {
      ok: false,
      message: `Decimal places ${String(settings.decimals)} cannot be used: write a whole number from 0 to 6, e.g. 1 for £0.1m`,
    };
  }
  const absolute =
    settings.thresholdAbsolute === null ? undefined : tryFromNumber(settings.thresholdAbsolute);
  if (settings.thresholdAbsolute !== null && absolute === undefined) {
    return {
      ok: false,
      message:
        'The absolute threshold cannot be read: write an amount such as 0.1, or leave it blank',
    };
  }
  const thresholds = readThresholds(absolute, settings.thresholdPercent ?? undefined);
  if (!thresholds.ok) return thresholds;
  const rag = readRagLimits(settings.amberPercent, settings.redPercent);
  if (!rag.ok) return rag;
  if (!CONVENTIONS.includes(settings.convention)) {
    return {
      ok: false,
      message: `The sign convention ${String(settings.convention)} cannot be used: choose budget-minus-forecast or forecast-minus-budget`,
    };
  }
  const year = settings.monitoringYear;
  if (
    year !== undefined &&
    year !== null &&
    (!Number.isInteger(year) || year < 1900 || year > 2200)
  )
    return {
      ok: false,
      message: `The financial year being monitored ${String(year)} cannot be used: write it as 2016/17, or leave it blank`,
    };
  const period = settings.monitoringPeriod;
  if (
    period !== undefined &&
    period !== null &&
    (!Number.isInteger(period) || period < 1 || period > 12)
  )
    return {
      ok: false,
      message: `The period being monitored ${String(period)} cannot be used: write a period from 1 to 12 (8 for P8), or leave it blank`,
    };
  return { ok: true, value: settings };
}

function readMonitoringYear(value: unknown, startMonth: number): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const read = parseFiscalYear(value, startMonth as Month);
  return read.ok ? read.value : null;
}

/**
 * Reads settings from the sheet's Setting and Value columns; anything unreadable falls back to the default.
 *
 * @example
 * parseSettings([['Setting', 'Value'], ['decimals', 2]]).decimals; // 2
 */
export function parseSettings(
  values: readonly (readonly unknown[])[] | undefined,
): PlannerSettings {
  if (!values) return { ...DEFAULT_SETTINGS };
  const found: Partial<Record<SettingKey, unknown>> = {};
  for (const row of values) {
    const key = SETTINGS_LAYOUT.find((entry) => entry.key === row[0])?.key;
    if (key) found[key] = row[1];
  }
  const candidate: PlannerSettings = {
    fiscalYearStartMonth:
      readNumber(found.fiscalYearStartMonth) ?? DEFAULT_SETTINGS.fiscalYearStartMonth,
    unit: UNITS.find((u) => u === found.unit) ?? DEFAULT_SETTINGS.unit,
    decimals: readNumber(found.decimals) ?? DEFAULT_SETTINGS.decimals,
    thresholdAbsolute:
      found.thresholdAbsolute === ''
        ? null
        : (readNumber(found.thresholdAbsolute) ?? DEFAULT_SETTINGS.thresholdAbsolute),
    thresholdPercent:
      found.thresholdPercent === ''
        ? null
        : (readNumber(found.thresholdPercent) ?? DEFAULT_SETTINGS.thresholdPercent),
    amberPercent: readNumber(found.amberPercent) ?? DEFAULT_SETTINGS.amberPercent,
    redPercent: readNumber(found.redPercent) ?? DEFAULT_SETTINGS.redPercent,
    convention: CONVENTIONS.find((c) => c === found.convention) ?? DEFAULT_SETTINGS.convention,
  };
  const startMonth = candidate.fiscalYearStartMonth;
  const year = readMonitoringYear(found.monitoringYear, startMonth);
  const period = readNumber(found.monitoringPeriod) ?? null;
  // Only when saved: a workbook from before these settings reads exactly as it did.
  if (year !== null) candidate.monitoringYear = year;
  if (period !== null && Number.isInteger(period) && period >= 1 && period <= 12)
    candidate.monitoringPeriod = period;
  return validateSettings(candidate).ok ? candidate : { ...DEFAULT_SETTINGS };
}

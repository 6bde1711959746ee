/**
 * Settings kept in the workbook so they travel with it, on a hidden sheet `_CapitalPlannerSettings`.
 *
 * Why a sheet rather than `Office.context.document.settings` or a custom XML part: the Monitoring
 * sheet's native formulas read the thresholds and sign convention straight from these cells, so a
 * budget holder without the add-in still gets the same flags, and anyone can unhide the sheet to
 * see (and change) the council's rules. Document settings and XML parts are invisible without the
 * add-in and cannot be referenced by a formula.
 */
import { readRagLimits, readThresholds } from '../core/monitoring';
import { tryFromNumber } from '../core/money/decimal';
import { runAction } from './action';
import { asTextCell } from './cellText';
import { DEFAULT_SETTINGS } from './defaultSettings';
import { excelRun } from './excelRun';
import { PROGRAMME_TABLE } from './programmeLayout';
import { rememberChange } from './undo';
import type { ActionResult, MoneyUnit, PlannerSettings, VarianceConvention } from './types';

/** Name of the hidden settings sheet. */
export const SETTINGS_SHEET = '_CapitalPlannerSettings';

// Still exported here, beside readSettings, where the adapter's callers and tests look for it.
export { DEFAULT_SETTINGS };

type SettingKey = keyof PlannerSettings;

/** One row per setting, in a fixed order: formulas refer to these cells by address. */
const LAYOUT: readonly { key: SettingKey; meaning: string }[] = [
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
];

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
  const row = LAYOUT.findIndex((entry) => entry.key === key) + 2;
  return `'${SETTINGS_SHEET}'!$B$${row}`;
}

function readNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Checks settings as the user gave them; a problem is a message saying how to write it.
 *
 * @example
 * validateSettings({ ...DEFAULT_SETTINGS, decimals: 9 }); // { ok: false, message: 'Decimal places ...' }
 */
export function validateSettings(settings: PlannerSettings): ActionResult<PlannerSettings> {
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
  return { ok: true, value: settings };
}

/** Reads settings from the sheet's value column; anything unreadable falls back to the default. */
export function parseSettings(
  values: readonly (readonly unknown[])[] | undefined,
): PlannerSettings {
  if (!values) return { ...DEFAULT_SETTINGS };
  const found: Partial<Record<SettingKey, unknown>> = {};
  for (const row of values) {
    const key = LAYOUT.find((entry) => entry.key === row[0])?.key;
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
  return validateSettings(candidate).ok ? candidate : { ...DEFAULT_SETTINGS };
}

/**
 * Queues a read of the settings in an open batch; call the returned function after the sync.
 *
 * @example
 * const settingsAfterSync = queueSettingsRead(context); await context.sync(); const settings = settingsAfterSync();
 */
export function queueSettingsRead(
  context: Excel.RequestContext,
): () => { settings: PlannerSettings; saved: boolean } {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  sheet.load('name');
  const range = sheet.getRangeByIndexes(0, 0, LAYOUT.length + 1, 2);
  range.load('values');
  return () =>
    sheet.isNullObject
      ? { settings: { ...DEFAULT_SETTINGS }, saved: false }
      : { settings: parseSettings(range.values), saved: true };
}

/** The settings sheet's cells, header included. */
function settingsGrid(settings: PlannerSettings): (string | number)[][] {
  return [
    ['Setting', 'Value', 'Meaning'],
    ...LAYOUT.map(({ key, meaning }) => {
      const value = settings[key];
      return [
        key,
        value === null ? '' : typeof value === 'string' ? asTextCell(value) : value,
        asTextCell(meaning),
      ];
    }),
  ];
}

/**
 * Queues writing the settings sheet (creating it hidden when missing) in an open batch.
 *
 * @example
 * queueSettingsWrite(context, settings, false);
 */
export function queueSettingsWrite(
  context: Excel.RequestContext,
  settings: PlannerSettings,
  exists: boolean,
): void {
  const sheet = exists
    ? context.workbook.worksheets.getItem(SETTINGS_SHEET)
    : context.workbook.worksheets.add(SETTINGS_SHEET);
  const grid = settingsGrid(settings);
  sheet.getRangeByIndexes(0, 0, grid.length, 3).values = grid;
  // Hidden, not very hidden: anyone can unhide it to see the council's rules.
  if (!exists) sheet.visibility = 'Hidden';
}

/**
 * Reads the workbook's settings (defaults where none are saved).
 *
 * @example
 * const settings = await readSettings();
 */
export async function readSettings(): Promise<ActionResult<PlannerSettings>> {
  return runAction('Reading settings', () =>
    excelRun(async (context) => {
      const read = queueSettingsRead(context);
      await context.sync();
      return { ok: true, value: read().settings };
    }),
  );
}

/**
 * Why the unit cannot change, or undefined when it can. The Programme's figures are stored in its
 * unit; a new unit would relabel them, not convert them (£41.5m would read £41.5k), so a workbook
 * with a Programme keeps its unit.
 *
 * @example
 * unitChangeRefusal('£m', '£k', true); // 'The Programme's figures are in £m: ...'
 * unitChangeRefusal('£m', '£m', true); // undefined
 */
export function unitChangeRefusal(
  current: MoneyUnit,
  next: MoneyUnit,
  hasProgramme: boolean,
): string | undefined {
  if (current === next || !hasProgramme) return undefined;
  return `The Programme's figures are in ${current}: changing the unit to ${next} would relabel them, not convert them. Keep ${current} for this workbook (your other settings can still be saved), or set up a new programme in ${next}.`;
}

/**
 * Saves settings into the workbook; returns what was saved, or what is wrong with the input.
 *
 * @example
 * await saveSettings({ ...settings, thresholdPercent: 5 });
 */
export async function saveSettings(
  settings: PlannerSettings,
): Promise<ActionResult<PlannerSettings>> {
  const valid = validateSettings(settings);
  if (!valid.ok) return valid;
  return runAction('Saving settings', () =>
    excelRun(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
      sheet.load('name');
      const range = sheet.getRangeByIndexes(0, 0, LAYOUT.length + 1, 3);
      range.load('values, formulas, numberFormat');
      const programme = context.workbook.tables.getItemOrNullObject(PROGRAMME_TABLE);
      programme.load('name');
      await context.sync();
      const exists = !sheet.isNullObject;
      const current = exists ? parseSettings(range.values) : DEFAULT_SETTINGS;
      const refusal = unitChangeRefusal(current.unit, settings.unit, !programme.isNullObject);
      if (refusal) return { ok: false, message: refusal };
      queueSettingsWrite(context, settings, exists);
      await context.sync();
      rememberChange(
        exists
          ? {
              label: 'Save settings',
              addedSheets: [],
              blocks: [
                {
                  sheet: SETTINGS_SHEET,
                  top: 0,
                  left: 0,
                  values: range.values,
                  formulas: range.formulas,
                  numberFormat: range.numberFormat,
                },
              ],
            }
          : { label: 'Save settings', addedSheets: [SETTINGS_SHEET], blocks: [] },
      );
      return { ok: true, value: settings };
    }),
  );
}

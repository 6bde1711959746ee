/**
 * Settings kept in the workbook so they travel with it, on a hidden sheet `_CapitalPlannerSettings`.
 *
 * Why a sheet rather than `Office.context.document.settings` or a custom XML part: the Monitoring
 * sheet's native formulas read the thresholds and sign convention straight from these cells, so a
 * budget holder without the add-in still gets the same flags, and anyone can unhide the sheet to
 * see (and change) the council's rules. Document settings and XML parts are invisible without the
 * add-in and cannot be referenced by a formula.
 */
import {
  DEFAULT_SETTINGS,
  SETTINGS_SHEET,
  SETTINGS_ROWS,
  parseSettings,
  PROGRAMME_TABLE,
  planSettingsSheet,
  settingCell,
  validateSettings,
  type PlannerSettings,
} from '../workbook';
import { runAction } from './action';
import { excelRun } from './excelRun';
import { rememberChange } from './undo';
import type { ActionResult, MoneyUnit } from './types';
import { officeGrid } from './writePlan';

// Still exported here, beside readSettings, where the adapter's callers and tests look for them.
export { DEFAULT_SETTINGS, SETTINGS_SHEET, parseSettings, settingCell, validateSettings };

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
  const range = sheet.getRangeByIndexes(0, 0, SETTINGS_ROWS, 2);
  range.load('values');
  return () =>
    sheet.isNullObject
      ? { settings: { ...DEFAULT_SETTINGS }, saved: false }
      : { settings: parseSettings(range.values), saved: true };
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
  const plan = planSettingsSheet(settings);
  sheet.getRangeByIndexes(0, 0, plan.cells.length, 3).values = officeGrid(plan);
  // Hidden, not very hidden: anyone can unhide it to see the council's rules.
  if (!exists && plan.hidden) sheet.visibility = 'Hidden';
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
      const range = sheet.getRangeByIndexes(0, 0, SETTINGS_ROWS, 3);
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

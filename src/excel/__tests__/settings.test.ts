import { installFakeExcel, FakeWorkbook } from '../../../tests/support/fake-excel';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  readSettings,
  saveSettings,
  settingCell,
  validateSettings,
} from '../settings';
import { forgetChanges } from '../undo';

describe('settings in the workbook', () => {
  let workbook: FakeWorkbook;
  beforeEach(() => {
    workbook = installFakeExcel(globalThis);
    forgetChanges();
  });

  it('gives the UK defaults when none are saved', async () => {
    expect(await readSettings()).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('saves to a hidden sheet that travels with the workbook and reads them back', async () => {
    const mine = {
      ...DEFAULT_SETTINGS,
      fiscalYearStartMonth: 10,
      unit: '£k' as const,
      decimals: 0,
      thresholdAbsolute: null,
      thresholdPercent: 7.5,
      convention: 'forecast-minus-budget' as const,
    };
    expect(await saveSettings(mine)).toEqual({ ok: true, value: mine });
    expect(workbook.model.findSheet('_CapitalPlannerSettings')?.visibility).toBe('Hidden');
    expect(workbook.read('_CapitalPlannerSettings', 'A6:B6')).toEqual([['thresholdPercent', 7.5]]);
    expect(await readSettings()).toEqual({ ok: true, value: mine });
  });

  it.each([
    [{ fiscalYearStartMonth: 13 }, /month number from 1 to 12/],
    [{ decimals: 1.5 }, /whole number from 0 to 6/],
    [{ thresholdPercent: -5 }, /percentage threshold -5/],
    [{ amberPercent: 30, redPercent: 10 }, /amber/i],
    [{ thresholdAbsolute: Number.NaN }, /absolute threshold cannot be read/],
  ])('refuses %o with a message and saves nothing', async (change, message) => {
    const result = await saveSettings({ ...DEFAULT_SETTINGS, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
    expect(workbook.model.findSheet('_CapitalPlannerSettings')).toBeUndefined();
    expect(validateSettings({ ...DEFAULT_SETTINGS, ...change }).ok).toBe(false);
  });

  it('falls back to the defaults when the sheet was edited into nonsense', () => {
    expect(
      parseSettings([
        ['unit', 'dollars'],
        ['decimals', 'many'],
      ]),
    ).toEqual(DEFAULT_SETTINGS);
  });

  it('names the cells formulas read', () => {
    expect(settingCell('thresholdAbsolute')).toBe("'_CapitalPlannerSettings'!$B$5");
    expect(settingCell('convention')).toBe("'_CapitalPlannerSettings'!$B$9");
  });
});

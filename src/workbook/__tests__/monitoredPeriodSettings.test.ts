import {
  DEFAULT_SETTINGS,
  parseSettings,
  planSettingsSheet,
  settingCell,
  validateSettings,
} from '../settings';

describe('settings: the year and period being monitored', () => {
  it('writes the year as a finance officer reads it and reads it back', () => {
    const plan = planSettingsSheet({
      ...DEFAULT_SETTINGS,
      monitoringYear: 2016,
      monitoringPeriod: 8,
    });
    expect(plan.cells.slice(-2).map((row) => row.slice(0, 2))).toEqual([
      ['monitoringYear', '2016/17'],
      ['monitoringPeriod', 8],
    ]);
    expect(parseSettings(plan.cells as unknown[][])).toMatchObject({
      monitoringYear: 2016,
      monitoringPeriod: 8,
    });
  });

  it('leaves the rows formulas read where they were (new settings go last)', () => {
    expect(settingCell('convention')).toBe("'_CapitalPlannerSettings'!$B$9");
  });

  it('reads a workbook saved before these settings as not set, and blank as not set', () => {
    const old = planSettingsSheet(DEFAULT_SETTINGS).cells.slice(0, 9) as unknown[][];
    expect(parseSettings(old)).toEqual(DEFAULT_SETTINGS);
    const blank = planSettingsSheet(DEFAULT_SETTINGS).cells as unknown[][];
    expect(parseSettings(blank).monitoringYear).toBeUndefined();
  });

  it('refuses a period outside 1..12 with a message saying how to write it', () => {
    const checked = validateSettings({ ...DEFAULT_SETTINGS, monitoringPeriod: 13 });
    expect(!checked.ok && checked.message).toMatch(/from 1 to 12/);
  });
});

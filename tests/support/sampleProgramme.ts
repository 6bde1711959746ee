/**
 * The first step most adapter tests take: a fresh in-memory workbook (the Excel stand-in) with
 * the sample programme set up as the pane's Set up does it (2016/17 to 2019/20 by quarter, in £m,
 * with the sample schemes), and no undo history left over from another test.
 */
import { forgetChanges, readSettings, saveSettings, setUpProgramme } from '../../src/excel';
import { installFakeExcel, type FakeWorkbook } from './fake-excel';

/**
 * Installs a fresh stand-in workbook and sets up the sample programme in it.
 *
 * @example
 * beforeEach(async () => {
 *   workbook = await workbookWithSampleProgramme();
 * });
 */
export async function workbookWithSampleProgramme(): Promise<FakeWorkbook> {
  const workbook = installFakeExcel(globalThis);
  forgetChanges();
  const setUp = await setUpProgramme({
    firstYear: 2016,
    lastYear: 2019,
    periods: 'quarter',
    unit: '£m',
    withSample: true,
  });
  if (!setUp.ok) throw new Error(`the sample programme could not be set up: ${setUp.message}`);
  return workbook;
}

/**
 * The officer saves the Settings to monitor `year` at `period` (what Settings > Monitoring does);
 * throws when they cannot be saved, so a test never goes on at the wrong period.
 *
 * @example
 * await monitorAt(6); // 2016/17 P6
 */
export async function monitorAt(period: number, year = 2016): Promise<void> {
  const current = await readSettings();
  if (!current.ok) throw new Error(current.message);
  const saved = await saveSettings({
    ...current.value,
    monitoringYear: year,
    monitoringPeriod: period,
  });
  if (!saved.ok) throw new Error(saved.message);
}

/**
 * The first step most adapter tests take: a fresh in-memory workbook (the Excel stand-in) with
 * the sample programme set up as the pane's Set up does it (2016/17 to 2019/20 by quarter, in £m,
 * with the sample schemes), and no undo history left over from another test.
 */
import { forgetChanges, setUpProgramme } from '../../src/excel';
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

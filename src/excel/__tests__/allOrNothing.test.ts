/**
 * Set up and Bring in are all-or-nothing (issue 11, finding 1): if Excel fails part-way, after
 * sheets were added and cells written, everything goes back and the message says so. The failure
 * is played by making the last step of the write throw, as a dropped connection would.
 */
import { installFakeExcel, type FakeWorkbook } from '../../../tests/support/fake-excel';
import { ActionCancelled } from '../action';
import { BatchWriter } from '../batchWriter';
import { generateForecastSheets } from '../forecastSheets';
import { importSelection, previewSelection } from '../importSelection';
import { setUpProgramme } from '../setUpProgramme';
import { forgetChanges, lastChange } from '../undo';

/** Fails the first `finish()` of a batch writer: by then the action has added its sheets. */
function failPartWay(): jest.SpyInstance {
  return jest.spyOn(BatchWriter.prototype, 'finish').mockImplementationOnce(async () => {
    throw Object.assign(new Error('The connection to Excel was lost'), {
      code: 'GeneralException',
    });
  });
}

describe('all-or-nothing writes (regression: a failure left half-built sheets and no undo)', () => {
  let workbook: FakeWorkbook;
  beforeEach(() => {
    workbook = installFakeExcel(globalThis);
    forgetChanges();
    workbook.setCells('Notes', 'A1', [['My own notes'], [42]]);
  });
  afterEach(() => jest.restoreAllMocks());

  it('Set up puts the workbook back exactly as it was, and says so', async () => {
    const before = workbook.fullSnapshot();
    const spy = failPartWay();
    const result = await setUpProgramme({
      firstYear: 2026,
      lastYear: 2027,
      periods: 'quarter',
      unit: '£m',
      withSample: true,
    });
    expect(spy).toHaveBeenCalled();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/as it was/);
    expect(workbook.fullSnapshot()).toBe(before);
    expect(lastChange()).toBeUndefined();
  });

  it('Bring in puts the workbook back exactly as it was, and says so', async () => {
    workbook.setCells('Report', 'A1', [
      ['Area for investment', 'Capital £m', 'Phase'],
      ['Compliance', 2.6, '2016/17 Q1'],
      ['Service management', 1.1, '2016/17 Q2-4'],
    ]);
    workbook.select('Report', 'A1:C3');
    const preview = await previewSelection();
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const before = workbook.fullSnapshot();
    failPartWay();
    const result = await importSelection(preview.value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/as it was/);
    expect(workbook.fullSnapshot()).toBe(before);
  });

  it('Make forecast sheets removes the sheets it had added, and says so', async () => {
    await setUpProgramme({
      firstYear: 2016,
      lastYear: 2019,
      periods: 'quarter',
      unit: '£m',
      withSample: true,
    });
    const before = workbook.fullSnapshot();
    failPartWay();
    const result = await generateForecastSheets();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/as it was/);
    expect(workbook.fullSnapshot()).toBe(before);
  });

  it('a cancel part-way is reported as cancelled once everything is put back', async () => {
    const before = workbook.fullSnapshot();
    jest.spyOn(BatchWriter.prototype, 'finish').mockImplementationOnce(async () => {
      throw new ActionCancelled();
    });
    const result = await setUpProgramme({
      firstYear: 2026,
      lastYear: 2026,
      periods: 'year',
      unit: '£m',
      withSample: false,
    });
    expect(result).toMatchObject({
      ok: false,
      cancelled: true,
      message: expect.stringMatching(/cancelled; the workbook is as it was/),
    });
    expect(workbook.fullSnapshot()).toBe(before);
  });
});

/**
 * The in-year cycle on a workbook set up from nothing: once the settings name the year and period
 * monitored, Make forecast sheets (and Gather) add the Actuals, Monitoring history, In-year
 * monitoring and Capital budget position sheets from the workbook plans; a gathering at the next
 * period moves the In-year sheet on and appends its snapshots; all of it all-or-nothing and undoable.
 */
import { type FakeWorkbook } from '../../../tests/support/fake-excel';
import { monitorAt, workbookWithSampleProgramme } from '../../../tests/support/sampleProgramme';
import {
  ACTUALS_SHEET,
  HISTORY_SHEET,
  IN_YEAR_COLUMNS,
  IN_YEAR_SHEET,
  POSITION_SHEET,
} from '../../workbook';
import { BatchWriter } from '../batchWriter';
import { generateForecastSheets } from '../forecastSheets';
import { gatherForecasts } from '../monitoring';
import { phaseSchemes } from '../phaseSchemes';
import { lastChange, undoLastChange } from '../undo';

const CYCLE = [ACTUALS_SHEET, HISTORY_SHEET, IN_YEAR_SHEET, POSITION_SHEET];

const sheetNames = (workbook: FakeWorkbook) => workbook.model.sheets.map((sheet) => sheet.name);

describe('starting in-year monitoring from the settings', () => {
  let workbook: FakeWorkbook;
  beforeEach(async () => {
    workbook = await workbookWithSampleProgramme();
    const phased = await phaseSchemes();
    expect(phased.ok).toBe(true);
  });
  afterEach(() => jest.restoreAllMocks());

  it('adds nothing for the year while the settings name no period', async () => {
    const result = await generateForecastSheets();
    expect(result.ok && result.value.monitoring).toBeUndefined();
    for (const name of CYCLE) expect(sheetNames(workbook)).not.toContain(name);
  });

  it('makes the in-year sheets at the period with the returns, headed with its year and period', async () => {
    await monitorAt(3);
    const result = await generateForecastSheets();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.monitoring).toEqual({ at: { year: 2016, period: 3 }, added: CYCLE });
    expect(sheetNames(workbook)).toEqual(expect.arrayContaining(CYCLE));
    expect(workbook.read(IN_YEAR_SHEET, 'A3:E3')).toEqual([['Period', '', '', 3, '2016/17']]);
    expect(workbook.read(IN_YEAR_SHEET, 'A4:R4')).toEqual([[...IN_YEAR_COLUMNS]]);
    expect(workbook.read(HISTORY_SHEET, 'A1:C1')).toEqual([['Scheme', 'Year', 'Period']]);
    // Each scheme's in-year budget is its 2016/17 phasing; not forecast yet, it is forecast at it.
    const [line] = workbook.read(IN_YEAR_SHEET, 'A5:H5');
    expect(line[0]).toBe('CP-001');
    expect(typeof line[4]).toBe('number');
    expect(line[7]).toBe(line[4]);
    const holder = sheetNames(workbook).find((name) => name.startsWith('Forecast - ')) as string;
    expect(workbook.read(holder, 'G4:H4')).toEqual([
      ['In-year budget 2016/17', 'Actual to date P3'],
    ]);
  });

  it('undoes Make forecast sheets with the in-year sheets it added', async () => {
    await monitorAt(3);
    const before = sheetNames(workbook);
    expect((await generateForecastSheets()).ok).toBe(true);
    await undoLastChange();
    expect(sheetNames(workbook)).toEqual(before);
  });

  it('gathers at P3, refuses a second P3, and moves on to P6 keeping the history', async () => {
    await monitorAt(3);
    expect((await generateForecastSheets()).ok).toBe(true);
    const holder = sheetNames(workbook).find((name) => name.startsWith('Forecast - ')) as string;
    workbook.setCells(holder, 'F5', [[workbook.read(holder, 'E5')[0][0] as number]]);
    workbook.setCells(holder, 'I5:J5', [[1.5, 'Hardware delayed']]);
    // The In-year monitoring row of the holder's first scheme.
    const ref = workbook.read(holder, 'A5')[0][0];
    const at = 5 + workbook.read(IN_YEAR_SHEET, 'A5:A20').findIndex((row) => row[0] === ref);
    const first = await gatherForecasts();
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const schemes = first.value.schemes.length;
    expect(first.value.inYear).toMatchObject({
      at: { year: 2016, period: 3 },
      appended: schemes,
      refused: [],
    });
    expect(first.value.inYear?.added).toBeUndefined();
    expect(workbook.read(IN_YEAR_SHEET, `H${at}`)).toEqual([[1.5]]);
    expect(workbook.read(IN_YEAR_SHEET, `Q${at}`)).toEqual([['Hardware delayed']]);

    const again = await gatherForecasts();
    expect(again.ok && again.value.inYear?.appended).toBe(0);
    expect(again.ok && again.value.inYear?.refused.length).toBeGreaterThan(0);

    await monitorAt(6);
    const snapshotBefore = workbook.read(IN_YEAR_SHEET, 'A1:R30');
    const sixth = await gatherForecasts({ confirm: async () => true });
    expect(sixth.ok).toBe(true);
    if (!sixth.ok) return;
    expect(sixth.value.inYear).toMatchObject({
      at: { year: 2016, period: 6 },
      appended: schemes,
      movedFrom: { year: 2016, period: 3 },
    });
    expect(workbook.read(IN_YEAR_SHEET, 'D3')).toEqual([[6]]);
    // The holder's P3 figures carry over to the P6 line.
    expect(workbook.read(IN_YEAR_SHEET, `H${at}:Q${at}`)[0]).toEqual(
      expect.arrayContaining([1.5, 'Hardware delayed']),
    );
    const periods = workbook.read(HISTORY_SHEET, `C2:C${2 * schemes + 1}`).map((row) => row[0]);
    expect(periods).toEqual([
      ...Array.from({ length: schemes }, () => 3),
      ...Array.from({ length: schemes }, () => 6),
    ]);

    // Undo the P6 gathering: the In-year sheet is at P3 again, the P6 snapshots gone (regression:
    // undo restored the blocks in the order saved, so the sheet came back half moved on to P6).
    await undoLastChange();
    expect(workbook.read(IN_YEAR_SHEET, 'A1:R30')).toEqual(snapshotBefore);
    expect(workbook.read(HISTORY_SHEET, `C${schemes + 2}`)).toEqual([['']]);
  });

  it('puts everything back when Excel fails part-way through a first gathering', async () => {
    await monitorAt(3);
    const before = workbook.fullSnapshot();
    jest.spyOn(BatchWriter.prototype, 'finish').mockImplementationOnce(async () => {
      throw Object.assign(new Error('The connection to Excel was lost'), {
        code: 'GeneralException',
      });
    });
    const result = await gatherForecasts();
    expect(result.ok).toBe(false);
    expect(workbook.fullSnapshot()).toBe(before);
    expect(lastChange()?.label).toBe('Save settings');
  });
});

import { installFakeExcel, FakeWorkbook } from '../../../tests/support/fake-excel';
import { addBudgetForecastChart, addPhasingChart, structuredColumn } from '../charts';
import { generateForecastSheets } from '../forecastSheets';
import { gatherForecasts } from '../monitoring';
import { setUpProgramme } from '../setUpProgramme';
import { forgetChanges, undoLastChange } from '../undo';

describe('charts', () => {
  let workbook: FakeWorkbook;
  beforeEach(() => {
    workbook = installFakeExcel(globalThis);
    forgetChanges();
  });

  it('charts the totals per quarter from native SUBTOTAL formulas on a new sheet', async () => {
    await setUpProgramme({
      firstYear: 2016,
      lastYear: 2016,
      periods: 'quarter',
      unit: '£m',
      withSample: true,
    });
    const before = workbook.snapshot();
    const result = await addPhasingChart();
    expect(result).toEqual({ ok: true, value: { sheet: 'Phasing chart', chart: 'Phasing' } });
    const sheet = workbook.model.findSheet('Phasing chart')!;
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        type: 'ColumnClustered',
        source: "'Phasing chart'!A1:B5",
        title: 'Capital programme: spend by period',
      }),
    ]);
    expect(workbook.read('Phasing chart', 'A2:B2')).toEqual([
      ['2016/17 Q1', '=SUBTOTAL(109,Programme[2016/17 Q1])'],
    ]);
    await undoLastChange();
    expect(workbook.snapshot()).toEqual(before);
  });

  it('shows the chart it made before instead of making a second one (regression: "Budget v forecast (2)")', async () => {
    await setUpProgramme({
      firstYear: 2016,
      lastYear: 2016,
      periods: 'quarter',
      unit: '£m',
      withSample: true,
    });
    await addPhasingChart();
    const again = await addPhasingChart();
    expect(again).toEqual({
      ok: true,
      value: { sheet: 'Phasing chart', chart: 'Phasing', existing: true },
    });
    expect(
      workbook.model.sheets.map((sheet) => sheet.name).filter((name) => /chart/i.test(name)),
    ).toEqual(['Phasing chart']);
  });

  it('charts budget against forecast per area from the Monitoring sheet', async () => {
    expect((await addBudgetForecastChart()).ok).toBe(false);
    await setUpProgramme({
      firstYear: 2016,
      lastYear: 2019,
      periods: 'year',
      unit: '£m',
      withSample: true,
    });
    await generateForecastSheets();
    await gatherForecasts();
    const result = await addBudgetForecastChart();
    expect(result.ok).toBe(true);
    expect(workbook.read('Budget v forecast', 'A1:C2')).toEqual([
      ['Area', 'Budget', 'Forecast'],
      ["='Monitoring'!A16", "='Monitoring'!E16", "=N('Monitoring'!F16)"],
    ]);
    expect(workbook.read('Monitoring', 'A16')).toEqual([['ICT infrastructure']]);
  });

  it('escapes special characters in structured references', () => {
    expect(structuredColumn("Q1 [draft] #1 'x'")).toBe("Q1 '[draft'] '#1 ''x''");
  });
});

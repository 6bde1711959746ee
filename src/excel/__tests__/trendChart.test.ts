/**
 * The forecast trend chart: a line chart from the append-only Monitoring history, one category per
 * period gathered, with native SUMIFS over the history so the figures are the workbook's own.
 */
import { installFakeExcel, type FakeWorkbook } from '../../../tests/support/fake-excel';
import { shownSnapshot } from '../../../tests/support/fake-excel/shownSnapshot';
import { HISTORY_COLUMNS, HISTORY_SHEET } from '../../workbook';
import { addTrendChart, gatheredPeriods } from '../charts';
import { runDiagnostics } from '../diagnostics';
import { forgetChanges, undoLastChange } from '../undo';

const HISTORY = [
  [...HISTORY_COLUMNS],
  ['CP-001', '2016/17', 3, 2.6, 0.5, 2.6, 2.6, ''],
  ['CP-002', '2016/17', 3, 1.1, 0.2, 1.2, 1.2, 'Extra licences'],
  ['CP-001', '2016/17', 6, 2.6, 1.4, 2.5, 2.5, ''],
  ['CP-002', '2016/17', 6, 1.1, 0.6, 1.3, 1.3, 'Extra licences'],
];

describe('forecast trend chart', () => {
  let workbook: FakeWorkbook;
  beforeEach(() => {
    workbook = installFakeExcel(globalThis);
    forgetChanges();
  });

  it('charts budget, actual and forecast per period gathered as lines, periods on the category axis', async () => {
    workbook.setCells(HISTORY_SHEET, 'A1', HISTORY);
    const before = workbook.fullSnapshot();
    const result = await addTrendChart();
    expect(result).toEqual({
      ok: true,
      value: { sheet: 'Forecast trend', chart: 'ForecastTrend' },
    });
    const sheet = workbook.model.findSheet('Forecast trend')!;
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        type: 'Line',
        source: "'Forecast trend'!A1:D3",
        seriesBy: 'Columns',
        categories: ['2016/17 P3', '2016/17 P6'],
        series: ['In-year budget', 'Actual to date', 'In-year forecast'],
      }),
    ]);
    expect(workbook.read('Forecast trend', 'A3:D3')).toEqual([
      [
        '2016/17 P6',
        `=SUMIFS('Monitoring history'!$D:$D,'Monitoring history'!$B:$B,"2016/17",'Monitoring history'!$C:$C,6)`,
        `=SUMIFS('Monitoring history'!$E:$E,'Monitoring history'!$B:$B,"2016/17",'Monitoring history'!$C:$C,6)`,
        `=SUMIFS('Monitoring history'!$F:$F,'Monitoring history'!$B:$B,"2016/17",'Monitoring history'!$C:$C,6)`,
      ],
    ]);
    await undoLastChange();
    expect(workbook.fullSnapshot()).toBe(before);
  });

  it('brings the chart up to a period gathered later, and Undo puts the chart and its data back', async () => {
    workbook.setCells(HISTORY_SHEET, 'A1', HISTORY);
    await addTrendChart();
    const shown = await addTrendChart();
    expect(shown.ok && shown.value.existing).toBe(true);
    const before = shownSnapshot(workbook);
    workbook.setCells(HISTORY_SHEET, 'A6', [
      ['CP-001', '2016/17', 8, 2.6, 2.0, 2.4, 2.4, ''],
      ['CP-002', '2016/17', 8, 1.1, 0.9, 1.3, 1.3, 'Extra licences'],
    ]);
    const withP8 = shownSnapshot(workbook);
    const result = await addTrendChart();
    expect(result).toEqual({
      ok: true,
      value: { sheet: 'Forecast trend', chart: 'ForecastTrend', updated: true },
    });
    const [chart] = workbook.model.findSheet('Forecast trend')!.charts;
    expect(chart).toMatchObject({
      source: "'Forecast trend'!A1:D4",
      categories: ['2016/17 P3', '2016/17 P6', '2016/17 P8'],
    });
    expect(workbook.read('Forecast trend', 'A4:B4')[0][1]).toBe(
      `=SUMIFS('Monitoring history'!$D:$D,'Monitoring history'!$B:$B,"2016/17",'Monitoring history'!$C:$C,8)`,
    );
    expect(workbook.model.sheets.filter((s) => /trend/.test(s.name))).toHaveLength(1);
    await undoLastChange();
    expect(shownSnapshot(workbook)).not.toEqual(before);
    expect(shownSnapshot(workbook)).toEqual(withP8);
    expect(workbook.model.findSheet('Forecast trend')!.charts[0]).toMatchObject({
      source: "'Forecast trend'!A1:D3",
      categories: ['2016/17 P3', '2016/17 P6'],
    });
  });

  it('says to gather first when there is no history', async () => {
    const result = await addTrendChart();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/gather the forecasts at a period/);
  });

  it('orders periods by year then period, whatever order they were gathered in', () => {
    expect(
      gatheredPeriods([
        ['Scheme', 'Year', 'Period'],
        ['A', '2017/18', 3],
        ['A', '2016/17', 12],
        ['B', '2016/17', 8],
        ['B', '2017/18', 3],
      ]),
    ).toEqual([
      { year: '2016/17', period: 8 },
      { year: '2016/17', period: 12 },
      { year: '2017/18', period: 3 },
    ]);
  });
});

describe('the stand-in lays out a chart as Excel does', () => {
  it('plots a first column of plain numbers as a series, not as categories', async () => {
    const workbook = installFakeExcel(globalThis);
    workbook.setCells('Data', 'A1', [
      ['Period', 'Forecast'],
      [3, 10],
      [6, 12],
    ]);
    await workbook.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.charts.add('Line', sheet.getRange('A1:B3'), 'Columns');
      await context.sync();
    });
    const [chart] = workbook.model.findSheet('Data')!.charts;
    expect(chart.categories).toBeUndefined();
    expect(chart.series).toEqual(['Period', 'Forecast']);
  });

  it('refuses a chart type Excel does not have, at sync', async () => {
    const workbook = installFakeExcel(globalThis);
    workbook.setCells('Data', 'A1', [['x'], [1]]);
    await expect(
      workbook.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Data');
        sheet.charts.add('Trendy', sheet.getRange('A1:A2'), 'Columns');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('Diagnostics', () => {
  it('checks in the real Excel that text periods become the categories, as the stand-in assumes', async () => {
    installFakeExcel(globalThis);
    const report = await runDiagnostics();
    const chart = report.ok && report.value.results.find((r) => /line chart/.test(r.behaviour));
    expect(chart).toEqual({
      behaviour: 'A line chart takes text periods as its categories',
      passed: true,
      detail:
        'text periods gave 1 series (1: the periods are the categories); periods as numbers gave 2',
    });
  });
});

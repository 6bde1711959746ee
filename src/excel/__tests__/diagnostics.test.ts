import { type FakePlatform, installFakeExcel } from '../../../tests/support/fake-excel';
import { buildProgramme } from '../../../tests/support/fake-excel/programmeFixture';
import { diagnosticsText, runDiagnostics } from '../diagnostics';

jest.setTimeout(60_000);

describe('Diagnostics', () => {
  it.each<[FakePlatform]>([['web'], ['desktop']])(
    'passes every behaviour on the stand-in (%s) and leaves the workbook exactly as it was',
    async (platform) => {
      const workbook = installFakeExcel(globalThis, { platform });
      buildProgramme(workbook, 50);
      workbook.setCells('Notes', 'B2', [['CP-001', 2.6]]);
      workbook.cell('Notes', 'B2')!.fill = '#FFFF00';
      workbook.select('Notes', 'B2');
      const before = workbook.fullSnapshot();
      const report = await runDiagnostics();
      expect(report.ok).toBe(true);
      if (!report.ok) return;
      const failed = report.value.results.filter((r) => !r.passed);
      expect(failed).toEqual([]);
      expect(report.value.results).toHaveLength(13);
      expect(report.value.cleanedUp).toBe(true);
      expect(report.value.host).toEqual({
        host: 'Excel',
        platform: platform === 'web' ? 'OfficeOnline' : 'PC',
        version: '16.0',
      });
      expect(report.value.excelApi).toBe('1.20');
      expect(workbook.fullSnapshot()).toBe(before);
    },
  );

  it('reads the chunked check at the web limit in more than one chunk', async () => {
    installFakeExcel(globalThis, { platform: 'web' });
    const report = await runDiagnostics();
    const chunked = report.ok && report.value.results.find((r) => /chunked/.test(r.behaviour));
    expect(chunked && chunked.detail).toMatch(/read in [2-9] chunk/);
  });

  it('reports a failed behaviour, and still removes its sheet, when Excel refuses part of it', async () => {
    const workbook = installFakeExcel(globalThis, {
      refuseThisRowOutsideTable: true,
      excelApi: '1.8',
    });
    workbook.setCells('Sheet1', 'A1', [['x']]);
    const before = workbook.fullSnapshot();
    const report = await runDiagnostics();
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    const sets = report.value.results[0];
    expect(sets).toMatchObject({ passed: false, detail: expect.stringMatching(/up to 1.8/) });
    const table = report.value.results.find((r) => /structured-reference/.test(r.behaviour));
    expect(table?.detail).toMatch(/outside a table is refused/);
    expect(workbook.fullSnapshot()).toBe(before);
    expect(diagnosticsText(report.value)).toMatch(/^Capital Planner diagnostics\nHost: Excel/);
    expect(diagnosticsText(report.value)).toMatch(/FAILED {2}ExcelApi 1.9/);
  });
});

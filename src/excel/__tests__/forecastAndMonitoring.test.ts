import { FakeWorkbook } from '../../../tests/support/fake-excel';
import { workbookWithSampleProgramme } from '../../../tests/support/sampleProgramme';
import { generateForecastSheets } from '../forecastSheets';
import { gatherForecasts, lineFormulas } from '../monitoring';
import { undoLastChange } from '../undo';

/** Types a forecast into a budget holder's sheet the way Excel would let them: unlocked cells only. */
function typeForecast(workbook: FakeWorkbook, sheet: string, address: string, value: number): void {
  const model = workbook.model.findSheet(sheet)!;
  const cell = workbook.cell(sheet, address)!;
  if (model.protection.protected && cell.locked) throw new Error(`${sheet}!${address} is locked`);
  cell.content = value;
}

describe('forecast sheets and monitoring', () => {
  let workbook: FakeWorkbook;
  beforeEach(async () => {
    workbook = await workbookWithSampleProgramme();
  });

  it('makes one protected sheet per budget holder with only the forecast cells open', async () => {
    const result = await generateForecastSheets();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.sheets.map((s) => [s.sheet, s.schemes])).toEqual([
      ['Forecast - Head of ICT', 7],
      // Too long for Excel's 31 characters: filler words go, not the end of a word.
      ['Forecast - Head Transformation', 2],
    ]);
    const sheet = workbook.model.findSheet('Forecast - Head of ICT')!;
    expect(sheet.protection.protected).toBe(true);
    expect(workbook.read('Forecast - Head of ICT', 'A5:E5')).toEqual([
      ['CP-001', 'Compliance', 'ICT infrastructure', 2.6, 2.6],
    ]);
    // Open: the all-years forecast (F), the in-year forecast (I) and the explanation (J).
    expect(workbook.cell('Forecast - Head of ICT', 'F5')?.locked).toBe(false);
    expect(workbook.cell('Forecast - Head of ICT', 'I5')?.locked).toBe(false);
    expect(workbook.cell('Forecast - Head of ICT', 'J11')?.locked).toBe(false);
    expect(workbook.cell('Forecast - Head of ICT', 'E5')?.locked).toBe(true);
    expect(workbook.cell('Forecast - Head of ICT', 'G5')?.locked).toBe(true);
    expect(workbook.cell('Forecast - Head of ICT', 'H5')?.locked).toBe(true);
    expect(sheet.validations).toHaveLength(2);
    expect(() => typeForecast(workbook, 'Forecast - Head of ICT', 'E5', 9)).toThrow(/locked/);
  });

  it('keeps a holder sheet that already exists, forecasts and all', async () => {
    await generateForecastSheets();
    typeForecast(workbook, 'Forecast - Head of ICT', 'F5', 2.9);
    const before = workbook.snapshot();
    const again = await generateForecastSheets();
    expect(workbook.snapshot()).toEqual(before);
    // And says so (regression: "2 forecast sheets made" when both were kept).
    expect(again.ok && again.value.sheets.map((sheet) => sheet.kept)).toEqual([true, true]);
  });

  it('gathers forecasts into native formulas and summarises them with the engine', async () => {
    await generateForecastSheets();
    typeForecast(workbook, 'Forecast - Head of ICT', 'F5', 2.9); // Compliance 2.6 -> 2.9: over 10%
    typeForecast(workbook, 'Forecast - Head of ICT', 'F6', 1.1); // Service management on target
    const result = await gatherForecasts();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [compliance, service, third] = result.value.schemes;
    expect(compliance).toMatchObject({
      ref: 'CP-001',
      budget: 2.6,
      forecast: 2.9,
      status: 'Overspend',
      rag: 'Red',
    });
    expect(compliance.variance).toBeCloseTo(-0.3, 10);
    expect(service).toMatchObject({ status: 'On target', rag: 'Green', variance: 0 });
    expect(third.status).toBe('No forecast');
    expect(result.value.areas.map((a) => a.name)).toEqual([
      'ICT infrastructure',
      'Technology',
      'Transformation',
    ]);
    expect(workbook.read('Monitoring', 'A5:F5')).toEqual([
      [
        'CP-001',
        'ICT infrastructure',
        'Compliance',
        'Head of ICT',
        '=IFERROR(INDEX(Programme[Revised budget],MATCH($A5,Programme[Ref],0)),0)',
        `=IF(ISBLANK('Forecast - Head of ICT'!F5),"",'Forecast - Head of ICT'!F5)`,
      ],
    ]);
    expect(workbook.cell('Monitoring', 'H5')?.content).toBe(lineFormulas(5).flag);
    expect(String(workbook.cell('Monitoring', 'H5')?.content)).toContain(
      "'_CapitalPlannerSettings'!$B$6",
    );
    const all = Object.values(workbook.snapshot().Monitoring.cells).filter((c) => c.isFormula);
    expect(all.some((c) => /CAPITAL\./i.test(String(c.content)))).toBe(false);
    expect(workbook.model.findSheet('Monitoring')!.conditionalFormats.length).toBe(6);
  });

  it("still gathers last version's forecast sheets (one Forecast outturn in F, a Comment in G)", async () => {
    // A holder's sheet made by last version, already filled in: it is kept, and its F is read.
    workbook.setCells('Forecast - Head of ICT', 'A4:G6', [
      ['Ref', 'Scheme', 'Area', 'Approved budget', 'Current budget', 'Forecast outturn', 'Comment'],
      ['CP-001', 'Compliance', 'ICT infrastructure', 2.6, 2.6, 2.9, 'Extra firewall work'],
      ['CP-002', 'Service management', 'ICT infrastructure', 1.1, 1.1, 1.1, ''],
    ]);
    const made = await generateForecastSheets();
    expect(made.ok && made.value.sheets.find((s) => s.holder === 'Head of ICT')?.kept).toBe(true);
    const result = await gatherForecasts();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.schemes.slice(0, 2)).toMatchObject([
      { ref: 'CP-001', forecast: 2.9, status: 'Overspend' },
      { ref: 'CP-002', forecast: 1.1, status: 'On target' },
    ]);
  });

  it('heads the schemes on row 4 and the totals by area below them, where consolidate looks', async () => {
    await generateForecastSheets();
    expect((await gatherForecasts()).ok).toBe(true);
    const headings = ['Budget', 'Forecast', 'Variance', 'Flag', 'RAG'];
    expect(workbook.read('Monitoring', 'A4:I4')).toEqual([
      ['Ref', 'Area', 'Scheme', 'Budget holder', ...headings],
    ]);
    // 9 sample schemes on rows 5-13, a blank row, then the area table.
    expect(workbook.read('Monitoring', 'A14:I15')).toEqual([
      ['', '', '', '', '', '', '', '', ''],
      ['By area', '', '', '', ...headings],
    ]);
  });

  it('asks before replacing an earlier Monitoring sheet, and undo puts it back', async () => {
    await generateForecastSheets();
    await gatherForecasts();
    workbook.setCells('Monitoring', 'K1', [['my note']]);
    const before = workbook.snapshot();
    expect((await gatherForecasts()).ok).toBe(false);
    expect(workbook.snapshot()).toEqual(before);
    const again = await gatherForecasts({ confirm: async () => true });
    expect(again.ok).toBe(true);
    expect(workbook.read('Monitoring', 'K1')).toEqual([['']]);
    await undoLastChange();
    const after = workbook.snapshot();
    expect(after.Monitoring.cells).toEqual(before.Monitoring.cells);
  });

  it('flags by the settings: no thresholds means any variance is flagged', () => {
    const { flag, variance, rag } = lineFormulas(7);
    expect(flag).toMatch(/^=IF\(F7="","No forecast",IF\(IF\(AND\(/);
    expect(variance).toContain('"forecast-minus-budget",F7-E7,E7-F7');
    expect(rag).toContain('IF(F7<=E7,"Green"');
  });
});

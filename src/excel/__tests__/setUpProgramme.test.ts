import { installFakeExcel, FakeWorkbook } from '../../../tests/support/fake-excel';
import { setUpProgramme } from '../setUpProgramme';
import { forgetChanges, undoLastChange } from '../undo';

describe('setUpProgramme', () => {
  let workbook: FakeWorkbook;
  beforeEach(() => {
    workbook = installFakeExcel(globalThis);
    workbook.setCells('Sheet1', 'A1', [['Existing', 'work']]);
    forgetChanges();
  });

  it('builds the Programme table with sample schemes phased into quarters', async () => {
    const result = await setUpProgramme({
      firstYear: 2016,
      lastYear: 2019,
      periods: 'quarter',
      unit: '£m',
      withSample: true,
    });
    expect(result).toMatchObject({ ok: true, value: { sheet: 'Programme', rows: 9 } });
    const table = workbook.table('Programme');
    expect(table?.columns.slice(0, 3)).toEqual(['Ref', 'Status', 'Area']);
    expect(table?.columns).toHaveLength(12 + 16);
    expect(table?.showTotals).toBe(true);
    // Compliance 2.6 in 2016/17 Q1 only; Service management 1.1 over Q2-4 at one decimal.
    expect(workbook.read('Programme', 'M2:P2')).toEqual([[2.6, 0, 0, 0]]);
    expect(workbook.read('Programme', 'M3:P3')).toEqual([[0, 0.4, 0.4, 0.3]]);
    expect(workbook.cell('Programme', 'H2')?.content).toBe(
      '=[@[Approved budget]]+SUMIFS(Revisions[Signed amount],Revisions[Ref],[@Ref])',
    );
    expect(workbook.cell('Programme', 'G11')?.content).toBe('=SUBTOTAL(109,[Approved budget])');
    expect(workbook.cell('Programme', 'G2')?.numberFormat).toBe('"£"#,##0.0"m";("£"#,##0.0"m")');
    expect(workbook.model.findSheet('Programme')?.frozenRows).toBe(1);
    expect(workbook.model.findSheet('Programme')?.validations).toHaveLength(2);
    expect(workbook.table('Revisions')?.columns).toContain('Signed amount');
    expect(workbook.model.findSheet('_CapitalPlannerSettings')?.visibility).toBe('Hidden');
  });

  it('leaves TBC schemes unphased and writes no CAPITAL formulas', async () => {
    await setUpProgramme({
      firstYear: 2016,
      lastYear: 2019,
      periods: 'year',
      unit: '£m',
      withSample: true,
    });
    expect(workbook.read('Programme', 'M10:P10')).toEqual([['', '', '', '']]);
    const formulas = Object.values(workbook.snapshot())
      .flatMap((s) => Object.values(s.cells))
      .filter((c) => c.isFormula);
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.some((c) => /CAPITAL\./i.test(String(c.content)))).toBe(false);
  });

  it('touches no existing cell and is undone by removing its sheets', async () => {
    const before = workbook.snapshot();
    await setUpProgramme({
      firstYear: 2016,
      lastYear: 2017,
      periods: 'quarter',
      unit: '£k',
      withSample: false,
    });
    const changed = FakeWorkbook.diff(before, workbook.snapshot());
    expect(changed.filter((c) => c.startsWith('Sheet1!'))).toEqual([]);
    const undone = await undoLastChange();
    expect(undone.ok).toBe(true);
    expect(workbook.snapshot()).toEqual(before);
  });

  it('refuses a second Programme table with a message', async () => {
    await setUpProgramme({
      firstYear: 2016,
      lastYear: 2017,
      periods: 'quarter',
      unit: '£m',
      withSample: false,
    });
    const again = await setUpProgramme({
      firstYear: 2016,
      lastYear: 2017,
      periods: 'quarter',
      unit: '£m',
      withSample: false,
    });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.message).toMatch(/already has a Programme table/);
  });

  it('explains years given the wrong way round', async () => {
    const result = await setUpProgramme({
      firstYear: 2019,
      lastYear: 2016,
      periods: 'quarter',
      unit: '£m',
      withSample: false,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/earlier year first/);
  });

  it('uses two syncs for a programme of any size', async () => {
    workbook.resetStats();
    await setUpProgramme({
      firstYear: 2016,
      lastYear: 2019,
      periods: 'quarter',
      unit: '£m',
      withSample: true,
    });
    expect(workbook.stats.syncs).toBe(2);
  });
});

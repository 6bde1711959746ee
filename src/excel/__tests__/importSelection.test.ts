import { installFakeExcel, FakeWorkbook } from '../../../tests/support/fake-excel';
import { importSelection, previewSelection } from '../importSelection';
import { forgetChanges, undoLastChange } from '../undo';

/** The DOMAIN.md programme as a council keeps it: headings, a continuation row, totals, text in £m. */
const COUNCIL_TABLE = [
  ['ICT investment programme', '', '', ''],
  ['Area for investment', 'Capital £m', 'Impact', 'Phase'],
  ['DELIVERED OR IN PROGRESS', '', '', ''],
  ['Compliance', 2.6, 'PSN compliance achieved', '2016/17 Q1'],
  ['Service management', 1.1, 'Reduction in time to log IT calls', '2016/17 Q2-4'],
  ['', '', 'and improved asset management', ''],
  ['PLANNED', '', '', ''],
  ['=cmd|calc', '£1,300k', '@evil', '2016/17 Q3-4'],
  ['TOTAL', 5, '', ''],
];

describe('bring in a table', () => {
  let workbook: FakeWorkbook;
  beforeEach(() => {
    workbook = installFakeExcel(globalThis);
    forgetChanges();
    workbook.setCells('Report', 'B2', COUNCIL_TABLE);
    // The formula-looking label is text in the source, as a pasted report would hold it.
    Object.assign(workbook.model.findSheet('Report')!.touch(8, 1), {
      isFormula: false,
      quotePrefix: true,
    });
    workbook.select('Report', 'B2:E10');
  });

  it('recognises the columns for the officer to confirm', async () => {
    const preview = await previewSelection();
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.columns.map((c) => c.role)).toEqual([
      'scheme',
      'approvedBudget',
      'impact',
      'phasing',
    ]);
    expect(preview.value.schemeRows).toBe(3);
    expect(preview.value.unit).toBe('£m');
    expect(preview.value.address).toBe('B2:E10');
  });

  it('builds the Programme on a new sheet without changing the source, text kept as text', async () => {
    const preview = await previewSelection();
    if (!preview.ok) throw new Error(preview.message);
    const before = workbook.snapshot();
    const result = await importSelection(preview.value);
    expect(result).toEqual({ ok: true, value: { sheet: 'Programme', rows: 3 } });
    const changed = FakeWorkbook.diff(before, workbook.snapshot());
    expect(changed.some((c) => c.startsWith('Report!'))).toBe(false);
    // Status from the heading rows, budgets in £m (text £1,300k read exactly), continuation kept.
    expect(workbook.read('Programme', 'A2:D4')).toEqual([
      ['CP-001', 'DELIVERED OR IN PROGRESS', '', 'Compliance'],
      ['CP-002', 'DELIVERED OR IN PROGRESS', '', 'Service management'],
      ['CP-003', 'PLANNED', '', '=cmd|calc'],
    ]);
    expect(workbook.read('Programme', 'G2:G4')).toEqual([[2.6], [1.1], [1.3]]);
    expect(workbook.cell('Programme', 'F3')?.content).toBe(
      'Reduction in time to log IT calls and improved asset management',
    );
    expect(workbook.cell('Programme', 'D4')).toMatchObject({ isFormula: false, quotePrefix: true });
    expect(workbook.cell('Programme', 'F4')).toMatchObject({ content: '@evil', isFormula: false });
    // Periods from the phasing phrases: 2016/17 Q1-Q4.
    expect(workbook.table('Programme')?.columns.slice(12)).toEqual([
      '2016/17 Q1',
      '2016/17 Q2',
      '2016/17 Q3',
      '2016/17 Q4',
    ]);
    await undoLastChange();
    expect(workbook.snapshot()).toEqual(before);
  });

  it('says so when the selection holds no table', async () => {
    workbook.select('Empty', 'A1:C3');
    const preview = await previewSelection();
    expect(preview.ok).toBe(false);
  });
});

/**
 * Bring in Manchester's ICT Strategy 2016-19, Table 1, as printed (quarters marked under year
 * columns), through the pane's Import on the Excel stand-in; then Phase puts each budget in the
 * quarters the markers show (issue 18).
 */
import { installFakeExcel, type FakeWorkbook } from '../../../tests/support/fake-excel';
import { ICT_STRATEGY_TABLE_1 } from '../../../tests/fixtures/ictStrategyTable1';
import { importSelection, previewSelection } from '../importSelection';
import { phaseSchemes } from '../phaseSchemes';
import { forgetChanges, undoLastChange } from '../undo';

const yes = async () => true;

const PHRASES = [
  ['Compliance', 'Delivered or in progress', 2.6, '2016/17 Q1-2'],
  ['Service management', 'Delivered or in progress', 1.1, '2016/17 Q2-4'],
  ['Technology refresh', 'Delivered or in progress', 3.9, '2016/17 Q1-4'],
  ['Business transformation', 'Delivered or in progress', 0.6, '2016/17 Q1'],
  ['Ongoing service stability', 'Planned', 1.3, '2016/17 Q3-4'],
  ['Ongoing service stability', 'Future plans', 10, '2017/18 Q1 - 2019/20 Q1'],
  ['Technology and Internet of things', 'Future plans', 2, '2017-20'],
  ['Technology refresh', 'Future plans', 10, '2016/17 Q4 - 2019/20 Q4'],
  ['Business transformation aligned to business strategy', 'Future plans', 10, 'TBC'],
];

/** Which of the 16 quarter columns (2016/17 Q1 .. 2019/20 Q4) each scheme's markers show. */
const MARKED: number[][] = [
  [0, 1],
  [1, 2, 3],
  [0, 1, 2, 3],
  [0],
  [2, 3],
  [4, 5, 6, 7, 8, 9, 10, 11, 12],
  [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [],
];

describe('bring in a table printed with quarter markers (ICT Strategy 2016-19, Table 1)', () => {
  let workbook: FakeWorkbook;
  beforeEach(() => {
    workbook = installFakeExcel(globalThis);
    forgetChanges();
    workbook.setCells(
      'Table 1',
      'A1',
      ICT_STRATEGY_TABLE_1.map((row) => [...row]),
    );
    workbook.select('Table 1', 'A1:H20');
  });

  it('previews the columns: name, amount, description, impact and four years of markers', async () => {
    const preview = await previewSelection();
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.value.columns.map((c) => [c.role, c.periodLabel ?? ''])).toEqual([
      ['scheme', ''],
      ['approvedBudget', ''],
      ['description', ''],
      ['impact', ''],
      ['markers', '2016/17'],
      ['markers', '2017/18'],
      ['markers', '2018/19'],
      ['markers', '2019/20'],
    ]);
    expect(preview.value.schemeRows).toBe(9);
    expect(preview.value.unit).toBe('£m');
    expect(preview.value.headerRow).toBe(0);
  });

  it('builds nine schemes with statuses, amounts, text and phrases; Phase puts the money in the marked quarters', async () => {
    const preview = await previewSelection();
    if (!preview.ok) throw new Error(preview.message);
    const before = workbook.snapshot();
    const result = await importSelection(preview.value);
    expect(result).toEqual({ ok: true, value: { sheet: 'Programme', rows: 9 } });
    const columns = workbook.table('Programme')?.columns ?? [];
    expect(columns.slice(12)).toHaveLength(16);
    expect(columns[12]).toBe('2016/17 Q1');
    const rows = workbook.read('Programme', 'A2:I10');
    expect(rows.map((r) => [r[3], r[1], r[6], r[8]])).toEqual(PHRASES);
    expect(rows[0][5]).toBe('PSN Compliance Achieved ...; Improved security services ...');
    expect(rows[7][4]).toContain('Windows 10 (inc desktop/Wyse/Laptop refresh) ...');

    const phased = await phaseSchemes({ confirm: yes });
    if (!phased.ok) throw new Error(phased.message);
    expect(phased.value.errors).toEqual([]);
    expect(phased.value.unphased.map((u) => u.scheme)).toEqual([
      'Business transformation aligned to business strategy',
    ]);
    const amounts = workbook.read('Programme', 'M2:AB10') as unknown[][];
    amounts.forEach((row, i) => {
      const spent = row.flatMap((value, q) =>
        typeof value === 'number' && value !== 0 ? [q] : [],
      );
      expect([PHRASES[i][0], spent]).toEqual([PHRASES[i][0], MARKED[i]]);
    });

    await undoLastChange();
    await undoLastChange();
    expect(workbook.snapshot()).toEqual(before);
  });

  it('previews what it could not read, each at its cell', async () => {
    workbook.setCells('Table 1', 'G5', [['soon']]);
    const preview = await previewSelection();
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.value.notes).toEqual([
      expect.stringMatching(/^G5: Cannot read the marker 'soon' under 2018\/19/),
    ]);
  });
});

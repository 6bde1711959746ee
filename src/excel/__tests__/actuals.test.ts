/**
 * Bringing in actuals from a ledger export: the preview accounts for every row, the write appends
 * to the Actuals sheet all-or-nothing, and Undo takes the lines out again.
 */
import { type FakeWorkbook } from '../../../tests/support/fake-excel';
import { workbookWithSampleProgramme } from '../../../tests/support/sampleProgramme';
import { shownSnapshot as shown } from '../../../tests/support/fake-excel/shownSnapshot';
import { cellName } from '../../../tests/support/fake-excel/address';
import { readLedgerText } from '../../core';
import { bringInActuals, previewActuals, readLedgerSelection } from '../actuals';
import { BatchWriter } from '../batchWriter';
import { saveSettings, DEFAULT_SETTINGS } from '../settings';
import { forgetChanges, undoLastChange } from '../undo';
import type { ActualsChoices, LedgerRows } from '../types';

const LEDGER = [
  'Scheme ref,Period,Amount,Description',
  'CP-001,P3,125000,Firewall licences',
  'CP-002,P3,40000.50,Service desk consultancy',
  'CP-099,P3,9999,Miscoded invoice',
  'CP-002,P3,40000.50,Service desk consultancy',
  'CP-003,P5,"£1,250.00",Laptops',
  'CP-003,P5,TBC,Awaiting invoice',
  '',
].join('\n');

function ledgerRows(text = LEDGER): LedgerRows {
  const read = readLedgerText(text);
  if (!read.ok) throw new Error(read.message);
  return { source: 'ledger.csv', rows: read.value, rowOffset: 0 };
}

const KEEP_ALL: ActualsChoices = {
  unknownRefs: 'bring-in',
  repeats: 'bring-in',
  alreadyIn: 'bring-in',
};
const CAREFUL: ActualsChoices = {
  unknownRefs: 'leave-out',
  repeats: 'leave-out',
  alreadyIn: 'leave-out',
};

describe('bring in actuals', () => {
  let workbook: FakeWorkbook;
  beforeEach(async () => {
    workbook = await workbookWithSampleProgramme();
    await saveSettings({ ...DEFAULT_SETTINGS, monitoringYear: 2016, monitoringPeriod: 6 });
    forgetChanges();
  });
  afterEach(() => jest.restoreAllMocks());

  it('previews every row: lines of known schemes, the unknown ref, the repeat and the unreadable amount, each at its row', async () => {
    const preview = await previewActuals(ledgerRows(), undefined, '£');
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const value = preview.value;
    expect(value.mapping).toEqual({ ref: 0, period: 1, amount: 2, description: 3 });
    expect(value.guessed).toBe(true);
    expect(value.year).toBe('2016/17');
    // £ converted to the programme's £m exactly: 125000 + 40000.50 * 2 + 1250 = 206251
    expect(value.lines).toBe(4);
    expect(value.total).toBe('0.206251');
    expect(value.unknownRefs).toBe(1);
    expect(value.repeats).toBe(1);
    expect(value.unreadable).toBe(1);
    expect(value.problems.map((p) => [p.kind, p.row])).toEqual([
      ['unknown-ref', 4],
      ['duplicate', 5],
      ['text-amount', 6],
      ['bad-amount', 7],
    ]);
    expect(value.problems[0].message).toMatch(/CP-099/);
  });

  it('appends the chosen lines to a new Actuals sheet in the programme unit, and Undo removes it', async () => {
    const before = workbook.fullSnapshot();
    const result = await bringInActuals(ledgerRows(), undefined, '£', CAREFUL);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        sheet: 'Actuals',
        added: 3,
        firstRow: 2,
        lastRow: 4,
        created: true,
        leftOut: { unknownRefs: 1, repeats: 1, alreadyIn: 0, unreadable: 1 },
      }),
    });
    expect(workbook.read('Actuals', 'A1:E4')).toEqual([
      ['Scheme', 'Year', 'Period', 'Amount', 'Description'],
      ['CP-001', '2016/17', 3, 0.125, 'Firewall licences'],
      ['CP-002', '2016/17', 3, 0.0400005, 'Service desk consultancy'],
      ['CP-003', '2016/17', 5, 0.00125, 'Laptops'],
    ]);
    const undone = await undoLastChange();
    expect(undone.ok).toBe(true);
    expect(workbook.fullSnapshot()).toBe(before);
  });

  it('keeps unknown refs under their own ref when the officer says so', async () => {
    await bringInActuals(ledgerRows(), undefined, '£', KEEP_ALL);
    expect(workbook.read('Actuals', 'A2:A6').map((row) => row[0])).toEqual([
      'CP-001',
      'CP-002',
      'CP-002',
      'CP-003',
      'CP-099',
    ]);
  });

  it('appends below the lines already there, leaves out lines already brought in, and Undo takes back only the new ones', async () => {
    await bringInActuals(ledgerRows(), undefined, '£', CAREFUL);
    const afterFirst = shown(workbook);
    const more = LEDGER.replace('\n\n', '\n').concat('CP-004,P6,2500,Training\n');
    const preview = await previewActuals(ledgerRows(more), undefined, '£');
    expect(preview.ok && preview.value.alreadyIn).toBe(4);
    const result = await bringInActuals(ledgerRows(more), undefined, '£', CAREFUL);
    expect(result.ok && result.value).toMatchObject({
      added: 1,
      firstRow: 5,
      lastRow: 5,
      created: false,
      // CP-001, CP-002 twice (the repeat left out before is now also in Actuals) and CP-003.
      leftOut: { alreadyIn: 4 },
    });
    expect(workbook.read('Actuals', 'A5:D5')).toEqual([['CP-004', '2016/17', 6, 0.0025]]);
    await undoLastChange();
    expect(shown(workbook)).toEqual(afterFirst);
  });

  it('puts the workbook back as it was when Excel fails part-way, and says so', async () => {
    await bringInActuals(ledgerRows(), undefined, '£', CAREFUL);
    forgetChanges();
    const before = shown(workbook);
    jest.spyOn(BatchWriter.prototype, 'finish').mockImplementationOnce(async () => {
      throw Object.assign(new Error('The connection to Excel was lost'), {
        code: 'GeneralException',
      });
    });
    const result = await bringInActuals(
      ledgerRows('Scheme ref,Period,Amount\nCP-005,P6,100\n'),
      undefined,
      '£',
      CAREFUL,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/as it was/);
    expect(shown(workbook)).toEqual(before);
    expect(workbook.read('Actuals', 'A5:D5')).toEqual([['', '', '', '']]);
  });

  it('says how to fix a ledger whose columns are not recognised, and a period with no year', async () => {
    const unknown = await previewActuals(ledgerRows('Thing,Other\nCP-001,5\n'), undefined, '£');
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.message).toMatch(/scheme ref .* amount column/);
    await saveSettings({ ...DEFAULT_SETTINGS });
    const noYear = await previewActuals(ledgerRows(), undefined, '£');
    expect(noYear.ok && noYear.value.problems[0]).toMatchObject({ kind: 'bad-date', row: 2 });
    expect(noYear.ok && noYear.value.problems[0].message).toMatch(/which year/);
  });

  it('refuses to write when no line would be brought in', async () => {
    const result = await bringInActuals(
      ledgerRows('Scheme ref,Period,Amount\nCP-099,P3,10\n'),
      undefined,
      '£',
      CAREFUL,
    );
    expect(result.ok).toBe(false);
    expect(workbook.model.findSheet('Actuals')).toBeUndefined();
  });

  it('reads a ledger from the selection, naming the sheet rows of its problems', async () => {
    workbook.setCells('Ledger', 'B3', [
      ['Cost code', 'Posting date', 'Net amount'],
      ['CP-001', '30/06/2016', 100],
      ['ZZ-1', '30/06/2016', 5],
    ]);
    workbook.select('Ledger', 'B3:D5');
    const ledger = await readLedgerSelection();
    expect(ledger.ok && ledger.value).toMatchObject({ source: 'Ledger!B3:D5', rowOffset: 2 });
    if (!ledger.ok) return;
    const preview = await previewActuals(ledger.value, undefined, '£');
    expect(preview.ok && preview.value.problems).toEqual([
      expect.objectContaining({ kind: 'unknown-ref', row: 5, sheet: 'Ledger' }),
    ]);
  });

  it('reads and writes in the same number of round trips for 10 lines as for 2,000', async () => {
    const ledgerOf = (count: number) =>
      ledgerRows(
        [
          'Scheme ref,Period,Amount,Description',
          ...Array.from(
            { length: count },
            (_, i) => `CP-00${(i % 5) + 1},P${(i % 6) + 1},${i + 1},Line ${i}`,
          ),
        ].join('\n'),
      );
    const syncsFor = async (count: number) => {
      if (workbook.model.findSheet('Actuals')) await undoLastChange();
      workbook.resetStats();
      const result = await bringInActuals(ledgerOf(count), undefined, '£', CAREFUL);
      expect(result.ok && result.value.added).toBe(count);
      return workbook.stats.syncs;
    };
    const few = await syncsFor(10);
    const many = await syncsFor(2000);
    expect(many).toBe(few);
  });

  it("maps the ledger's cost codes to schemes through the Programme's Cost code column", async () => {
    // The council's own Programme carries its ledger cost codes in a column of the table.
    const table = workbook.table('Programme')!;
    const column = table.left + table.columns.length;
    table.columns.push('Cost code');
    workbook.setCells('Programme', cellName(0, column), [['Cost code'], ['C1001'], ['C1002']]);
    const preview = await previewActuals(
      ledgerRows('Cost centre,Period,Net amount\nC1002,P4,5000\nC9999,P4,10\n'),
      undefined,
      '£',
    );
    expect(preview.ok && preview.value).toMatchObject({
      mapping: { costCode: 0, period: 1, amount: 2 },
      lines: 1,
      unknownRefs: 1,
    });
    await bringInActuals(
      ledgerRows('Cost centre,Period,Net amount\nC1002,P4,5000\n'),
      undefined,
      '£',
      CAREFUL,
    );
    expect(workbook.read('Actuals', 'A2:D2')).toEqual([['CP-002', '2016/17', 4, 0.005]]);
  });

  it('counts a line with no ref or cost code as unreadable, never as an unknown ref to bring in', async () => {
    const ledger = ledgerRows('Scheme ref,Period,Amount\n,P3,50\nCP-001,P3,10\n');
    const preview = await previewActuals(ledger, undefined, '£');
    expect(preview.ok && preview.value).toMatchObject({ lines: 1, unknownRefs: 0, unreadable: 1 });
    const result = await bringInActuals(ledger, undefined, '£', KEEP_ALL);
    expect(result.ok && result.value).toMatchObject({
      added: 1,
      leftOut: { unknownRefs: 0, unreadable: 1 },
    });
  });
});

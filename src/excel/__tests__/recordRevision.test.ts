import { FakeWorkbook } from '../../../tests/support/fake-excel';
import { workbookWithSampleProgramme } from '../../../tests/support/sampleProgramme';
import { listSchemes, recordRevision, signedAmount } from '../recordRevision';
import { phaseSchemes } from '../phaseSchemes';
import { undoLastChange } from '../undo';
import type { RevisionInput } from '../types';

const addition: RevisionInput = {
  ref: 'CP-001',
  date: { year: 2017, month: 1, day: 12 },
  kind: 'addition',
  amount: 0.42,
  reason: 'New module',
  reference: 'Cab 12/01',
  approvedBy: 'Cabinet',
};

describe('recordRevision', () => {
  let workbook: FakeWorkbook;
  beforeEach(async () => {
    workbook = await workbookWithSampleProgramme();
  });

  it('fills the empty first row of a new log, then appends below it', async () => {
    const first = await recordRevision(addition);
    expect(first).toEqual({ ok: true, value: { row: 2, signedAmount: 0.42 } });
    const second = await recordRevision({
      ...addition,
      kind: 'reduction',
      amount: 0.15,
      reason: 'Savings',
    });
    expect(second).toEqual({ ok: true, value: { row: 3, signedAmount: -0.15 } });
    expect(workbook.read('Revisions', 'A2:H3')).toEqual([
      [
        'CP-001',
        42747,
        'addition',
        0.42,
        '=IF([@Kind]="reduction",-ABS([@Amount]),IF([@Kind]="re-profile",0,[@Amount]))',
        'New module',
        'Cab 12/01',
        'Cabinet',
      ],
      [
        'CP-001',
        42747,
        'reduction',
        0.15,
        '=IF([@Kind]="reduction",-ABS([@Amount]),IF([@Kind]="re-profile",0,[@Amount]))',
        'Savings',
        'Cab 12/01',
        'Cabinet',
      ],
    ]);
    expect(workbook.table('Revisions')?.bodyRows).toBe(2);
    expect(workbook.cell('Revisions', 'B3')?.numberFormat).toBe('yyyy-mm-dd');
  });

  it('never edits past entries: only the new row changes', async () => {
    await recordRevision(addition);
    const before = workbook.snapshot();
    await recordRevision({ ...addition, kind: 'virement', amount: -0.15, reason: 'To CP-002' });
    const changed = FakeWorkbook.diff(before, workbook.snapshot());
    expect(changed).toEqual([
      'Revisions!A3',
      'Revisions!B3',
      'Revisions!C3',
      'Revisions!D3',
      'Revisions!E3',
      'Revisions!F3',
      'Revisions!G3',
      'Revisions!H3',
      'Revisions!I3',
      'Revisions!J3',
    ]);
  });

  it('records the years a re-profile moves money between in From year and To year', async () => {
    await recordRevision(addition);
    const moved = await recordRevision({
      ...addition,
      kind: 're-profile',
      amount: 0.3,
      reason: 'Slippage',
      fromYear: 2016,
      toYear: 2017,
    });
    expect(moved).toEqual({ ok: true, value: { row: 3, signedAmount: 0 } });
    expect(workbook.read('Revisions', 'I1:J3')).toEqual([
      ['From year', 'To year'],
      ['', ''],
      ['2016/17', '2017/18'],
    ]);
    const same = await recordRevision({
      ...addition,
      kind: 're-profile',
      fromYear: 2016,
      toYear: 2016,
    });
    expect(same.ok).toBe(false);
  });

  it('writes a reason that looks like a formula as text', async () => {
    await recordRevision({
      ...addition,
      reason: '=HYPERLINK("http://evil","click")',
      reference: '+44 20',
      approvedBy: '@boss',
    });
    const reason = workbook.cell('Revisions', 'F2');
    // A Text (`@`) cell keeps it as text as typed: no apostrophe, which would stay as a character.
    expect(reason).toMatchObject({
      content: '=HYPERLINK("http://evil","click")',
      isFormula: false,
      quotePrefix: false,
      numberFormat: '@',
    });
    expect(workbook.cell('Revisions', 'G2')).toMatchObject({ isFormula: false, content: '+44 20' });
    expect(workbook.cell('Revisions', 'H2')).toMatchObject({ isFormula: false, content: '@boss' });
  });

  it.each([
    [{ ref: 'CP-999' }, /no scheme with Ref 'CP-999'/],
    [{ amount: Number.NaN }, /amount cannot be read/],
    [{ kind: 'addition' as const, amount: -1 }, /addition cannot be negative/],
    [{ date: { year: 2017, month: 2, day: 30 } }, /date cannot be read/],
    [{ reason: '  ' }, /Say why/],
  ])('explains a bad entry %o without touching the workbook', async (change, message) => {
    const before = workbook.snapshot();
    const result = await recordRevision({ ...addition, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
    expect(workbook.snapshot()).toEqual(before);
  });

  it('cannot be undone: the log is append-only, and says what to do instead', async () => {
    await recordRevision(addition);
    const before = workbook.snapshot();
    const undo = await undoLastChange();
    expect(undo.ok).toBe(false);
    if (!undo.ok) expect(undo.message).toMatch(/append-only.*opposite amount/);
    expect(workbook.snapshot()).toEqual(before);
  });

  it('phases the revised budget: approved plus the logged revisions', async () => {
    await recordRevision({ ...addition, amount: 0.4 });
    await recordRevision({ ...addition, kind: 're-profile', amount: 5, reason: 'Slippage' });
    const result = await phaseSchemes({ confirm: async () => true });
    expect(result.ok).toBe(true);
    // CP-001: 2.6 + 0.4 = 3.0 in 2016/17 Q1; the re-profile adds nothing.
    expect(workbook.read('Programme', 'M2')).toEqual([[3]]);
  });

  it('lists schemes for the form', async () => {
    const schemes = await listSchemes();
    expect(schemes.ok && schemes.value[0]).toEqual({
      ref: 'CP-001',
      scheme: 'Compliance',
      area: 'ICT infrastructure',
      budgetHolder: 'Head of ICT',
      approvedBudget: 2.6,
    });
  });

  it('signs amounts as the formula does', () => {
    expect([
      signedAmount('addition', 1),
      signedAmount('reduction', 1),
      signedAmount('reduction', -1),
      signedAmount('virement', -2),
      signedAmount('re-profile', 3),
    ]).toEqual([1, -1, -1, -2, 0]);
  });
});

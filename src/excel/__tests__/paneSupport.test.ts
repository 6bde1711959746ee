/**
 * What the pane needs of the adapter to guide a finance officer: the undo history (reaching past
 * append-only revisions), the workbook's state for empty states, a unit that cannot be relabelled,
 * and hints in the programme's own years.
 */
import { installFakeExcel, type FakeWorkbook } from '../../../tests/support/fake-excel';
import { findReplaced } from '../overwrite';
import { phaseSchemes } from '../phaseSchemes';
import { recordRevision } from '../recordRevision';
import { readSettings, saveSettings, unitChangeRefusal } from '../settings';
import { setUpProgramme } from '../setUpProgramme';
import { changeHistory, forgetChanges, lastChange, undoLastChange } from '../undo';
import { describeWorkbook } from '../workbookInfo';

describe('what the pane is told about the workbook', () => {
  let workbook: FakeWorkbook;
  beforeEach(() => {
    workbook = installFakeExcel(globalThis);
    forgetChanges();
  });

  it('says there is no Programme in an empty workbook', async () => {
    expect(await describeWorkbook()).toEqual({
      ok: true,
      value: { programme: false, schemes: 0, forecastSheets: 0, monitoring: false },
    });
  });

  it('counts schemes, not the blank first row of a new programme, and names its years', async () => {
    await setUpProgramme({
      firstYear: 2026,
      lastYear: 2028,
      periods: 'quarter',
      unit: '£m',
      withSample: false,
    });
    const info = await describeWorkbook();
    expect(info).toEqual({
      ok: true,
      value: expect.objectContaining({
        programme: true,
        schemes: 0,
        firstYear: 2026,
        lastYear: 2028,
      }),
    });
    workbook.setCells('Programme', 'A2:D2', [['CP-001', 'Planned', 'ICT', 'Laptops']]);
    const after = await describeWorkbook();
    expect(after.ok && after.value.schemes).toBe(1);
  });

  it('suggests a phrase in the programme’s own first year (regression: 2016/17 in a 2026/27 programme)', async () => {
    await setUpProgramme({
      firstYear: 2026,
      lastYear: 2027,
      periods: 'quarter',
      unit: '£m',
      withSample: false,
    });
    workbook.setCells('Programme', 'A2:I2', [
      ['CP-009', 'Planned', 'ICT', 'Wi-Fi', '', '', 1.2, '', 'TBC'],
    ]);
    const result = await phaseSchemes({});
    expect(result.ok).toBe(true);
    const message = result.ok ? result.value.unphased[0].message : '';
    expect(message).toContain("'2026/27 Q2-4'");
    expect(message).not.toContain('2016/17');
    // The pane shows the Ref and name beside it: the message does not repeat them.
    expect(message).not.toContain('CP-009');
  });
});

describe('undo history', () => {
  beforeEach(async () => {
    installFakeExcel(globalThis);
    forgetChanges();
    await setUpProgramme({
      firstYear: 2016,
      lastYear: 2019,
      periods: 'quarter',
      unit: '£m',
      withSample: true,
    });
    await phaseSchemes({ confirm: async () => true });
  });

  it('reaches the phasing past a recorded revision, which stays (regression: undo was a dead end)', async () => {
    const revision = await recordRevision({
      ref: 'CP-001',
      date: { year: 2017, month: 1, day: 12 },
      kind: 'addition',
      amount: 0.42,
      reason: 'New module',
      reference: 'Cab 12/01',
      approvedBy: 'Cabinet',
    });
    expect(revision.ok).toBe(true);
    expect(lastChange()).toEqual({ label: 'Phase schemes' });
    expect(changeHistory()).toEqual([
      expect.objectContaining({
        label: 'Record revision of CP-001',
        next: false,
        irreversible: expect.stringMatching(/append-only/),
      }),
      { label: 'Phase schemes', next: true },
      { label: 'Set up programme', next: false },
    ]);
    const undone = await undoLastChange();
    expect(undone).toEqual({ ok: true, value: { label: 'Phase schemes' } });
    // The revision is still in the log and still listed.
    expect(changeHistory().map((change) => change.label)).toEqual([
      'Record revision of CP-001',
      'Set up programme',
    ]);
  });

  it('will not undo a set up under a revision written to its sheets, and says why', async () => {
    await undoLastChange(); // the phasing
    await recordRevision({
      ref: 'CP-001',
      date: { year: 2017, month: 1, day: 12 },
      kind: 'addition',
      amount: 0.42,
      reason: 'New module',
      reference: '',
      approvedBy: '',
    });
    expect(lastChange()).toBeUndefined();
    const refused = await undoLastChange();
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(
      /cannot be undone without removing it.*append-only/,
    );
  });
});

describe('the money unit', () => {
  it('refuses to relabel a programme’s figures in another unit, and keeps the old settings', async () => {
    installFakeExcel(globalThis);
    forgetChanges();
    await setUpProgramme({
      firstYear: 2016,
      lastYear: 2017,
      periods: 'quarter',
      unit: '£m',
      withSample: true,
    });
    const before = await readSettings();
    const result = await saveSettings({
      ...(before.ok ? before.value : ({} as never)),
      unit: '£k',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/relabel them, not convert them/);
    const after = await readSettings();
    expect(after.ok && after.value.unit).toBe('£m');
  });

  it.each([
    ['£m', '£m', true, false],
    ['£m', '£k', false, false],
    ['£m', '£k', true, true],
  ] as const)('from %s to %s with a programme %p refuses: %p', (from, to, programme, refused) => {
    expect(unitChangeRefusal(from, to, programme) !== undefined).toBe(refused);
  });
});

describe('the overwrite question', () => {
  it('says what each replaced cell becomes, text without its apostrophe and blanks as (blank)', () => {
    const replaced = findReplaced([[2.6, 'x', 5]], [[2.6, 'x', 5]], [[0.65, "'12 Q1", '']], 1, 7);
    expect(replaced.examples).toEqual([
      { cell: 'H2', was: '2.6', becomes: '0.65' },
      { cell: 'I2', was: 'x', becomes: '12 Q1' },
      { cell: 'J2', was: '5', becomes: '(blank)' },
    ]);
  });
});

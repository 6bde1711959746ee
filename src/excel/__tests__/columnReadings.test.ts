/**
 * The pane's role pickers: a correction of how Check read a sheet's columns is saved per sheet on
 * the settings sheet, read back and applied next time that sheet is checked, undone like any
 * other write, and ignored with a message (never a crash) when it cannot be used.
 */
import { installFakeExcel, type FakeWorkbook } from '../../../tests/support/fake-excel';
import { checkSelection, checkSheet } from '../checks';
import { saveColumnReading } from '../columnReadings';
import { readSettings, SETTINGS_SHEET } from '../settings';
import { forgetChanges, lastChange, undoLastChange } from '../undo';
import { DEFAULT_SETTINGS } from '../../workbook';

/** DOMAIN.md's table with a total rounding cannot explain (41.0 over 44.5) in column B. */
const TABLE = [
  ['Area for investment', 'Capital £m', 'Impact'],
  ['Compliance', 40, 'PSN'],
  ['Service management', 4.5, 'Calls'],
  ['TOTAL', 41, ''],
];

function totalsWrong(findings: readonly { rule: string }[]): number {
  return findings.filter((finding) => finding.rule === 'total-mismatch').length;
}

describe('remembered readings of a sheet', () => {
  let workbook: FakeWorkbook;
  beforeEach(() => {
    workbook = installFakeExcel(globalThis);
    forgetChanges();
    workbook.setCells('Outturn', 'A1', TABLE);
    workbook.setCells('Budget', 'A1', TABLE);
  });

  it('applies a saved reading next time that sheet is checked, and only that sheet', async () => {
    const before = await checkSheet('Outturn');
    expect(before.ok && totalsWrong(before.value.findings)).toBe(1);

    const saved = await saveColumnReading('Outturn', { b: 'Skip' });
    expect(saved).toEqual({ ok: true, value: { sheet: 'Outturn', columns: { B: 'skip' } } });

    const after = await checkSheet('Outturn');
    expect(after.ok).toBe(true);
    if (!after.ok) return;
    expect(totalsWrong(after.value.findings)).toBe(0);
    expect(after.value.correction).toEqual({ columns: { B: 'skip' }, text: 'B=skip' });
    expect(after.value.reading?.columns.find((c) => c.column === 'B')?.setByUser).toBe(true);
    expect(after.value.readingNotice).toBeUndefined();

    // Keyed by sheet: the other sheet is read as before.
    const other = await checkSheet('Budget');
    expect(other.ok && totalsWrong(other.value.findings)).toBe(1);
    expect(other.ok && other.value.correction).toBeUndefined();
  });

  it('keeps the reading on the hidden settings sheet beside the settings, which stay the defaults', async () => {
    await saveColumnReading('Outturn', { D: 'E-C', B: 'variance' });
    await saveColumnReading('Budget', { C: 'notes' });
    const sheet = workbook.model.findSheet(SETTINGS_SHEET);
    expect(sheet?.visibility).toBe('Hidden');
    expect(workbook.read(SETTINGS_SHEET, 'E2:G4')).toEqual([
      ['Outturn', 'B=variance; D=E-C', 1],
      ['Budget', 'C=notes', 1],
      ['', '', ''],
    ]);
    const settings = await readSettings();
    expect(settings).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('matches the sheet name as Excel does, ignoring case, and replaces rather than adds', async () => {
    await saveColumnReading('Outturn', { B: 'variance' });
    await saveColumnReading('OUTTURN', { B: 'skip' });
    expect(workbook.read(SETTINGS_SHEET, 'E2:G3')).toEqual([
      ['OUTTURN', 'B=skip', 1],
      ['', '', ''],
    ]);
  });

  it('writes a sheet name that looks like a number or a formula as text', async () => {
    workbook.setCells('2019', 'A1', TABLE);
    workbook.setCells('=Notes', 'A1', TABLE);
    await saveColumnReading('2019', { B: 'skip' });
    await saveColumnReading('=Notes', { B: 'skip' });
    expect(workbook.read(SETTINGS_SHEET, 'E2:E3')).toEqual([['2019'], ['=Notes']]);
    expect(workbook.cell(SETTINGS_SHEET, 'E3')?.isFormula).toBe(false);
    const checked = await checkSheet('2019');
    expect(checked.ok && checked.value.correction?.text).toBe('B=skip');
  });

  it('Reset forgets the reading, and the sheet is read as before', async () => {
    await saveColumnReading('Outturn', { B: 'skip' });
    await saveColumnReading('Budget', { B: 'skip' });
    const reset = await saveColumnReading('Outturn', {});
    expect(reset).toEqual({ ok: true, value: { sheet: 'Outturn', columns: {} } });
    expect(workbook.read(SETTINGS_SHEET, 'E2:G3')).toEqual([
      ['Budget', 'B=skip', 1],
      ['', '', ''],
    ]);
    const after = await checkSheet('Outturn');
    expect(after.ok && totalsWrong(after.value.findings)).toBe(1);
    expect(after.ok && after.value.correction).toBeUndefined();
  });

  it('is undoable: undo removes a settings sheet the save made, or puts the old reading back', async () => {
    await saveColumnReading('Outturn', { B: 'skip' });
    expect(lastChange()).toEqual({ label: 'Correct the reading of Outturn' });
    await undoLastChange();
    expect(workbook.model.findSheet(SETTINGS_SHEET)).toBeUndefined();

    await saveColumnReading('Outturn', { B: 'skip' });
    await saveColumnReading('Outturn', { B: 'variance' });
    await undoLastChange();
    expect(workbook.read(SETTINGS_SHEET, 'E2:G2')).toEqual([['Outturn', 'B=skip', 1]]);
  });

  it('is all-or-nothing: a refused write leaves the settings sheet as it was and says why', async () => {
    await saveColumnReading('Outturn', { B: 'skip' });
    const settings = workbook.model.findSheet(SETTINGS_SHEET)!;
    const unprotected = settings.protection;
    const before = workbook.read(SETTINGS_SHEET, 'A1:G202');
    settings.protection = { protected: true, options: {} } as never;
    const refused = await saveColumnReading('Outturn', { B: 'variance' });
    expect(refused.ok).toBe(false);
    settings.protection = unprotected;
    expect(workbook.read(SETTINGS_SHEET, 'A1:G202')).toEqual(before);
    expect(lastChange()).toEqual({ label: 'Correct the reading of Outturn' });
    const checked = await checkSheet('Outturn');
    expect(checked.ok && checked.value.correction?.text).toBe('B=skip');
  });

  it('refuses a role it cannot read, and a reading too long for one cell, writing nothing', async () => {
    const bad = await saveColumnReading('Outturn', { G: 'total' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/Column G: 'total' is not a role or a formula/);
    const many: Record<string, string> = {};
    for (let i = 0; i < 3000; i++)
      many[
        `${String.fromCharCode(65 + Math.floor(i / 676))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}${String.fromCharCode(65 + (i % 26))}`
      ] = 'percentage';
    const long = await saveColumnReading('Outturn', many);
    expect(!long.ok && long.message).toMatch(/more than one Excel cell holds \(32,767\)/);
    expect(workbook.model.findSheet(SETTINGS_SHEET)).toBeUndefined();
  });

  it.each([
    ['unreadable', ['Outturn', 'B skip', 1], /'B skip' cannot be read/],
    ['saved by another version', ['Outturn', 'B=skip', 2], /format 2 by another version/],
    ['with no format', ['Outturn', 'B=skip', ''], /does not say 1/],
    ['not text', ['Outturn', 42, 1], /not text/],
  ])(
    'ignores a corrupt saved reading (%s) with a message and checks as read',
    async (_n, row, why) => {
      workbook.setCells(SETTINGS_SHEET, 'E1', [['Sheet', 'Columns read as', 'Format'], row]);
      const checked = await checkSheet('Outturn');
      expect(checked.ok).toBe(true);
      if (!checked.ok) return;
      expect(checked.value.readingNotice).toMatch(why);
      expect(checked.value.readingNotice).toMatch(/was ignored.*Reset to forget it/);
      expect(totalsWrong(checked.value.findings)).toBe(1);
      expect(checked.value.correction).toBeUndefined();
    },
  );

  it('ignores, with a message, a saved reading the table no longer fits', async () => {
    // B worked out from itself: the engine refuses it, and the check runs as read.
    workbook.setCells(SETTINGS_SHEET, 'E1', [
      ['Sheet', 'Columns read as', 'Format'],
      ['Outturn', 'B=C-B', 1],
    ]);
    const checked = await checkSheet('Outturn');
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.readingNotice).toMatch(
      /\(B=C-B\) was ignored: Column B cannot be worked out from itself/,
    );
    expect(checked.value.findings.some((f) => f.rule === 'column-override')).toBe(false);
    expect(totalsWrong(checked.value.findings)).toBe(1);
    expect(checked.value.correction).toBeUndefined();
  });

  it('leaves out, and says so, entries for columns a whole-sheet check does not hold', async () => {
    await saveColumnReading('Outturn', { B: 'skip', Z: 'variance' });
    const checked = await checkSheet('Outturn');
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.correction?.text).toBe('B=skip');
    expect(checked.value.readingNotice).toMatch(/names a column \(Z\) outside the table.*A1:C4/);
  });

  it('applies to a selection only the entries whose columns it holds', async () => {
    await saveColumnReading('Outturn', { B: 'skip', G: 'variance' });
    workbook.select('Outturn', 'A1:C4');
    const checked = await checkSelection();
    expect(checked.ok && checked.value.correction).toEqual({
      columns: { B: 'skip' },
      text: 'B=skip',
    });
    expect(checked.ok && totalsWrong(checked.value.findings)).toBe(0);
    expect(checked.ok && checked.value.readingNotice).toBeUndefined();
  });

  it('checks the active sheet with its saved reading (regression: "Check the active sheet" read isNullObject of the active sheet and failed)', async () => {
    await saveColumnReading('Outturn', { B: 'skip' });
    workbook.select('Outturn', 'A1');
    const checked = await checkSheet();
    expect(checked.ok ? checked.value.correction?.text : checked.message).toBe('B=skip');
  });

  it('says why a refused save failed', async () => {
    await saveColumnReading('Outturn', { B: 'skip' });
    workbook.model.findSheet(SETTINGS_SHEET)!.protection = {
      protected: true,
      options: {},
    } as never;
    const refused = await saveColumnReading('Outturn', { B: 'variance' });
    expect(!refused.ok && refused.message).toMatch(
      /protected|locked|Nothing was changed|put back/i,
    );
  });
});

/**
 * Regression: with the In-year monitoring sheet at 2016/17 P3 and the Settings moved on to P6,
 * Make forecast sheets and Gather moved the sheet on without asking (the P3 figures replaced), and
 * Settings behind the sheet, or in another year, would have moved it just as silently. Now moving
 * on is asked through the overwrite dialog (a no writes nothing at all), and moving back or to
 * another year is refused with what the sheet states, what the Settings say and what to do.
 */
import { type FakeWorkbook } from '../../../tests/support/fake-excel';
import { monitorAt, workbookWithSampleProgramme } from '../../../tests/support/sampleProgramme';
import { shownSnapshot } from '../../../tests/support/fake-excel/shownSnapshot';
import { IN_YEAR_SHEET, POSITION_SHEET } from '../../workbook';
import { generateForecastSheets } from '../forecastSheets';
import { gatherForecasts } from '../monitoring';
import { phaseSchemes } from '../phaseSchemes';
import type { OverwriteNotice } from '../types';
import { lastChange, undoLastChange } from '../undo';

/** A confirm that records what it was asked and answers `answer`. */
function asking(answer: boolean) {
  const asked: OverwriteNotice[] = [];
  const confirm = async (notice: OverwriteNotice) => {
    asked.push(notice);
    return answer;
  };
  return { asked, confirm };
}

describe('moving the In-year monitoring sheet to the Settings’ period', () => {
  let workbook: FakeWorkbook;
  beforeEach(async () => {
    workbook = await workbookWithSampleProgramme();
    expect((await phaseSchemes()).ok).toBe(true);
    await monitorAt(3);
    expect((await generateForecastSheets()).ok).toBe(true);
    expect((await gatherForecasts({ confirm: async () => true })).ok).toBe(true);
    expect(workbook.read(IN_YEAR_SHEET, 'D3:E3')).toEqual([[3, '2016/17']]);
  });

  it('regression: Gather asks before moving the sheet on from P3 to P6, saying what is kept and that Undo puts it back', async () => {
    await monitorAt(6);
    const { asked, confirm } = asking(false);
    await gatherForecasts({ confirm });
    const move = asked.find((notice) => notice.sheet === IN_YEAR_SHEET);
    expect(move).toMatchObject({
      action: 'Gather forecasts',
      title: 'Move In-year monitoring on from 2016/17 P3 to 2016/17 P6?',
      confirmLabel: 'Move on',
    });
    expect(move?.message).toContain('on from 2016/17 P3 to 2016/17 P6');
    expect(move?.message).toContain('explanations and links to returns carry over');
    expect(move?.message).toContain('Monitoring history keeps the 2016/17 P3 snapshots');
    expect(move?.message).toContain('"Undo last change" puts 2016/17 P3 back');
    // The cells it replaces, as the dialog lists them: D3 goes from 3 to 6.
    expect(move?.examples).toEqual(
      expect.arrayContaining([{ cell: 'D3', was: '3', becomes: '6' }]),
    );
    expect(move?.cellCount).toBeGreaterThan(0);
  });

  it('regression: a no to moving on writes nothing at all, and says so', async () => {
    await monitorAt(6);
    const before = workbook.fullSnapshot();
    const { confirm } = asking(false);
    const gathered = await gatherForecasts({ confirm });
    expect(gathered).toEqual({
      ok: false,
      cancelled: true,
      message:
        "Gather forecasts was cancelled: the 'In-year monitoring' sheet stays at 2016/17 P3; nothing was changed.",
    });
    expect(workbook.fullSnapshot()).toBe(before);
    expect(lastChange()?.label).toBe('Save settings');

    const made = await generateForecastSheets({ confirm });
    expect(made).toMatchObject({ ok: false, cancelled: true });
    expect(!made.ok && made.message).toContain('Make forecast sheets was cancelled');
    expect(workbook.fullSnapshot()).toBe(before);
    expect(lastChange()?.label).toBe('Save settings');
  });

  it('without a way to ask, moving on is refused and nothing is written', async () => {
    await monitorAt(6);
    const before = workbook.fullSnapshot();
    const gathered = await gatherForecasts();
    expect(gathered.ok).toBe(false);
    expect(!gathered.ok && gathered.message).toMatch(/Nothing was changed: confirm first\.$/);
    expect(workbook.fullSnapshot()).toBe(before);
  });

  it('a yes moves the sheet on to P6, and Undo puts the whole workbook back exactly', async () => {
    await monitorAt(6);
    // Exactly as Excel shows it: the history rows appended at P6 come back blank and General,
    // which is no cell at all in Excel (the stand-in lists them; see shownSnapshot).
    const before = shownSnapshot(workbook);
    const { asked, confirm } = asking(true);
    const gathered = await gatherForecasts({ confirm });
    expect(gathered.ok).toBe(true);
    expect(gathered.ok && gathered.value.inYear?.movedFrom).toEqual({ year: 2016, period: 3 });
    expect(asked.filter((notice) => notice.sheet === IN_YEAR_SHEET)).toHaveLength(1);
    expect(workbook.read(IN_YEAR_SHEET, 'D3:E3')).toEqual([[6, '2016/17']]);
    expect(workbook.read(POSITION_SHEET, 'A1:K3').flat().join(' ')).toContain('P6');
    expect((await undoLastChange()).ok).toBe(true);
    expect(shownSnapshot(workbook)).toEqual(before);
  });

  it('Make forecast sheets asks the same, and a yes moves the sheet on', async () => {
    await monitorAt(6);
    const { asked, confirm } = asking(true);
    const made = await generateForecastSheets({ confirm });
    expect(made.ok && made.value.monitoring?.movedFrom).toEqual({ year: 2016, period: 3 });
    expect(asked.map((notice) => notice.action)).toEqual(['Make forecast sheets']);
    expect(workbook.read(IN_YEAR_SHEET, 'D3')).toEqual([[6]]);
  });

  it('the same period asks nothing', async () => {
    const { asked, confirm } = asking(true);
    expect((await generateForecastSheets({ confirm })).ok).toBe(true);
    expect(asked.filter((notice) => notice.sheet === IN_YEAR_SHEET)).toEqual([]);
  });

  it('regression: Settings behind the sheet (P3 when it states P6) are refused with both periods and the fix; nothing written, nothing asked', async () => {
    await monitorAt(6);
    expect((await gatherForecasts({ confirm: async () => true })).ok).toBe(true);
    await monitorAt(3);
    const before = workbook.fullSnapshot();
    for (const act of [gatherForecasts, generateForecastSheets]) {
      const { asked, confirm } = asking(true);
      const result = await act({ confirm });
      expect(result).toEqual({
        ok: false,
        message:
          "The 'In-year monitoring' sheet states 2016/17 P6 (its cells D3:E3) but the Settings say 2016/17 P3, an earlier period: nothing was changed. Moving the sheet back would replace its 2016/17 P6 figures. If 2016/17 P3 is a slip, set the Settings' period to 6 (or later); to look at 2016/17 P3, see its snapshots in the Monitoring history.",
      });
      expect(asked).toEqual([]);
      expect(workbook.fullSnapshot()).toBe(before);
    }
  });

  it('regression: Settings in the next year before the year is closed are refused: close the year first', async () => {
    await monitorAt(1, 2017);
    const before = workbook.fullSnapshot();
    const { asked, confirm } = asking(true);
    const result = await gatherForecasts({ confirm });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(
      "The 'In-year monitoring' sheet states 2016/17 P3 (its cells D3:E3) but the Settings say 2017/18 P1, another financial year: nothing was changed. To start 2017/18, close 2016/17 first (Monitor > Close year, at P12), which moves the Settings on to its P1; otherwise set the Settings back to 2016/17.",
    );
    expect(asked).toEqual([]);
    expect(workbook.fullSnapshot()).toBe(before);
  });

  it('Settings in an earlier year are refused the same way', async () => {
    await monitorAt(12, 2015);
    const before = workbook.fullSnapshot();
    const result = await generateForecastSheets({ confirm: async () => true });
    expect(!result.ok && result.message).toContain(
      "but the Settings say 2015/16 P12, another financial year: nothing was changed. Set the Settings' year back to 2016/17",
    );
    expect(workbook.fullSnapshot()).toBe(before);
  });
});

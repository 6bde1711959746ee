/**
 * The one rule for moving the In-year monitoring sheet to the period the settings name (regression:
 * Make forecast sheets and Gather moved a P3 sheet on to P6 without asking, and would move it back
 * to P3, or to another year, just as silently).
 */
import { inYearMoveOf, inYearSettingsNote, yearClosedInRevisions, REVISION_COLUMNS } from '..';

const at = (year: number, period: number) =>
  ({ year, period }) as { year: number; period: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 };

describe('inYearMoveOf', () => {
  it('the same period: nothing moves', () => {
    expect(inYearMoveOf(at(2016, 3), at(2016, 3), 4, false)).toEqual({
      kind: 'same',
      at: at(2016, 3),
    });
  });

  it('regression: a later period of the year is asked first, saying what is kept and that Undo puts it back', () => {
    const move = inYearMoveOf(at(2016, 3), at(2016, 6), 4, false);
    expect(move).toMatchObject({ kind: 'moveOn', from: at(2016, 3), to: at(2016, 6) });
    if (move.kind !== 'moveOn') return;
    expect(move.afterClosing).toBe(false);
    expect(move.question).toBe(
      'Gathering at 2016/17 P6 moves the \'In-year monitoring\' sheet (and the Capital budget position) on from 2016/17 P3 to 2016/17 P6: its 2016/17 P3 figures are replaced. The forecasts, explanations and links to returns carry over, and the Monitoring history keeps the 2016/17 P3 snapshots already gathered. A copy is kept: "Undo last change" puts 2016/17 P3 back.',
    );
  });

  it('P11 to P12, the last period of the year, is moving on', () => {
    expect(inYearMoveOf(at(2016, 11), at(2016, 12), 4, false).kind).toBe('moveOn');
  });

  it('regression: an earlier period of the year is refused, naming both periods and the fix', () => {
    const move = inYearMoveOf(at(2016, 6), at(2016, 3), 4, false);
    expect(move.kind).toBe('backwards');
    expect(move.kind === 'backwards' && move.message).toBe(
      "The 'In-year monitoring' sheet states 2016/17 P6 (its cells D3:E3) but the Settings say 2016/17 P3, an earlier period: nothing was changed. Moving the sheet back would replace its 2016/17 P6 figures. If 2016/17 P3 is a slip, set the Settings' period to 6 (or later); to look at 2016/17 P3, see its snapshots in the Monitoring history.",
    );
  });

  it('the next year before the stated one is closed is refused: close it first', () => {
    const move = inYearMoveOf(at(2016, 12), at(2017, 1), 4, false);
    expect(move.kind).toBe('otherYear');
    expect(move.kind === 'otherYear' && move.message).toBe(
      "The 'In-year monitoring' sheet states 2016/17 P12 (its cells D3:E3) but the Settings say 2017/18 P1, another financial year: nothing was changed. To start 2017/18, close 2016/17 first (Monitor > Close year, at P12), which moves the Settings on to its P1; otherwise set the Settings back to 2016/17.",
    );
  });

  it('the next year once the stated year is closed moves on, asked, as the closed year’s record', () => {
    const move = inYearMoveOf(at(2016, 12), at(2017, 1), 4, true);
    expect(move).toMatchObject({ kind: 'moveOn', afterClosing: true });
    expect(move.kind === 'moveOn' && move.question).toMatch(
      /^2016\/17 is closed and the Settings now say 2017\/18 P1: .* from 2016\/17 P12 to 2017\/18 P1, .*"Undo last change" puts 2016\/17 P12 back\.$/,
    );
  });

  it('P1 of the year is later than P12 of the year before (year boundary), but a year is never skipped', () => {
    expect(inYearMoveOf(at(2016, 12), at(2017, 1), 4, false).kind).toBe('otherYear');
    expect(inYearMoveOf(at(2016, 3), at(2018, 1), 4, true).kind).toBe('otherYear');
    expect(inYearMoveOf(at(2016, 3), at(2018, 1), 4, true)).toMatchObject({
      message: expect.stringContaining("Set the Settings' year back to 2016/17"),
    });
  });

  it('an earlier year is refused even when the settings’ period number is later', () => {
    const move = inYearMoveOf(at(2017, 1), at(2016, 12), 4, true);
    expect(move.kind).toBe('otherYear');
    expect(move.kind === 'otherYear' && move.message).toContain('the Settings say 2016/17 P12');
  });

  it('a council whose year starts in January names years as one number', () => {
    const move = inYearMoveOf(at(2016, 3), at(2017, 3), 1, false);
    expect(move.kind === 'otherYear' && move.message).toContain(
      'states 2016 P3 (its cells D3:E3) but the Settings say 2017 P3',
    );
    expect(inYearMoveOf(at(2016, 3), at(2016, 6), 1, false).kind).toBe('moveOn');
  });
});

describe('yearClosedInRevisions', () => {
  const line = (reference: string) =>
    REVISION_COLUMNS.map((name) =>
      name === 'Reference' ? reference : name === 'Ref' ? 'CP-001' : '',
    );

  it('finds the closing lines by their reference, for the council’s start month', () => {
    expect(yearClosedInRevisions([line('Cabinet'), line('Outturn 2016/17')], 2016, 4)).toBe(true);
    expect(yearClosedInRevisions([line('Outturn 2016/17 ')], 2016, 4)).toBe(true);
    expect(yearClosedInRevisions([line('Outturn 2015/16')], 2016, 4)).toBe(false);
    expect(yearClosedInRevisions([line('Outturn 2016')], 2016, 1)).toBe(true);
    expect(yearClosedInRevisions([], 2016, 4)).toBe(false);
  });
});

describe('inYearSettingsNote (what the command line says; it never moves the sheet)', () => {
  it('says nothing when the Settings and the sheet agree', () => {
    expect(inYearSettingsNote(at(2016, 8), at(2016, 8), 4)).toBeUndefined();
  });

  it('Settings ahead: gathered at the sheet’s period, the pane moves it on', () => {
    expect(inYearSettingsNote(at(2016, 3), at(2016, 6), 4)).toBe(
      "The Settings say 2016/17 P6 but the 'In-year monitoring' sheet states 2016/17 P3: gathered at 2016/17 P3, the period the sheet states. The command line does not move the sheet on: Gather in the task pane does, after asking.",
    );
    expect(inYearSettingsNote(at(2016, 12), at(2017, 1), 4)).toMatch(
      /after asking \(for 2017\/18, once 2016\/17 is closed\)\.$/,
    );
  });

  it('Settings behind, in the year or the year before: said, with the fix', () => {
    expect(inYearSettingsNote(at(2016, 8), at(2016, 3), 4)).toBe(
      "The Settings say 2016/17 P3 but the 'In-year monitoring' sheet states 2016/17 P8: gathered at 2016/17 P8, the period the sheet states, later than the Settings: move the Settings on to 2016/17 P8 if they are behind.",
    );
    expect(inYearSettingsNote(at(2017, 1), at(2016, 12), 4)).toContain('later than the Settings');
  });
});

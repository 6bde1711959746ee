/**
 * Gather's in-year result in the pane's words: the period named from the settings' year start,
 * each problem with the cell it names (so the pane can link to it), and the sentence shown after
 * a gathering, including a second gathering at the same period that adds no snapshot.
 */
import { inYearSentence, problemWithCell, summariseInYearGathering } from '../excelActions';

describe('the in-year result of a gathering', () => {
  it('names the cell a problem is about', () => {
    expect(
      problemWithCell(
        "the in-year forecast for CP-001 ('Forecast - Head of ICT'!I5) is not a figure: type it as a number, e.g. 2.4",
      ),
    ).toMatchObject({ sheet: 'Forecast - Head of ICT', cell: 'I5' });
    expect(
      problemWithCell(
        "'In-year monitoring' row 7 (CP-003) has no figure for Forecast: the in-year sheets were not updated",
      ),
    ).toMatchObject({ sheet: 'In-year monitoring', cell: 'A7' });
    expect(problemWithCell("the Holder's sheet is gone")).toEqual({
      text: "the Holder's sheet is gone",
    });
  });

  it('names the period and the period moved on from, in the year the settings start', () => {
    const summary = summariseInYearGathering(
      {
        at: { year: 2016, period: 6 },
        updated: 9,
        appended: 9,
        refused: [],
        problems: [],
        added: ['Actuals', 'Monitoring history'],
        movedFrom: { year: 2016, period: 3 },
      },
      4,
    );
    expect(summary).toEqual({
      period: '2016/17 P6',
      updated: 9,
      appended: 9,
      refused: [],
      problems: [],
      added: ['Actuals', 'Monitoring history'],
      movedFrom: '2016/17 P3',
    });
    expect(inYearSentence(summary)).toBe(
      ' In-year monitoring 2016/17 P6: 9 schemes updated, 9 snapshots added to Monitoring history.',
    );
  });

  it('says why a second gathering at the same period added no snapshot', () => {
    const summary = summariseInYearGathering({
      at: { year: 2016, period: 3 },
      updated: 9,
      appended: 0,
      refused: ['CP-001 already has a snapshot at 2016/17 P3'],
      problems: [],
    });
    expect(inYearSentence(summary)).toBe(
      ' In-year monitoring 2016/17 P3: 9 schemes updated, no snapshot added: CP-001 already has a snapshot at 2016/17 P3.',
    );
  });
});

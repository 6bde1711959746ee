import { linkedCell } from '../consolidate/forecastLink';

describe('linkedCell', () => {
  it("follows the task pane's blank-safe link to a budget holder's sheet", () => {
    expect(
      linkedCell(`IF(ISBLANK('Forecast - Head of ICT'!F5),"",'Forecast - Head of ICT'!F5)`),
    ).toEqual({
      sheet: 'Forecast - Head of ICT',
      row: 5,
      column: 6,
    });
  });

  it('follows a plain link, absolute or not, and a quoted name with an apostrophe', () => {
    expect(linkedCell('=Returns!$AB$12')).toEqual({ sheet: 'Returns', row: 12, column: 28 });
    expect(linkedCell(`'Forecast - O''Neil'!F7`)).toEqual({
      sheet: "Forecast - O'Neil",
      row: 7,
      column: 6,
    });
  });

  it.each([
    ['arithmetic', 'C4-D4'],
    ['a sum', 'SUM(Returns!F5:F9)'],
    ['a guard on one cell that shows another', `IF(ISBLANK(Returns!F5),"",Returns!F6)`],
    ['a reference on the same sheet', 'F5'],
  ])('does not follow %s', (_what, formula) => {
    expect(linkedCell(formula)).toBeUndefined();
  });
});

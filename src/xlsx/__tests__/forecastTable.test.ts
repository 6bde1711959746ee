import { findForecastTable } from '../consolidate/forecastTable';

const header = (values: unknown[][]) => findForecastTable({ sheet: 'Return', values });

describe('findForecastTable reads this version’s returns and last version’s', () => {
  it("takes this version's All-years forecast as the forecast, and the in-year forecast, in-year budget and explanation apart", () => {
    const table = header([
      [
        'Ref',
        'Scheme',
        'Current budget',
        'All-years forecast outturn',
        'In-year budget 2016/17',
        'Actual to date P8',
        'In-year forecast outturn 2016/17',
        'Explanation',
      ],
      ['CP-003', 'Technology refresh', 4.32, 4.32, 4.32, 2.59, 3.92, 'Slips to April'],
    ])!;
    expect(table.forecast.header).toBe('All-years forecast outturn');
    expect(table.inYearForecast?.header).toBe('In-year forecast outturn 2016/17');
    expect(table.inYearBudget?.header).toBe('In-year budget 2016/17');
    expect(table.explanation?.header).toBe('Explanation');
    expect(table.rows[0]).toMatchObject({
      ref: 'CP-003',
      forecast: 4.32,
      inYearForecast: 3.92,
      inYearBudget: 4.32,
      explanation: 'Slips to April',
    });
  });

  it("reads last version's one Forecast outturn as the whole-life forecast, its Comment as the explanation", () => {
    const table = header([
      ['Ref', 'Scheme', 'Area', 'Approved budget', 'Current budget', 'Forecast outturn', 'Comment'],
      ['CP-001', 'Compliance', 'ICT', 2.6, 2.6, 2.5, ''],
    ])!;
    expect(table.forecast.header).toBe('Forecast outturn');
    expect(table.inYearForecast).toBeUndefined();
    expect(table.explanation?.header).toBe('Comment');
    expect(table.rows[0]).toMatchObject({ forecast: 2.5, explanation: '' });
  });

  it('takes a return whose only forecast is headed with the year as its forecast, as before', () => {
    const table = header([
      ['Ref', 'Budget £m', '19/20 Forecast £m'],
      ['ICT-01', 3, 2.8],
    ])!;
    expect(table.forecast.header).toBe('19/20 Forecast £m');
    expect(table.inYearForecast).toBeUndefined();
  });
});

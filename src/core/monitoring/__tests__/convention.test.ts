import fc from 'fast-check';
import { type Decimal, decimal, fromNumber, roundTo } from '../../money/decimal';
import { ContractError } from '../../errors';
import { recogniseConvention } from '../convention';
import { variance } from '../variance';
import type { VarianceConvention } from '../types';

const d = fromNumber;
const row = (budget: number, forecast: number, printed: number) => ({
  budget: d(budget),
  forecast: d(forecast),
  variance: d(printed),
});

describe('recogniseConvention', () => {
  it('recognises budget - forecast from printed underspends', () => {
    const evidence = recogniseConvention([
      row(2.6, 2.4, 0.2),
      row(1.1, 1.3, -0.2),
      row(3.9, 3.9, 0),
    ]);
    expect(evidence).toEqual({
      convention: 'budget-minus-forecast',
      budgetMinusForecast: 2,
      forecastMinusBudget: 0,
      either: 1,
      neither: 0,
    });
  });

  it('recognises forecast - budget from printed overspends', () => {
    const evidence = recogniseConvention([row(2.6, 2.8, 0.2), row(1.1, 1.0, -0.1)]);
    expect(evidence.convention).toBe('forecast-minus-budget');
  });

  it('lets most rows win when one row is printed wrongly', () => {
    const evidence = recogniseConvention([
      row(2.6, 2.4, 0.2),
      row(1.1, 1.3, -0.2),
      row(5, 4, -1),
      row(7, 1, 3),
    ]);
    expect(evidence).toMatchObject({
      convention: 'budget-minus-forecast',
      budgetMinusForecast: 2,
      forecastMinusBudget: 1,
      neither: 1,
    });
  });

  it('accepts variances that differ only by rounding of the shown figures', () => {
    // 2.64 - 2.46 = 0.18 shown as 0.2 beside 2.6 and 2.5: within 3 x 0.05.
    const evidence = recogniseConvention([row(2.6, 2.5, 0.2)], { decimals: 1 });
    expect(evidence.convention).toBe('budget-minus-forecast');
  });

  it('gives no convention when no row tells them apart, or on a tie', () => {
    expect(recogniseConvention([]).convention).toBeUndefined();
    expect(recogniseConvention([row(1, 1, 0)]).convention).toBeUndefined();
    expect(recogniseConvention([row(2, 1, 1), row(2, 1, -1)]).convention).toBeUndefined();
  });

  it('refuses impossible decimals (a bug in the caller)', () => {
    expect(() => recogniseConvention([], { decimals: -1 })).toThrow(ContractError);
  });

  it('recovers the convention used to print the rows', () => {
    const figure = fc.integer({ min: -1e9, max: 1e9 });
    fc.assert(
      fc.property(
        fc.constantFrom<VarianceConvention>('budget-minus-forecast', 'forecast-minus-budget'),
        fc.array(fc.tuple(figure, figure), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 0, max: 2 }),
        (convention, pairs, scale, shown) => {
          // Figures at `scale` places, printed rounded to `shown` places, as a report would show them.
          const print = (value: Decimal) => roundTo(value, shown);
          const rows = pairs.map(([b, f]) => {
            const budget = decimal(b, scale);
            const forecast = decimal(f, scale);
            return {
              budget: print(budget),
              forecast: print(forecast),
              variance: print(variance(budget, forecast, convention)),
            };
          });
          const evidence = recogniseConvention(rows, { decimals: shown });
          expect(evidence.neither).toBe(0);
          // A row tells the conventions apart when budget and forecast differ by more than rounding.
          const telling = pairs.some(
            ([b, f]) => Math.abs(b - f) > 1.5 * 10 ** (scale - shown) + 10 ** (scale - shown),
          );
          if (telling) expect(evidence.convention).toBe(convention);
          if (evidence.convention !== undefined) expect(evidence.convention).toBe(convention);
        },
      ),
      { numRuns: 300 },
    );
  });
});

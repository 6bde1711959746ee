import fc from 'fast-check';
import { decimal, equals, formatDecimal, fromNumber, negate } from '../../money/decimal';
import { currentBudget, parseConvention, variance } from '../variance';

const d = fromNumber;

describe('variance', () => {
  it('is budget minus forecast by default, so an underspend is positive', () => {
    expect(formatDecimal(variance(d(2.6), d(2.4)))).toBe('0.2');
    expect(formatDecimal(variance(d(2.6), d(2.8)))).toBe('-0.2');
  });

  it('is forecast minus budget under the opposite convention', () => {
    expect(formatDecimal(variance(d(2.6), d(2.8), 'forecast-minus-budget'))).toBe('0.2');
    expect(formatDecimal(variance(d(2.6), d(2.4), 'forecast-minus-budget'))).toBe('-0.2');
  });

  it('is exact where floats are not (0.3 - 0.1 is 0.2, not 0.19999999999999998)', () => {
    expect(equals(variance(d(0.3), d(0.1)), decimal(2, 1))).toBe(true);
  });

  it('gives opposite signs under the two conventions for any figures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 3 }),
        (b, f, scale) => {
          const budget = decimal(b, scale);
          const forecast = decimal(f, scale);
          expect(
            equals(
              variance(budget, forecast, 'forecast-minus-budget'),
              negate(variance(budget, forecast)),
            ),
          ).toBe(true);
          expect(variance(budget, forecast).units).toBe(b - f);
        },
      ),
    );
  });
});

describe('currentBudget', () => {
  it('uses the revised budget when there is one, else the approved budget', () => {
    expect(formatDecimal(currentBudget(d(3.1), d(4.245)))).toBe('4.245');
    expect(formatDecimal(currentBudget(d(3.1)))).toBe('3.1');
  });

  it('keeps a revised budget of zero (a cancelled scheme) rather than falling back', () => {
    expect(formatDecimal(currentBudget(d(3.1), d(0)))).toBe('0');
  });
});

describe('parseConvention', () => {
  it.each([
    ['budget-minus-forecast', 'budget-minus-forecast'],
    ['Budget - Forecast', 'budget-minus-forecast'],
    ['budget minus forecast outturn', 'budget-minus-forecast'],
    ['positive = underspend', 'budget-minus-forecast'],
    ['forecast-minus-budget', 'forecast-minus-budget'],
    ['Forecast \u2212 Budget', 'forecast-minus-budget'],
    ['Forecast outturn less budget', 'forecast-minus-budget'],
    ['positive = overspend', 'forecast-minus-budget'],
    ['', 'budget-minus-forecast'],
  ])('reads %p as %s', (text, expected) => {
    expect(parseConvention(text)).toEqual({ ok: true, value: expected });
  });

  it('says how to write a convention it cannot read', () => {
    const result = parseConvention('upside down');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toMatch(/'upside down'.*'budget - forecast'.*'forecast - budget'/);
  });
});

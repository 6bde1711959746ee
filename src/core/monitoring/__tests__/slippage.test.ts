import fc from 'fast-check';
import {
  add,
  decimal,
  equals,
  formatDecimal,
  fromNumber,
  isZero,
  subtract,
} from '../../money/decimal';
import { splitVariance } from '../slippage';

const d = fromNumber;

describe('splitVariance', () => {
  it('keeps slippage apart from true underspend', () => {
    const split = splitVariance({
      inYearBudget: d(10),
      inYearForecast: d(7),
      allYearsBudget: d(50),
      allYearsForecast: d(49),
    });
    expect(formatDecimal(split.slippage)).toBe('2');
    expect(formatDecimal(split.underspend)).toBe('1');
  });

  it('calls the whole in-year variance slippage when the all-years forecast is unchanged', () => {
    const split = splitVariance({
      inYearBudget: d(4.2),
      inYearForecast: d(3.1),
      allYearsBudget: d(12.5),
      allYearsForecast: d(12.5),
    });
    expect(formatDecimal(split.slippage)).toBe('1.1');
    expect(isZero(split.underspend)).toBe(true);
  });

  it('shows an all-years overspend as a negative underspend and the rest as slippage', () => {
    const split = splitVariance({
      inYearBudget: d(4),
      inYearForecast: d(3),
      allYearsBudget: d(10),
      allYearsForecast: d(10.5),
    });
    expect(formatDecimal(split.underspend)).toBe('-0.5');
    expect(formatDecimal(split.slippage)).toBe('1.5');
  });

  it('shows spend brought forward as negative slippage', () => {
    const split = splitVariance({
      inYearBudget: d(4),
      inYearForecast: d(5),
      allYearsBudget: d(10),
      allYearsForecast: d(10),
    });
    expect(formatDecimal(split.slippage)).toBe('-1');
  });

  it('always adds up exactly to the in-year variance', () => {
    const money = fc.integer({ min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(
        money,
        money,
        money,
        money,
        fc.integer({ min: 0, max: 3 }),
        (ib, ifc, ab, af, scale) => {
          const figures = {
            inYearBudget: decimal(ib, scale),
            inYearForecast: decimal(ifc, scale),
            allYearsBudget: decimal(ab, scale),
            allYearsForecast: decimal(af, scale),
          };
          const split = splitVariance(figures);
          expect(
            equals(
              add(split.slippage, split.underspend),
              subtract(figures.inYearBudget, figures.inYearForecast),
            ),
          ).toBe(true);
          expect(split.underspend.units).toBe(ab - af);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { ContractError } from '../../errors';
import { decimal, formatDecimal, fromNumber } from '../decimal';
import { multiplyRounded, scaleByRatio } from '../ratio';

describe('scaleByRatio', () => {
  it('rounds thirds as ROUND(x*n/d, 2) does', () => {
    expect(formatDecimal(scaleByRatio(fromNumber(100), decimal(1), decimal(3), 2))).toBe('33.33');
    expect(formatDecimal(scaleByRatio(fromNumber(100), decimal(2), decimal(3), 2))).toBe('66.67');
  });

  it('rounds halves away from zero, negatives too', () => {
    expect(formatDecimal(scaleByRatio(fromNumber(0.05), decimal(1), decimal(2), 2))).toBe('0.03');
    expect(formatDecimal(scaleByRatio(fromNumber(-0.05), decimal(1), decimal(2), 2))).toBe('-0.03');
  });

  it('multiplies beyond 2^53 in the product without losing a penny', () => {
    // 90,000,000,000.01 x 4567 / 10000 = 41,103,000,000.004567: the product of units is ~4e16.
    expect(
      formatDecimal(scaleByRatio(fromNumber(90000000000.01), decimal(4567), decimal(10000), 2)),
    ).toBe('41103000000.00');
  });

  it('refuses a zero denominator as a contract break', () => {
    expect(() => scaleByRatio(decimal(1), decimal(1), decimal(0), 2)).toThrow(ContractError);
  });

  it('gives back the value when the ratio is one (any value)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 1, max: 1e6 }),
        (units, n) => {
          expect(scaleByRatio(decimal(units, 2), decimal(n), decimal(n), 2).units).toBe(units);
        },
      ),
    );
  });
});

describe('multiplyRounded', () => {
  it('is interest at a rate, rounded once', () => {
    expect(formatDecimal(multiplyRounded(fromNumber(1234.56), fromNumber(0.045), 2))).toBe('55.56');
  });
});

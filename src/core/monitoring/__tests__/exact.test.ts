import fc from 'fast-check';
import { decimal, fromNumber } from '../../money/decimal';
import { ContractError } from '../../errors';
import { compareProducts, percentAsDecimal, percentMatches } from '../exact';

describe('compareProducts', () => {
  it('compares products exactly where floats round (0.1 x 3 against 0.3 x 1)', () => {
    expect(compareProducts(fromNumber(0.1), decimal(3), fromNumber(0.3), decimal(1))).toBe(0);
  });

  it('stays exact for products far beyond safe integers', () => {
    const big = decimal(9_007_199_254_740_991, 2);
    expect(compareProducts(big, decimal(100), big, decimal(100))).toBe(0);
    expect(
      compareProducts(big, decimal(100), decimal(9_007_199_254_740_990, 2), decimal(100)),
    ).toBe(1);
  });

  it('agrees with integer arithmetic for any small figures', () => {
    const small = fc.integer({ min: -1e6, max: 1e6 });
    fc.assert(
      fc.property(small, small, small, small, (a, b, c, e) => {
        expect(compareProducts(decimal(a, 2), decimal(b, 1), decimal(c, 1), decimal(e, 2))).toBe(
          Math.sign(a * b - c * e),
        );
      }),
    );
  });
});

describe('percentAsDecimal', () => {
  it('reads a percentage as the decimal it was typed as', () => {
    expect(percentAsDecimal(12.5)).toEqual({ units: 125, scale: 1 });
  });

  it('refuses a percentage that is not a finite number (a bug in the caller)', () => {
    expect(() => percentAsDecimal(Number.NaN)).toThrow(ContractError);
  });
});

describe('percentMatches', () => {
  it('matches 36.9% to 1.145 on 3.1 (36.935...%) and not 37.0%', () => {
    expect(percentMatches(fromNumber(1.145), fromNumber(3.1), fromNumber(36.9), 1)).toBe(true);
    expect(percentMatches(fromNumber(1.145), fromNumber(3.1), fromNumber(37), 1)).toBe(false);
  });

  it('refuses a whole of zero (a bug in the caller)', () => {
    expect(() => percentMatches(fromNumber(1), decimal(0), fromNumber(1), 0)).toThrow(
      ContractError,
    );
  });
});

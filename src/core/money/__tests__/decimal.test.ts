import fc from 'fast-check';
import {
  abs,
  add,
  atScale,
  compare,
  decimal,
  decimalPlaces,
  equals,
  formatDecimal,
  fromNumber,
  multiplyByInteger,
  negate,
  normalise,
  parseDecimalText,
  roundTo,
  shiftPoint,
  subtract,
  sum,
  toNumber,
  tryFromNumber,
} from '../decimal';
import { DecimalRangeError } from '../../errors';

describe('exact decimals', () => {
  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    const total = add(fromNumber(0.1), fromNumber(0.2));
    expect(total).toEqual({ units: 3, scale: 1 });
    expect(toNumber(total)).toBe(0.3);
    expect(0.1 + 0.2).not.toBe(0.3); // the float error this module exists to avoid
  });

  it('sums 10,000 two-decimal figures exactly', () => {
    const figures = Array.from({ length: 10_000 }, (_, i) =>
      fromNumber(((i % 997) + 0.01 * (i % 100)) / 1),
    );
    let expectedPence = 0;
    for (let i = 0; i < 10_000; i++) expectedPence += (i % 997) * 100 + (i % 100);
    const total = sum(figures);
    expect(atScale(total, 2).units).toBe(expectedPence);
  });

  it('reads a number as the shortest decimal Excel would show', () => {
    expect(tryFromNumber(2.6)).toEqual({ units: 26, scale: 1 });
    expect(tryFromNumber(1234.5)).toEqual({ units: 12345, scale: 1 });
    expect(tryFromNumber(-0.075)).toEqual({ units: -75, scale: 3 });
    expect(tryFromNumber(1 / 3)).toEqual({ units: 333333333333333, scale: 15 });
    expect(tryFromNumber(-0)).toEqual({ units: 0, scale: 0 });
  });

  it('refuses values it cannot hold exactly instead of guessing', () => {
    expect(tryFromNumber(NaN)).toBeUndefined();
    expect(tryFromNumber(Infinity)).toBeUndefined();
    expect(tryFromNumber(1e308)).toBeUndefined();
    expect(() => fromNumber(1e20)).toThrow(DecimalRangeError);
  });

  it('throws a range error rather than return a wrong total', () => {
    const big = decimal(Number.MAX_SAFE_INTEGER, 0);
    expect(() => add(big, decimal(1))).toThrow(DecimalRangeError);
    expect(() => sum([big, decimal(5)])).toThrow(DecimalRangeError);
  });

  it('rounds halves away from zero, as printed reports do', () => {
    expect(formatDecimal(roundTo(fromNumber(2.45), 1))).toBe('2.5');
    expect(formatDecimal(roundTo(fromNumber(-2.45), 1))).toBe('-2.5');
    expect(formatDecimal(roundTo(fromNumber(2.449), 1))).toBe('2.4');
    expect(formatDecimal(roundTo(fromNumber(1.005), 2))).toBe('1.01'); // a float would give 1.00
  });

  it('reads plain decimal text exactly', () => {
    expect(parseDecimalText('1234.50')).toEqual({ units: 123450, scale: 2 });
    expect(parseDecimalText('-.5')).toEqual({ units: -5, scale: 1 });
    expect(parseDecimalText('007')).toEqual({ units: 7, scale: 0 });
    expect(parseDecimalText('1,234')).toBeUndefined();
    expect(parseDecimalText('.')).toBeUndefined();
    expect(parseDecimalText('99999999999999999999')).toBeUndefined();
  });

  it('moves the decimal point exactly for unit changes', () => {
    expect(toNumber(shiftPoint(fromNumber(0.075), 6))).toBe(75000);
    expect(toNumber(shiftPoint(fromNumber(1250), -3))).toBe(1.25);
    expect(toNumber(shiftPoint(fromNumber(1.2), 9))).toBe(1_200_000_000);
  });

  it('compares and formats values of different scales', () => {
    expect(equals(decimal(25, 1), decimal(250, 2))).toBe(true);
    expect(compare(fromNumber(0.3), fromNumber(0.29))).toBe(1);
    expect(formatDecimal(fromNumber(-0.05), 1)).toBe('-0.1');
    expect(formatDecimal(fromNumber(0.04), 1)).toBe('0.0');
    expect(formatDecimal(decimal(5, 3))).toBe('0.005');
    expect(formatDecimal(normalise(decimal(2500, 3)))).toBe('2.5');
    expect(formatDecimal(subtract(fromNumber(4.245), fromNumber(3.1)))).toBe('1.145');
    expect(formatDecimal(abs(negate(decimal(3, 1))))).toBe('0.3');
    expect(formatDecimal(multiplyByInteger(decimal(25, 1), 3))).toBe('7.5');
    expect(decimalPlaces(0.25)).toBe(2);
  });

  it('round-trips any two-decimal amount through number and text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (pence) => {
        const value = decimal(pence, 2);
        const asNumber = toNumber(value);
        expect(equals(fromNumber(asNumber), value)).toBe(true);
        expect(equals(parseDecimalText(formatDecimal(value))!, value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('adds exactly whatever the scales', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 6 }),
        (ua, sa, ub, sb) => {
          const total = add(decimal(ua, sa), decimal(ub, sb));
          const expected = BigInt(ua) * 10n ** BigInt(6 - sa) + BigInt(ub) * 10n ** BigInt(6 - sb);
          expect(BigInt(atScale(total, 6).units)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('exact decimals at the edges of their range', () => {
  it('compares values whose common scale would overflow, without throwing', () => {
    expect(compare(decimal(9e15), decimal(1, 2))).toBe(1);
    expect(compare(decimal(-9e15), decimal(1, 2))).toBe(-1);
    expect(equals(decimal(9e15, 0), decimal(9e15, 0))).toBe(true);
  });

  it('pads extra places as text, so a large value formats without overflow', () => {
    expect(formatDecimal(decimal(Number.MAX_SAFE_INTEGER), 2)).toBe('9007199254740991.00');
    expect(formatDecimal(decimal(-5), 1)).toBe('-5.0');
    expect(formatDecimal(decimal(25, 1), 3)).toBe('2.500');
  });

  it('refuses a fractional count of units and too many decimal places as contract errors', () => {
    expect(() => decimal(1.5)).toThrow(/whole number/);
    expect(() => roundTo(decimal(0), 20)).toThrow(/decimals must be/);
  });

  it('reports a unit change needing too many places as a range problem', () => {
    expect(() => shiftPoint(decimal(1, 10), -9)).toThrow(DecimalRangeError);
  });
});

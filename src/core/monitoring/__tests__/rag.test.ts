import { fromNumber } from '../../money/decimal';
import { ContractError } from '../../errors';
import { ragRating, readRagLimits, withinTolerance } from '../rag';

const d = fromNumber;

describe('ragRating', () => {
  it.each([
    [100, 90, 'Green'],
    [100, 100, 'Green'],
    [100, 105, 'Green'],
    [100, 105.01, 'Amber'],
    [100, 120, 'Amber'],
    [100, 120.01, 'Red'],
    [2.6, 3.2, 'Red'],
  ])(
    'rates budget %p against forecast %p as %s (amber over 5%, red over 20%)',
    (budget, forecast, rag) => {
      expect(ragRating(d(budget), d(forecast), 5, 20)).toBe(rag);
    },
  );

  it('rates an underspend Green however large: it measures overspend only', () => {
    expect(ragRating(d(100), d(10), 5, 20)).toBe('Green');
  });

  it('rates a scheme with no budget that is forecast to spend as Red', () => {
    expect(ragRating(d(0), d(0.01), 5, 20)).toBe('Red');
    expect(ragRating(d(0), d(0), 5, 20)).toBe('Green');
  });

  it('expresses "up to 120% of the approved estimate" as red over 20%', () => {
    expect(ragRating(d(2.5), d(3.0), 20, 20)).toBe('Green');
    expect(ragRating(d(2.5), d(3.001), 20, 20)).toBe('Red');
  });

  it('compares exactly at the boundary where floats would not', () => {
    // 0.3 * 1.1 = 0.33000000000000002 in floats; exactly 10% over is not over 10%.
    expect(ragRating(d(0.3), d(0.33), 10, 50)).toBe('Green');
  });

  it('makes any overspend Amber when the amber limit is 0', () => {
    expect(ragRating(d(100), d(100.01), 0, 10)).toBe('Amber');
  });

  it('refuses limits that were not validated (a bug, not a user mistake)', () => {
    expect(() => ragRating(d(1), d(1), 20, 5)).toThrow(ContractError);
    expect(() => ragRating(d(1), d(1), -1, 5)).toThrow(ContractError);
    expect(() => ragRating(d(1), d(1), Number.NaN, 5)).toThrow(ContractError);
  });
});

describe('withinTolerance', () => {
  it('accepts a forecast up to and including 120% of the approved estimate', () => {
    expect(withinTolerance(d(2.5), d(3.0), 120)).toBe(true);
    expect(withinTolerance(d(2.5), d(3.01), 120)).toBe(false);
    expect(withinTolerance(d(2.5), d(1), 120)).toBe(true);
  });

  it('refuses a tolerance that is not a percentage', () => {
    expect(() => withinTolerance(d(1), d(1), -120)).toThrow(ContractError);
  });
});

describe('readRagLimits', () => {
  it('accepts amber at or below red', () => {
    expect(readRagLimits(5, 20)).toEqual({ ok: true, value: { amberPercent: 5, redPercent: 20 } });
    expect(readRagLimits(10, 10)).toEqual({
      ok: true,
      value: { amberPercent: 10, redPercent: 10 },
    });
  });

  it('says amber must be the smaller when the limits are swapped', () => {
    expect(readRagLimits(20, 5)).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /amber limit \(20%\) is above the red limit \(5%\).*e\.g\. amber 5 and red 20/,
      ),
    });
  });

  it.each([
    [-1, 5, /amber limit -1/],
    [5, Number.NaN, /red limit NaN/],
    [Number.POSITIVE_INFINITY, 5, /amber limit Infinity/],
  ])('says how to write limits %p and %p', (amber, red, pattern) => {
    expect(readRagLimits(amber, red)).toMatchObject({
      ok: false,
      message: expect.stringMatching(pattern),
    });
  });
});

import fc from 'fast-check';
import { allocate } from '../allocate';
import { decimal, formatDecimal, fromNumber, sum, roundTo, equals } from '../decimal';
import { ContractError } from '../../errors';

const shown = (values: ReturnType<typeof allocate>) => values.map((value) => formatDecimal(value));

describe('allocate', () => {
  it('gives the odd penny to the earliest quarter on a tie', () => {
    expect(shown(allocate(fromNumber(100), [1, 1, 1], 2))).toEqual(['33.34', '33.33', '33.33']);
    expect(shown(allocate(fromNumber(0.02), [1, 1, 1], 2))).toEqual(['0.01', '0.01', '0.00']);
  });

  it('gives odd units to the largest remainders', () => {
    // 10 over weights 1,2,3,4 -> exact 1, 2, 3, 4 ; 1 over 3,1 -> 0.75, 0.25 at 1dp -> 0.8, 0.2
    expect(shown(allocate(fromNumber(10), [1, 2, 3, 4], 0))).toEqual(['1', '2', '3', '4']);
    expect(shown(allocate(fromNumber(1), [3, 1], 1))).toEqual(['0.8', '0.2']);
    // 1 over 1,1,1 with 1dp: 0.333.. each, one odd tenth to the first
    expect(shown(allocate(fromNumber(1), [1, 1, 1], 1))).toEqual(['0.4', '0.3', '0.3']);
  });

  it('spreads a reduction symmetrically with an addition', () => {
    const up = shown(allocate(fromNumber(100), [1, 1, 1], 2));
    const down = shown(allocate(fromNumber(-100), [1, 1, 1], 2));
    expect(down).toEqual(up.map((text) => `-${text}`));
  });

  it('rounds the amount to the decimals first', () => {
    expect(shown(allocate(fromNumber(1.005), [1], 2))).toEqual(['1.01']);
  });

  it('handles weights that are not whole numbers (s-curve)', () => {
    const weights = [
      0.3826834323650898, 0.9238795325112867, 0.9238795325112867, 0.3826834323650898,
    ];
    const shares = allocate(fromNumber(10), weights, 2);
    expect(shown(shares)).toEqual(['1.46', '3.54', '3.54', '1.46']);
  });

  it('stays exact for amounts whose products exceed safe integers', () => {
    const shares = allocate(decimal(9_000_000_000_000_00, 2), [999_999_937, 3, 5], 2);
    expect(equals(sum(shares), decimal(9_000_000_000_000_00, 2))).toBe(true);
  });

  it('refuses weights that break its contract', () => {
    expect(() => allocate(fromNumber(1), [], 2)).toThrow(ContractError);
    expect(() => allocate(fromNumber(1), [0, 0], 2)).toThrow(ContractError);
    expect(() => allocate(fromNumber(1), [1, -1], 2)).toThrow(ContractError);
    expect(() => allocate(fromNumber(1), [1, NaN], 2)).toThrow(ContractError);
  });

  it('conserves the amount exactly for any amount, weights and decimals', () => {
    fc.assert(
      fc.property(
        // Up to ±£1bn in pence at 4dp stays inside the safe range.
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 4 }),
        (units, scale, rawWeights, decimals) => {
          const weights = rawWeights.some((w) => w > 0) ? rawWeights : [...rawWeights, 1];
          const amount = decimal(units, scale);
          const shares = allocate(amount, weights, decimals);
          expect(shares).toHaveLength(weights.length);
          expect(equals(sum(shares), roundTo(amount, decimals))).toBe(true);
          for (const share of shares) expect(share.scale).toBe(decimals);
          // Each share is within one unit of its exact proportion.
          const total = weights.reduce((a, b) => a + b, 0);
          const amountAt = Number(roundTo(amount, decimals).units);
          shares.forEach((share, i) => {
            expect(Math.abs(share.units - (amountAt * weights[i]) / total)).toBeLessThan(
              1 + 1e-6 * Math.abs(amountAt),
            );
          });
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('allocate over very many weights', () => {
  it('spreads over 200,000 weights without overflowing the call stack', () => {
    const shares = allocate(fromNumber(1000), new Array(200_000).fill(1), 2);
    expect(equals(sum(shares), fromNumber(1000))).toBe(true);
    expect(formatDecimal(shares[0])).toBe('0.01');
  });
});

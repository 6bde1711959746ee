import { ContractError } from '../../errors';
import { decimal, equals, formatDecimal, fromNumber } from '../../money/decimal';
import { checkTotal, roundingTolerance } from '../rounding';

describe('the rounding rule', () => {
  it('tolerates half a unit of the last shown place per figure', () => {
    expect(equals(roundingTolerance(8, 1), fromNumber(0.4))).toBe(true);
    expect(equals(roundingTolerance(3, 0), fromNumber(1.5))).toBe(true);
    expect(equals(roundingTolerance(3, 2), fromNumber(0.015))).toBe(true);
    expect(equals(roundingTolerance(0, 1), decimal(0))).toBe(true);
  });

  it('accepts 1.2, 2.6, 0.3, 0.4, 0.8, 0, 1.0 under a printed 6.4 as rounding (7 rows, tolerance 0.4)', () => {
    const result = checkTotal([1.2, 2.6, 0.3, 0.4, 0.8, 0, 1.0].map(fromNumber), fromNumber(6.4));
    expect(result.ok).toBe(true);
    expect(result.decimals).toBe(1);
    expect(formatDecimal(result.difference, 1)).toBe('0.1');
    expect(formatDecimal(result.tolerance, 1)).toBe('0.4');
  });

  it('rejects a printed 41.0 over rows adding to 44.5', () => {
    const result = checkTotal([40, 4.5].map(fromNumber), fromNumber(41), 1);
    expect(result.ok).toBe(false);
    expect(formatDecimal(result.difference, 1)).toBe('-3.5');
  });

  it('accepts a difference exactly at the tolerance and rejects one a unit beyond it', () => {
    // 3 rows + total at 2 decimals: tolerance 0.02.
    const rows = [0.01, 0.01, 0.01].map(fromNumber);
    expect(checkTotal(rows, fromNumber(0.05), 2).ok).toBe(true);
    expect(checkTotal(rows, fromNumber(0.06), 2).ok).toBe(false);
  });

  it('adds exactly: 0.1 + 0.2 is 0.3 with no tolerance to spare', () => {
    const result = checkTotal([0.1, 0.2].map(fromNumber), fromNumber(0.3));
    expect(result.difference.units).toBe(0);
  });

  it('treats a bad count or places as a broken contract', () => {
    expect(() => roundingTolerance(-1, 1)).toThrow(ContractError);
    expect(() => roundingTolerance(2, 1.5)).toThrow(ContractError);
  });
});

import fc from 'fast-check';
import { decimal, fromNumber } from '../../money/decimal';
import { ContractError } from '../../errors';
import { breachedThresholds, readThresholds, varianceStatus } from '../status';

const d = fromNumber;

describe('varianceStatus', () => {
  it('flags a variance over the absolute threshold only', () => {
    const limit = { absolute: d(100000) };
    expect(varianceStatus(d(1_000_000), d(1_100_001), limit)).toBe('Overspend');
    expect(varianceStatus(d(1_000_000), d(899_999), limit)).toBe('Underspend');
    expect(varianceStatus(d(1_000_000), d(1_100_000), limit)).toBe('On target');
  });

  it('flags a variance over the percentage of budget only', () => {
    expect(varianceStatus(d(2.6), d(2.9), { percent: 10 })).toBe('Overspend');
    expect(varianceStatus(d(2.6), d(2.3), { percent: 10 })).toBe('Underspend');
    expect(varianceStatus(d(2.6), d(2.8), { percent: 10 })).toBe('On target');
  });

  it('compares exactly at the percentage boundary (floats put 2.86 - 2.6 below 10% of 2.6)', () => {
    // In floats 2.86 - 2.6 = 0.2599999999999998 and 2.6 * 0.1 = 0.26: exact decimals see equality.
    expect(varianceStatus(d(2.6), d(2.86), { percent: 10 })).toBe('On target');
    expect(varianceStatus(d(2.6), d(2.8600001), { percent: 10 })).toBe('Overspend');
    expect(varianceStatus(d(0.3), d(0.33), { percent: 10 })).toBe('On target');
    expect(varianceStatus(d(1000), d(1125.5), { percent: 12.55 })).toBe('On target');
    expect(varianceStatus(d(1000), d(1125.51), { percent: 12.55 })).toBe('Overspend');
  });

  it('flags when either threshold is breached', () => {
    const both = { absolute: d(100000), percent: 10 };
    // 5% but £150k: over the absolute threshold.
    expect(varianceStatus(d(3_000_000), d(3_150_000), both)).toBe('Overspend');
    // £50k but 25%: over the percentage.
    expect(varianceStatus(d(200_000), d(150_000), both)).toBe('Underspend');
    // £50k and 5%: under both.
    expect(varianceStatus(d(1_000_000), d(1_050_000), both)).toBe('On target');
  });

  it('flags any non-zero variance when both thresholds are left out', () => {
    expect(varianceStatus(d(2.6), d(2.6), {})).toBe('On target');
    expect(varianceStatus(d(2.6), d(2.61), {})).toBe('Overspend');
    expect(varianceStatus(d(2.6), d(2.59), {})).toBe('Underspend');
  });

  it('flags any spend against a budget of zero under a percentage threshold', () => {
    expect(varianceStatus(d(0), d(0.01), { percent: 10 })).toBe('Overspend');
    expect(varianceStatus(d(0), d(0), { percent: 10 })).toBe('On target');
  });

  it('measures the percentage against the size of a negative budget (income)', () => {
    expect(varianceStatus(d(-100), d(-95), { percent: 10 })).toBe('On target');
    expect(varianceStatus(d(-100), d(-80), { percent: 10 })).toBe('Overspend');
  });

  it('does not depend on the sign convention', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.option(fc.integer({ min: 0, max: 1e8 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
        (b, f, absolute, percent) => {
          const thresholds = {
            absolute: absolute === undefined ? undefined : decimal(absolute, 2),
            percent,
          };
          const status = varianceStatus(decimal(b, 2), decimal(f, 2), thresholds);
          expect(
            varianceStatus(decimal(b, 2), decimal(f, 2), thresholds, 'forecast-minus-budget'),
          ).toBe(status);
          // And the status agrees with the sign of forecast - budget.
          if (status === 'Overspend') expect(f).toBeGreaterThan(b);
          if (status === 'Underspend') expect(f).toBeLessThan(b);
        },
      ),
    );
  });

  it('refuses thresholds that were not validated (a bug, not a user mistake)', () => {
    expect(() => varianceStatus(d(1), d(2), { percent: -1 })).toThrow(ContractError);
    expect(() => varianceStatus(d(1), d(2), { percent: Number.NaN })).toThrow(ContractError);
    expect(() => varianceStatus(d(1), d(2), { absolute: d(-5) })).toThrow(ContractError);
  });
});

describe('breachedThresholds', () => {
  it('says which thresholds are breached', () => {
    expect(breachedThresholds(d(1000), d(1150), { absolute: d(100), percent: 20 })).toEqual({
      flagged: true,
      absolute: true,
      percent: false,
    });
    expect(breachedThresholds(d(1000), d(1150), { absolute: d(200), percent: 10 })).toEqual({
      flagged: true,
      absolute: false,
      percent: true,
    });
    expect(breachedThresholds(d(1000), d(1150), { absolute: d(200), percent: 20 })).toEqual({
      flagged: false,
      absolute: false,
      percent: false,
    });
  });
});

describe('readThresholds', () => {
  it('keeps only the thresholds given', () => {
    expect(readThresholds(d(100000), 10)).toEqual({
      ok: true,
      value: { absolute: d(100000), percent: 10 },
    });
    expect(readThresholds(undefined, 10)).toEqual({ ok: true, value: { percent: 10 } });
    expect(readThresholds()).toEqual({ ok: true, value: {} });
  });

  it('says how to write a negative absolute threshold', () => {
    const result = readThresholds(d(-100000));
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/cannot be negative.*e\.g\. 100000/),
    });
  });

  it.each([-5, Number.NaN, Number.POSITIVE_INFINITY])(
    'says how to write a percentage threshold of %p',
    (percent) => {
      expect(readThresholds(undefined, percent)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/e\.g\. 10 for 10%/),
      });
    },
  );
});

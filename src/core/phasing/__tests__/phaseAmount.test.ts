import fc from 'fast-check';
import {
  quarterFromIndex,
  quarterHeaders,
  readPeriodHeaders,
  type PeriodColumn,
} from '../../calendar';
import {
  decimal,
  equals,
  formatDecimal,
  fromNumber,
  negate,
  roundTo,
  sum,
  type Decimal,
} from '../../money/decimal';
import { formatPhasing } from '../format';
import { phaseAmount, type PhaseOptions } from '../phaseAmount';
import type { Profile } from '../types';

function columnsFor(labels: string[]): PeriodColumn[] {
  const read = readPeriodHeaders(labels);
  if (!read.ok) throw new Error(read.message);
  return read.value;
}
const quarterColumns = columnsFor(
  (quarterHeaders(2016, 2019) as { ok: true; value: string[] }).value,
);
const yearColumns = columnsFor(['2016/17', '2017/18', '2018/19', '2019/20']);

function phased(
  amount: number | Decimal,
  phrase: string,
  columns: PeriodColumn[],
  options?: PhaseOptions,
): string[] {
  const result = phaseAmount(
    typeof amount === 'number' ? fromNumber(amount) : amount,
    phrase,
    columns,
    options,
  );
  if (!result.ok) throw new Error(result.message);
  return result.value.amounts.map((value) => formatDecimal(value));
}

describe('phasing an amount onto quarter columns', () => {
  it('spreads 1.3 evenly over 2016/17 Q3-4 and leaves other quarters at zero', () => {
    expect(phased(1.3, '2016/17 Q3-4', quarterColumns).slice(0, 5)).toEqual([
      '0.00',
      '0.00',
      '0.65',
      '0.65',
      '0.00',
    ]);
  });

  it('gives the odd penny to the earliest quarter', () => {
    expect(phased(100, '2016/17 Q1-3', quarterColumns).slice(0, 3)).toEqual([
      '33.34',
      '33.33',
      '33.33',
    ]);
  });

  it('spreads a reduction symmetrically with an addition', () => {
    expect(phased(-0.05, '2016/17 Q1-2', quarterColumns).slice(0, 2)).toEqual(['-0.03', '-0.02']);
    expect(phased(0.05, '2016/17 Q1-2', quarterColumns).slice(0, 2)).toEqual(['0.03', '0.02']);
  });

  it('front-loads 10 over 2016/17 as 4, 3, 2, 1', () => {
    expect(phased(10, '2016/17', quarterColumns, { profile: 'front' }).slice(0, 4)).toEqual([
      '4.00',
      '3.00',
      '2.00',
      '1.00',
    ]);
  });

  it('follows explicit weights and the number of decimals asked for', () => {
    expect(
      phased(9.5, '2016/17 Q1-2', quarterColumns, { profile: [1, 4], decimals: 1 }).slice(0, 2),
    ).toEqual(['1.9', '7.6']);
    expect(phased(10, '2016/17 Q1-3', quarterColumns, { decimals: 0 }).slice(0, 3)).toEqual([
      '4',
      '3',
      '3',
    ]);
  });

  it('rounds the amount to the decimals first, then spreads it exactly', () => {
    expect(phased(0.125, '2016/17 Q1', quarterColumns)[0]).toBe('0.13');
  });

  it('puts nothing in columns and flags a TBC or blank phrase as unphased', () => {
    for (const phrase of ['TBC', '', 'n/a']) {
      const result = phaseAmount(fromNumber(10), phrase, quarterColumns);
      expect(result.ok && result.value.unphased).toBe(true);
      expect(result.ok && result.value.amounts.every((value) => value.units === 0)).toBe(true);
    }
  });

  it('accepts an already-read phasing', () => {
    const result = phaseAmount(
      fromNumber(2),
      { kind: 'phased', quarters: [{ year: 2019, quarter: 4 }] },
      quarterColumns,
    );
    expect(result.ok && formatDecimal(result.value.amounts[15])).toBe('2.00');
  });
});

describe('phasing an amount onto year columns', () => {
  it('spreads 10 over 2017-20 as the sums of its quarters: 3.36, 3.32, 3.32', () => {
    // 12 quarters of 0.83 leave 4 odd pennies, which go to the earliest quarters (all 2017/18).
    expect(phased(10, '2017-20', yearColumns)).toEqual(['0.00', '3.36', '3.32', '3.32']);
  });

  it('gives each year exactly the sum of the same scheme phased by quarter', () => {
    const quarterly = phased(7.77, '2016/17 Q3 - 2019/20 Q2', quarterColumns).map(Number);
    const annual = phased(7.77, '2016/17 Q3 - 2019/20 Q2', yearColumns);
    const sumsOfQuarters = [0, 1, 2, 3].map((year) =>
      (
        quarterly.slice(year * 4, year * 4 + 4).reduce((a, b) => a + Math.round(b * 100), 0) / 100
      ).toFixed(2),
    );
    expect(annual).toEqual(sumsOfQuarters);
  });

  it('sums the quarters of each year, so a part-year range stays exact', () => {
    // 10 over 6 quarters: 1.67, 1.67, 1.67, 1.67, 1.66, 1.66 (2017/18 Q4 ... 2019/20 Q1).
    expect(phased(10, '2017/18 Q4 - 2019/20 Q1', yearColumns)).toEqual([
      '0.00',
      '1.67',
      '6.67',
      '1.66',
    ]);
  });

  it('spreads over a row mixing quarters and later years', () => {
    const mixed = columnsFor(['2016/17 Q3', '2016/17 Q4', '2017/18']);
    expect(phased(6, '2016/17 Q3 - 2017/18 Q4', mixed)).toEqual(['1.00', '1.00', '4.00']);
  });
});

describe('refusing what it cannot phase', () => {
  it('names the phrase and the columns when the phasing falls outside them', () => {
    const result = phaseAmount(fromNumber(1), '2021/22 Q1', quarterColumns);
    expect(result).toEqual({
      ok: false,
      message:
        'Phasing 2021/22 Q1 is outside the columns 2016/17 Q1 ... 2019/20 Q4: add columns for it or correct the phasing',
    });
    const partly = phaseAmount(fromNumber(1), '2019/20 Q4 - 2020/21 Q2', yearColumns);
    expect(!partly.ok && partly.message).toMatch(
      /^Phasing 2020\/21 Q1-2 is outside the columns 2016\/17 \.\.\. 2019\/20/,
    );
  });

  it.each([
    ['next spring', {}, /Cannot read phasing 'next spring'/],
    ['2016/17 Q1-2', { profile: [1, 2, 3] }, /gives 3 weights but the phasing covers 2 quarters/],
    ['2016/17 Q1-2', { profile: [0, 0] }, /all the weights are zero/],
    ['2016/17 Q1-2', { decimals: -1 }, /give a whole number from 0 to 15/],
    ['2016/17 Q1-2', { decimals: 2.5 }, /decimal places/],
    ['2016/17 Q1-2', { decimals: 16 }, /decimal places/],
  ])('rejects %p with %j with a message', (phrase, options, message) => {
    const result = phaseAmount(fromNumber(1), phrase, quarterColumns, options as PhaseOptions);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('rejects an empty header row and an amount too large for the decimals asked', () => {
    expect(phaseAmount(fromNumber(1), '2016/17', []).ok).toBe(false);
    const huge = phaseAmount(decimal(9e15), '2016/17', quarterColumns, { decimals: 6 });
    expect(!huge.ok && huge.message).toMatch(/too large/);
  });
});

describe('conservation (properties)', () => {
  const profiles: fc.Arbitrary<Profile | 'weights'> = fc.constantFrom(
    'even',
    'front',
    'back',
    'scurve',
    'weights',
  );
  const amounts = fc.record({
    units: fc.integer({ min: -1e12, max: 1e12 }),
    scale: fc.integer({ min: 0, max: 4 }),
  });
  const quarterSets = fc.uniqueArray(fc.integer({ min: 2016 * 4, max: 2019 * 4 + 3 }), {
    minLength: 1,
    maxLength: 16,
  });

  it('adds up exactly to the rounded amount for any amount, phrase, profile and decimals, onto quarters or years', () => {
    fc.assert(
      fc.property(
        amounts,
        quarterSets,
        profiles,
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 16, maxLength: 16 }),
        (amount, indexes, profileKind, decimals, ontoYears, rawWeights) => {
          const phrase = formatPhasing(indexes.map(quarterFromIndex));
          const weights = rawWeights.slice(0, indexes.length);
          if (!weights.some((w) => w > 0)) weights[0] = 1;
          const profile: Profile = profileKind === 'weights' ? weights : profileKind;
          const result = phaseAmount(amount, phrase, ontoYears ? yearColumns : quarterColumns, {
            profile,
            decimals,
          });
          if (!result.ok) return false;
          const total = sum(result.value.amounts);
          return (
            equals(total, roundTo(amount, decimals)) &&
            result.value.amounts.every((value) => value.scale === decimals)
          );
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('mirrors a reduction penny for penny', () => {
    fc.assert(
      fc.property(
        amounts,
        quarterSets,
        fc.constantFrom<Profile>('even', 'front', 'back', 'scurve'),
        (amount, indexes, profile) => {
          const phrase = formatPhasing(indexes.map(quarterFromIndex));
          const up = phaseAmount(amount, phrase, quarterColumns, { profile });
          const down = phaseAmount(negate(amount), phrase, quarterColumns, { profile });
          return (
            up.ok &&
            down.ok &&
            up.value.amounts.every((value, i) => equals(negate(value), down.value.amounts[i]))
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('puts money only in the columns the phrase names', () => {
    fc.assert(
      fc.property(quarterSets, (indexes) => {
        const result = phaseAmount(
          fromNumber(1000),
          formatPhasing(indexes.map(quarterFromIndex)),
          quarterColumns,
          { profile: 'scurve' },
        );
        if (!result.ok) return false;
        const named = new Set(indexes.map((index) => index - 2016 * 4));
        return result.value.amounts.every(
          (value, column) => named.has(column) || value.units === 0,
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('speed', () => {
  it('phases 10,000 rows of mixed phrases onto 16 quarter columns without a failure', () => {
    const phrases = [
      '2016/17 Q1',
      '2016/17 Q2-4',
      '2017-20',
      '2017/18 Q4 - 2019/20 Q1',
      'TBC',
      '2016/17 Q4 and 2019/20 Q4',
    ];
    for (let row = 0; row < 10000; row++) {
      const result = phaseAmount(
        { units: 123456 + row, scale: 2 },
        phrases[row % phrases.length],
        quarterColumns,
        { profile: row % 2 ? 'scurve' : 'even' },
      );
      if (!result.ok) throw new Error(result.message);
    }
  });
});

describe('extreme weights', () => {
  it('keeps proportions for vanishingly small and enormous weights', () => {
    expect(phased(3, '2016/17 Q1-2', yearColumns, { profile: [5e-324, 1e-323] })[0]).toBe('3.00');
    expect(
      phased(3, '2016/17 Q1-3', quarterColumns, { profile: [1e308, 1e308, 1e308] }).slice(0, 3),
    ).toEqual(['1.00', '1.00', '1.00']);
    expect(phased(3, '2016/17 Q1-2', yearColumns, { profile: [1e308, 1e308] })[0]).toBe('3.00');
  });
});

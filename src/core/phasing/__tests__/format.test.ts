import fc from 'fast-check';
import { quarterFromIndex, quarterIndex, type Month } from '../../calendar';
import { formatPhasing } from '../format';
import { parsePhasing } from '../parse';

const q = (year: number, quarter: 1 | 2 | 3 | 4) => ({ year, quarter });

describe('writing phasing back as a phrase', () => {
  it.each([
    [[q(2016, 1)], '2016/17 Q1'],
    [[q(2016, 2), q(2016, 3), q(2016, 4)], '2016/17 Q2-4'],
    [[q(2016, 1), q(2016, 2), q(2016, 3), q(2016, 4)], '2016/17'],
    [
      [q(2017, 4), q(2018, 1), q(2018, 2), q(2018, 3), q(2018, 4), q(2019, 1)],
      '2017/18 Q4 - 2019/20 Q1',
    ],
    [[q(2016, 4), q(2019, 4)], '2016/17 Q4 and 2019/20 Q4'],
    [[q(2019, 4), q(2016, 4), q(2016, 4)], '2016/17 Q4 and 2019/20 Q4'],
    [[q(2016, 1), q(2017, 1), q(2018, 1)], '2016/17 Q1, 2017/18 Q1 and 2018/19 Q1'],
    [[], 'TBC'],
  ])('writes %j as %p', (quarters, phrase) => {
    expect(formatPhasing(quarters as { year: number; quarter: 1 | 2 | 3 | 4 }[])).toBe(phrase);
  });

  it('writes whole years as a span: 2017-20, and 1998-02 across the century', () => {
    const years = (first: number, last: number) =>
      Array.from({ length: (last - first + 1) * 4 }, (_, i) => quarterFromIndex(first * 4 + i));
    expect(formatPhasing(years(2017, 2019))).toBe('2017-20');
    expect(formatPhasing(years(1998, 2001))).toBe('1998-02');
    expect(formatPhasing(years(2017, 2019), 1)).toBe('2017-19');
    expect(formatPhasing(years(1990, 2100))).toBe('1990-2101');
  });

  it('writes not phased as TBC', () => {
    expect(formatPhasing({ kind: 'not phased' })).toBe('TBC');
  });

  it('is stable: format -> parse -> format gives the same quarters and phrase, for any start month', () => {
    const quarterSets = fc.uniqueArray(fc.integer({ min: 1960 * 4, max: 2080 * 4 + 3 }), {
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(quarterSets, fc.integer({ min: 1, max: 12 }), (indexes, month) => {
        const startMonth = month as Month;
        const quarters = indexes.map(quarterFromIndex);
        const phrase = formatPhasing(quarters, startMonth);
        const read = parsePhasing(phrase, startMonth);
        if (!read.ok || read.value.kind !== 'phased') return false;
        const expected = [...indexes].sort((a, b) => a - b);
        return (
          read.value.quarters.map(quarterIndex).join() === expected.join() &&
          formatPhasing(read.value, startMonth) === phrase
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('is stable for runs of whole years and long ranges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900 * 4, max: 9000 * 4 }),
        fc.integer({ min: 0, max: 600 }),
        (start, length) => {
          const quarters = Array.from({ length: length + 1 }, (_, i) =>
            quarterFromIndex(start + i),
          );
          const phrase = formatPhasing(quarters);
          const read = parsePhasing(phrase);
          return (
            read.ok &&
            read.value.kind === 'phased' &&
            read.value.quarters.length === length + 1 &&
            quarterIndex(read.value.quarters[0]) === start
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

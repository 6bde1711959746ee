import fc from 'fast-check';
import { readPeriodHeaders } from '../headers';
import { quarterHeaders } from '../labels';

describe('reading a row of period headings', () => {
  it('reads quarter headings in order', () => {
    const result = readPeriodHeaders(['2016/17 Q1', '2016/17 Q2', 'Q3 2016/17']);
    expect(result).toEqual({
      ok: true,
      value: [
        { kind: 'quarter', year: 2016, quarter: 1 },
        { kind: 'quarter', year: 2016, quarter: 2 },
        { kind: 'quarter', year: 2016, quarter: 3 },
      ],
    });
  });

  it('reads year headings and a row that mixes quarters with later years', () => {
    expect(readPeriodHeaders(['2016/17', '2017/18'])).toEqual({
      ok: true,
      value: [
        { kind: 'year', year: 2016 },
        { kind: 'year', year: 2017 },
      ],
    });
    const mixed = readPeriodHeaders(['2016/17 Q4', '2017/18']);
    expect(mixed.ok && mixed.value.map((column) => column.kind)).toEqual(['quarter', 'year']);
  });

  it('reads January-year headings given as numbers', () => {
    expect(readPeriodHeaders([2019, '2020 Q1'], 1)).toEqual({
      ok: true,
      value: [
        { kind: 'year', year: 2019 },
        { kind: 'quarter', year: 2020, quarter: 1 },
      ],
    });
  });

  it.each([
    [
      ['2016/17', 'Total'],
      /Cannot read period heading 'Total' \(column 2\): write e\.g\. '2016\/17 Q1' or '2016\/17'/,
    ],
    [['2016/17 Q1', ''], /'blank' \(column 2\)/],
    [['2016/17 Q1', null], /'blank' \(column 2\)/],
    [['2016/17 Q5'], /Q5 is not a quarter/],
    [['2019/18'], /\(column 1\).*run backwards/],
    [[true], /'true' \(column 1\)/],
    [[], /No period headings/],
    [
      ['2016/17', '2016/17 Q3'],
      /'2016\/17 Q3' \(column 2\) repeats a quarter already under '2016\/17' \(column 1\)/,
    ],
  ])('rejects %j naming the bad cell', (cells, message) => {
    const result = readPeriodHeaders(cells as unknown[]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('reads back every header row that quarterHeaders writes, for any start month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1900, max: 9990 }),
        fc.integer({ min: 0, max: 8 }),
        (month, first, extra) => {
          const startMonth = month as 1;
          const labels = quarterHeaders(first, first + extra, startMonth);
          if (!labels.ok) return false;
          const columns = readPeriodHeaders(labels.value, startMonth);
          return (
            columns.ok &&
            columns.value.every(
              (column, i) =>
                column.kind === 'quarter' &&
                column.year === first + Math.floor(i / 4) &&
                column.quarter === (i % 4) + 1,
            )
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('survives any row of text without throwing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.double())),
        (cells) => {
          const result = readPeriodHeaders(cells);
          return result.ok || result.message.length > 0;
        },
      ),
      { numRuns: 2000 },
    );
  });
});

import fc from 'fast-check';
import {
  formatFiscalQuarter,
  quarterFromIndex,
  quarterIndex,
  type FiscalQuarter,
  type Month,
} from '../../calendar';
import { formatPhasing } from '../format';
import { parsePhasing } from '../parse';

/** The quarters a phrase names, as labels, or the failure message. */
function quartersOf(phrase: string, startMonth: Month = 4): string[] | string {
  const result = parsePhasing(phrase, startMonth);
  if (!result.ok) return result.message;
  return result.value.kind === 'phased'
    ? result.value.quarters.map((q) => formatFiscalQuarter(q, startMonth))
    : 'not phased';
}

function labels(from: FiscalQuarter, to: FiscalQuarter): string[] {
  const out: string[] = [];
  for (let i = quarterIndex(from); i <= quarterIndex(to); i++)
    out.push(formatFiscalQuarter(quarterFromIndex(i)));
  return out;
}

describe('reading the phrases of capital reports', () => {
  it('reads a single quarter', () => {
    expect(quartersOf('2016/17 Q1')).toEqual(['2016/17 Q1']);
  });

  it.each([
    '2016/17 Q2-4',
    '2016/17 Q2-Q4',
    '2016/17 Q2 to Q4',
    '2016/17 q2 - q4',
    'Q2-4 2016/17',
    '2016/17 Q2\u20134',
    'FY16/17 Q2-4',
  ])('reads the quarter range %p as Q2, Q3 and Q4 of 2016/17', (phrase) => {
    expect(quartersOf(phrase)).toEqual(['2016/17 Q2', '2016/17 Q3', '2016/17 Q4']);
  });

  it('reads a whole year as its four quarters', () => {
    expect(quartersOf('2016/17')).toEqual(
      labels({ year: 2016, quarter: 1 }, { year: 2016, quarter: 4 }),
    );
    expect(quartersOf('2016/17 Q1-4')).toEqual(quartersOf('2016/17'));
  });

  it.each([
    '2017/18 Q4 - 2019/20 Q1',
    '2017/18 Q4 \u2013 2019/20 Q1',
    '2017/18\u00A0Q4\u00A0\u2014\u00A02019/20\u00A0Q1',
    '2017/18 Q4 to 2019/20 Q1',
    'Q4 2017/18 - Q1 2019/20',
    '2017/18 Q4 - Q1 2019/20',
  ])('reads the range across years %p as six quarters', (phrase) => {
    expect(quartersOf(phrase)).toEqual(
      labels({ year: 2017, quarter: 4 }, { year: 2019, quarter: 1 }),
    );
  });

  it.each(['2017-20', '2017/18 - 2019/20', '2017-18 to 2019-20', '2017 - 2020', '17-20'])(
    'reads the span %p as 2017/18 to 2019/20 in full',
    (phrase) => {
      expect(quartersOf(phrase)).toEqual(
        labels({ year: 2017, quarter: 1 }, { year: 2019, quarter: 4 }),
      );
    },
  );

  it('reads a span across the century', () => {
    expect(quartersOf('1998-02')).toEqual(
      labels({ year: 1998, quarter: 1 }, { year: 2001, quarter: 4 }),
    );
    expect(quartersOf('99/00 Q4 - 00/01 Q1')).toEqual(['1999/00 Q4', '2000/01 Q1']);
  });

  it.each([
    '2016/17 Q4 and 2019/20 Q4',
    '2016/17 Q4, 2019/20 Q4',
    '2016/17 Q4; 2019/20 Q4',
    '2016/17 Q4 & 2019/20 Q4',
    '2019/20 Q4 and 2016/17 Q4',
  ])('reads the union %p in date order', (phrase) => {
    expect(quartersOf(phrase)).toEqual(['2016/17 Q4', '2019/20 Q4']);
  });

  it('lists each quarter once when parts of a union overlap', () => {
    expect(quartersOf('2016/17 Q1-3 and 2016/17 Q2-4, 2016/17')).toEqual(quartersOf('2016/17'));
  });

  it.each(['TBC', 'tbc', '', '   ', '-', '\u2013', 'n/a', 'N/A', 'TBA', 'not phased'])(
    'reads %p as not phased (a value, not an error)',
    (phrase) => {
      expect(parsePhasing(phrase)).toEqual({ ok: true, value: { kind: 'not phased' } });
    },
  );

  it('reads phrases for a July year and a January year', () => {
    expect(quartersOf('2020/21 Q1-2', 7)).toEqual(['2020/21 Q1', '2020/21 Q2']);
    expect(quartersOf('2019 Q2-3', 1)).toEqual(['2019 Q2', '2019 Q3']);
    expect(quartersOf('2017-19', 1)).toHaveLength(12);
  });
});

describe('refusing phrases it cannot read', () => {
  it.each([
    ['next spring', /^Cannot read phasing 'next spring': write e\.g\. '2016\/17 Q2-4'/],
    [
      '2016/17 Q4-1',
      /quarters run backwards \(Q4 to Q1\); write '2016\/17 Q1-4', or '2016\/17 Q4 - 2017\/18 Q1'/,
    ],
    [
      '2019/20 Q1 - 2017/18 Q4',
      /runs backwards; write the earlier quarter first: '2017\/18 Q4 - 2019\/20 Q1'/,
    ],
    [
      '2019/20 - 2017/18',
      /years run backwards; write the earlier year first, e.g. '2017\/18 - 2019\/20'/,
    ],
    ['2019/18', /years run backwards/],
    ['2020-17', /years run backwards/],
    ['2016/17 Q5', /Q5 is not a quarter \(quarters are Q1 to Q4\)/],
    ['2016/17 Q0', /Q0 is not a quarter/],
    ['2016/17 Q2-5', /Q5 is not a quarter/],
    ['2017-20 Q1', /span of several years cannot take a quarter/],
    ['2017/20', /more than one year.*'2017-20'/],
    ['2017', /spans two calendar years; write e\.g\. '2017\/18'/],
    ['Q1', /write e\.g\./],
    ['2016/17 Q1 and TBC', /write e\.g\./],
    ['2016/17 Q1 2017/18 Q1', /write e\.g\./],
    ['1800/01', /between 1900 and 9998/],
    ['2016/17 Q1 @', /write e\.g\./],
  ])('rejects %p with a message saying how to write it', (phrase, message) => {
    const result = parsePhasing(phrase);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^Cannot read phasing '/);
      expect(result.message).toMatch(message);
    }
  });

  it('quotes only the start of a very long phrase in its message', () => {
    const result = parsePhasing('2016/17 Q1 and '.repeat(700));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(300);
  });

  it('never throws on any text, and reads its own output back', () => {
    const alphabet = fc.constantFrom(...'0123456789/-Qq FYfyand,;&–—\u00A0tobcTBC'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 40 })), (phrase) => {
        const result = parsePhasing(phrase);
        if (!result.ok) return result.message.startsWith('Cannot read phasing');
        if (result.value.kind === 'not phased') return true;
        const again = parsePhasing(formatPhasing(result.value));
        return (
          again.ok &&
          again.value.kind === 'phased' &&
          again.value.quarters.length === result.value.quarters.length
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('answers a 10,000-character phrase with a value, not a crash or a hang', () => {
    // Speed is measured in bench/; a backtracking blow-up would hit jest's timeout here.
    expect(typeof parsePhasing('1900-9998, '.repeat(1000)).ok).toBe('boolean');
    expect(parsePhasing('2016/17 Q'.repeat(1100)).ok).toBe(false);
  });
});

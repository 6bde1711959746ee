import {
  CAPITAL_FUNCTIONS,
  changePct,
  checkPhasing,
  checkTotalOf,
  fiscalPeriod,
  fiscalQuarter,
  fiscalYear,
  formatMoneyText,
  parseMoneyText,
  phase,
  phasingText,
  quarters,
  rag,
  revised,
  totalDiff,
  varianceFlag,
  varianceOf,
  version,
  years,
} from '../functions';
import { isCellError } from '../excelErrors';

const headers16to19 = () => quarters(2016, 2019) as string[][];

/** The error in a result (a cell error, or the 1 x 1 block holding one). */
function errorOf(result: unknown): { code: string; message?: string } {
  const value = Array.isArray(result) ? result[0][0] : result;
  if (!isCellError(value)) throw new Error(`expected a cell error, got ${JSON.stringify(result)}`);
  return value;
}

describe('CAPITAL.PHASE', () => {
  const periods = [['2016/17 Q1', '2016/17 Q2', '2016/17 Q3', '2016/17 Q4']];

  it('spreads an amount over the quarters of a phrase, adding up exactly', () => {
    expect(phase([[1.1]], [['2016/17 Q2-4']], periods, null, 1)).toEqual([[0, 0.4, 0.4, 0.3]]);
    expect(phase([[100]], [['2016/17 Q2-4']], periods, null, null)).toEqual([
      [0, 33.34, 33.33, 33.33],
    ]);
  });

  it('returns a row as wide as a long header row, exact to the penny', () => {
    const row = (phase([[10]], [['2017-20']], [headers16to19()[0]], null, null) as number[][])[0];
    expect(row).toHaveLength(16);
    expect(row.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(Math.round(row.reduce((a, b) => a + b, 0) * 100)).toBe(1000);
  });

  it('phases a whole column of schemes with one formula', () => {
    const result = phase([[4], [2]], [['2016/17'], ['2016/17 Q4']], periods, null, null);
    expect(result).toEqual([
      [1, 1, 1, 1],
      [0, 0, 0, 2],
    ]);
  });

  it('takes the profile as a name or a row of weights', () => {
    expect(phase([[10]], [['2016/17']], periods, 'front', 0)).toEqual([[4, 3, 2, 1]]);
    expect(phase([[10]], [['2016/17']], periods, [[1, 1, 3, 5]], 0)).toEqual([[1, 1, 3, 5]]);
  });

  it('reads an amount printed as text', () => {
    expect(phase([['£1,100k']], [['2016/17 Q2-4']], periods, null, 0)).toEqual([
      [0, 366667, 366667, 366666],
    ]);
  });

  it('gives a row of zeros for TBC or blank phasing, not an error', () => {
    expect(phase([[10]], [['TBC']], periods, null, null)).toEqual([[0, 0, 0, 0]]);
    expect(phase([[10]], [['']], periods, null, null)).toEqual([[0, 0, 0, 0]]);
  });

  it('says how to write a phrase it cannot read', () => {
    const error = errorOf(phase([[10]], [['next spring']], periods, null, null));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/next spring/);
    expect(error.message).toMatch(/2016\/17 Q2-4/);
  });

  it('names both the phrase and the columns when the phrase falls outside them', () => {
    const error = errorOf(phase([[10]], [['2021/22 Q1']], periods, null, null));
    expect(error.message).toMatch(/2021\/22 Q1/);
    expect(error.message).toMatch(/2016\/17 Q1/);
  });

  it('puts a bad scheme’s error in its own row only', () => {
    const result = phase(
      [[4], ['lots']],
      [['2016/17'], ['2016/17']],
      periods,
      null,
      null,
    ) as unknown[][];
    expect(result[0]).toEqual([1, 1, 1, 1]);
    expect(isCellError(result[1][0])).toBe(true);
    expect(isCellError(result[1][3])).toBe(true);
  });

  it.each([
    ['a bad header', [['Q1', 'Q2']], null, null],
    ['a bad profile', periods, 'lumpy', null],
    ['decimals out of range', periods, null, 42],
    ['decimals that are not whole', periods, null, 1.5],
  ])('refuses %s with a message', (_case, headers, profile, decimals) => {
    const error = errorOf(phase([[10]], [['2016/17']], headers as unknown[][], profile, decimals));
    expect(error.code).toBe('#VALUE!');
    expect(error.message!.length).toBeGreaterThan(10);
  });
});

describe('CAPITAL.QUARTERS and CAPITAL.YEARS', () => {
  it('writes the quarter header row for the years', () => {
    const row = headers16to19()[0];
    expect(row).toHaveLength(16);
    expect(row[0]).toBe('2016/17 Q1');
    expect(row[15]).toBe('2019/20 Q4');
  });

  it('accepts year labels and a start month', () => {
    expect(quarters('2016/17', '2016/17', null)).toEqual([
      ['2016/17 Q1', '2016/17 Q2', '2016/17 Q3', '2016/17 Q4'],
    ]);
    expect(years(2016, '2018/19', 'July')).toEqual([['2016/17', '2017/18', '2018/19']]);
  });

  it('refuses years in the wrong order and blanks', () => {
    expect(errorOf(quarters(2019, 2016, null)).message).toMatch(/2019\/20/);
    expect(errorOf(quarters(null, 2016, null)).code).toBe('#N/A');
    expect(errorOf(years(2016, 'soon', null)).code).toBe('#VALUE!');
    expect(errorOf(quarters(2016, 2017, 13)).message).toMatch(/start month/i);
  });
});

describe('CAPITAL.FISCALYEAR, FISCALQUARTER, FISCALPERIOD', () => {
  const nov30 = 43799; // 30 Nov 2019

  it('places 30 November 2019 in 2019/20 Q3, period 8 of an April year', () => {
    expect(fiscalYear([[nov30]], null)).toEqual([['2019/20']]);
    expect(fiscalQuarter([[nov30]], null)).toEqual([['2019/20 Q3']]);
    expect(fiscalPeriod([[nov30]], null)).toEqual([[8]]);
  });

  it('reads date text and other start months', () => {
    expect(fiscalQuarter([['30/11/2019']], 7)).toEqual([['2019/20 Q2']]);
    expect(fiscalPeriod([['2019-11-30']], 'January')).toEqual([[11]]);
  });

  it('works down a column, one error per bad cell', () => {
    const result = fiscalYear([[nov30], ['not a date'], ['']], null) as unknown[][];
    expect(result[0][0]).toBe('2019/20');
    expect(errorOf([[result[1][0]]]).code).toBe('#VALUE!');
    expect(errorOf([[result[2][0]]]).code).toBe('#N/A');
  });
});

describe('CAPITAL.VARIANCE, VARIANCEFLAG and RAG', () => {
  it('subtracts forecast from budget exactly', () => {
    expect(varianceOf([[4.245]], [[4.1]], null)).toEqual([[0.145]]);
    expect(varianceOf([[0.3]], [[0.1]], null)).toEqual([[0.2]]);
    expect(varianceOf([[10]], [[12]], 'forecast-minus-budget')).toEqual([[2]]);
  });

  it('works element by element over columns of the same shape', () => {
    expect(varianceOf([[10], [5]], [[8], [6]], null)).toEqual([[2], [-1]]);
  });

  it('refuses columns of different shapes, naming both', () => {
    const error = errorOf(varianceOf([[10], [5]], [[8], [6], [1]], null));
    expect(error.message).toMatch(/forecast is 3 rows x 1 column but budget is 2 rows x 1 column/);
  });

  it('flags by either threshold; none flags any non-zero variance', () => {
    expect(varianceFlag([[10]], [[12]], null, 0.1, null)).toEqual([['Overspend']]);
    expect(varianceFlag([[10]], [[10.5]], null, 10, null)).toEqual([['On target']]);
    expect(varianceFlag([[10]], [[9.8]], '£100k', null, null)).toEqual([['On target']]);
    expect(varianceFlag([[10]], [[9.8]], 0.1, null, null)).toEqual([['Underspend']]);
    expect(varianceFlag([[10]], [[10.01]], null, null, null)).toEqual([['Overspend']]);
    expect(varianceFlag([[10]], [[10]], null, null, null)).toEqual([['On target']]);
  });

  it('rates overspend Green, Amber or Red', () => {
    expect(rag([[10], [10], [10]], [[10.5], [11.5], [13]], 0.1, 0.2)).toEqual([
      ['Green'],
      ['Amber'],
      ['Red'],
    ]);
    expect(errorOf(rag([[10]], [[11]], null, 0.2)).code).toBe('#N/A');
    expect(errorOf(rag([[10]], [[11]], 0.3, 0.2)).code).toBe('#VALUE!');
  });

  it('treats a blank forecast as missing, not zero', () => {
    expect(errorOf(varianceOf([['']], [[1]], null)).code).toBe('#N/A');
  });

  it('refuses booleans and an unknown convention', () => {
    expect(errorOf(varianceOf([[true]], [[1]], null)).message).toMatch(/TRUE is not an amount/);
    expect(errorOf(varianceOf([[1]], [[1]], 'sideways')).code).toBe('#VALUE!');
  });
});

describe('CAPITAL.CHECKTOTAL and TOTALDIFF', () => {
  const rows = [[1.2], [2.6], [0.3], [0.4], [0.8], [0], [1.0]];

  it('accepts a total that is right within rounding', () => {
    expect(checkTotalOf(rows, 6.4, null)).toBe(true);
  });

  it('rejects a total that rounding cannot explain', () => {
    expect(checkTotalOf([[44.5]], 41, 1)).toBe(false);
    expect(checkTotalOf(rows, 7, null)).toBe(false);
  });

  it('takes the decimals from the figures or from the argument', () => {
    // 0.06 off over 3 figures: within 3 x 0.05 at 1 dp, not within 3 x 0.005 at 2 dp
    expect(checkTotalOf([[1.02], [1.02]], 2.1, 1)).toBe(true);
    expect(checkTotalOf([[1.02], [1.02]], 2.1, null)).toBe(false);
  });

  it('subtracts exactly: {0.1;0.2} against 0.3 is exactly 0', () => {
    expect(totalDiff([[0.1], [0.2]], 0.3)).toBe(0);
    expect(totalDiff([[44.5]], 41)).toBe(3.5);
    expect(totalDiff([['2.6'], [''], ['(0.3)']], 2)).toBe(0.3);
  });

  it('says which figure it cannot read', () => {
    expect(errorOf(checkTotalOf([['ten']], 10, null)).message).toMatch(/values/);
  });
});

describe('CAPITAL.REVISED, CHANGEPCT, CHECKPHASING', () => {
  it('adds the changes to the original budget', () => {
    expect(revised(3.1, [[0.42], [0.875], [-0.15]])).toBe(4.245);
  });

  it('gives the change as a fraction, refusing a zero original', () => {
    expect(changePct(3.1, 4.245)).toBeCloseTo(0.369354838, 8);
    expect(errorOf(changePct(0, 1)).message).toMatch(/zero/);
  });

  it('checks that a phased row adds up to its amount', () => {
    expect(checkPhasing(1.1, [[0, 0.4, 0.4, 0.3]], null)).toBe(true);
    expect(checkPhasing(1.1, [[0, 0.4, 0.4, 0.4]], null)).toBe(false);
    expect(checkPhasing(1, [[0.333, 0.333, 0.333]], 2)).toBe(true);
    expect(checkPhasing(1, [[0.333, 0.333, 0.333]], null)).toBe(false);
  });
});

describe('CAPITAL.PARSEMONEY, FORMATMONEY, PHASINGTEXT', () => {
  it.each([
    ['£1,250k', null, 1250000],
    ['£1,250k', '£m', 1.25],
    ['c£90k', '£k', 90],
    ['(0.3)', null, -0.3],
    ['£0.075m', null, 75000],
    ['−0.3', null, -0.3],
  ])('reads %s in %s as %s', (text, unit, expected) => {
    expect(parseMoneyText([[text]], unit)).toEqual([[expected]]);
  });

  it('refuses text that is not money, and an unknown unit', () => {
    expect(errorOf(parseMoneyText([['twelve pounds']], null)).message).toMatch(/twelve pounds/);
    expect(errorOf(parseMoneyText([['1']], 'dollars')).message).toMatch(/£m/);
  });

  it('writes amounts as councils print them', () => {
    expect(formatMoneyText([[1250000]], '£k', null, null)).toEqual([['£1,250k']]);
    expect(formatMoneyText([[-300000]], '£m', null, true)).toEqual([['(£0.3m)']]);
  });

  it('writes the canonical phrase', () => {
    expect(phasingText([['2017/18 - 2019/20'], ['tbc']])).toEqual([['2017-20'], ['TBC']]);
    expect(errorOf(phasingText([['2016/17 Q4-1']])).code).toBe('#VALUE!');
  });
});

describe('every CAPITAL function', () => {
  it('has a version', () => {
    expect(typeof version()).toBe('string');
  });

  it.each(Object.entries(CAPITAL_FUNCTIONS))(
    '%s never throws on hostile arguments',
    (_name, fn) => {
      const hostile: unknown[] = [
        null,
        '',
        'x'.repeat(10_000),
        NaN,
        Infinity,
        -0,
        1e308,
        true,
        [[]],
        [[1, 2], [3]],
        { code: '#REF!' },
      ];
      for (const a of hostile) {
        for (const b of hostile) {
          expect(() => (fn as (...args: unknown[]) => unknown)(a, b, a, b, a)).not.toThrow();
        }
      }
    },
  );
});

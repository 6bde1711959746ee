import { isCellError } from '../excelErrors';
import { borrowingCost, inYearBudgetOf, mrp, profiledToDateOf, slippageOf } from '../functions';

const periods = [['2018/19 Q4', '2019/20 Q1', '2019/20 Q2', '2019/20 Q3', '2019/20 Q4', '2020/21']];

function errorOf(result: unknown): { code: string; message?: string } {
  const value = Array.isArray(result) ? result[0][0] : result;
  if (!isCellError(value)) throw new Error(`expected a cell error, got ${JSON.stringify(result)}`);
  return value;
}

describe('CAPITAL.INYEARBUDGET', () => {
  it('adds the phased columns of one year, exactly', () => {
    expect(inYearBudgetOf([[9, 0.5, 0.7, 0.6, 0.8, 4]], periods, '2019/20')).toBe(2.6);
    expect(inYearBudgetOf([[9, 0.1, 0.2, null, null, 4]], periods, 2019)).toBe(0.3);
    expect(inYearBudgetOf([[9, 0.5, 0.7, 0.6, 0.8, 4]], periods, '2020/21')).toBe(4);
  });

  it('says when the row and the header row are not the same width', () => {
    const error = errorOf(inYearBudgetOf([[1, 2]], periods, 2019));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toContain('phased_row has 2 cells but periods has 6');
  });
});

describe('CAPITAL.PROFILEDTODATE', () => {
  it('profiles to P8: two quarters and two months of the third', () => {
    expect(profiledToDateOf([[0, 100, 100, 100, 100, 0]], periods, '2019/20 P8')).toBe(266.67);
    expect(profiledToDateOf([[0, 100, 100, 100, 100, 0]], periods, 'P8', '2019/20')).toBe(266.67);
    expect(profiledToDateOf([[0, 100, 100, 100, 100, 0]], periods, 'Q4', 2019)).toBe(400);
  });

  it('asks for the year when the period does not give one', () => {
    expect(errorOf(profiledToDateOf([[0, 1, 1, 1, 1, 0]], periods, 'P8')).message).toContain(
      'does not say which year',
    );
  });
});

describe('CAPITAL.SLIPPAGE', () => {
  it('keeps slippage apart from the real underspend, element by element', () => {
    expect(slippageOf([[2.4], [10]], [[1.8], [7]], [[6.6], [50]], [[6.5], [49]])).toEqual([
      [0.5],
      [2],
    ]);
  });
});

describe('CAPITAL.MRP and CAPITAL.BORROWINGCOST', () => {
  it('gives straight-line MRP with the odd penny where the running total puts it', () => {
    expect([1, 2, 3, 4].map((k) => mrp(1000, 3, k))).toEqual([333.33, 333.34, 333.33, 0]);
  });

  it('gives annuity MRP at a rate written as 10% or 10', () => {
    expect(mrp(1000, 2, 1, 'annuity', 0.1)).toBe(476.19);
    expect(mrp(1000, 2, 2, 'Annuity', 10)).toBe(523.81);
  });

  it('adds interest on the debt owed to the MRP', () => {
    expect(borrowingCost(1000, 0.05, 2, 1)).toBe(550);
    expect(borrowingCost(1000, '5%', 2, 2)).toBe(525);
  });

  it('says what to write for a life of 0 or an unknown method', () => {
    expect(errorOf(mrp(1000, 0, 1)).code).toBe('#VALUE!');
    expect(errorOf(mrp(1000, 3, 1, 'reducing balance')).message).toContain(
      "'straight-line' or 'annuity'",
    );
    expect(errorOf(borrowingCost(1000, 0.05, 2, null)).code).toBe('#N/A');
  });
});

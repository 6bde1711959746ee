import { columnLetters, toA1 } from '../address';
import { ContractError } from '../../errors';

describe('A1 addresses', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('writes column %i as %s', (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
  });

  it('writes a 0-based row and column as an A1 address', () => {
    expect(toA1(0, 0)).toBe('A1');
    expect(toA1(9, 4)).toBe('E10');
  });

  it('refuses a negative or fractional index as a broken contract', () => {
    expect(() => columnLetters(-1)).toThrow(ContractError);
    expect(() => toA1(1.5, 0)).toThrow(ContractError);
  });
});

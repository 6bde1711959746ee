import { MONEY_UNITS, convertUnit, unitExponent, unitFromHeader, type MoneyUnit } from '../units';
import { decimal, equals, formatDecimal, normalise } from '../decimal';
import { DecimalRangeError } from '../../errors';

describe('unitFromHeader', () => {
  it.each<[string, MoneyUnit]>([
    ['Capital £m', '£m'],
    ['£m', '£m'],
    ["£m's", '£m'],
    ['£ms', '£m'],
    ['£m\u2019s', '£m'],
    ['(£m)', '£m'],
    ['£ million', '£m'],
    ['Forecast £ millions', '£m'],
    ['£mn', '£m'],
    ['£M', '£m'],
    ["£'000", '£k'],
    ['£\u2019000', '£k'], // typographic apostrophe, as Word writes it
    ["£'000s", '£k'],
    ['£000', '£k'],
    ['£000s', '£k'],
    ['£k', '£k'],
    ['Spend to date (£000s)', '£k'],
    ['£ thousands', '£k'],
    ['£bn', '£bn'],
    ['£ billion', '£bn'],
    ['£', '£'],
    ['Budget (£)', '£'],
    ['£ Budget', '£'],
    ['Approved £ 2019/20', '£'],
    ['£ multi-year', '£'],
  ])('reads %s as %s', (header, unit) => {
    expect(unitFromHeader(header)).toBe(unit);
  });

  it.each([
    'Impact',
    'Area for investment',
    'Phase',
    '',
    'Budget (m)',
    'Schemes over £100k',
    'Cap at £0.5m',
  ])('finds no unit in %j', (header) => {
    expect(unitFromHeader(header)).toBeUndefined();
  });

  it('skips an amount and reads the unit after it', () => {
    expect(unitFromHeader('Schemes over £100k, £m')).toBe('£m');
  });

  it('reads a very long header', () => {
    const header = `${'£ '.repeat(5000)}£m`;
    expect(unitFromHeader(header)).toBe('£');
    expect(unitFromHeader(`${'£1'.repeat(5000)} £m`)).toBe('£m');
  });
});

describe('convertUnit', () => {
  const shown = (value: ReturnType<typeof convertUnit>) => formatDecimal(normalise(value));

  it('converts between units exactly', () => {
    expect(shown(convertUnit(decimal(26, 1), '£m', '£k'))).toBe('2600');
    expect(shown(convertUnit(decimal(26, 1), '£m', '£'))).toBe('2600000');
    expect(shown(convertUnit(decimal(1250), '£k', '£m'))).toBe('1.25');
    expect(shown(convertUnit(decimal(75, 3), '£m', '£k'))).toBe('75');
    expect(shown(convertUnit(decimal(1), '£', '£bn'))).toBe('0.000000001');
    expect(shown(convertUnit(decimal(-4245, 3), '£m', '£'))).toBe('-4245000');
  });

  it('returns the same value when the units agree', () => {
    const value = decimal(123, 2);
    expect(convertUnit(value, '£k', '£k')).toBe(value);
  });

  it('drops trailing zeros rather than refuse a value that fits', () => {
    // 1.000000000000000 (15 places) in £ is 0.000000001 £bn: fits once the zeros are dropped.
    expect(equals(convertUnit(decimal(10 ** 15, 15), '£', '£bn'), decimal(1, 9))).toBe(true);
  });

  it('throws a range error instead of rounding when the result cannot be held', () => {
    expect(() => convertUnit(decimal(9_000_000_000), '£bn', '£')).toThrow(DecimalRangeError);
    expect(() => convertUnit(decimal(1, 10), '£', '£bn')).toThrow(DecimalRangeError);
  });

  it('orders the units by size', () => {
    expect(MONEY_UNITS.map(unitExponent)).toEqual([0, 3, 6, 9]);
  });
});

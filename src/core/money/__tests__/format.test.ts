import { formatMoney, numberFormatFor, type FormatMoneyOptions } from '../format';
import { decimal } from '../decimal';
import { ContractError } from '../../errors';

describe('formatMoney', () => {
  it.each<[string, ReturnType<typeof decimal>, FormatMoneyOptions]>([
    ['£1,250k', decimal(1250), { unit: '£k' }],
    ['£0.075m', decimal(75, 3), { unit: '£m' }],
    ['£1.2bn', decimal(12, 1), { unit: '£bn' }],
    ['£12.4m', decimal(124, 1), { unit: '£m' }],
    ['(0.3)', decimal(-3, 1), { unit: '£', symbol: false, negative: 'brackets' }],
    ['(£0.3m)', decimal(-3, 1), { unit: '£m', negative: 'brackets' }],
    ['-£450k', decimal(-450), { unit: '£k' }],
    ['c£90k', decimal(90), { unit: '£k', circa: true }],
    ['c(£90k)', decimal(-90), { unit: '£k', circa: true, negative: 'brackets' }],
    ['1,234.50', decimal(123450, 2), { unit: '£', symbol: false }],
    ['1234.50', decimal(123450, 2), { unit: '£', symbol: false, thousands: false }],
    ['£1,234,567,890', decimal(1234567890), { unit: '£' }],
    ['12.4m', decimal(124, 1), { unit: '£m', symbol: false }],
    ['£0', decimal(0), { unit: '£' }],
    ['£999', decimal(999), { unit: '£' }],
    ['£1,000', decimal(1000), { unit: '£' }],
    ['£123,456', decimal(123456), { unit: '£' }],
    ['-£12,345.6k', decimal(-123456, 1), { unit: '£k' }],
  ])('writes %s', (text, value, options) => {
    expect(formatMoney(value, options)).toBe(text);
  });

  it('rounds halves away from zero to the decimals asked for', () => {
    expect(formatMoney(decimal(245, 2), { unit: '£m', decimals: 1 })).toBe('£2.5m');
    expect(formatMoney(decimal(-245, 2), { unit: '£m', decimals: 1 })).toBe('-£2.5m');
    expect(formatMoney(decimal(244, 2), { unit: '£m', decimals: 1 })).toBe('£2.4m');
    expect(formatMoney(decimal(9995, 1), { unit: '£k', decimals: 0 })).toBe('£1,000k');
  });

  it('pads to the decimals asked for', () => {
    expect(formatMoney(decimal(26, 1), { unit: '£m', decimals: 3 })).toBe('£2.600m');
    expect(formatMoney(decimal(5, 3), { unit: '£m', decimals: 3 })).toBe('£0.005m');
  });

  it('writes a negative that rounds to zero without a sign', () => {
    expect(formatMoney(decimal(-4, 2), { unit: '£m', decimals: 1 })).toBe('£0.0m');
    expect(formatMoney(decimal(-4, 2), { unit: '£m', decimals: 1, negative: 'brackets' })).toBe(
      '£0.0m',
    );
  });

  it('shows the largest safe amount with extra decimals without overflowing', () => {
    expect(formatMoney(decimal(Number.MAX_SAFE_INTEGER), { unit: '£', decimals: 2 })).toBe(
      '£9,007,199,254,740,991.00',
    );
  });

  it('refuses decimals that are not a whole number from 0 to 15', () => {
    for (const decimals of [-1, 1.5, 16, NaN]) {
      expect(() => formatMoney(decimal(1), { unit: '£', decimals })).toThrow(ContractError);
    }
  });
});

describe('numberFormatFor', () => {
  it.each<[Parameters<typeof numberFormatFor>[0], number, string]>([
    ['£m', 1, '"£"#,##0.0"m";("£"#,##0.0"m")'],
    ['£k', 0, '"£"#,##0"k";("£"#,##0"k")'],
    ['£bn', 2, '"£"#,##0.00"bn";("£"#,##0.00"bn")'],
    ['£', 2, '"£"#,##0.00;("£"#,##0.00)'],
    ['£', 0, '"£"#,##0;("£"#,##0)'],
  ])('gives %s with %i decimals the code %s', (unit, decimals, code) => {
    expect(numberFormatFor(unit, decimals)).toBe(code);
  });

  it('refuses decimals out of range', () => {
    expect(() => numberFormatFor('£m', -1)).toThrow(ContractError);
    expect(() => numberFormatFor('£m', 16)).toThrow(ContractError);
  });
});

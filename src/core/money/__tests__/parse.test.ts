import {
  MAX_MONEY_TEXT_LENGTH,
  parseMoney,
  type ParseMoneyOptions,
  type ParsedMoney,
} from '../parse';
import { decimal, formatDecimal, normalise, type Decimal } from '../decimal';
import { unitFromHeader } from '../units';

/** Reads text that must parse, failing the test with the message otherwise. */
function read(text: string, options?: ParseMoneyOptions): ParsedMoney {
  const result = parseMoney(text, options);
  if (!result.ok) throw new Error(`expected '${text}' to parse, got: ${result.message}`);
  return result.value;
}

/** Compares values, not representations: 2.5 equals 2.50. */
function expectValue(actual: Decimal, expected: Decimal): void {
  expect(formatDecimal(normalise(actual))).toBe(formatDecimal(normalise(expected)));
}

function messageFor(text: string, options?: ParseMoneyOptions): string {
  const result = parseMoney(text, options);
  if (result.ok)
    throw new Error(`expected '${text}' to be refused, got ${JSON.stringify(result.value)}`);
  return result.message;
}

describe('parseMoney reads money as councils print it', () => {
  // [text, value in pounds as units/scale, printed unit, decimals shown]
  it.each<[string, Decimal, string | undefined, number]>([
    ['£1,250k', decimal(1_250_000), '£k', 0],
    ['£0.075m', decimal(75_000), '£m', 3],
    ['£1.2bn', decimal(1_200_000_000), '£bn', 1],
    ['£12.4m', decimal(12_400_000), '£m', 1],
    ['£12.4 million', decimal(12_400_000), '£m', 1],
    ['£3.1 bn', decimal(3_100_000_000), '£bn', 1],
    ['12.4m', decimal(12_400_000), '£m', 1],
    ['1,250k', decimal(1_250_000), '£k', 0],
    ['£1.2B', decimal(1_200_000_000), '£bn', 1],
    ['£450 thousand', decimal(450_000), '£k', 0],
    ['£2.5 Billion', decimal(2_500_000_000), '£bn', 1],
    ['£4.245MN', decimal(4_245_000), '£m', 3],
    ['1,234.50', decimal(123_450, 2), undefined, 2],
    ['1\u00a0234.50', decimal(123_450, 2), undefined, 2],
    ['1\u2009234.50', decimal(123_450, 2), undefined, 2],
    ['1\u202f234\u202f567', decimal(1_234_567), undefined, 0],
    ['1 234 567.8', decimal(12_345_678, 1), undefined, 1],
    ['  £1,250k \t', decimal(1_250_000), '£k', 0],
    ['\u00a0£0.3m\u00a0', decimal(300_000), '£m', 1],
    ['£ 1,250', decimal(1250), undefined, 0],
    ['.5', decimal(5, 1), undefined, 1],
    ['0', decimal(0), undefined, 0],
    ['+£2.6m', decimal(2_600_000), '£m', 1],
  ])('reads %s', (text, value, printedUnit, shownDecimals) => {
    const parsed = read(text);
    expectValue(parsed.value, value);
    expect(parsed.printedUnit).toBe(printedUnit);
    expect(parsed.shownDecimals).toBe(shownDecimals);
    expect(parsed.circa).toBe(false);
  });

  it.each<[string, Decimal]>([
    ['(0.3)', decimal(-3, 1)],
    ['(£0.3m)', decimal(-300_000)],
    ['-£450k', decimal(-450_000)],
    ['£-450k', decimal(-450_000)],
    ['\u22120.3', decimal(-3, 1)], // − minus sign
    ['\u20130.3', decimal(-3, 1)], // – en dash used as a minus
    ['- £450k', decimal(-450_000)],
    ['( 1,250 )', decimal(-1250)],
  ])('reads %s as a negative', (text, value) => {
    expectValue(read(text).value, value);
  });

  it.each([
    'c£90k',
    'c. £90k',
    'circa £90k',
    'C£90k',
    'ca. £90k',
    'approx. £90k',
    'c.£90k',
    'c 90k',
  ])('flags %s as circa and still reads the figure', (text) => {
    const parsed = read(text);
    expect(parsed.circa).toBe(true);
    expectValue(parsed.value, decimal(90_000));
  });

  it('reads a circa negative inside or outside the brackets', () => {
    for (const text of ['c(£90k)', '(c£90k)', 'c-£90k']) {
      const parsed = read(text);
      expect(parsed.circa).toBe(true);
      expectValue(parsed.value, decimal(-90_000));
    }
  });

  it('takes a point straight after c as the start of the figure', () => {
    expectValue(read('c.5m').value, decimal(500_000));
  });

  it('reads exactly, without float error', () => {
    // 0.1 + 0.2 style traps: the digits become integer units directly.
    expect(read('£0.3m', { unit: '£m' }).value).toEqual({ units: 3, scale: 1 });
    expect(read('1,234,567,890.12').value).toEqual({ units: 123_456_789_012, scale: 2 });
    expect(read('0.000000000000001').value).toEqual({ units: 1, scale: 15 });
  });

  it('keeps the decimals as printed, trailing zeros included', () => {
    expect(read('2.60').shownDecimals).toBe(2);
    expect(read('2.60').value).toEqual({ units: 260, scale: 2 });
    expect(read('£1.250m').shownDecimals).toBe(3);
  });
});

describe('parseMoney units', () => {
  it('converts to the target unit exactly', () => {
    expectValue(read('£1,250k', { unit: '£m' }).value, decimal(125, 2));
    expectValue(read('£0.075m', { unit: '£k' }).value, decimal(75));
    expectValue(read('£1.2bn', { unit: '£m' }).value, decimal(1200));
    expectValue(read('£450', { unit: '£k', assumedUnit: '£' }).value, decimal(45, 2));
    expectValue(read('£1', { unit: '£bn', assumedUnit: '£' }).value, decimal(1, 9));
  });

  it('reads a bare figure in the unit assumed from its header', () => {
    expectValue(read('2.6', { assumedUnit: '£m' }).value, decimal(2_600_000));
    expectValue(read('(0.2)', { unit: '£k', assumedUnit: '£m' }).value, decimal(-200));
    expectValue(read('1,250', { unit: '£m', assumedUnit: '£k' }).value, decimal(125, 2));
  });

  it('treats a £ sign with no letter as a bare figure in the header unit', () => {
    expectValue(read('£2.6', { assumedUnit: '£m' }).value, decimal(2_600_000));
    expect(read('£2.6', { assumedUnit: '£m' }).printedUnit).toBeUndefined();
  });

  it('lets a unit written in the cell override the header', () => {
    const parsed = read('£450k', { unit: '£m', assumedUnit: '£m' });
    expectValue(parsed.value, decimal(45, 2));
    expect(parsed.printedUnit).toBe('£k');
  });

  it('reads a column of figures in the unit its header declares', () => {
    const assumedUnit = unitFromHeader('Capital £m');
    const column = ['2.6', '1.1', '3.9', '0.6', '1.3'].map(
      (text) => read(text, { assumedUnit }).value,
    );
    expect(column.map((value) => formatDecimal(value))).toEqual([
      '2600000',
      '1100000',
      '3900000',
      '600000',
      '1300000',
    ]);
    expectValue(
      read('450', { unit: '£m', assumedUnit: unitFromHeader("£'000") }).value,
      decimal(45, 2),
    );
  });

  it('takes the target unit for a bare figure when nothing is assumed', () => {
    expectValue(read('2.6', { unit: '£m' }).value, decimal(26, 1));
  });
});

describe('parseMoney refuses what it cannot read for certain', () => {
  it('says what is wrong and how to write it', () => {
    expect(messageFor('twelve pounds')).toBe(
      "Cannot read 'twelve pounds' as money: 'twelve' is a word, not a figure; write e.g. £1,250k, 0.3 or (0.3)",
    );
  });

  it.each<[string, RegExp]>([
    ['1,25', /thousands separators are misplaced/],
    ['1,2345', /thousands separators are misplaced/],
    ['1234,567', /thousands separators are misplaced/],
    [',250', /thousands separators are misplaced/],
    ['1,250,', /thousands separators are misplaced/],
    ['1.234,50', /thousands separators are misplaced/],
    ['1,234 567', /thousands separators are misplaced/],
    ['0.123 456', /thousands separators are misplaced/],
    ['--5', /two signs/],
    ['-£-450k', /two signs/],
    ['+-5', /two signs/],
    ['(-0.3)', /both brackets and a sign/],
    ['-(0.3)', /both brackets and a sign/],
    ['((0.3))', /two opening brackets/],
    ['£1.2.3', /two decimal points/],
    ['££5', /'£' appears twice/],
    ['k', /'k' is a unit with no figure/],
    ['£m', /'m' is a unit with no figure/],
    ['£', /no figure/],
    ['()', /the brackets hold no figure/],
    ['-', /a dash alone is not a figure \(for nil, write 0\)/],
    ['abc', /'abc' is a word, not a figure/],
    ['£12.4x', /'x' is not a unit: use k, m or bn/],
    ['1e6', /'e' is not a unit/],
    ['12%', /a percentage is not an amount of money/],
    ['$5', /only amounts in pounds/],
    ['€5', /only amounts in pounds/],
    ['5£', /'£' goes in front of the figure/],
    ['5-', /the sign goes in front of the figure/],
    ['(5', /the bracket is not closed/],
    ['5)', /'\)' has no opening bracket/],
    ['1 2', /thousands separators are misplaced/],
    ['12 m 3', /it holds two figures/],
    ['£1,250k £2', /'£' goes in front/],
    ['5#', /'#' is not part of a figure/],
    ['5\u{1F4B7}', /'\u{1F4B7}' is not part of a figure/u],
    ['\uff15', /'\uff15' is not part of a figure/], // full-width digit five: not read as 5
  ])('refuses %s', (text, reason) => {
    const message = messageFor(text);
    expect(message).toMatch(reason);
    expect(message).toContain(`Cannot read '${text.trim()}' as money`);
    expect(message).toContain('write e.g. £1,250k, 0.3 or (0.3)');
  });

  it.each(['', '   ', '\u00a0\u2009\t\n'])('refuses blank text %j', (text) => {
    expect(messageFor(text)).toBe(
      'Cannot read blank text as money: write e.g. £1,250k, 0.3 or (0.3)',
    );
  });

  it('refuses figures with more digits than it can hold exactly, rather than rounding', () => {
    expect(messageFor('9,007,199,254,740,993')).toMatch(/more digits than can be held exactly/);
    expect(messageFor('0.1234567890123456')).toMatch(/more than 15 decimal places/);
  });

  it('refuses a figure that would overflow in the target unit, as a message not a throw', () => {
    expect(messageFor('£9,000,000,000bn')).toMatch(
      /too large, or has too many decimal places, to hold exactly in £/,
    );
    expect(messageFor('0.000000000001', { unit: '£bn', assumedUnit: '£' })).toMatch(
      /to hold exactly in £bn/,
    );
  });

  it('accepts the largest figure it can hold', () => {
    expectValue(read('9,007,199,254,740,991').value, decimal(Number.MAX_SAFE_INTEGER));
  });

  it('shortens a long text in the message', () => {
    const text = `${'1'.repeat(60)}x`;
    const message = messageFor(text);
    expect(message).toContain(`'${'1'.repeat(40)}…'`);
  });

  it('refuses very long text at once, before scanning it', () => {
    const long = `£${'1'.repeat(9_999)}`;
    // Speed is measured in bench/; here a backtracking blow-up would hit jest's timeout.
    for (let i = 0; i < 1000; i++) parseMoney(long);
    expect(messageFor(long)).toBe(
      'Cannot read a 10,000-character text as money: a figure is at most 100 characters; write e.g. £1,250k, 0.3 or (0.3)',
    );
  });

  it('reads text up to the length limit and refuses one character more', () => {
    const padded = (length: number) => `1${' '.repeat(length - 1)}`;
    expect(parseMoney(padded(MAX_MONEY_TEXT_LENGTH)).ok).toBe(true);
    expect(parseMoney(padded(MAX_MONEY_TEXT_LENGTH + 1)).ok).toBe(false);
  });

  it('stays linear on text built to make a backtracking pattern blow up', () => {
    const hostile = [
      '1,'.repeat(49) + 'x',
      '(' + '£'.repeat(98),
      'c'.repeat(99) + '1',
      '1 '.repeat(50),
    ];
    // No timing assert (shared machines are noisy): a blow-up would hit jest's timeout.
    for (let i = 0; i < 10_000; i++) for (const text of hostile) parseMoney(text);
    for (const text of hostile) expect(parseMoney(text).ok).toBe(false);
  });
});

import { parseDateText, readDate } from '../dateText';
import { MONTH_NAMES, readMonth, resolveStartMonth } from '../options';

describe('reading dates written as text', () => {
  it.each([
    '2019-11-30',
    '30/11/2019',
    '30 Nov 2019',
    '30 November 2019',
    '30-Nov-2019',
    '30th November 2019',
    '30.11.2019',
    '2019-11-30T00:00:00Z',
    ' 30\u00A0Nov\u00A02019 ',
  ])('reads %p as 30 Nov 2019', (text) => {
    expect(parseDateText(text)).toEqual({ ok: true, value: { year: 2019, month: 11, day: 30 } });
  });

  it('reads 29 February in a leap year', () => {
    expect(parseDateText('29/02/2020')).toEqual({
      ok: true,
      value: { year: 2020, month: 2, day: 29 },
    });
  });

  it.each([
    ['31/02/2019', /February 2019 has 28 days/],
    ['29/02/1900', /February 1900 has 28 days/],
    ['31 Apr 2019', /April 2019 has 30 days/],
    ['11/30/2019', /no month 30/],
    ['30 Foo 2019', /Cannot read date/],
    ['next Tuesday', /Cannot read date 'next Tuesday': write it as e\.g\. '30\/11\/2019'/],
    ['', /Cannot read date/],
    ['1'.repeat(10000), /Cannot read date/],
  ])('rejects %p with a message saying how to write it', (text, message) => {
    const result = parseDateText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('reading a date as Excel hands it over', () => {
  it('reads a serial, a serial stored as text, and date text', () => {
    expect(readDate(43800)).toEqual({ ok: true, value: { year: 2019, month: 12, day: 1 } });
    expect(readDate('43800')).toEqual({ ok: true, value: { year: 2019, month: 12, day: 1 } });
    expect(readDate(0, 1904)).toEqual({ ok: true, value: { year: 1904, month: 1, day: 1 } });
    expect(readDate('30/11/2019')).toEqual({ ok: true, value: { year: 2019, month: 11, day: 30 } });
  });

  it.each([null, undefined, '', true, { error: '#N/A' }, Number.NaN, -5])(
    'rejects %p with a message',
    (value) => {
      const result = readDate(value);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/date/);
    },
  );
});

describe('the start month setting', () => {
  it('prefers the explicit month, then the workbook setting, then April', () => {
    expect(resolveStartMonth(10, 7)).toEqual({ ok: true, value: 10 });
    expect(resolveStartMonth(null, 'July')).toEqual({ ok: true, value: 7 });
    expect(resolveStartMonth('', undefined)).toEqual({ ok: true, value: 4 });
    expect(resolveStartMonth()).toEqual({ ok: true, value: 4 });
  });

  it('reads month numbers, numbers as text and names', () => {
    expect(readMonth('Oct')).toBe(10);
    expect(readMonth('sept')).toBe(9);
    expect(readMonth('1')).toBe(1);
    expect(readMonth(' JANUARY ')).toBe(1);
  });

  it('reads back every month name it writes, January first', () => {
    expect(MONTH_NAMES).toHaveLength(12);
    MONTH_NAMES.forEach((name, index) => expect(readMonth(name)).toBe(index + 1));
    expect([MONTH_NAMES[0], MONTH_NAMES[3], MONTH_NAMES[11]]).toEqual([
      'January',
      'April',
      'December',
    ]);
  });

  it.each([13, 0, 4.5, 'Smarch', true])('rejects start month %p with a message', (value) => {
    const result = resolveStartMonth(value);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toMatch(/write a month number 1-12 or a name such as 'April'/);
  });
});

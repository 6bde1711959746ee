import fc from 'fast-check';
import { dateToSerial, serialToDate } from '../serial';
import { dateFromDayNumber, dayNumber, isValidDate } from '../days';
import type { CalendarDate } from '../types';

const value = <T>(result: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!result.ok) throw new Error(result.message);
  return result.value;
};
const ymd = (date: CalendarDate) => [date.year, date.month, date.day];

describe('Excel serial dates, 1900 system', () => {
  it.each([
    [43800, [2019, 12, 1]],
    [25569, [1970, 1, 1]],
    [1, [1900, 1, 1]],
    [59, [1900, 2, 28]],
    [61, [1900, 3, 1]],
    [2958465, [9999, 12, 31]],
  ])('reads serial %d as %j', (serial, expected) => {
    expect(ymd(value(serialToDate(serial)))).toEqual(expected);
  });

  it("reads serial 60 as Excel's phantom 29 Feb 1900 and writes it back as 60", () => {
    expect(ymd(value(serialToDate(60)))).toEqual([1900, 2, 29]);
    expect(dateToSerial({ year: 1900, month: 2, day: 29 })).toBe(60);
  });

  it('writes the days either side of the phantom day one apart from it', () => {
    expect(dateToSerial({ year: 1900, month: 2, day: 28 })).toBe(59);
    expect(dateToSerial({ year: 1900, month: 3, day: 1 })).toBe(61);
    expect(dateToSerial({ year: 2019, month: 12, day: 1 })).toBe(43800);
  });

  it('takes the day of a serial with a time of day', () => {
    expect(ymd(value(serialToDate(43800.75)))).toEqual([2019, 12, 1]);
    expect(ymd(value(serialToDate(43800.999999)))).toEqual([2019, 12, 1]);
  });

  it.each([0, 0.5, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY, 1e308])(
    'rejects serial %p with a message',
    (serial) => {
      const result = serialToDate(serial);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/is not an Excel date.*enter a date such as/);
    },
  );

  it('round-trips every serial of the whole range through a date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }),
        (serial) => dateToSerial(value(serialToDate(serial))) === serial,
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees with UTC day counting from 1 March 1900 on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const date = value(serialToDate(serial));
        const utc = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
        return (
          date.year === utc.getUTCFullYear() &&
          date.month === utc.getUTCMonth() + 1 &&
          date.day === utc.getUTCDate()
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Excel serial dates, 1904 system', () => {
  it('reads serial 0 as 1 Jan 1904', () => {
    expect(ymd(value(serialToDate(0, 1904)))).toEqual([1904, 1, 1]);
    expect(dateToSerial({ year: 1904, month: 1, day: 1 }, 1904)).toBe(0);
  });

  it('is 1,462 days behind the 1900 system', () => {
    expect(ymd(value(serialToDate(43800 - 1462, 1904)))).toEqual([2019, 12, 1]);
  });

  it.each([-1, 2957004])('rejects serial %d with a message', (serial) => {
    expect(serialToDate(serial, 1904).ok).toBe(false);
  });

  it('has no phantom day: 29 Feb 1900 is not a 1904 date', () => {
    expect(() => dateToSerial({ year: 1900, month: 2, day: 29 }, 1904)).toThrow();
  });

  it('round-trips every serial of the whole range through a date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2957003 }),
        (serial) => dateToSerial(value(serialToDate(serial, 1904)), 1904) === serial,
      ),
      { numRuns: 3000 },
    );
  });
});

describe('day counting', () => {
  it('counts days like UTC milliseconds for any date 1..9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (days) => {
        const date = dateFromDayNumber(days);
        const utc = new Date(days * 86400000);
        return (
          isValidDate(date) &&
          dayNumber(date) === days &&
          date.year === utc.getUTCFullYear() &&
          date.month === utc.getUTCMonth() + 1 &&
          date.day === utc.getUTCDate()
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses to count an impossible date (a bug in the caller)', () => {
    expect(() => dayNumber({ year: 2019, month: 2, day: 31 })).toThrow(/not a valid date/);
  });
});

import {
  compareMonitoringPeriods,
  formatMonitoringPeriod,
  isByEndOf,
  parseMonitoringPeriod,
  periodEndDate,
} from '../period';

describe('parseMonitoringPeriod', () => {
  it.each([
    ['P8', { year: 2019, period: 8 }],
    ['Period 8', { year: 2019, period: 8 }],
    ['p 12', { year: 2019, period: 12 }],
    [8, { year: 2019, period: 8 }],
    ['Q3', { year: 2019, period: 9 }],
    ['Quarter 1', { year: 2019, period: 3 }],
    ['Outturn', { year: 2019, period: 12 }],
  ])('reads %p in the current year', (text, expected) => {
    expect(parseMonitoringPeriod(text, 2019)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2020/21 P3', { year: 2020, period: 3 }],
    ['P3 2020/21', { year: 2020, period: 3 }],
    ['19/20 Q4', { year: 2019, period: 12 }],
    ['FY2019/20 Period 8', { year: 2019, period: 8 }],
  ])('reads %p with its own year', (text, expected) => {
    expect(parseMonitoringPeriod(text, 2030)).toEqual({ ok: true, value: expected });
  });

  it.each(['P13', 'P0', 'Q5', 'soon', '', '2019/20 P14'])(
    'refuses %p with how to write it',
    (text) => {
      const read = parseMonitoringPeriod(text, 2019);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.message).toMatch(/write e\.g\. 'P8'/);
    },
  );

  it('says a period with no year needs one when the workbook has none', () => {
    const read = parseMonitoringPeriod('P8');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain('does not say which year');
  });
});

describe('formatMonitoringPeriod and compareMonitoringPeriods', () => {
  it('writes the period as a report heads it', () => {
    expect(formatMonitoringPeriod({ year: 2019, period: 8 })).toBe('2019/20 P8');
  });

  it('orders P12 of one year before P1 of the next', () => {
    expect(
      compareMonitoringPeriods({ year: 2019, period: 12 }, { year: 2020, period: 1 }),
    ).toBeLessThan(0);
    expect(compareMonitoringPeriods({ year: 2019, period: 8 }, { year: 2019, period: 8 })).toBe(0);
  });
});

describe('periodEndDate and isByEndOf', () => {
  it('ends P8 on 30 November and P11 of 2019/20 on 29 February 2020 (a leap year)', () => {
    expect(periodEndDate({ year: 2019, period: 8 })).toEqual({ year: 2019, month: 11, day: 30 });
    expect(periodEndDate({ year: 2019, period: 11 })).toEqual({ year: 2020, month: 2, day: 29 });
    expect(periodEndDate({ year: 2019, period: 3 }, 7)).toEqual({ year: 2019, month: 9, day: 30 });
  });

  it('counts the last day of the period in and the next day out', () => {
    expect(isByEndOf({ year: 2019, month: 11, day: 30 }, { year: 2019, period: 8 })).toBe(true);
    expect(isByEndOf({ year: 2019, month: 12, day: 1 }, { year: 2019, period: 8 })).toBe(false);
  });
});

import { compareMonitoringPeriods, formatMonitoringPeriod, parseMonitoringPeriod } from '../period';

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

import { decimal, formatDecimal, fromNumber } from '../../money/decimal';
import {
  appendSnapshots,
  movementSinceLastPeriod,
  previousSnapshot,
  type MonitoringSnapshot,
} from '../history';

const snap = (
  ref: string,
  year: number,
  period: number,
  forecast: number,
  allYears = 10,
): MonitoringSnapshot => ({
  ref,
  at: { year, period: period as 1 },
  inYearBudget: decimal(3),
  actualToDate: decimal(1),
  inYearForecast: fromNumber(forecast),
  allYearsForecast: fromNumber(allYears),
});

const history = [snap('A', 2019, 3, 2.5), snap('A', 2019, 6, 2.2, 9.8), snap('B', 2019, 6, 1)];

describe('previousSnapshot and movementSinceLastPeriod', () => {
  it('finds the latest snapshot before the period, not at it', () => {
    expect(previousSnapshot(history, 'A', { year: 2019, period: 8 })?.at.period).toBe(6);
    expect(previousSnapshot(history, 'A', { year: 2019, period: 6 })?.at.period).toBe(3);
    expect(previousSnapshot(history, 'A', { year: 2019, period: 3 })).toBeUndefined();
  });

  it('measures how the forecasts moved since then, exactly', () => {
    const movement = movementSinceLastPeriod(
      history,
      'A',
      { year: 2019, period: 8 },
      fromNumber(2.0),
      fromNumber(9.8),
    );
    expect(movement?.since).toEqual({ year: 2019, period: 6 });
    expect(formatDecimal(movement!.inYearForecast)).toBe('-0.2');
    expect(formatDecimal(movement!.allYearsForecast)).toBe('0.0');
  });

  it('has no movement for a scheme never gathered before', () => {
    expect(
      movementSinceLastPeriod(
        history,
        'C',
        { year: 2019, period: 8 },
        fromNumber(1),
        fromNumber(1),
      ),
    ).toBeUndefined();
  });
});

describe('appendSnapshots', () => {
  it('appends later periods and never changes what is there', () => {
    const before = history.slice();
    const { history: next, refused } = appendSnapshots(history, [
      snap('A', 2019, 8, 2),
      snap('C', 2019, 8, 1),
    ]);
    expect(refused).toEqual([]);
    expect(next).toHaveLength(5);
    expect(next.slice(0, 3)).toEqual(before);
    expect(history).toEqual(before);
  });

  it('refuses a second gathering at the same period, and an earlier one, saying why', () => {
    const { history: next, refused } = appendSnapshots(history, [
      snap('A', 2019, 6, 9),
      snap('B', 2019, 3, 9),
    ]);
    expect(next).toHaveLength(3);
    expect(refused.map((r) => r.message)).toEqual([
      expect.stringContaining('A was already gathered at 2019/20 P6'),
      expect.stringContaining('before its latest snapshot (2019/20 P6)'),
    ]);
  });
});

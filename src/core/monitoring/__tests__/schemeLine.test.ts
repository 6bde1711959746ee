import { ZERO, formatDecimal, fromNumber, toNumber } from '../../money/decimal';
import type { MonitoringSnapshot } from '../history';
import { monitorScheme, monitoringRowOf } from '../inYear';
import type { PhasedColumnAmount } from '../inYearBudget';
import { monitoringLineAt, snapshotOf } from '../schemeLine';

const d = fromNumber;
const at = { year: 2019, period: 8 as const };
const phasing: PhasedColumnAmount[] = [
  { column: { kind: 'year', year: 2019 }, amount: d(3) },
  { column: { kind: 'year', year: 2020 }, amount: d(6) },
];
const scheme = {
  ref: 'ICT-01',
  approvedPhasing: phasing,
  actualToDate: d(1.8),
  inYearForecast: d(2.6),
  allYearsForecast: d(9),
  explanation: 'Delivery slips to April',
};

describe('monitoringLineAt', () => {
  it('is monitorScheme with the movement since the last snapshot before the period', () => {
    const history: MonitoringSnapshot[] = [
      {
        ref: 'ICT-01',
        at: { year: 2019, period: 6 },
        inYearBudget: d(3),
        actualToDate: d(1),
        inYearForecast: d(2.9),
        allYearsForecast: d(9),
      },
      {
        ref: 'ICT-01',
        at: { year: 2019, period: 8 },
        inYearBudget: d(3),
        actualToDate: d(1),
        inYearForecast: d(1),
        allYearsForecast: d(1),
      },
    ];
    const line = monitoringLineAt(scheme, { at }, history);
    expect(line.row).toEqual(monitorScheme(scheme, { at }));
    expect(line.movement?.since).toEqual({ year: 2019, period: 6 });
    expect(formatDecimal(line.movement!.inYearForecast)).toBe('-0.3');
    expect(monitoringLineAt(scheme, { at }).movement).toBeUndefined();
  });

  it('gives the snapshot a gathering appends: in-year revised budget, actual, both forecasts, explanation', () => {
    const snapshot = snapshotOf(monitoringLineAt(scheme, { at }).row, at);
    expect(
      [
        snapshot.inYearBudget,
        snapshot.actualToDate,
        snapshot.inYearForecast,
        snapshot.allYearsForecast,
      ].map(toNumber),
    ).toEqual([3, 1.8, 2.6, 9]);
    expect(snapshot).toMatchObject({ ref: 'ICT-01', at, explanation: 'Delivery slips to April' });
    expect(
      'explanation' in snapshotOf(monitorScheme({ ...scheme, explanation: '' }, { at }), at),
    ).toBe(false);
  });
});

describe('a TBC scheme (regression: its whole budget showed as slippage and overspend)', () => {
  it('counts budget not yet phased in the all-years budget and in no year', () => {
    const row = monitorScheme(
      {
        ref: 'TBC-1',
        approvedPhasing: [],
        unphasedBudget: d(10),
        actualToDate: ZERO,
        inYearForecast: ZERO,
        allYearsForecast: d(10),
      },
      { at, thresholds: { percent: 10 } },
    );
    expect(
      [row.inYearRevised, row.allYearsBudget, row.slippage, row.underOverspend].map(toNumber),
    ).toEqual([0, 10, 0, 0]);
    expect(row.explanationRequired).toBe(false);
  });
});

describe('monitoringRowOf', () => {
  it('works a line out again from the figures on the sheet when a new forecast comes in', () => {
    const row = monitoringRowOf(
      {
        ref: 'ICT-01',
        inYearApproved: d(3),
        inYearRevised: d(3),
        profiledToDate: d(2),
        actualToDate: d(1.8),
        inYearForecast: d(2.6),
        allYearsBudget: d(9),
        allYearsForecast: d(8.9),
      },
      { thresholds: { percent: 10 } },
    );
    // Variance 0.4 = slippage 0.3 + real underspend 0.1.
    expect([row.inYearVariance, row.slippage, row.underOverspend].map(toNumber)).toEqual([
      0.4, 0.3, 0.1,
    ]);
    expect(row).toMatchObject({ status: 'Underspend', explanationRequired: true, explanation: '' });
  });
});

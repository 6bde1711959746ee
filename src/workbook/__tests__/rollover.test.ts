import fc from 'fast-check';
import {
  ZERO,
  add,
  fromNumber,
  readPeriodHeaders,
  subtract,
  sum,
  type Decimal,
  type PeriodColumn,
} from '../../core';
import { planRollover, type RolloverScheme } from '../rollover';

const d = fromNumber;
const headers = ['2016/17 Q1', '2016/17 Q2', '2016/17 Q3', '2016/17 Q4', '2017/18', '2018/19'];
const columns = (() => {
  const read = readPeriodHeaders(headers);
  if (!read.ok) throw new Error(read.message);
  return read.value;
})();
const yearTotal = (
  amounts: readonly Decimal[],
  year: number,
  cols: readonly PeriodColumn[] = columns,
) => sum(amounts.filter((_, i) => cols[i].year === year));
const same = (a: Decimal, b: Decimal) => subtract(a, b).units === 0;

describe('planRollover', () => {
  it('refuses before the outturn, saying which period the workbook is at', () => {
    const plan = planRollover({ at: { year: 2016, period: 8 }, columns, schemes: [], decimals: 2 });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message).toMatch(/2016\/17 period 8.*period 12/);
  });

  it('carries slippage into the next year, releases a real underspend, and re-spreads the quarters', () => {
    // Budget 4.0 in 2016/17 (1.0 a quarter); spent 3.0; all-years forecast 0.2 under: 0.8 slips.
    const scheme: RolloverScheme = {
      ref: 'CP-001',
      name: 'Refresh',
      periods: [1, 1, 1, 1, 2, 0].map(d),
      outturn: d(3),
      allYearsForecast: d(5.8),
    };
    const plan = planRollover({
      at: { year: 2016, period: 12 },
      columns,
      schemes: [scheme],
      decimals: 2,
    });
    if (!plan.ok) throw new Error(plan.message);
    const { revisionLines, periods, next } = plan.value;
    expect(next).toEqual({ year: 2017, period: 1 });
    expect(
      revisionLines.map((line) => [line.kind, line.amount, line.signedAmount, line.reason]),
    ).toEqual([
      ['re-profile', 0.8, 0, 'Slippage carried forward from 2016/17 to 2017/18'],
      ['reduction', 0.2, -0.2, 'Underspend released at outturn 2016/17 (not carried forward)'],
    ]);
    expect([revisionLines[0].fromYear, revisionLines[0].toYear]).toEqual([2016, 2017]);
    expect([revisionLines[1].fromYear, revisionLines[1].toYear]).toEqual([undefined, undefined]);
    expect(periods[0].amounts.map((amount) => Number(amount.units) / 10 ** amount.scale)).toEqual([
      0.75, 0.75, 0.75, 0.75, 2.8, 0,
    ]);
  });

  it('records spend brought forward from each later year it comes out of', () => {
    // Budget 1.0 in 2016/17, 0.5 in 2017/18 and 2.0 in 2018/19; spent 2.0 with no saving.
    const scheme: RolloverScheme = {
      ref: 'CP-002',
      periods: [0.25, 0.25, 0.25, 0.25, 0.5, 2].map(d),
      outturn: d(2),
    };
    const plan = planRollover({
      at: { year: 2016, period: 12 },
      columns,
      schemes: [scheme],
      decimals: 2,
    });
    if (!plan.ok) throw new Error(plan.message);
    expect(
      plan.value.revisionLines.map((line) => [line.amount, line.fromYear, line.toYear]),
    ).toEqual([
      [0.5, 2017, 2016],
      [0.5, 2018, 2016],
    ]);
  });

  it('conserves every scheme: all-years total after = before less its real under/overspend (property)', () => {
    const money = fc
      .integer({ min: 0, max: 50000 })
      .map((units) => ({ units, scale: 2 }) as Decimal);
    const scheme = fc.record({
      periods: fc.array(money, { minLength: headers.length, maxLength: headers.length }),
      outturn: money,
      saving: fc.integer({ min: -3000, max: 3000 }),
    });
    fc.assert(
      fc.property(fc.array(scheme, { minLength: 1, maxLength: 6 }), (drawn) => {
        const schemes: RolloverScheme[] = drawn.map((entry, s) => {
          const total = sum(entry.periods);
          return {
            ref: `CP-${s}`,
            periods: entry.periods,
            outturn: entry.outturn,
            allYearsForecast: subtract(total, { units: entry.saving, scale: 2 }),
          };
        });
        const plan = planRollover({
          at: { year: 2016, period: 12 },
          columns,
          schemes,
          decimals: 2,
        });
        if (!plan.ok) return false;
        return schemes.every((scheme, s) => {
          const rolled = plan.value.result.schemes[s];
          const after = plan.value.periods[s].amounts;
          const signed = plan.value.revisionLines
            .filter((line) => line.ref === scheme.ref)
            .reduce((total, line) => add(total, d(line.signedAmount ?? 0)), ZERO);
          return (
            same(sum(after), subtract(sum(scheme.periods), rolled.underOverspend)) &&
            same(yearTotal(after, 2016), scheme.outturn) &&
            same(signed, subtract(ZERO, rolled.underOverspend))
          );
        });
      }),
      { numRuns: 200 },
    );
  });
});

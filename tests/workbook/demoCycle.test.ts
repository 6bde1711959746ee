/**
 * The demo's in-year cycle (src/xlsx/demo/planCycle.ts): every scheme's return is one a budget
 * holder could have sent, and the history holds two gatherings with explanations before P8.
 */
import { ZERO, compare, formatDecimal, monitoringLineAt } from '../../src/core';
import { SAMPLE_CSV } from '../../src/cli/sampleFiles';
import { planDemoProgramme, type DemoProgramme } from '../../src/xlsx/demo/planDemo';
import {
  DEMO_EARLIER_PERIODS,
  DEMO_OUTTURN,
  demoCycle,
  demoEarlierPeriods,
  inYearShareOf,
  type DemoCycle,
} from '../../src/xlsx/demo/planCycle';
import { readProgrammeCsv } from '../../src/xlsx/programmeCsv';

let plan: DemoProgramme;
let cycle: DemoCycle;

beforeAll(async () => {
  const rows = await readProgrammeCsv(SAMPLE_CSV);
  if (!rows.ok) throw new Error(rows.message);
  const planned = planDemoProgramme(rows.value);
  if (!planned.ok) throw new Error(planned.message);
  plan = planned.value;
  cycle = demoCycle(plan)!;
});

describe('regression: CP-006 (phased 2017-20) had an in-year forecast of -1.5 in 2016/17', () => {
  it('gives CP-006, with nothing phased in 2016/17, an in-year forecast of 0 and no slippage', () => {
    const given = cycle.returns.get('CP-006')!;
    expect(compare(given.inYearBudget, ZERO)).toBe(0);
    expect(compare(given.inYearForecast, ZERO)).toBe(0);
    const { row } = monitoringLineAt(
      cycle.schemes.find((scheme) => scheme.ref === 'CP-006')!,
      cycle.settings,
    );
    expect(compare(row.slippage, ZERO)).toBe(0);
    expect(compare(row.inYearVariance, ZERO)).toBe(0);
  });

  it('keeps a TBC scheme (nothing phased) on budget: its budget is all-years, with no slippage', () => {
    const { row } = monitoringLineAt(
      cycle.schemes.find((scheme) => scheme.ref === 'CP-009')!,
      cycle.settings,
    );
    expect(formatDecimal(row.allYearsBudget)).toBe('10.00');
    expect(compare(row.allYearsVariance, ZERO)).toBe(0);
    expect(compare(row.slippage, ZERO)).toBe(0);
    expect(row.explanationRequired).toBe(false);
  });

  it('gives no scheme, at any gathering, a negative in-year forecast, and slips only what a scheme has in the year', () => {
    const lines = [...cycle.schemes.map((scheme) => monitoringLineAt(scheme, cycle.settings).row)];
    for (const row of lines) {
      expect([row.ref, compare(row.inYearForecast, ZERO) >= 0]).toEqual([row.ref, true]);
      // Slippage is spend moved out of this year: never more than the year's budget, never negative.
      expect([row.ref, compare(row.slippage, ZERO) >= 0]).toEqual([row.ref, true]);
      expect([row.ref, compare(row.slippage, row.inYearRevised) <= 0]).toEqual([row.ref, true]);
    }
    for (const snapshot of cycle.history)
      expect([snapshot.ref, compare(snapshot.inYearForecast, ZERO) >= 0]).toEqual([
        snapshot.ref,
        true,
      ]);
  });

  it('puts a whole-life change in the years a scheme spends in', () => {
    const d = (n: number) => ({ units: Math.round(n * 100), scale: 2 });
    expect(formatDecimal(inYearShareOf(d(-1.2), ZERO, d(10)))).toBe('0');
    expect(formatDecimal(inYearShareOf(d(0.15), d(1.1), d(1.1)))).toBe('0.15');
    expect(formatDecimal(inYearShareOf(d(-1), d(2.5), d(10)))).toBe('-0.25');
  });
});

describe('the demo gathered returns at two periods before P8', () => {
  it('has one snapshot per scheme at P3 and at P6, with the explanations the holders gave then', () => {
    for (const at of DEMO_EARLIER_PERIODS)
      expect(cycle.history.filter((s) => s.at.period === at.period)).toHaveLength(
        plan.schemes.length,
      );
    const explained = cycle.history.filter((s) => (s.explanation ?? '') !== '');
    expect(new Set(explained.map((s) => s.at.period))).toEqual(new Set([3, 6]));
  });

  it('explains every P8 variance over the thresholds, and moves each forecast since P6', () => {
    for (const scheme of cycle.schemes) {
      const { row, movement } = monitoringLineAt(scheme, cycle.settings, cycle.history);
      if (row.explanationRequired) expect([row.ref, row.explanation]).not.toEqual([row.ref, '']);
      expect(movement?.since).toEqual({ year: 2016, period: 6 });
    }
  });
});

describe('the demo at the outturn (2016/17 P12), for closing the year', () => {
  let outturn: DemoCycle;
  beforeAll(() => {
    outturn = demoCycle(plan, DEMO_OUTTURN)!;
  });

  it('makes each scheme’s actual for the year its in-year forecast, as an outturn report does', () => {
    expect(outturn.at).toEqual({ year: 2016, period: 12 });
    for (const scheme of outturn.schemes)
      expect([scheme.ref, compare(scheme.actualToDate, scheme.inYearForecast)]).toEqual([
        scheme.ref,
        0,
      ]);
    // CP-003 spent its 4.32 less the 0.4 that slipped into 2017/18; CP-001 its 2.6 less the 0.12 saved.
    expect(formatDecimal(outturn.returns.get('CP-003')!.actualToDate)).toBe('3.92');
    expect(formatDecimal(outturn.returns.get('CP-001')!.actualToDate)).toBe('2.48');
  });

  it('keeps the ledger to P8 as the in-year demo has it, and posts the rest of the year after P8', () => {
    const toP8 = outturn.ledger.filter((line) => line.period <= 8);
    expect(toP8).toEqual(cycle.ledger);
    const later = outturn.ledger.filter((line) => line.period > 8);
    expect(later.length).toBeGreaterThan(0);
    expect(new Set(later.map((line) => line.period))).toEqual(new Set([10, 12]));
  });

  it('holds the gatherings at P3, P6 and P8 in the history, the earlier ones as the in-year demo has them', () => {
    expect(demoEarlierPeriods(DEMO_OUTTURN).map((at) => at.period)).toEqual([3, 6, 8]);
    for (const period of [3, 6, 8])
      expect(outturn.history.filter((s) => s.at.period === period)).toHaveLength(
        plan.schemes.length,
      );
    expect(outturn.history.slice(0, cycle.history.length)).toEqual(cycle.history);
  });

  it('explains every outturn variance over the thresholds, moving each forecast since P8', () => {
    for (const scheme of outturn.schemes) {
      const { row, movement } = monitoringLineAt(scheme, outturn.settings, outturn.history);
      if (row.explanationRequired) expect([row.ref, row.explanation]).not.toEqual([row.ref, '']);
      expect(movement?.since).toEqual({ year: 2016, period: 8 });
      expect([row.ref, compare(row.inYearForecast, ZERO) >= 0]).toEqual([row.ref, true]);
    }
    // Slippage and real underspend kept apart: CP-005 slips 0.3, CP-001 saves 0.12.
    const rowOf = (ref: string) =>
      monitoringLineAt(
        outturn.schemes.find((s) => s.ref === ref)!,
        outturn.settings,
      ).row;
    expect(formatDecimal(rowOf('CP-005').slippage)).toBe('0.30');
    expect(formatDecimal(rowOf('CP-001').allYearsVariance)).toBe('0.12');
  });

  it('writes no demo at a period it gathered nothing at', () => {
    expect(demoCycle(plan, { year: 2016, period: 7 })).toBeUndefined();
    expect(demoCycle(plan, { year: 2017, period: 12 })).toBeUndefined();
  });
});

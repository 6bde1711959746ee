import fc from 'fast-check';
import { ZERO, add, decimal, equals, formatDecimal, fromNumber } from '../../money/decimal';
import { monitorScheme, type SchemeAtPeriod } from '../inYear';
import { summariseInYear } from '../inYearSummary';
import { reprofileYears, type PhasedColumnAmount } from '../inYearBudget';

const d = fromNumber;
const phasing: PhasedColumnAmount[] = [
  ...[0.5, 0.7, 0.6, 0.8].map((amount, i): PhasedColumnAmount => ({
    column: { kind: 'quarter', year: 2019, quarter: (i + 1) as 1 | 2 | 3 | 4 },
    amount: d(amount),
  })),
  { column: { kind: 'year', year: 2020 }, amount: d(4) },
];

const scheme: SchemeAtPeriod = {
  ref: 'ICT-01',
  name: 'Technology refresh',
  area: 'ICT',
  approvedPhasing: phasing,
  revisions: [
    {
      kind: 're-profile',
      amount: ZERO,
      date: { year: 2019, month: 10, day: 1 },
      yearAmounts: reprofileYears(d(0.2), 2019, 2020),
    },
  ],
  actualToDate: d(1.1),
  inYearForecast: d(1.8),
  allYearsForecast: d(6.5),
};

describe('monitorScheme', () => {
  it('reports the in-year and all-years figures side by side, slippage apart from underspend', () => {
    const row = monitorScheme(scheme, {
      at: { year: 2019, period: 8 },
      thresholds: { percent: 10 },
    });
    const shown = Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        typeof value === 'object' ? formatDecimal(value, 2) : value,
      ]),
    );
    expect(shown).toMatchObject({
      ref: 'ICT-01',
      inYearApproved: '2.60',
      inYearRevised: '2.40',
      actualToDate: '1.10',
      inYearForecast: '1.80',
      inYearVariance: '0.60',
      slippage: '0.50',
      underOverspend: '0.10',
      allYearsBudget: '6.60',
      allYearsForecast: '6.50',
      allYearsVariance: '0.10',
      status: 'Underspend',
      rag: 'Green',
      explanationRequired: true,
      explanation: '',
    });
    // Approved P8 profile 0.5 + 0.7 + 0.4 = 1.6, scaled to the revised 2.4 of 2.6.
    expect(formatDecimal(row.profiledToDate, 2)).toBe('1.48');
  });

  it('leaves out a revision approved after the period', () => {
    const later = monitorScheme(
      {
        ...scheme,
        revisions: [{ ...scheme.revisions![0], date: { year: 2019, month: 12, day: 1 } }],
      },
      { at: { year: 2019, period: 8 } },
    );
    expect(formatDecimal(later.inYearRevised, 2)).toBe('2.60');
  });

  it('needs no explanation when on target and calls an overspend Red past the limit', () => {
    const row = monitorScheme(
      { ...scheme, revisions: [], inYearForecast: d(2.6), allYearsForecast: d(8) },
      { at: { year: 2019, period: 8 }, thresholds: { percent: 10 } },
    );
    expect(row.status).toBe('On target');
    expect(row.rag).toBe('Red');
    expect(row.explanationRequired).toBe(true); // all-years overspend 1.4 of 6.6 is over 10%
    const onTarget = monitorScheme(
      { ...scheme, revisions: [], inYearForecast: d(2.6), allYearsForecast: d(6.6) },
      { at: { year: 2019, period: 8 }, thresholds: { percent: 10 } },
    );
    expect(onTarget.explanationRequired).toBe(false);
  });

  it('takes the all-years forecast as the budget when the return gives none: all variance is slippage', () => {
    const { allYearsForecast: _, ...noAllYears } = scheme;
    const row = monitorScheme(noAllYears, { at: { year: 2019, period: 8 } });
    expect(formatDecimal(row.slippage, 2)).toBe('0.60');
    expect(formatDecimal(row.underOverspend, 2)).toBe('0.00');
  });

  it('slippage + under/overspend is exactly the in-year variance (any figures)', () => {
    const money = fc.integer({ min: -1e10, max: 1e10 }).map((units) => decimal(units, 2));
    fc.assert(
      fc.property(money, money, money, (actual, forecast, allYears) => {
        const row = monitorScheme(
          { ...scheme, actualToDate: actual, inYearForecast: forecast, allYearsForecast: allYears },
          { at: { year: 2019, period: 6 } },
        );
        expect(equals(add(row.slippage, row.underOverspend), row.inYearVariance)).toBe(true);
        expect(equals(row.underOverspend, row.allYearsVariance)).toBe(true);
      }),
    );
  });
});

describe('summariseInYear', () => {
  it('totals by area and overall, and the split still adds up on every total line', () => {
    const at = { at: { year: 2019, period: 8 as const }, thresholds: { percent: 10 } };
    const rows = [
      monitorScheme(scheme, at),
      monitorScheme({ ...scheme, ref: 'ICT-02', explanation: 'Delay' }, at),
      monitorScheme(
        {
          ...scheme,
          ref: 'HW-01',
          area: 'Highways',
          inYearForecast: d(2.6),
          allYearsForecast: d(7),
        },
        at,
      ),
    ];
    const { areas, overall } = summariseInYear(rows);
    expect(areas.map((a) => [a.area, a.schemes, a.unexplained])).toEqual([
      ['ICT', 2, 1],
      ['Highways', 1, 0],
    ]);
    expect(formatDecimal(areas[0].figures.slippage, 2)).toBe('1.00');
    expect(overall.schemes).toBe(3);
    for (const totals of [...areas, overall])
      expect(
        equals(
          add(totals.figures.slippage, totals.figures.underOverspend),
          totals.figures.inYearVariance,
        ),
      ).toBe(true);
  });
});

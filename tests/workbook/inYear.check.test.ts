import {
  checkGrid,
  ZERO,
  fromNumber,
  monitorScheme,
  reprofileYears,
  type PhasedColumnAmount,
  type SchemeAtPeriod,
} from '../../src/core';
import {
  planInYearSheet,
  planPositionSheet,
  type InYearLine,
} from '../../src/workbook/inYearMonitoring';
import { thresholdsOf } from '../../src/workbook/monitoring';
import { DEFAULT_SETTINGS } from '../../src/workbook/settings';
import type { SheetPlan } from '../../src/workbook/plan';

const d = fromNumber;
const q = (year: number, amounts: number[]): PhasedColumnAmount[] =>
  amounts.map((amount, i) => ({
    column: { kind: 'quarter', year, quarter: (i + 1) as 1 },
    amount: d(amount),
  }));
const values = (plan: SheetPlan) =>
  plan.cells.map((row) =>
    row.map((c) =>
      c && typeof c === 'object' && 'formula' in c
        ? (c.result ?? null)
        : c && typeof c === 'object'
          ? null
          : c,
    ),
  );
/** The grid checker (what `capital-planner check` runs) reads both sheets and finds nothing wrong. */
test('the checker finds no error or warning on the In-year monitoring and committee sheets', () => {
  const settings = { ...DEFAULT_SETTINGS, decimals: 2 };
  const at = { year: 2016, period: 8 as const };
  const schemes: SchemeAtPeriod[] = [
    {
      ref: 'CP-001',
      name: 'Compliance',
      area: 'Technology',
      approvedPhasing: q(2016, [2.6, 0, 0, 0]),
      actualToDate: d(2.26),
      inYearForecast: d(2.5),
      allYearsForecast: d(2.5),
      explanation: 'x',
    },
    {
      ref: 'CP-002',
      name: 'Service',
      area: 'Technology',
      approvedPhasing: q(2016, [0.3, 0.3, 0.3, 0.2]),
      actualToDate: d(0.5),
      inYearForecast: d(1.0),
      allYearsForecast: d(1.1),
    },
    {
      ref: 'CP-003',
      name: 'Technology refresh',
      area: 'Infrastructure',
      approvedPhasing: [...q(2016, [0.98, 0.98, 0.97, 0.97]), ...q(2017, [1, 1, 1, 1])],
      revisions: [
        {
          kind: 're-profile',
          amount: ZERO,
          date: { year: 2016, month: 10, day: 1 },
          yearAmounts: reprofileYears(d(0.5), 2016, 2017),
        },
      ],
      actualToDate: d(2.17),
      inYearForecast: d(3.0),
      allYearsForecast: d(7.9),
      explanation: 'Supplier delay',
    },
  ];
  const lines: InYearLine[] = schemes.map((scheme) => ({
    row: monitorScheme(scheme, { at, thresholds: thresholdsOf(settings) }),
  }));
  const inYear = planInYearSheet({
    at,
    lines,
    settings,
    actualsRows: 6,
    historyRows: 3,
    previous: { year: 2016, period: 6 },
  });
  const position = planPositionSheet({ at, lines, inYear: inYear.rows, settings });
  for (const plan of [inYear.plan, position]) {
    const found = checkGrid({ values: values(plan) }).findings.filter((f) => f.severity !== 'info');
    expect([plan.name, found]).toEqual([plan.name, []]);
  }
});

/**
 * The demo's Financing sheet: each scheme's spend by year (native SUMs over its Programme
 * quarters), how it is financed (shares of its spend by source), the `Financed by` statement with
 * its gap, and the revenue consequences of the borrowing (MRP and interest per year).
 */
import {
  DEFAULT_FUNDING_SOURCES,
  fromNumber,
  sum,
  type Decimal,
  type FundingLine,
} from '../../core';
import {
  PROGRAMME_COLUMNS,
  PROGRAMME_SHEET,
  columnLetters,
  planFinancingSheet,
  type BorrowingTerms,
  type FinancingPlan,
} from '../../workbook';
import { DEMO_SETTINGS, demoPlannerSettings, type DemoProgramme } from './planDemo';

/** How the demo's schemes are paid for, by Ref (percent of each year's spend); others: 100% of their Funding source. */
const MIXED_FUNDING: Record<string, ReadonlyArray<readonly [string, number]>> = {
  'CP-001': [
    ['Government grants', 50],
    ['Prudential borrowing', 50],
  ],
  'CP-003': [
    ['Capital receipts', 25],
    ['Prudential borrowing', 75],
  ],
  'CP-004': [
    ['Revenue contributions (RCCO)', 40],
    ['Capital receipts', 60],
  ],
  'CP-007': [
    ['Reserves', 20],
    ['Prudential borrowing', 80],
  ],
};

/** ICT kit is written off over five years, by the annuity method at the PWLB-style rate below. */
export const DEMO_BORROWING: BorrowingTerms = {
  lifeYears: 5,
  method: 'annuity',
  ratePercent: fromNumber(4.5),
};

/**
 * The demo programme's funding lines: shares of each scheme's spend, adding up to 100%.
 *
 * @example
 * demoFundingLines(plan)[0]; // { ref: 'CP-001', source: 'Government grants', basis: { kind: 'share', percent: 50 } }
 */
export function demoFundingLines(plan: DemoProgramme): FundingLine[] {
  return plan.schemes.flatMap((scheme) =>
    (MIXED_FUNDING[scheme.ref] ?? [[scheme.fundingSource, 100]]).map(
      ([source, percent]): FundingLine => ({
        ref: scheme.ref,
        source,
        basis: { kind: 'share', percent: fromNumber(percent) },
      }),
    ),
  );
}

/** The demo's fiscal years, first to last. *
 * @example
 * demoYears(); // [2016, 2017, 2018, 2019]
 */
export function demoYears(): number[] {
  const years: number[] = [];
  for (let year = DEMO_SETTINGS.firstYear; year <= DEMO_SETTINGS.lastYear; year++) years.push(year);
  return years;
}

/**
 * Plans the demo's Financing sheet: spend by year read from the Programme's quarter columns.
 *
 * @example
 * planDemoFinancing(plan).statement.gap.byYear; // all zero: every year is fully financed
 */
export function planDemoFinancing(plan: DemoProgramme): FinancingPlan {
  const settings = demoPlannerSettings();
  const years = demoYears();
  const firstQuarter = PROGRAMME_COLUMNS.length;
  const schemes = plan.schemes.map((scheme, s) => {
    const row = 2 + s;
    const spendByYear: Decimal[] = years.map((_, y) => sum(scheme.phasing.slice(y * 4, y * 4 + 4)));
    const spendFormulas = years.map((_, y) => {
      const from = columnLetters(firstQuarter + y * 4);
      const to = columnLetters(firstQuarter + y * 4 + 3);
      return `=SUM('${PROGRAMME_SHEET}'!${from}${row}:${to}${row})`;
    });
    return { ref: scheme.ref, name: scheme.scheme, spendByYear, spendFormulas };
  });
  return planFinancingSheet({
    years,
    schemes,
    funding: demoFundingLines(plan),
    sources: DEFAULT_FUNDING_SOURCES,
    unit: settings.unit,
    decimals: settings.decimals,
    borrowing: DEMO_BORROWING,
  });
}

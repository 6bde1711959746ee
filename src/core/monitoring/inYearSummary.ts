/**
 * Totals of an in-year monitoring report by area and overall, as the `Capital budget position`
 * committee table prints them. Sums are exact, so slippage + under/overspend = variance holds on
 * every total line as on every scheme.
 */
import { type Decimal, ZERO, add } from '../money/decimal';
import type { InYearMonitoringRow } from './inYear';
import { ALL_AREAS, NO_AREA } from './summary';

/** The figures of a monitoring line that add up over schemes. */
export const IN_YEAR_FIGURES = [
  'inYearApproved',
  'inYearRevised',
  'profiledToDate',
  'actualToDate',
  'inYearForecast',
  'inYearVariance',
  'slippage',
  'underOverspend',
  'allYearsBudget',
  'allYearsForecast',
  'allYearsVariance',
] as const;

/** One figure of a monitoring line. */
export type InYearFigure = (typeof IN_YEAR_FIGURES)[number];

/** A total line: an area's schemes, or all of them. */
export interface InYearTotals {
  area: string;
  schemes: number;
  figures: Record<InYearFigure, Decimal>;
  /** Schemes that need an explanation and have none. */
  unexplained: number;
}

function empty(area: string): InYearTotals {
  return {
    area,
    schemes: 0,
    figures: Object.fromEntries(IN_YEAR_FIGURES.map((name) => [name, ZERO])) as Record<
      InYearFigure,
      Decimal
    >,
    unexplained: 0,
  };
}

/**
 * Totals per area (in the order areas first appear; blank areas as `No area`) and overall.
 *
 * @example
 * summariseInYear(rows).overall.figures.slippage; // the programme's slippage
 */
export function summariseInYear(rows: readonly InYearMonitoringRow[]): {
  areas: InYearTotals[];
  overall: InYearTotals;
} {
  const areas = new Map<string, InYearTotals>();
  const overall = empty(ALL_AREAS);
  for (const row of rows) {
    const name = row.area?.trim() || NO_AREA;
    let group = areas.get(name);
    if (!group) {
      group = empty(name);
      areas.set(name, group);
    }
    for (const totals of [group, overall]) {
      totals.schemes++;
      for (const figure of IN_YEAR_FIGURES)
        totals.figures[figure] = add(totals.figures[figure], row[figure]);
      if (row.explanationRequired && row.explanation === '') totals.unexplained++;
    }
  }
  return { areas: [...areas.values()], overall };
}

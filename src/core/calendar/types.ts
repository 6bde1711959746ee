/**
 * Plain values for the fiscal calendar. Dates are integers, never a `Date` in a local time zone,
 * so a quarter can never shift by a day when a workbook travels between machines.
 */

/** A quarter of a fiscal year: Q1 is the first three months after the start month. */
export type Quarter = 1 | 2 | 3 | 4;

/** A calendar month, January = 1. */
export type Month = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** A monthly period of a fiscal year: P1 is the start month (April in the UK), P12 the last. */
export type FiscalPeriod = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/**
 * A fiscal year, identified by the calendar year it starts in: 2019 is `2019/20` for an April
 * year, and also for an October year (UK style; the US federal government would call it FY2020).
 * With a January start the fiscal year is the calendar year and is labelled `2019`.
 */
export type FiscalYear = number;

/** A quarter of a fiscal year, e.g. `{ year: 2016, quarter: 1 }` is `2016/17 Q1`. */
export interface FiscalQuarter {
  readonly year: FiscalYear;
  readonly quarter: Quarter;
}

/** A calendar date as plain integers (month 1..12, day 1..31). */
export interface CalendarDate {
  readonly year: number;
  readonly month: Month;
  readonly day: number;
}

/** Excel's two date systems: 1900 (Windows default) and 1904 (old Mac workbooks). */
export type DateSystem = 1900 | 1904;

/** A column of a period header row: one quarter, or a whole fiscal year. */
export type PeriodColumn =
  | { readonly kind: 'quarter'; readonly year: FiscalYear; readonly quarter: Quarter }
  | { readonly kind: 'year'; readonly year: FiscalYear };

/** The UK public sector's financial year starts on 1 April. */
export const DEFAULT_START_MONTH: Month = 4;

/** Earliest fiscal year the engine reads (Excel's dates begin in 1900). */
export const MIN_FISCAL_YEAR = 1900;

/** Latest fiscal year the engine reads (its label `9998/99` still has a four-digit end year). */
export const MAX_FISCAL_YEAR = 9998;

/**
 * Where a date falls in the fiscal calendar, and arithmetic on fiscal quarters.
 */
import { assertContract } from '../errors';
import type {
  CalendarDate,
  FiscalPeriod,
  FiscalQuarter,
  FiscalYear,
  Month,
  Quarter,
} from './types';
import { DEFAULT_START_MONTH } from './types';

/**
 * The fiscal year a date falls in, identified by the calendar year the fiscal year starts in.
 * An October year starting 1 Oct 2019 is 2019 (labelled `2019/20`, UK style; the US federal
 * government calls it FY2020).
 *
 * @example
 * fiscalYearOf({ year: 2019, month: 11, day: 30 }); // 2019 (2019/20)
 * fiscalYearOf({ year: 2020, month: 3, day: 31 }); // 2019 (2019/20)
 * fiscalYearOf({ year: 2019, month: 10, day: 15 }, 10); // 2019 (2019/20)
 */
export function fiscalYearOf(
  date: CalendarDate,
  startMonth: Month = DEFAULT_START_MONTH,
): FiscalYear {
  return date.month >= startMonth ? date.year : date.year - 1;
}

/**
 * The monthly period of a date: P1 is the start month. November is P8 in an April year.
 *
 * @example
 * fiscalPeriodOf({ year: 2019, month: 11, day: 30 }); // 8
 * fiscalPeriodOf({ year: 2019, month: 11, day: 30 }, 7); // 5
 */
export function fiscalPeriodOf(
  date: CalendarDate,
  startMonth: Month = DEFAULT_START_MONTH,
): FiscalPeriod {
  return (((((date.month - startMonth) % 12) + 12) % 12) + 1) as FiscalPeriod;
}

/**
 * The fiscal quarter of a date.
 *
 * @example
 * fiscalQuarterOf({ year: 2019, month: 11, day: 30 }); // { year: 2019, quarter: 3 } (2019/20 Q3)
 */
export function fiscalQuarterOf(
  date: CalendarDate,
  startMonth: Month = DEFAULT_START_MONTH,
): FiscalQuarter {
  const period = fiscalPeriodOf(date, startMonth);
  return { year: fiscalYearOf(date, startMonth), quarter: Math.ceil(period / 3) as Quarter };
}

/**
 * The first day of a fiscal year.
 *
 * @example
 * fiscalYearStart(2019); // { year: 2019, month: 4, day: 1 }
 */
export function fiscalYearStart(
  year: FiscalYear,
  startMonth: Month = DEFAULT_START_MONTH,
): CalendarDate {
  return { year, month: startMonth, day: 1 };
}

/**
 * A quarter as one integer that counts quarters (year * 4 + quarter - 1): consecutive quarters
 * have consecutive indexes, so ranges and sorting are integer arithmetic.
 *
 * @example
 * quarterIndex({ year: 2016, quarter: 4 }) + 1 === quarterIndex({ year: 2017, quarter: 1 }); // true
 */
export function quarterIndex(quarter: FiscalQuarter): number {
  return quarter.year * 4 + quarter.quarter - 1;
}

/**
 * The quarter for an index made by {@link quarterIndex}.
 *
 * @example
 * quarterFromIndex(quarterIndex({ year: 2016, quarter: 2 })); // { year: 2016, quarter: 2 }
 */
export function quarterFromIndex(index: number): FiscalQuarter {
  assertContract(Number.isSafeInteger(index), `quarter index must be an integer, got ${index}`);
  const year = Math.floor(index / 4);
  return { year, quarter: (index - year * 4 + 1) as Quarter };
}

/**
 * Orders fiscal quarters: negative when `a` comes first.
 *
 * @example
 * [{ year: 2017, quarter: 1 }, { year: 2016, quarter: 4 }].sort(compareFiscalQuarters); // 2016/17 Q4 first
 */
export function compareFiscalQuarters(a: FiscalQuarter, b: FiscalQuarter): number {
  return quarterIndex(a) - quarterIndex(b);
}

import type { SetUpRequest } from '../../services';
import type { SetUpFormErrors, SetUpFormValues } from './SetUpPanel.types';

/** Earliest and latest first year the form accepts. */
export const FIRST_YEAR_RANGE = { min: 2000, max: 2099 } as const;
/** Most years of columns a programme can have (10 years of quarters = 40 columns). */
export const MAX_YEARS = 10;

/**
 * Checks the set-up form: either a request to run or a message per wrong field.
 *
 * @example
 * validateSetUp({ firstYear: '2024', years: '3', periods: 'quarter', unit: '£m', fillWithSample: true });
 * // { ok: true, request: { firstYear: 2024, lastYear: 2026, ... } }
 */
export function validateSetUp(
  values: SetUpFormValues,
): { ok: true; request: SetUpRequest } | { ok: false; errors: SetUpFormErrors } {
  const errors: SetUpFormErrors = {};
  const firstYear = Number(values.firstYear.trim().slice(0, 4));
  if (
    !/^\d{4}(\s*[/-]\s*\d{2,4})?$/.test(values.firstYear.trim()) ||
    firstYear < FIRST_YEAR_RANGE.min ||
    firstYear > FIRST_YEAR_RANGE.max
  ) {
    errors.firstYear = `Write the first financial year as a year from ${FIRST_YEAR_RANGE.min} to ${FIRST_YEAR_RANGE.max}, e.g. 2024 for 2024/25.`;
  }
  const years = Number(values.years.trim());
  if (!/^\d+$/.test(values.years.trim()) || years < 1 || years > MAX_YEARS) {
    errors.years = `Write a whole number of years from 1 to ${MAX_YEARS}, e.g. 3.`;
  }
  if (errors.firstYear || errors.years) return { ok: false, errors };
  return {
    ok: true,
    request: {
      firstYear,
      lastYear: firstYear + years - 1,
      periods: values.periods,
      unit: values.unit,
      fillWithSample: values.fillWithSample,
    },
  };
}

/**
 * The fiscal year (as the calendar year it starts in) that contains `today`.
 *
 * @example
 * currentFiscalYear(new Date(2025, 0, 15), 4); // 2024 (January 2025 is in 2024/25)
 */
export function currentFiscalYear(today: Date, startMonth: number): number {
  return today.getMonth() + 1 >= startMonth ? today.getFullYear() : today.getFullYear() - 1;
}

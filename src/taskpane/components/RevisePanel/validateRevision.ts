import { formatFiscalYear, isValidDate, type Month } from '../../../core';
import { compare, ZERO } from '../../../core';
import { parseMoney } from '../../../core';
import type { PaneUnit, RevisionInput, SchemeChoice } from '../../services';
import type { RevisionFormErrors, RevisionFormValues } from './RevisePanel.types';

/** Longest reason or reference kept (a sentence, not a report). */
export const MAX_TEXT = 500;

/**
 * Checks the revision form and reads the amount exactly with the engine's money parser: either a
 * revision ready to record, or a message per wrong field saying how to write it. A re-profile
 * names the year its money moves out of and the year it moves into, chosen from `years` (the
 * Programme's period columns); when the Programme has none, it is recorded without years.
 *
 * @example
 * validateRevision(
 *   { ref: 'ICT-07', date: '2025-01-14', kind: 'addition', amount: '£420k', reason: 'New module', reference: 'Cabinet 14/01', approvedBy: '' },
 *   [{ ref: 'ICT-07', scheme: 'Case management' }], '£m');
 * // { ok: true, revision: { ref: 'ICT-07', amount: 0.42 (exact), ... } }
 */
export function validateRevision(
  values: RevisionFormValues,
  schemes: readonly SchemeChoice[],
  unit: PaneUnit,
  years: readonly number[] = [],
  startMonth?: Month,
): { ok: true; revision: RevisionInput } | { ok: false; errors: RevisionFormErrors } {
  const errors: RevisionFormErrors = {};
  if (!values.ref || !schemes.some((scheme) => scheme.ref === values.ref)) {
    errors.ref = 'Choose the scheme from the list: type part of its name or ref.';
  }

  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.date);
  const date = dateMatch
    ? { year: Number(dateMatch[1]), month: Number(dateMatch[2]), day: Number(dateMatch[3]) }
    : undefined;
  if (!date || !isValidDate(date))
    errors.date = 'Enter the date the change was approved, e.g. 14/01/2025.';

  const parsed = parseMoney(values.amount, { unit, assumedUnit: unit });
  if (!parsed.ok) {
    errors.amount =
      values.amount.trim() === ''
        ? `Enter the amount in ${unit}, e.g. 0.42 or £420k.`
        : parsed.message;
  } else if (parsed.value.circa) {
    errors.amount = 'Record the exact approved amount, not an approximate one: remove the "c".';
  } else {
    const sign = compare(parsed.value.value, ZERO);
    if (sign === 0)
      errors.amount = 'A revision of zero changes nothing: enter the amount approved.';
    else if (values.kind === 'addition' && sign < 0)
      errors.amount =
        'An addition is a positive amount: to take money off the scheme choose Reduction.';
    else if (values.kind === 're-profile' && years.length > 0 && sign < 0)
      errors.amount =
        'Enter the amount moved as a positive figure: to move money the other way, swap the From and To years.';
  }

  const moves =
    values.kind === 're-profile' && years.length > 0
      ? reprofileYears(values, years, startMonth)
      : undefined;
  if (moves?.errors) Object.assign(errors, moves.errors);

  const reason = values.reason.trim();
  if (!reason) errors.reason = 'Say why the budget changed, e.g. "Go-live support".';
  else if (reason.length > MAX_TEXT)
    errors.reason = `Keep the reason under ${MAX_TEXT} characters; put detail in the report.`;
  const reference = values.reference.trim();
  if (!reference)
    errors.reference = 'Give the approval reference, e.g. "Cabinet 14 Jan 2025, item 7".';
  else if (reference.length > MAX_TEXT)
    errors.reference = `Keep the reference under ${MAX_TEXT} characters.`;
  if (values.approvedBy.trim().length > MAX_TEXT)
    errors.approvedBy = `Keep this under ${MAX_TEXT} characters.`;

  if (Object.keys(errors).length > 0 || !parsed.ok || !date) return { ok: false, errors };
  return {
    ok: true,
    revision: {
      ref: values.ref,
      date,
      kind: values.kind,
      amount: parsed.value.value,
      reason,
      reference,
      approvedBy: values.approvedBy.trim(),
      ...(moves?.fromYear !== undefined && moves.toYear !== undefined
        ? { fromYear: moves.fromYear, toYear: moves.toYear }
        : {}),
    },
  };
}

/** The From and To years of a re-profile as chosen, or a message per wrong one. */
function reprofileYears(
  values: Pick<RevisionFormValues, 'fromYear' | 'toYear'>,
  years: readonly number[],
  startMonth: Month | undefined,
): { fromYear?: number; toYear?: number; errors?: RevisionFormErrors } {
  const label = (year: number) => formatFiscalYear(year, startMonth);
  const span = `${label(years[0])} to ${label(years[years.length - 1])}`;
  const read = (text: string) => {
    const year = Number(text);
    return text.trim() !== '' && years.includes(year) ? year : undefined;
  };
  const fromYear = read(values.fromYear);
  const toYear = read(values.toYear);
  const errors: RevisionFormErrors = {};
  if (fromYear === undefined)
    errors.fromYear =
      values.fromYear.trim() === ''
        ? 'Choose the year the money moves out of.'
        : `Choose a year of the Programme's period columns (${span}).`;
  if (toYear === undefined)
    errors.toYear =
      values.toYear.trim() === ''
        ? 'Choose the year the money moves into.'
        : `Choose a year of the Programme's period columns (${span}).`;
  else if (toYear === fromYear)
    errors.toYear = `A re-profile moves money between two different years: choose a To year other than ${label(toYear)}.`;
  return Object.keys(errors).length > 0 ? { errors } : { fromYear, toYear };
}

/**
 * Today's date as a date input writes it (`YYYY-MM-DD`, local calendar day).
 *
 * @example
 * todayForInput(new Date(2025, 0, 14)); // '2025-01-14'
 */
export function todayForInput(today: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

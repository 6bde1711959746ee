/**
 * Checks of single revisions as entered: signs that look wrong and re-profiles that change totals.
 */
import { isValidDate } from '../calendar';
import { type Decimal, formatDecimal, isZero, sum } from '../money/decimal';
import type { Finding } from '../findings';
import { revisionFinding, shownPlaces, signed } from './text';
import type { BudgetRevision } from './types';

function describe(revision: BudgetRevision): string {
  const { year, month, day } = revision.date;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const reference = revision.reference.trim() ? ` ${revision.reference.trim()}` : '';
  return `The ${revision.kind}${reference} of ${date} to ${revision.ref}`;
}

function reprofileFindings(revision: BudgetRevision): Finding[] {
  const findings: Finding[] = [];
  const years = revision.yearAmounts ?? [];
  const moved: Decimal = sum(years.map((y) => y.amount));
  const places = shownPlaces([revision.amount, ...years.map((y) => y.amount)]);
  if (!isZero(revision.amount)) {
    findings.push(
      revisionFinding(
        'error',
        `${describe(revision)} changes the all-years budget by ${signed(revision.amount, places)}, but a re-profile only moves budget between years: enter its amount as 0 with the years moved, and record the change as an addition or reduction`,
        revision.source,
        {
          expected: formatDecimal({ units: 0, scale: places }),
          actual: formatDecimal(revision.amount, places),
        },
      ),
    );
  }
  if (years.length === 0) {
    findings.push(
      revisionFinding(
        'warning',
        `${describe(revision)} does not say which years the budget moves between: add the amount moved out of (-) and into (+) each year`,
        revision.source,
      ),
    );
  } else if (!isZero(moved)) {
    findings.push(
      revisionFinding(
        'error',
        `${describe(revision)} moves amounts between years that add up to ${signed(moved, places)}, so it changes the all-years total: the years must add up to 0 (record the difference as an addition or reduction)`,
        revision.source,
        { expected: formatDecimal({ units: 0, scale: places }), actual: signed(moved, places) },
      ),
    );
  }
  return findings;
}

/**
 * Checks each revision on its own: a re-profile must leave the all-years total unchanged (amount 0
 * and year amounts adding up to 0); an addition entered as a negative amount is a warning (a
 * reduction entered as a positive amount is fine: the kind gives the sign); a date that does not
 * exist (30 February) is an error, since the bridge is ordered by date.
 *
 * @example
 * checkRevisionEntries([{ kind: 'addition', amount: fromNumber(-0.2), ... }]);
 * // [{ rule: 'revision-mismatch', severity: 'warning', message: 'The addition ... is negative ...' }]
 */
export function checkRevisionEntries(revisions: readonly BudgetRevision[]): Finding[] {
  const findings: Finding[] = [];
  for (const revision of revisions) {
    const { year } = revision.date;
    if (!isValidDate(revision.date)) {
      findings.push(
        revisionFinding(
          'error',
          `${describe(revision)} has a date that does not exist: write a real date, e.g. ${year}-04-01`,
          revision.source,
        ),
      );
    }
    if (revision.kind === 'addition' && revision.amount.units < 0) {
      findings.push(
        revisionFinding(
          'warning',
          `${describe(revision)} is negative (${formatDecimal(revision.amount)}): record a reduction with a positive amount, or make the addition positive`,
          revision.source,
          { actual: formatDecimal(revision.amount) },
        ),
      );
    }
    if (revision.kind === 're-profile') findings.push(...reprofileFindings(revision));
  }
  return findings;
}

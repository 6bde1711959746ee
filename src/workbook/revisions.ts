/**
 * The Revisions log: one row per approved change to a scheme's budget, in an Excel table whose
 * `Signed amount` formula says what the revision does to the all-years budget.
 */
import {
  formatFiscalYear,
  numberFormatFor,
  type CalendarDate,
  type FiscalYear,
  type MoneyUnit,
  type RevisionKind,
} from '../core';
import { emptySheet, formula, range, type PlanCell, type SheetPlan } from './plan';

export const REVISIONS_SHEET = 'Revisions';
export const REVISIONS_TABLE = 'Revisions';

/** Revisions log columns. `Signed amount` is a formula: what the revision does to the budget. */
export const REVISION_COLUMNS = [
  'Ref',
  'Date',
  'Kind',
  'Amount',
  'Signed amount',
  'Reason',
  'Reference',
  'Approved by',
  'From year',
  'To year',
] as const;

/**
 * Columns of a log made before `From year` and `To year` were added: such a log is still read,
 * and lines written to it stop at its last column (the reason still names the years).
 */
export const REVISION_COLUMNS_BEFORE_YEARS = 8;

export const REVISION_KINDS: readonly RevisionKind[] = [
  'addition',
  'reduction',
  'virement',
  're-profile',
];

/**
 * What a revision does to the all-years budget: a reduction always reduces, whatever sign it was
 * typed with (as core `revisionChange`); a re-profile moves money between years, so it adds 0
 * (its Amount records how much moved).
 */
export const SIGNED_AMOUNT_FORMULA =
  '=IF([@Kind]="reduction",-ABS([@Amount]),IF([@Kind]="re-profile",0,[@Amount]))';

/** One entry of the log, as approved. */
export interface RevisionLine {
  ref: string;
  date: CalendarDate;
  kind: RevisionKind;
  /** As approved, in the programme's unit (a reduction may be typed positive). */
  amount: number;
  /** What `Signed amount` computes, when the engine knows it. */
  signedAmount?: number;
  reason: string;
  reference: string;
  approvedBy?: string;
  /** For a re-profile: the year the money moves out of, and the year it moves into. */
  fromYear?: FiscalYear;
  toYear?: FiscalYear;
}

/**
 * Number formats of one log row.
 *
 * @example
 * revisionRowFormats('£m', 1)[1]; // 'yyyy-mm-dd'
 */
export function revisionRowFormats(unit: MoneyUnit, decimals: number): string[] {
  const money = numberFormatFor(unit, decimals);
  return ['@', 'yyyy-mm-dd', '@', money, money, '@', '@', '@', '@', '@'];
}

/**
 * The cells of one log row (Signed amount is the table's formula).
 *
 * @example
 * revisionRow({ ref: 'CP-003', date: { year: 2016, month: 9, day: 15 }, kind: 'addition', amount: 0.42, reason: 'r', reference: 'x' })[4];
 * // { formula: SIGNED_AMOUNT_FORMULA }
 */
export function revisionRow(line: RevisionLine): PlanCell[] {
  return [
    line.ref,
    { date: line.date },
    line.kind,
    line.amount,
    formula(SIGNED_AMOUNT_FORMULA, line.signedAmount),
    line.reason,
    line.reference,
    line.approvedBy ?? '',
    line.fromYear === undefined ? '' : formatFiscalYear(line.fromYear),
    line.toYear === undefined ? '' : formatFiscalYear(line.toYear),
  ];
}

/**
 * Plans the Revisions sheet: the log table at A1 (one blank row ready to type into when there
 * are no entries), a Kind drop-down, dates and money formatted, header frozen.
 *
 * @example
 * planRevisionsSheet({ sheet: 'Revisions', lines: [], unit: '£m', decimals: 1 }).tables[0].rows; // 1
 */
export function planRevisionsSheet(input: {
  sheet: string;
  lines: readonly RevisionLine[];
  unit: MoneyUnit;
  decimals: number;
}): SheetPlan {
  const plan = emptySheet(input.sheet);
  const width = REVISION_COLUMNS.length;
  plan.cells.push([...REVISION_COLUMNS]);
  if (input.lines.length === 0)
    plan.cells.push(
      REVISION_COLUMNS.map((name) =>
        name === 'Signed amount' ? formula(SIGNED_AMOUNT_FORMULA) : null,
      ),
    );
  else for (const line of input.lines) plan.cells.push(revisionRow(line));
  const rows = plan.cells.length - 1;
  const rowFormat = revisionRowFormats(input.unit, input.decimals);
  plan.formats.push({ top: 1, left: 0, formats: new Array<string[]>(rows).fill(rowFormat) });
  plan.tables.push({
    name: REVISIONS_TABLE,
    top: 0,
    left: 0,
    rows,
    totalsRow: false,
    style: 'TableStyleLight9',
    columns: REVISION_COLUMNS.map((name) =>
      name === 'Signed amount' ? { name, formula: SIGNED_AMOUNT_FORMULA } : { name },
    ),
  });
  plan.validations.push({ range: range(1, 2, rows, 1), list: REVISION_KINDS });
  plan.bold.push(range(0, 0, 1, width));
  plan.freezeRows = 1;
  plan.columnWidths.push(
    { column: 1, characters: 12 },
    { column: 5, characters: 50 },
    { column: 6, characters: 30 },
  );
  return plan;
}

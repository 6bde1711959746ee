/**
 * The Revisions log: one row per approved change to a scheme's budget, in an Excel table whose
 * `Signed amount` formula says what the revision does to the all-years budget.
 */
import {
  formatFiscalYear,
  numberFormatFor,
  parseFiscalYear,
  readDate,
  reprofileYears,
  tryFromNumber,
  ZERO,
  type BudgetRevision,
  type CalendarDate,
  type DateSystem,
  type FiscalYear,
  type MoneyUnit,
  type Month,
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

/** A re-profile line of the log as the in-year budget engine takes it (it adds 0 to all years). */
export type LoggedReprofile = Pick<BudgetRevision, 'kind' | 'amount' | 'date' | 'yearAmounts'>;

const AT = {
  ref: REVISION_COLUMNS.indexOf('Ref'),
  date: REVISION_COLUMNS.indexOf('Date'),
  kind: REVISION_COLUMNS.indexOf('Kind'),
  amount: REVISION_COLUMNS.indexOf('Amount'),
  fromYear: REVISION_COLUMNS.indexOf('From year'),
  toYear: REVISION_COLUMNS.indexOf('To year'),
};

function yearOf(cell: unknown, startMonth: Month): FiscalYear | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : undefined;
  if (typeof cell !== 'string' || cell.trim() === '') return undefined;
  const year = parseFiscalYear(cell.trim(), startMonth);
  return year.ok ? year.value : undefined;
}

/**
 * The re-profile lines of the Revisions log (its data rows, in the log's column order), by Ref in
 * lower case, each moving its Amount out of its `From year` into its `To year`: what moves the
 * in-year revised budget. One reader for the pane and the command line. A line without both
 * years (a log made before those columns, or years left blank), with the same year twice, or with
 * an amount or date that cannot be read is left out: it still moves nothing in the all-years
 * budget, and the in-year budget stays as the phased columns give it.
 *
 * @example
 * reprofilesByRef([['CP-001', 42522, 're-profile', 0.4, 0, 'Slipped', 'Cab', '', '2016/17', '2017/18']], 4)
 *   .get('cp-001'); // [{ kind: 're-profile', amount: 0, date: 2016-06-01, yearAmounts: [2016: -0.4, 2017: +0.4] }]
 */
export function reprofilesByRef(
  rows: readonly (readonly unknown[])[],
  startMonth: Month,
  dateSystem: DateSystem = 1900,
): Map<string, LoggedReprofile[]> {
  const byRef = new Map<string, LoggedReprofile[]>();
  for (const row of rows) {
    const refCell = row[AT.ref];
    const ref = typeof refCell === 'string' ? refCell.trim() : String(refCell ?? '').trim();
    const kind = row[AT.kind];
    if (ref === '' || typeof kind !== 'string' || kind.trim().toLowerCase() !== 're-profile')
      continue;
    const fromYear = yearOf(row[AT.fromYear], startMonth);
    const toYear = yearOf(row[AT.toYear], startMonth);
    const amountCell = row[AT.amount];
    const amount = typeof amountCell === 'number' ? tryFromNumber(amountCell) : undefined;
    const date = readDate(row[AT.date], dateSystem);
    if (fromYear === undefined || toYear === undefined || fromYear === toYear) continue;
    if (!amount || amount.units === 0 || !date.ok) continue;
    const key = ref.toLowerCase();
    const line: LoggedReprofile = {
      kind: 're-profile',
      amount: ZERO,
      date: date.value,
      yearAmounts: reprofileYears(amount, fromYear, toYear),
    };
    byRef.set(key, [...(byRef.get(key) ?? []), line]);
  }
  return byRef;
}

/**
 * The shape of the sheets the add-in builds: the Programme and Revisions tables, their native
 * formulas, the Monitoring sheet's headings, and helpers for names and addresses. Native formulas only (never CAPITAL.*), so the
 * workbook computes when opened without the add-in.
 */
import { formatFiscalYear, quarterHeaders, type Month } from '../core/calendar';
import type { Parsed } from '../core/findings';
import type { PeriodKind, ProgrammeField } from './types';

export const PROGRAMME_TABLE = 'Programme';
export const REVISIONS_TABLE = 'Revisions';

/** The Programme's fixed columns, left to right, before one column per period. */
export const PROGRAMME_COLUMNS: readonly {
  field: ProgrammeField;
  header: string;
  money: boolean;
}[] = [
  { field: 'ref', header: 'Ref', money: false },
  { field: 'status', header: 'Status', money: false },
  { field: 'area', header: 'Area', money: false },
  { field: 'scheme', header: 'Scheme', money: false },
  { field: 'description', header: 'Description', money: false },
  { field: 'impact', header: 'Impact', money: false },
  { field: 'approvedBudget', header: 'Approved budget', money: true },
  { field: 'revisedBudget', header: 'Revised budget', money: true },
  { field: 'phasing', header: 'Phasing', money: false },
  { field: 'profile', header: 'Profile', money: false },
  { field: 'fundingSource', header: 'Funding source', money: false },
  { field: 'budgetHolder', header: 'Budget holder', money: false },
];

/** Header of a field's column. */
export function headerOf(field: ProgrammeField): string {
  return PROGRAMME_COLUMNS.find((column) => column.field === field)?.header ?? field;
}

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
] as const;

/**
 * What a revision does to the all-years budget: a reduction always reduces, whatever sign it was
 * typed with (as core `revisionChange`); a re-profile moves money between years, so it adds 0
 * (its Amount records how much moved).
 */
export const SIGNED_AMOUNT_FORMULA =
  '=IF([@Kind]="reduction",-ABS([@Amount]),IF([@Kind]="re-profile",0,[@Amount]))';

/** Revised budget = approved + every signed revision of the scheme: the bridge stays visible. */
export const REVISED_BUDGET_FORMULA =
  '=[@[Approved budget]]+SUMIFS(Revisions[Signed amount],Revisions[Ref],[@Ref])';

/** The sheet "Gather forecasts" writes (and the demo and consolidate read). */
export const MONITORING_SHEET = 'Monitoring';

/** Row (1-based) of the Monitoring sheet's scheme headings; the schemes start on the next row. */
export const MONITORING_HEADER_ROW = 4;

/**
 * The Monitoring sheet's scheme columns, A to I. The line formulas refer to Budget, Forecast and
 * Variance by letter (E, F, G), so their places are part of the layout.
 */
export const MONITORING_COLUMNS = [
  'Ref',
  'Area',
  'Scheme',
  'Budget holder',
  'Budget',
  'Forecast',
  'Variance',
  'Flag',
  'RAG',
] as const;

/** Headings of the totals-by-area table below the schemes: its figures sit under the schemes'. */
export const MONITORING_AREA_HEADER = [
  'By area',
  '',
  '',
  '',
  ...MONITORING_COLUMNS.slice(4),
] as const;

export const STATUSES = [
  'Delivered or in progress',
  'Planned',
  'Future plans',
  'Completed',
  'On hold',
] as const;
export const PROFILES = ['even', 'front', 'back', 'scurve'] as const;

/** Excel's widest sheet is 16,384 columns; keep well inside it. */
export const MAX_PERIOD_COLUMNS = 400;

/**
 * Period headers for the chosen years.
 *
 * @example
 * periodHeaders(2016, 2017, 'year'); // { ok: true, value: ['2016/17', '2017/18'] }
 */
export function periodHeaders(
  firstYear: number,
  lastYear: number,
  periods: PeriodKind,
  startMonth: Month = 4,
): Parsed<string[]> {
  const quarters = quarterHeaders(firstYear, lastYear, startMonth);
  if (!quarters.ok) return quarters;
  const labels =
    periods === 'quarter'
      ? quarters.value
      : Array.from({ length: lastYear - firstYear + 1 }, (_, i) =>
          formatFiscalYear(firstYear + i, startMonth),
        );
  if (labels.length > MAX_PERIOD_COLUMNS) {
    return {
      ok: false,
      message: `${labels.length} period columns is too many for one sheet: choose at most ${MAX_PERIOD_COLUMNS / 4} years of quarters`,
    };
  }
  return { ok: true, value: labels };
}

/**
 * A sheet name not yet taken: `Programme`, else `Programme (2)`, ...
 *
 * @example
 * uniqueSheetName('Programme', ['Programme']); // 'Programme (2)'
 */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  const clean = cleanSheetName(base);
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = clean.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * A legal sheet name: no `[]:*?/\`, no leading/trailing apostrophe, at most 31 characters.
 *
 * @example
 * cleanSheetName('Forecast - J/Smith'); // 'Forecast - J-Smith'
 */
export function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned === '' ? 'Sheet' : cleaned;
}

/**
 * A sheet name quoted for an address or formula.
 *
 * @example
 * quoted("Bob's schemes"); // "'Bob''s schemes'"
 */
export function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * A text constant for a formula, quotes doubled.
 *
 * @example
 * formulaText('Say "hi"'); // '"Say ""hi"""'
 */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Import of a programme table as councils print it, with quarter markers under its year (or
 * quarter, or month) columns: the core reader (`readPrintedProgramme`) does the reading; this
 * turns what it read into the pane's column preview and into Programme rows. Issue 18.
 */
import {
  convertUnit,
  quarterFromIndex,
  toNumber,
  type Month,
  type MoneyUnit,
  type PrintedColumnRole,
  type PrintedProgramme,
} from '../core';
import { PROGRAMME_COLUMNS, periodHeaders } from '../workbook';
import type { Cell } from './setUpProgramme';
import type { ImportColumn } from './types';

/** The pane's role for each role the core reader gives a column. */
const PANE_ROLE: Record<PrintedColumnRole, ImportColumn['role']> = {
  scheme: 'scheme',
  amount: 'approvedBudget',
  status: 'status',
  ref: 'ref',
  phasing: 'phasing',
  description: 'description',
  impact: 'impact',
  text: 'ignore',
  'quarter markers': 'markers',
  ignored: 'ignore',
};

/**
 * True when the table marks quarters under its period columns (so the core reader brings it in).
 *
 * @example
 * if (marksQuarters(read)) preview.columns = printedColumns(read);
 */
export function marksQuarters(read: PrintedProgramme | undefined): read is PrintedProgramme {
  return read !== undefined && read.columns.some((column) => column.role === 'quarter markers');
}

/**
 * The preview's columns for a printed table: marker columns show the period they mark.
 *
 * @example
 * printedColumns(read)[4]; // { index: 4, header: '2016/17', role: 'markers', periodLabel: '2016/17' }
 */
export function printedColumns(read: PrintedProgramme): ImportColumn[] {
  return read.columns.map((column) => ({
    index: column.index,
    header: column.header,
    role: PANE_ROLE[column.role],
    ...(column.period ? { periodLabel: column.period } : {}),
  }));
}

/**
 * Programme rows (in Programme column order, then one blank cell per quarter) and the quarter
 * headers over the years the markers cover; Phase then spreads each budget over its phrase.
 *
 * @example
 * const built = printedRows(read, '£m', 4); // { ok: true, value: { rows, periodLabels: ['2016/17 Q1', ...] } }
 */
export function printedRows(
  read: PrintedProgramme,
  unit: MoneyUnit,
  startMonth: Month,
):
  { ok: true; value: { rows: Cell[][]; periodLabels: string[] } } | { ok: false; message: string } {
  const quarters = read.columns.flatMap((column) => column.quarters ?? []);
  const years = quarters.map((index) => quarterFromIndex(index).year);
  const headers = periodHeaders(Math.min(...years), Math.max(...years), 'quarter', startMonth);
  if (!headers.ok) return headers;
  const sourceUnit = read.unit ?? unit;
  const rows = read.schemes.map((scheme, i): Cell[] => {
    const approved: Cell = scheme.amount
      ? toNumber(convertUnit(scheme.amount, sourceUnit, unit))
      : (scheme.amountText ?? '');
    const text: Record<string, string> = {
      ref: scheme.ref || `CP-${String(i + 1).padStart(3, '0')}`,
      status: scheme.status,
      scheme: scheme.name,
      description: scheme.description,
      impact: [scheme.impact, ...Object.values(scheme.otherText)].filter((t) => t).join('; '),
      phasing: scheme.phrase,
      profile: 'even',
    };
    return [
      ...PROGRAMME_COLUMNS.map(({ field }): Cell => {
        if (field === 'approvedBudget') return approved;
        // Revised budget is the table's formula (src/workbook); text stays text when written.
        if (field === 'revisedBudget') return null;
        return text[field] ?? '';
      }),
      ...headers.value.map(() => ''),
    ];
  });
  return { ok: true, value: { rows, periodLabels: headers.value } };
}

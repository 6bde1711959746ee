/**
 * Bringing in actual spend from a ledger export: rows of (scheme ref or cost code, date or period,
 * amount) read through a column mapping. Every row is accounted for: it becomes a line, or a line
 * with a warning, or a problem with its row, never nothing.
 */
import {
  DEFAULT_START_MONTH,
  fiscalPeriodOf,
  fiscalYearOf,
  parseFiscalYear,
  readDate,
  type DateSystem,
  type FiscalYear,
  type Month,
} from '../calendar';
import { quoteForMessage } from '../calendar/text';
import type { Finding, Severity } from '../findings';
import { toA1 } from '../grid/address';
import { cellResult, isBlankCell } from '../grid/cells';
import { type Decimal, formatDecimal, tryFromNumber } from '../money/decimal';
import { parseMoney } from '../money/parse';
import type { LedgerLine } from './actuals';
import { parseMonitoringPeriod } from './period';

/** Which column (0-based) holds what. A ref or a cost code, and a date or a period, are needed. */
export interface LedgerMapping {
  ref?: number;
  costCode?: number;
  date?: number;
  period?: number;
  /** A year column beside a period column (`2019/20`); else the period text or the current year. */
  year?: number;
  amount: number;
  description?: number;
}

/** How to read a ledger export. */
export interface LedgerImportOptions {
  mapping: LedgerMapping;
  /** The programme's scheme refs: a line for any other ref is reported. */
  knownRefs: Iterable<string>;
  /** Cost code -> scheme ref, for ledgers that carry cost codes. */
  costCodes?: ReadonlyMap<string, string>;
  /** Year of a period written without one (`P8`): the workbook's current year. */
  year?: FiscalYear;
  /** Index of the first data row (default 1: row 0 is the header). */
  firstRow?: number;
  /** Sheet rows above the grid, so reported rows are the sheet's own (default 0). */
  rowOffset?: number;
  startMonth?: Month;
  dateSystem?: DateSystem;
}

/** What is wrong with one row of a ledger export. */
export type LedgerProblemKind =
  'unknown-ref' | 'no-ref' | 'duplicate' | 'text-amount' | 'bad-amount' | 'bad-date';

/** A problem with one row, at the row (1-based, as Excel shows it) and cell. */
export interface LedgerProblem {
  kind: LedgerProblemKind;
  severity: Severity;
  row: number;
  cell?: string;
  message: string;
}

/** Result of reading a ledger export. */
export interface LedgerImport {
  /** Lines for known schemes, ready for the Actuals table (duplicates included and reported). */
  lines: LedgerLine[];
  /** Readable lines whose ref or cost code is not in the programme: kept, not added to any scheme. */
  unmatched: LedgerLine[];
  /** Everything worth telling, by row. */
  problems: LedgerProblem[];
  /** Wholly blank rows, skipped. */
  blankRows: number;
}

function cellAt(row: readonly unknown[], column: number | undefined): unknown {
  return column === undefined ? undefined : cellResult(row[column]);
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

type Read<T> = { ok: true; value: T; asText?: boolean } | { ok: false; message: string };

function readAmount(value: unknown): Read<Decimal> {
  if (typeof value === 'number') {
    const amount = tryFromNumber(value);
    return amount
      ? { ok: true, value: amount }
      : { ok: false, message: `the amount ${value} cannot be held exactly` };
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const read = parseMoney(value);
    if (read.ok) return { ok: true, value: read.value.value, asText: true };
    return { ok: false, message: read.message };
  }
  return { ok: false, message: 'the amount is blank' };
}

function readWhen(
  row: readonly unknown[],
  options: LedgerImportOptions,
  startMonth: Month,
): Read<{ year: FiscalYear; period: LedgerLine['period'] }> {
  const { mapping } = options;
  if (mapping.period !== undefined && !isBlankCell(cellAt(row, mapping.period))) {
    let year = options.year;
    if (mapping.year !== undefined && !isBlankCell(cellAt(row, mapping.year))) {
      const yearCell = cellAt(row, mapping.year);
      const read = parseFiscalYear(textOf(yearCell), startMonth);
      if (!read.ok) return read;
      year = read.value;
    }
    const read = parseMonitoringPeriod(cellAt(row, mapping.period), year, startMonth);
    return read.ok ? { ok: true, value: read.value } : read;
  }
  if (mapping.date !== undefined) {
    const read = readDate(cellAt(row, mapping.date), options.dateSystem ?? 1900);
    if (!read.ok) return read;
    return {
      ok: true,
      value: {
        year: fiscalYearOf(read.value, startMonth),
        period: fiscalPeriodOf(read.value, startMonth),
      },
    };
  }
  return { ok: false, message: 'the line has no period or date' };
}

/**
 * Reads ledger rows through a mapping. Each row gives a line, or a problem at its row:
 * - an amount written as text that reads as money (`£1,250.00`) is taken, with a warning;
 *   one that does not (`TBC`) is an error and the row is not taken;
 * - a ref or cost code the programme does not know is an error; the line is kept in `unmatched`
 *   so the ledger's total is still accounted for;
 * - a line identical to an earlier one (scheme, year, period, amount, description) is taken and
 *   reported as a warning naming the earlier row, for the officer to confirm or remove;
 * - a date or period that cannot be read is an error and the row is not taken.
 * Wholly blank rows are skipped and counted.
 *
 * @example
 * importLedger([['Ref', 'Period', 'Amount'], ['ICT-01', 'P3', 1250], ['XX-9', 'P3', 10]],
 *   { mapping: { ref: 0, period: 1, amount: 2 }, knownRefs: ['ICT-01'], year: 2019 });
 * // lines: ICT-01 2019 P3 1250; unmatched: XX-9; problems: [{ kind: 'unknown-ref', row: 3, cell: 'A3', ... }]
 */
export function importLedger(
  rows: readonly (readonly unknown[])[],
  options: LedgerImportOptions,
): LedgerImport {
  const { mapping } = options;
  const startMonth = options.startMonth ?? DEFAULT_START_MONTH;
  const known = new Set(options.knownRefs);
  const firstRow = options.firstRow ?? 1;
  const offset = options.rowOffset ?? 0;
  const result: LedgerImport = { lines: [], unmatched: [], problems: [], blankRows: 0 };
  const seen = new Map<string, number>();
  const refColumn = mapping.ref ?? mapping.costCode ?? 0;
  for (let index = firstRow; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const sheetRow = index + offset + 1;
    const at = (column: number | undefined): string | undefined =>
      column === undefined ? undefined : toA1(index + offset, column);
    const problem = (
      kind: LedgerProblemKind,
      severity: Severity,
      column: number | undefined,
      message: string,
    ): void => {
      const entry: LedgerProblem = {
        kind,
        severity,
        row: sheetRow,
        message: `Row ${sheetRow}: ${message}`,
      };
      const cell = at(column);
      if (cell !== undefined) entry.cell = cell;
      result.problems.push(entry);
    };
    if (row.every((value) => isBlankCell(cellResult(value)))) {
      result.blankRows++;
      continue;
    }
    const amount = readAmount(cellAt(row, mapping.amount));
    if (!amount.ok) {
      problem(
        'bad-amount',
        'error',
        mapping.amount,
        `${amount.message}; the line is not brought in: correct the amount and bring it in again`,
      );
      continue;
    }
    const when = readWhen(row, options, startMonth);
    if (!when.ok) {
      const column =
        mapping.period !== undefined && !isBlankCell(cellAt(row, mapping.period))
          ? mapping.period
          : (mapping.date ?? mapping.period);
      problem('bad-date', 'error', column, `${when.message}; the line is not brought in`);
      continue;
    }
    if (amount.asText) {
      problem(
        'text-amount',
        'warning',
        mapping.amount,
        `the amount '${quoteForMessage(cellAt(row, mapping.amount))}' is text; it was read as ${formatDecimal(amount.value)}: check it, and store amounts as numbers in the ledger export`,
      );
    }
    const refText = textOf(cellAt(row, mapping.ref));
    const codeText = textOf(cellAt(row, mapping.costCode));
    const fromCode = codeText ? options.costCodes?.get(codeText) : undefined;
    const ref = refText || fromCode || '';
    const description = textOf(cellAt(row, mapping.description));
    const line: LedgerLine = {
      ref: ref || codeText,
      ...when.value,
      amount: amount.value,
      row: sheetRow,
    };
    if (description) line.description = description;
    if (!ref && !codeText) {
      problem(
        'no-ref',
        'error',
        refColumn,
        `the line of ${formatDecimal(amount.value)} has no scheme ref or cost code; it is kept apart: add the ref and bring it in again`,
      );
      result.unmatched.push(line);
      continue;
    }
    if (!known.has(ref)) {
      const what = refText
        ? `ref '${quoteForMessage(refText)}'`
        : `cost code '${quoteForMessage(codeText)}'`;
      problem(
        'unknown-ref',
        'error',
        refText ? mapping.ref : mapping.costCode,
        `the ${what} is not a scheme in the programme (${formatDecimal(amount.value)} is kept apart): correct it, or map the cost code to a scheme`,
      );
      result.unmatched.push(line);
      continue;
    }
    const key = JSON.stringify([
      ref,
      line.year,
      line.period,
      formatDecimal(amount.value),
      description,
      textOf(cellAt(row, mapping.date)),
    ]);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(
        'duplicate',
        'warning',
        mapping.amount,
        `the same line as row ${earlier} (${ref}, P${line.period}, ${formatDecimal(amount.value)}); both are brought in: remove one if it was exported twice`,
      );
    } else seen.set(key, sheetRow);
    result.lines.push(line);
  }
  return result;
}

/**
 * Ledger problems as findings at their cells: unknown refs and duplicates are `actuals-mismatch`,
 * amounts as text `number-as-text`, unreadable amounts and dates `not-a-number`.
 *
 * @example
 * ledgerFindings(importLedger(rows, options).problems, 'Ledger');
 */
export function ledgerFindings(problems: readonly LedgerProblem[], sheet?: string): Finding[] {
  return problems.map((entry) => {
    const rule =
      entry.kind === 'text-amount'
        ? 'number-as-text'
        : entry.kind === 'bad-amount' || entry.kind === 'bad-date'
          ? 'not-a-number'
          : 'actuals-mismatch';
    const finding: Finding = { rule, severity: entry.severity, message: entry.message };
    if (sheet !== undefined) finding.sheet = sheet;
    if (entry.cell !== undefined) finding.cell = entry.cell;
    return finding;
  });
}

const HEADER_WORDS: ReadonlyArray<readonly [keyof LedgerMapping, RegExp]> = [
  ['costCode', /^(?:cost ?(?:code|centre|center)|account code|cost ?centre code)$/],
  ['ref', /^(?:(?:scheme|project) ?(?:ref(?:erence)?|code|id)?|ref(?:erence)?)$/],
  ['date', /^(?:(?:posting|transaction|invoice|gl)? ?date)$/],
  ['period', /^(?:(?:accounting|fiscal|financial)? ?period|month|p)$/],
  ['year', /^(?:(?:financial|fiscal)? ?year|fy)$/],
  ['amount', /^(?:amount|value|net(?: amount)?|actual(?: spend)?|spend|debit|£|amount £)$/],
  ['description', /^(?:description|narrative|details|supplier|text)$/],
];

/**
 * Guesses a mapping from a ledger export's header row, for the mapping preview; `undefined` when
 * no amount column or neither a ref nor a cost code column is found.
 *
 * @example
 * guessLedgerMapping(['Cost centre', 'Posting date', 'Net amount']); // { costCode: 0, date: 1, amount: 2 }
 */
export function guessLedgerMapping(header: readonly unknown[]): LedgerMapping | undefined {
  const found: Partial<Record<keyof LedgerMapping, number>> = {};
  header.forEach((value, column) => {
    const words = textOf(cellResult(value))
      .toLowerCase()
      .replace(/[^a-z£ ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    for (const [field, pattern] of HEADER_WORDS) {
      if (found[field] === undefined && pattern.test(words)) {
        found[field] = column;
        break;
      }
    }
  });
  if (found.amount === undefined || (found.ref === undefined && found.costCode === undefined))
    return undefined;
  if (found.date === undefined && found.period === undefined) return undefined;
  return { ...found, amount: found.amount };
}

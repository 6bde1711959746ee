/**
 * Reads the Programme (and Revisions) tables in the caller's batch: everything an action needs,
 * queued before one sync, whatever the number of rows.
 */
import { readPeriodHeaders, type Month, type PeriodColumn } from '../core';
import type { Parsed } from '../core';
import { fromNumber, tryFromNumber, type Decimal } from '../core';
import { revisedBudgetOf } from '../core';
import { isBlankCell } from './cellText';
import { PROGRAMME_COLUMNS, PROGRAMME_TABLE, REVISIONS_TABLE, headerOf } from '../workbook';
import { readRowChunks } from './requestBudget';
import type { ProgrammeField } from './types';

/** The Programme table as read: body values, formulas and formats, and where it sits. */
export interface ProgrammeSnapshot {
  sheet: string;
  /** 0-based sheet row of the first body row. */
  top: number;
  /** 0-based sheet column of the table's first column. */
  left: number;
  headers: string[];
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: string[][];
  /** Column index (within the table) of each named field, -1 when the table lacks it. */
  column: Record<ProgrammeField, number>;
  /** Table columns holding periods, with what each covers. */
  periods: { index: number; period: PeriodColumn }[];
  /** Why the period headers could not be read, when they could not. */
  periodProblem?: string;
}

/** One revision as read from the log. */
export interface LoggedRevision {
  ref: string;
  kind: string;
  amount: Decimal;
}

export interface RevisionsSnapshot {
  sheet: string;
  /** 0-based sheet row of the first body row. */
  top: number;
  left: number;
  rows: unknown[][];
  entries: LoggedRevision[];
}

/**
 * Queues a read of the Programme table; call the returned function after the sync
 * (undefined when the workbook has no Programme table).
 *
 * @example
 * const programme = queueProgrammeRead(context); await context.sync(); const table = programme(4);
 */
export function queueProgrammeRead(
  context: Excel.RequestContext,
  parts: { numberFormat?: boolean } = {},
): (startMonth?: Month) => ProgrammeSnapshot | undefined {
  const table = context.workbook.tables.getItemOrNullObject(PROGRAMME_TABLE);
  table.load('name');
  const header = table.getHeaderRowRange().load('values');
  // Number formats only when the caller keeps a copy for undo: they would double the response.
  const body = table
    .getDataBodyRange()
    .load(
      parts.numberFormat
        ? 'values, formulas, numberFormat, rowIndex, columnIndex'
        : 'values, formulas, rowIndex, columnIndex',
    );
  const sheet = table.worksheet.load('name');
  return (startMonth: Month = 4) => {
    if (table.isNullObject) return undefined;
    const headers = (header.values[0] ?? []).map((h) => String(h));
    const formats = parts.numberFormat
      ? body.numberFormat
      : body.values.map((row) => row.map(() => 'General'));
    return describeProgramme(
      sheet.name,
      body.rowIndex,
      body.columnIndex,
      headers,
      body.values,
      body.formulas,
      formats,
      startMonth,
    );
  };
}

/**
 * Runs of adjacent columns, so each run is one rectangular range.
 *
 * @example
 * adjacentRuns([4, 2, 3, 9]); // [{ first: 2, count: 3 }, { first: 9, count: 1 }]
 */
export function adjacentRuns(indexes: readonly number[]): { first: number; count: number }[] {
  const sorted = [...indexes].sort((a, b) => a - b);
  const runs: { first: number; count: number }[] = [];
  for (const index of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === index) last.count++;
    else runs.push({ first: index, count: 1 });
  }
  return runs;
}

/**
 * Reads the Programme's header and size with the caller's other loads (first sync), then only the
 * columns an action needs, values and formulas, in as few syncs as the response limit allows
 * (one on desktop; on the web, chunks sized from measured bytes, see `readRowChunks`). Columns
 * not asked for read as blank.
 *
 * @example
 * const { programme, extra } = await readProgrammeColumns(context, run, ['ref', 'phasing'], true, queueSettingsRead, 4);
 */
export async function readProgrammeColumns<E>(
  context: Excel.RequestContext,
  budgetBytes: number,
  fields: readonly ProgrammeField[],
  withPeriods: boolean,
  queueExtra: (context: Excel.RequestContext) => () => E,
  startMonthOf: (extra: E) => Month,
  onChunk: () => void = () => undefined,
): Promise<{ programme?: ProgrammeSnapshot; extra: E }> {
  const table = context.workbook.tables.getItemOrNullObject(PROGRAMME_TABLE);
  table.load('name');
  const header = table.getHeaderRowRange().load('values');
  const body = table.getDataBodyRange().load('rowIndex, columnIndex, rowCount, columnCount');
  const sheet = table.worksheet.load('name');
  const readExtra = queueExtra(context);
  await context.sync();
  const extra = readExtra();
  if (table.isNullObject) return { extra };
  const headers = (header.values[0] ?? []).map((h) => String(h));
  const blank = (): unknown[][] =>
    Array.from({ length: body.rowCount }, () => new Array<unknown>(body.columnCount).fill(''));
  const shape = describeProgramme(
    sheet.name,
    body.rowIndex,
    body.columnIndex,
    headers,
    [],
    [],
    [],
    startMonthOf(extra),
  );
  const wanted = new Set<number>(fields.map((f) => shape.column[f]).filter((i) => i >= 0));
  // Formulas only where they matter (the Revised budget formula, and period cells kept for undo).
  const withFormulas = new Set<number>([shape.column.revisedBudget].filter((i) => i >= 0));
  if (withPeriods) {
    for (const p of shape.periods) {
      wanted.add(p.index);
      withFormulas.add(p.index);
    }
  }
  const values = blank();
  const formulas = blank();
  const ws = context.workbook.worksheets.getItem(sheet.name);
  await readRowChunks(
    context,
    body.rowCount,
    wanted.size + withFormulas.size,
    (start, rows) => {
      const load = (columns: Set<number>, property: 'values' | 'formulas') =>
        adjacentRuns([...columns]).map((run) => ({
          run,
          range: ws
            .getRangeByIndexes(body.rowIndex + start, body.columnIndex + run.first, rows, run.count)
            .load(property),
        }));
      const valueChunks = load(wanted, 'values');
      const formulaChunks = load(withFormulas, 'formulas');
      return () => {
        for (const { run, range } of valueChunks) {
          for (let r = 0; r < rows; r++)
            for (let c = 0; c < run.count; c++)
              values[start + r][run.first + c] = formulas[start + r][run.first + c] =
                range.values[r][c];
        }
        for (const { run, range } of formulaChunks) {
          for (let r = 0; r < rows; r++)
            for (let c = 0; c < run.count; c++)
              formulas[start + r][run.first + c] = range.formulas[r][c];
        }
        return [
          valueChunks.map(({ range }) => range.values),
          formulaChunks.map(({ range }) => range.formulas),
        ];
      };
    },
    onChunk,
    budgetBytes,
  );
  const formats = values.map((row) => row.map(() => 'General'));
  return {
    programme: describeProgramme(
      sheet.name,
      body.rowIndex,
      body.columnIndex,
      headers,
      values,
      formulas,
      formats,
      startMonthOf(extra),
    ),
    extra,
  };
}

/**
 * Names the columns of a Programme table from its headers.
 *
 * @example
 * describeProgramme('Programme', 1, 0, headers, values, formulas, formats);
 */
export function describeProgramme(
  sheet: string,
  top: number,
  left: number,
  headers: string[],
  values: unknown[][],
  formulas: unknown[][],
  numberFormat: string[][],
  startMonth: Month = 4,
): ProgrammeSnapshot {
  const lower = headers.map((h) => h.trim().toLowerCase());
  const column = {} as Record<ProgrammeField, number>;
  for (const { field, header } of PROGRAMME_COLUMNS)
    column[field] = lower.indexOf(header.toLowerCase());
  const named = new Set(PROGRAMME_COLUMNS.map((c) => c.header.toLowerCase()));
  const periodIndexes = headers
    .map((_, i) => i)
    .filter((i) => !named.has(lower[i]) && lower[i] !== '');
  let periods: { index: number; period: PeriodColumn }[] = [];
  let periodProblem: string | undefined;
  if (periodIndexes.length > 0) {
    const read: Parsed<PeriodColumn[]> = readPeriodHeaders(
      periodIndexes.map((i) => headers[i]),
      startMonth,
    );
    if (read.ok) periods = read.value.map((period, k) => ({ index: periodIndexes[k], period }));
    else periodProblem = read.message;
  } else {
    periodProblem =
      "The Programme table has no period columns: add columns headed e.g. '2016/17 Q1'";
  }
  return {
    sheet,
    top,
    left,
    headers,
    values,
    formulas,
    numberFormat,
    column,
    periods,
    periodProblem,
  };
}

/**
 * Queues a read of the Revisions log; call the returned function after the sync.
 *
 * @example
 * const log = queueRevisionsRead(context); await context.sync(); log()?.entries;
 */
export function queueRevisionsRead(
  context: Excel.RequestContext,
): () => RevisionsSnapshot | undefined {
  const table = context.workbook.tables.getItemOrNullObject(REVISIONS_TABLE);
  table.load('name');
  const body = table.getDataBodyRange().load('values, rowIndex, columnIndex');
  const sheet = table.worksheet.load('name');
  return () => {
    if (table.isNullObject) return undefined;
    const entries: LoggedRevision[] = [];
    for (const row of body.values) {
      const amount = typeof row[3] === 'number' ? tryFromNumber(row[3]) : undefined;
      if (isBlankCell(row[0]) || !amount) continue;
      entries.push({ ref: String(row[0]), kind: String(row[2]), amount });
    }
    return {
      sheet: sheet.name,
      top: body.rowIndex,
      left: body.columnIndex,
      rows: body.values,
      entries,
    };
  };
}

/**
 * A row's current budget: a typed Revised budget when there is one; else the approved budget plus
 * the logged revisions (what the native SUMIFS formula shows, without needing Excel to calculate).
 *
 * @example
 * currentBudgetOfRow(programme, 3, revisionsByRef);
 */
export function currentBudgetOfRow(
  programme: ProgrammeSnapshot,
  row: number,
  revisionsByRef: ReadonlyMap<string, LoggedRevision[]>,
): Decimal | undefined {
  const approvedCell =
    programme.column.approvedBudget >= 0
      ? programme.values[row][programme.column.approvedBudget]
      : undefined;
  const revisedIndex = programme.column.revisedBudget;
  if (revisedIndex >= 0) {
    const formula = programme.formulas[row][revisedIndex];
    const value = programme.values[row][revisedIndex];
    const isFormula = typeof formula === 'string' && formula.startsWith('=');
    if (!isFormula && typeof value === 'number' && Number.isFinite(value)) return fromNumber(value);
  }
  if (typeof approvedCell !== 'number' || !Number.isFinite(approvedCell)) return undefined;
  const ref = programme.column.ref >= 0 ? String(programme.values[row][programme.column.ref]) : '';
  const approved = tryFromNumber(approvedCell);
  if (!approved) return undefined;
  // Same rule as the Signed amount formula: re-profiles leave the all-years budget alone.
  const logged = (revisionsByRef.get(ref) ?? []).filter((r) => r.kind !== 're-profile');
  return revisedBudgetOf(
    approved,
    logged.map((r) => ({
      kind: r.kind === 'reduction' ? 'reduction' : 'addition',
      amount: r.amount,
    })),
  );
}

/**
 * Groups logged revisions by scheme ref.
 *
 * @example
 * const byRef = revisionsByRef(log?.entries ?? []);
 */
export function revisionsByRef(entries: readonly LoggedRevision[]): Map<string, LoggedRevision[]> {
  const map = new Map<string, LoggedRevision[]>();
  for (const entry of entries) {
    const list = map.get(entry.ref) ?? [];
    list.push(entry);
    map.set(entry.ref, list);
  }
  return map;
}

/** Text of a cell for display and matching. */
export function cellString(value: unknown): string {
  return isBlankCell(value) ? '' : String(value);
}

export { headerOf };

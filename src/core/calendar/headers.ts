/**
 * Reads a row of period headings (`2016/17 Q1`, ... or `2016/17`, ...) into period columns.
 */
import type { Parsed } from '../findings';
import { quarterIndex } from './fiscal';
import {
  formatFiscalQuarter,
  formatFiscalYear,
  parseFiscalQuarter,
  parseFiscalYear,
} from './labels';
import { quoteForMessage } from './text';
import { DEFAULT_START_MONTH, type Month, type PeriodColumn, type Quarter } from './types';

/**
 * Writes a period column as its heading.
 *
 * @example
 * formatPeriodColumn({ kind: 'quarter', year: 2016, quarter: 1 }); // '2016/17 Q1'
 * formatPeriodColumn({ kind: 'year', year: 2017 }); // '2017/18'
 */
export function formatPeriodColumn(
  column: PeriodColumn,
  startMonth: Month = DEFAULT_START_MONTH,
): string {
  return column.kind === 'quarter'
    ? formatFiscalQuarter(column, startMonth)
    : formatFiscalYear(column.year, startMonth);
}

/**
 * The quarters a column covers, as quarter indexes (see `quarterIndex`).
 *
 * @example
 * quartersOfColumn({ kind: 'year', year: 2016 }).length; // 4
 */
export function quartersOfColumn(column: PeriodColumn): number[] {
  const first = quarterIndex({
    year: column.year,
    quarter: column.kind === 'quarter' ? column.quarter : 1,
  });
  return column.kind === 'quarter' ? [first] : [first, first + 1, first + 2, first + 3];
}

/**
 * Reads a header row of period headings. Each cell is a quarter (`2016/17 Q1`, `Q1 2016/17`) or a
 * whole year (`2016/17`); a row may mix them (quarters for the budget year, years after it), but
 * no quarter may be covered twice. Fails with a message naming the first cell it cannot read.
 *
 * @example
 * readPeriodHeaders(['2016/17 Q1', '2016/17 Q2']); // { ok: true, value: [{ kind: 'quarter', year: 2016, quarter: 1 }, { kind: 'quarter', year: 2016, quarter: 2 }] }
 * readPeriodHeaders(['2016/17', 'Total']); // { ok: false, message: "Cannot read period heading 'Total' (column 2): write e.g. '2016/17 Q1' or '2016/17'" }
 */
export function readPeriodHeaders(
  cells: readonly unknown[],
  startMonth: Month = DEFAULT_START_MONTH,
): Parsed<PeriodColumn[]> {
  const example = `write e.g. '${formatFiscalYear(2016, startMonth)} Q1' or '${formatFiscalYear(2016, startMonth)}'`;
  if (!Array.isArray(cells) || cells.length === 0) {
    return { ok: false, message: `No period headings given: ${example}` };
  }
  const columns: PeriodColumn[] = [];
  const owner = new Map<number, number>();
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const text =
      typeof cell === 'string'
        ? cell
        : typeof cell === 'number' && Number.isInteger(cell)
          ? String(cell)
          : undefined;
    if (text === undefined || text.trim() === '') {
      const shown =
        cell === null || cell === undefined || cell === ''
          ? 'blank'
          : quoteForMessage(String(cell));
      return {
        ok: false,
        message: `Cannot read period heading '${shown}' (column ${i + 1}): ${example}`,
      };
    }
    let column: PeriodColumn;
    const quarter = /q/i.test(text) ? parseFiscalQuarter(text, startMonth) : undefined;
    if (quarter?.ok) {
      column = {
        kind: 'quarter',
        year: quarter.value.year,
        quarter: quarter.value.quarter as Quarter,
      };
    } else {
      const year = parseFiscalYear(text, startMonth);
      if (!year.ok) {
        const specific = (quarter && !quarter.ok ? quarter.message : year.message).replace(
          /^Cannot read [a-z ]+'.*?': /s,
          '',
        );
        const reason = specific.startsWith('write e.g.') ? example : specific;
        return {
          ok: false,
          message: `Cannot read period heading '${quoteForMessage(text)}' (column ${i + 1}): ${reason}`,
        };
      }
      column = { kind: 'year', year: year.value };
    }
    for (const index of quartersOfColumn(column)) {
      const earlier = owner.get(index);
      if (earlier !== undefined) {
        return {
          ok: false,
          message: `Period heading '${quoteForMessage(text)}' (column ${i + 1}) repeats a quarter already under '${formatPeriodColumn(columns[earlier], startMonth)}' (column ${earlier + 1}): give each quarter one column`,
        };
      }
      owner.set(index, i);
    }
    columns.push(column);
  }
  return { ok: true, value: columns };
}

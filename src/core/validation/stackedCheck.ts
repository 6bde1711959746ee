/**
 * Checking a sheet that holds tables stacked one under another (expenditure, `Financed by`,
 * revenue consequences): each is checked as a table of its own, and a financing block's total
 * must equal the expenditure total above it in every year (`funding-mismatch`).
 */
import { toA1 } from '../grid/address';
import { cellText } from '../grid/cells';
import { splitStackedTables } from '../grid/stacked';
import type { PeriodColumn } from '../calendar';
import type { Grid, RecognisedTable } from '../grid/types';
import { findingAt, type Finding } from '../findings';
import { formatDecimal, fromNumber } from '../money/decimal';
import { checkGridWithReading, type GridCheckWithReading } from './checkGrid';
import type { CheckOptions } from './context';
import type { TableReading } from './reading';

/** Words that head how the spending is paid for (DOMAIN.md: `Financed by`, `Funding`, `Resources`). */
const FINANCING_BLOCK =
  /^(?:financed\s+by|funded\s+by|financing|funding|resources|sources\s+of\s+funding|capital\s+financing|capital\s+resources)\b/i;

/** The first words of the table's header row(s) and of the row just above them (its title). */
function blockWords(grid: Grid, table: RecognisedTable): string[] {
  if (table.headerRows.length === 0) return [];
  const first = Math.min(...table.headerRows);
  const words: string[] = [];
  for (const r of [first - 1, ...table.headerRows]) {
    const row = grid.values[r];
    if (!Array.isArray(row)) continue;
    const text = (row as unknown[]).map(cellText).find((value) => value !== undefined);
    if (text !== undefined) words.push(text);
  }
  return words;
}

/** The last total row of a table (0-based in its grid), if any. */
function lastTotal(table: RecognisedTable): number | undefined {
  for (let r = table.rowKinds.length - 1; r >= 0; r--) if (table.rowKinds[r] === 'total') return r;
  return undefined;
}

function periodKey(period: PeriodColumn): string {
  return period.kind === 'quarter' ? `${period.year} Q${period.quarter}` : `${period.year}`;
}

interface Part {
  grid: Grid;
  check: GridCheckWithReading;
}

/** Financing totals against the expenditure total of the nearest table above that is not financing. */
function financingAgainstSpend(parts: readonly Part[]): Finding[] {
  const findings: Finding[] = [];
  let spend: { part: Part; row: number } | undefined;
  for (const part of parts) {
    const table = part.check.table;
    if (table === undefined) continue;
    const total = lastTotal(table);
    const financing = blockWords(part.grid, table).some((words) => FINANCING_BLOCK.test(words));
    if (!financing) {
      if (total !== undefined) spend = { part, row: total };
      continue;
    }
    if (total === undefined || spend === undefined) continue;
    const spendTable = spend.part.check.table as RecognisedTable;
    const spendRow = spend.part.grid.values[spend.row] as readonly unknown[];
    const financeRow = part.grid.values[total] as readonly unknown[];
    for (const column of table.columns) {
      if (column.role !== 'period' || column.period === undefined) continue;
      const key = periodKey(column.period);
      const spendColumn = spendTable.columns.find(
        (other) => other.role === 'period' && other.period && periodKey(other.period) === key,
      );
      if (spendColumn === undefined) continue;
      const financed = financeRow[column.index];
      const spent = spendRow[spendColumn.index];
      if (typeof financed !== 'number' || typeof spent !== 'number') continue;
      const decimals = Math.max(column.decimals ?? 0, spendColumn.decimals ?? 0);
      // Both totals are shown rounded: a difference within one unit of the last place shown is rounding.
      if (Math.abs(financed - spent) <= 10 ** -decimals * 0.5 + 1e-9) continue;
      const show = (value: number) => formatDecimal(fromNumber(value), decimals);
      const short = spent > financed;
      const cell = toA1(
        (part.grid.origin?.row ?? 0) + total,
        (part.grid.origin?.column ?? 0) + column.index,
      );
      const spendCell = toA1(
        (spend.part.grid.origin?.row ?? 0) + spend.row,
        (spend.part.grid.origin?.column ?? 0) + spendColumn.index,
      );
      findings.push(
        findingAt(
          'funding-mismatch',
          'error',
          `Financing ${show(financed)} in ${column.header} does not equal the expenditure ${show(spent)} (${spendCell}): ${show(Math.abs(spent - financed))} ${short ? 'not financed: add a source or raise a share' : 'over-financed: reduce a source'} so they are equal`,
          { sheet: part.grid.sheet, cell },
          { expected: show(spent), actual: show(financed) },
        ),
      );
    }
  }
  return findings;
}

function mergeReadings(
  first: TableReading,
  others: readonly TableReading[],
  starts: number[],
): TableReading {
  const merged: TableReading = {
    ...first,
    headerRows: [...first.headerRows],
    headings: [...first.headings],
    groups: [...first.groups],
    blocks: [...first.blocks, ...starts],
    totals: [...first.totals],
    unchecked: [...first.unchecked],
    relations: [...first.relations],
    checked: { ...first.checked },
    notes: [...first.notes],
  };
  for (const other of others) {
    merged.headerRows.push(...other.headerRows);
    merged.headings.push(...other.headings);
    merged.groups.push(...other.groups);
    merged.blocks.push(...other.blocks);
    merged.totals.push(...other.totals);
    merged.unchecked.push(...other.unchecked);
    merged.relations.push(...other.relations);
    merged.checked.total += other.checked.total;
    merged.checked.exact += other.checked.exact;
    merged.checked.withinRounding += other.checked.withinRounding;
    merged.checked.wrong += other.checked.wrong;
    for (const note of other.notes) if (!merged.notes.includes(note)) merged.notes.push(note);
  }
  return merged;
}

/**
 * {@link checkGridWithReading} for a sheet that may hold stacked tables: each table under a row of
 * period headings is checked on its own, and a `Financed by` / `Funding` / `Resources` block's
 * total must equal the expenditure total above it in every period. The reading is the first
 * table's, with the others' rows added and their first rows listed as blocks.
 *
 * @example
 * checkStackedTables({ values: [['Scheme', '2025/26'], ['A', 3], ['Total expenditure', 3], [], ['Financed by', '2025/26'], ['Grants', 2], ['Total financing', 2]] }).findings[0].rule;
 * // 'funding-mismatch'
 */
export function checkStackedTables(grid: Grid, options: CheckOptions = {}): GridCheckWithReading {
  const grids = splitStackedTables(grid);
  if (grids.length === 1) return checkGridWithReading(grid, options);
  const parts: Part[] = grids.map((part) => ({
    grid: part,
    check: checkGridWithReading(part, options),
  }));
  const findings = parts.flatMap((part) => part.check.findings);
  findings.push(...financingAgainstSpend(parts));
  const reading = mergeReadings(
    parts[0].check.reading,
    parts.slice(1).map((part) => part.check.reading),
    grids.slice(1).map((part) => (part.origin?.row ?? 0) + 1),
  );
  const table = parts[0].check.table;
  return table === undefined ? { findings, reading } : { findings, table, reading };
}

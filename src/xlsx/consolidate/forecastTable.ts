/**
 * Finds a forecast table in a grid: a header row naming a Ref column and a Forecast column
 * (budget columns optional), as on the master's Monitoring sheet and on the forecast sheets the
 * task pane sends to budget holders.
 */
import { isTotalLabel } from '../../core';
import {
  parseMoney,
  tryFromNumber,
  unitFromHeader,
  type Decimal,
  type MoneyUnit,
} from '../../core';
import type { Parsed } from '../../core';
import type { SheetGrid } from '../sheetGrid';

/** How far down a sheet the header row may be (titles and notes sit above it). */
const HEADER_SEARCH_ROWS = 20;

/** A column of a forecast table. */
export interface ForecastColumn {
  /** 0-based index into the grid's rows. */
  index: number;
  header: string;
  unit?: MoneyUnit;
}

/** One scheme row of a forecast table. */
export interface ForecastRow {
  ref: string;
  /** 1-based row on the sheet. */
  sheetRow: number;
  /** The Forecast cell as given ('' when blank). */
  forecast: unknown;
  /** Each budget column's cell, by column position in `budgets`. */
  budgets: unknown[];
  /** The in-year forecast, in-year budget and explanation cells, when the table has them. */
  inYearForecast?: unknown;
  inYearBudget?: unknown;
  explanation?: unknown;
}

/** A forecast table found in a grid. */
export interface ForecastTable {
  sheet: string;
  /** 1-based sheet row of the header. */
  headerSheetRow: number;
  ref: ForecastColumn;
  /** The whole-life forecast: `All-years forecast`, or last version's one `Forecast`. */
  forecast: ForecastColumn;
  budgets: ForecastColumn[];
  /** This version's returns: the year's forecast outturn, the year's budget, the explanation. */
  inYearForecast?: ForecastColumn;
  inYearBudget?: ForecastColumn;
  explanation?: ForecastColumn;
  /** 1-based sheet column of each column, for writing back. */
  sheetColumn: (column: ForecastColumn) => number;
  rows: ForecastRow[];
}

/**
 * Header text as compared: lower case, spaces collapsed; '' for a cell that is not text.
 *
 * @example
 * normaliseHeader('  Forecast   £m '); // 'forecast £m'
 */
export function normaliseHeader(text: unknown): string {
  return typeof text === 'string' ? text.toLowerCase().replace(/\s+/g, ' ').trim() : '';
}

const isRefHeader = (header: string): boolean =>
  /^(scheme |project )?ref(erence)?\.?( no\.?)?$/.test(header);
const isForecastHeader = (header: string): boolean =>
  /\bforecast\b/.test(header) && !/\ball[ -]years?\b|\bvariance\b/.test(header);
/** A figure for the year monitored: 'In-year forecast outturn 2016/17', '19/20 Forecast'. */
const IN_YEAR = /\bin[- ]year\b|\b(this|current) year\b|\b(\d{2}){1,2}[/-]\d{2}\b/;
const ALL_YEARS = /\ball[ -]years?\b|\bwhole[ -]life\b|\blifetime\b/;
const isAllYearsForecastHeader = (header: string): boolean =>
  /\bforecast\b/.test(header) && ALL_YEARS.test(header) && !/\bvariance\b/.test(header);
const isInYearForecastHeader = (header: string): boolean =>
  isForecastHeader(header) && IN_YEAR.test(header);
const isInYearBudgetHeader = (header: string): boolean =>
  /\bbudget\b/.test(header) && /\bin[- ]year\b/.test(header);
const isExplanationHeader = (header: string): boolean =>
  /\b(explanations?|comments?|commentary|reasons?)\b/.test(header);
const isBudgetHeader = (header: string): boolean =>
  /\bbudget\b/.test(header) &&
  !/\ball[ -]years?\b|\bvariance\b|\b(holder|owner|manager|code|check)s?\b/.test(header);

/**
 * The forecast table of a grid, or `undefined` when no header row names both Ref and Forecast.
 *
 * @example
 * findForecastTable({ sheet: 'Jane Smith', values: [['Ref', 'Scheme', 'Budget £m', 'Forecast £m'], ['CP001', 'Compliance', 2.6, 2.5]] });
 * // { sheet: 'Jane Smith', rows: [{ ref: 'CP001', forecast: 2.5, budgets: [2.6], sheetRow: 2 }], ... }
 */
export function findForecastTable(grid: SheetGrid): ForecastTable | undefined {
  const origin = grid.origin ?? { row: 0, column: 0 };
  const limit = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const headers = grid.values[r].map(normaliseHeader);
    const refIndex = headers.findIndex(isRefHeader);
    // The whole-life forecast: an all-years column, or a plain Forecast (last version's returns,
    // the master's Monitoring), or failing both the only forecast there is.
    const inYearIndex = headers.findIndex(isInYearForecastHeader);
    const allYearsIndex = headers.findIndex(isAllYearsForecastHeader);
    const plainIndex = headers.findIndex(
      (header) => isForecastHeader(header) && !isInYearForecastHeader(header),
    );
    const forecastIndex =
      allYearsIndex >= 0 ? allYearsIndex : plainIndex >= 0 ? plainIndex : inYearIndex;
    if (refIndex < 0 || forecastIndex < 0) continue;
    const optional = (index: number) => (index >= 0 ? column(index) : undefined);
    const inYearForecastIndex = inYearIndex !== forecastIndex ? inYearIndex : -1;
    const inYearBudgetIndex = headers.findIndex(isInYearBudgetHeader);
    const explanationIndex = headers.findIndex(isExplanationHeader);
    const column = (index: number): ForecastColumn => ({
      index,
      header: String(grid.values[r][index]).trim(),
      unit: unitFromHeader(String(grid.values[r][index])),
    });
    const budgets = headers.flatMap((header, index) =>
      isBudgetHeader(header) ? [column(index)] : [],
    );
    const rows: ForecastRow[] = [];
    for (let d = r + 1; d < grid.values.length; d++) {
      const cells = grid.values[d];
      const ref =
        typeof cells[refIndex] === 'number'
          ? String(cells[refIndex])
          : String(cells[refIndex] ?? '').trim();
      // The table ends at its first blank row (another table, e.g. totals by area, may follow).
      if (rows.length > 0 && cells.every((cell) => cell === '' || cell === null)) break;
      // Headings and total rows carry no scheme to match.
      if (ref === '' || isTotalLabel(ref)) continue;
      const row: ForecastRow = {
        ref,
        sheetRow: origin.row + d + 1,
        forecast: cells[forecastIndex] ?? '',
        budgets: budgets.map((budget) => cells[budget.index] ?? ''),
      };
      if (inYearForecastIndex >= 0) row.inYearForecast = cells[inYearForecastIndex] ?? '';
      if (inYearBudgetIndex >= 0) row.inYearBudget = cells[inYearBudgetIndex] ?? '';
      if (explanationIndex >= 0) row.explanation = cells[explanationIndex] ?? '';
      rows.push(row);
    }
    return {
      sheet: grid.sheet ?? '',
      headerSheetRow: origin.row + r + 1,
      ref: column(refIndex),
      forecast: column(forecastIndex),
      budgets,
      ...present({
        inYearForecast: optional(inYearForecastIndex),
        inYearBudget: optional(inYearBudgetIndex),
        explanation: optional(explanationIndex),
      }),
      sheetColumn: (c) => origin.column + c.index + 1,
      rows,
    };
  }
  return undefined;
}

/** The entries that are there (optional properties are left out, not set to undefined). */
function present<T extends object>(entries: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(entries).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/**
 * Reads a money cell (a number, or text such as '£1.25m' under a £m header) in the column's unit.
 *
 * @example
 * readAmount(1.25, { index: 3, header: 'Forecast £m', unit: '£m' }); // { ok: true, value: 1.25 }
 * readAmount('', column); // { ok: false, message: 'is blank' }
 */
export function readAmount(cell: unknown, column: ForecastColumn): Parsed<Decimal> {
  if (typeof cell === 'number') {
    const value = tryFromNumber(cell);
    return value ? { ok: true, value } : { ok: false, message: `${cell} is not a figure` };
  }
  if (typeof cell === 'string') {
    if (cell.trim() === '') return { ok: false, message: 'is blank' };
    const unit = column.unit ?? '£';
    const parsed = parseMoney(cell, { unit, assumedUnit: unit });
    return parsed.ok
      ? { ok: true, value: parsed.value.value }
      : { ok: false, message: parsed.message };
  }
  return { ok: false, message: 'is not a figure' };
}

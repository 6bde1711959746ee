/**
 * Decides which returns' forecasts go into the master: a return sheet is copied whole or not at
 * all, so the master never holds half of a budget holder's return.
 */
import { toA1 } from '../../core';
import { equals, formatDecimal, roundTo, type Decimal } from '../../core';
import {
  normaliseHeader,
  readAmount,
  type ForecastColumn,
  type ForecastTable,
} from './forecastTable';

/** Budgets are compared to the nearest millionth of their unit: float noise is not a change. */
const COMPARE_DECIMALS = 6;

/** A cell of the master workbook (1-based row and column). */
export interface CellTarget {
  sheet: string;
  row: number;
  column: number;
}

/** A forecast to write into the master. */
export interface ForecastWrite {
  ref: string;
  /** 1-based sheet row of the scheme on the master's Monitoring sheet. */
  sheetRow: number;
  /** Where the forecast goes: the Monitoring cell, or the cell its formula links to. */
  target: CellTarget;
  /** The whole-life (all-years) forecast. */
  value: Decimal;
  /** From this version's returns: the year's forecast outturn and the explanation. */
  inYearForecast?: Decimal;
  explanation?: string;
}

/** What became of one return sheet. */
export interface ReturnOutcome {
  file: string;
  sheet: string;
  copied: boolean;
  /** Schemes whose forecast was copied (0 when not copied). */
  schemes: number;
  /** Why it was not copied, one line each. */
  problems: string[];
}

/** A return file with the forecast tables found on its sheets. */
export interface ReturnTables {
  file: string;
  tables: ForecastTable[];
}

/** Everything to write, and the outcome of each return sheet. */
export interface ConsolidationPlan {
  writes: ForecastWrite[];
  outcomes: ReturnOutcome[];
}

function cellOf(table: ForecastTable, sheetRow: number, column: ForecastColumn): string {
  return toA1(sheetRow - 1, table.sheetColumn(column) - 1);
}

/** The budget the master holds per scheme is the current one: compare it with the return's current budget. */
const CURRENT_BUDGET = /\b(current|revised|latest)\b/;

function masterBudgetFor(
  master: ForecastTable,
  table: ForecastTable,
  column: ForecastColumn,
): number | undefined {
  const same = master.budgets.findIndex(
    (budget) => normaliseHeader(budget.header) === normaliseHeader(column.header),
  );
  if (same >= 0) return same;
  if (master.budgets.length !== 1) return undefined;
  // One budget in the master: it matches the return's current budget, or its only budget.
  const current = table.budgets.filter((budget) =>
    CURRENT_BUDGET.test(normaliseHeader(budget.header)),
  );
  if (current.length === 1) return current[0] === column ? 0 : undefined;
  return table.budgets.length === 1 ? 0 : undefined;
}

const shown = (value: Decimal): string => formatDecimal(value);

/** An explanation cell as text ('' when blank). */
function explanationText(cell: unknown): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return '';
}

/**
 * Matches each return sheet's schemes to the master's by Ref and returns the forecasts to copy:
 * the all-years forecast (last version's one Forecast), and from this version's returns the
 * in-year forecast and the explanation. A sheet is not copied when it has a Ref the master does
 * not have, a budget (or in-year budget) that differs from the master's, a blank or unreadable
 * forecast, a Ref twice, or a Ref an earlier return already
 * gave; nor when the master's forecast cell holds a formula other than a link to one cell
 * (`forecastTarget` says where each scheme's forecast is written, or undefined when it cannot be).
 *
 * @example
 * const plan = planConsolidation(masterTable, [{ file: 'it.xlsx', tables: [janeSmith] }], (row) => ({ sheet: 'Monitoring', row, column: 4 }));
 * plan.outcomes[0]; // { file: 'it.xlsx', sheet: 'Jane Smith', copied: true, schemes: 3, problems: [] }
 */
export function planConsolidation(
  master: ForecastTable,
  returns: readonly ReturnTables[],
  forecastTarget: (sheetRow: number) => CellTarget | undefined,
  /** The master's in-year budget of a scheme (its In-year monitoring sheet), when it has one. */
  inYearBudgetOf: (ref: string) => Decimal | undefined = () => undefined,
): ConsolidationPlan {
  const masterRows = new Map(master.rows.map((row) => [row.ref.toLowerCase(), row]));
  const given = new Map<string, string>();
  const writes: ForecastWrite[] = [];
  const outcomes: ReturnOutcome[] = [];

  for (const { file, tables } of returns) {
    for (const table of tables) {
      const problems: string[] = [];
      const sheetWrites: ForecastWrite[] = [];
      const seen = new Set<string>();
      for (const row of table.rows) {
        const key = row.ref.toLowerCase();
        const where = (column: ForecastColumn) => cellOf(table, row.sheetRow, column);
        if (seen.has(key)) {
          problems.push(`${row.ref} appears twice (${where(table.ref)}): give each scheme one row`);
          continue;
        }
        seen.add(key);
        const target = masterRows.get(key);
        if (!target) {
          problems.push(
            `${row.ref} (${where(table.ref)}) is not a scheme in the master's ${master.sheet} sheet (unknown Ref): check the Ref against the master`,
          );
          continue;
        }
        const earlier = given.get(key);
        if (earlier)
          problems.push(
            `${row.ref} was already returned in ${earlier}: one budget holder returns each scheme`,
          );
        table.budgets.forEach((column, b) => {
          const masterIndex = masterBudgetFor(master, table, column);
          if (masterIndex === undefined) return;
          const returned = readAmount(row.budgets[b], column);
          const expected = readAmount(target.budgets[masterIndex], master.budgets[masterIndex]);
          if (!expected.ok) return;
          if (!returned.ok) {
            problems.push(
              `the budget of ${row.ref} (${where(column)}) ${returned.message}: it should read ${shown(expected.value)} as in the master`,
            );
          } else if (
            !equals(
              roundTo(returned.value, COMPARE_DECIMALS),
              roundTo(expected.value, COMPARE_DECIMALS),
            )
          ) {
            problems.push(
              `the budget of ${row.ref} was changed (${where(column)}): ${shown(returned.value)} in the return, ${shown(expected.value)} in the master. ` +
                'Budget holders return forecasts only: a budget change goes through a revision',
            );
          }
        });
        const inYearBudget = inYearBudgetOf(target.ref);
        if (table.inYearBudget && inYearBudget) {
          const column = table.inYearBudget;
          const returned = readAmount(row.inYearBudget, column);
          if (!returned.ok)
            problems.push(
              `the in-year budget of ${row.ref} (${where(column)}) ${returned.message}: it should read ${shown(inYearBudget)} as in the master`,
            );
          else if (
            !equals(
              roundTo(returned.value, COMPARE_DECIMALS),
              roundTo(inYearBudget, COMPARE_DECIMALS),
            )
          )
            problems.push(
              `the in-year budget of ${row.ref} was changed (${where(column)}): ${shown(returned.value)} in the return, ${shown(inYearBudget)} in the master. ` +
                'Budget holders return forecasts only: a budget change goes through a revision',
            );
        }
        let inYearForecast: Decimal | undefined;
        if (table.inYearForecast) {
          const column = table.inYearForecast;
          const given = readAmount(row.inYearForecast, column);
          if (given.ok) inYearForecast = given.value;
          // A blank in-year forecast matters only to a master that monitors the year.
          else if (given.message !== 'is blank' || inYearBudget)
            problems.push(
              given.message === 'is blank'
                ? `no in-year forecast for ${row.ref} (${where(column)}): ask the budget holder to fill it in`
                : `the in-year forecast for ${row.ref} (${where(column)}) cannot be read: ${given.message}`,
            );
        }
        const forecast = readAmount(row.forecast, table.forecast);
        if (!forecast.ok) {
          problems.push(
            forecast.message === 'is blank'
              ? `no forecast for ${row.ref} (${where(table.forecast)}): ask the budget holder to fill it in`
              : `the forecast for ${row.ref} (${where(table.forecast)}) cannot be read: ${forecast.message}`,
          );
          continue;
        }
        const cell = forecastTarget(target.sheetRow);
        if (!cell) {
          problems.push(
            `the master's forecast for ${row.ref} (${cellOf(master, target.sheetRow, master.forecast)}) is a formula that does not link to one cell: it was not overwritten`,
          );
          continue;
        }
        const write: ForecastWrite = {
          ref: target.ref,
          sheetRow: target.sheetRow,
          target: cell,
          value: forecast.value,
        };
        if (inYearForecast) write.inYearForecast = inYearForecast;
        // Last version's Comment, left blank, is no word on this year: it leaves the explanation be.
        const explanation = table.explanation ? explanationText(row.explanation) : '';
        if (table.explanation && (table.inYearForecast || explanation !== ''))
          write.explanation = explanation;
        sheetWrites.push(write);
      }
      if (table.rows.length === 0)
        problems.push('has no schemes under its Ref and Forecast header');
      const copied = problems.length === 0;
      if (copied) {
        writes.push(...sheetWrites);
        for (const write of sheetWrites)
          given.set(write.ref.toLowerCase(), `'${file}' sheet '${table.sheet}'`);
      }
      outcomes.push({
        file,
        sheet: table.sheet,
        copied,
        schemes: copied ? sheetWrites.length : 0,
        problems,
      });
    }
  }
  return { writes, outcomes };
}

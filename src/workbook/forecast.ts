/**
 * A budget holder's forecast sheet: their schemes with the budgets as values (the sheet may be
 * emailed on its own), locked; only the forecast and comment cells are open, with a number check
 * on the forecast; the sheet is protected (no password) so nothing else is typed over by mistake.
 */
import { numberFormatFor, type MoneyUnit } from '../core';
import { emptySheet, range, type PlanValue, type SheetPlan } from './plan';
import { cleanSheetName } from './names';

/** Forecast sheet columns, on row 4 (0-based row 3), schemes from row 5. */
export const FORECAST_HEADER = [
  'Ref',
  'Scheme',
  'Area',
  'Approved budget',
  'Current budget',
  'Forecast outturn',
  'Comment',
] as const;
/** 0-based row of the header. */
export const FORECAST_HEADER_ROW = 3;
/** 0-based column of Forecast outturn (F). */
export const FORECAST_COLUMN = 5;
export const FORECAST_PREFIX = 'Forecast - ';
/** The shade of the cells a budget holder types in. */
export const OPEN_FILL = '#FFF9DB';

/**
 * The forecast sheet name for a budget holder.
 *
 * @example
 * forecastSheetName('Head of ICT'); // 'Forecast - Head of ICT'
 */
export function forecastSheetName(holder: string): string {
  return cleanSheetName(`${FORECAST_PREFIX}${holder}`);
}

/** One scheme on a forecast sheet. */
export interface ForecastLine {
  ref: string;
  scheme: string;
  area: string;
  approvedBudget: number | null;
  currentBudget: number | null;
  /** Filled in by the budget holder; blank on a new sheet. */
  forecast?: number | null;
  comment?: string;
}

/**
 * Plans one budget holder's forecast sheet.
 *
 * @example
 * planForecastSheet({ sheet: 'Forecast - Head of ICT', holder: 'Head of ICT', lines, unit: '£m', decimals: 1 }).freezeRows; // 4
 */
export function planForecastSheet(input: {
  sheet: string;
  holder: string;
  lines: readonly ForecastLine[];
  unit: MoneyUnit;
  decimals: number;
}): SheetPlan {
  const plan = emptySheet(input.sheet);
  const width = FORECAST_HEADER.length;
  const count = input.lines.length;
  const top = FORECAST_HEADER_ROW + 1;
  plan.cells.push(
    [`Capital forecast: ${input.holder}`],
    [
      `Type each scheme's forecast outturn (${input.unit}) in the shaded cells, with a comment where it differs from budget.`,
    ],
    [],
    [...FORECAST_HEADER],
    ...input.lines.map((line): PlanValue[] => [
      line.ref,
      line.scheme,
      line.area,
      line.approvedBudget,
      line.currentBudget,
      line.forecast ?? null,
      line.comment ?? null,
    ]),
  );
  const money = numberFormatFor(input.unit, input.decimals);
  plan.formats.push({
    top,
    left: 0,
    formats: input.lines.map(() => ['@', 'General', 'General', money, money, money, '@']),
  });
  plan.bold.push(range(0, 0, 1, 1), range(FORECAST_HEADER_ROW, 0, 1, width));
  if (count > 0) {
    const open = range(top, FORECAST_COLUMN, count, 2);
    plan.unlocked.push(open);
    plan.fills.push({ range: open, color: OPEN_FILL });
    plan.validations.push({
      range: range(top, FORECAST_COLUMN, count, 1),
      decimalAtLeast: 0,
      alert: {
        title: 'Forecast outturn',
        message: 'Type the forecast as a number of 0 or more, e.g. 2.4',
      },
    });
  }
  plan.columnWidths.push({ column: 1, characters: 40 });
  plan.freezeRows = FORECAST_HEADER_ROW + 1;
  // No password: the finance team can unprotect to correct a budget; the lock stops slips.
  plan.protection = {
    allowFormatColumns: true,
    allowAutoFilter: true,
    allowSort: false,
    allowInsertRows: false,
    allowDeleteRows: false,
  };
  return plan;
}

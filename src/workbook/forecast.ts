/**
 * A budget holder's forecast sheet: their schemes with the budgets as values (the sheet may be
 * emailed on its own), locked; only the forecast and comment cells are open, with a number check
 * on the forecast; the sheet is protected (no password) so nothing else is typed over by mistake.
 */
import { numberFormatFor, type MoneyUnit } from '../core';
import { emptySheet, range, type PlanValue, type SheetPlan } from './plan';
import { cleanSheetName } from './names';

/**
 * Forecast sheet columns, on row 4 (0-based row 3), schemes from row 5. The whole-life figures
 * come first (budget, the holder's all-years forecast), then the year's (in-year budget, actual to
 * date, the holder's in-year forecast), then the explanation. The all-years forecast stays in
 * column F, where last version's returns had their one `Forecast outturn` (the Monitoring sheet's
 * links point there in both).
 */
export const FORECAST_HEADER = [
  'Ref',
  'Scheme',
  'Area',
  'Approved budget',
  'Current budget',
  'All-years forecast outturn',
  'In-year budget',
  'Actual to date',
  'In-year forecast outturn',
  'Explanation',
] as const;
/** Last version's forecast sheet header: one (whole-life) forecast and a comment. Still read. */
export const PREVIOUS_FORECAST_HEADER = [
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
/** 0-based column of the all-years Forecast outturn (F), in this version's sheets and last version's. */
export const FORECAST_COLUMN = 5;
/** 0-based columns of the in-year forecast (I) and the explanation (J). */
export const IN_YEAR_FORECAST_COLUMN = 8;
export const EXPLANATION_COLUMN = 9;
export const FORECAST_PREFIX = 'Forecast - ';
/** The shade of the cells a budget holder types in. */
export const OPEN_FILL = '#FFF9DB';

/** Words a sheet name can do without when the holder's title is too long for Excel's 31 characters. */
const FILLER_WORDS = /\b(of|and|the|for|&)\b\s*/gi;

/**
 * The forecast sheet name for a budget holder. Excel allows 31 characters: a longer title drops
 * its filler words (`of`, `and`, `the`, `for`), then is cut at a word with `…`, rather than cut
 * mid-word (regression: 'Forecast - Head of Transformati').
 *
 * @example
 * forecastSheetName('Head of ICT'); // 'Forecast - Head of ICT'
 * forecastSheetName('Head of Transformation'); // 'Forecast - Head Transformation'
 */
export function forecastSheetName(holder: string): string {
  const full = cleanSheetName(`${FORECAST_PREFIX}${holder}`);
  if (`${FORECAST_PREFIX}${holder.trim()}`.length <= 31) return full;
  const room = 31 - FORECAST_PREFIX.length;
  const plain = holder.replace(FILLER_WORDS, '').replace(/\s+/g, ' ').trim();
  if (plain.length <= room) return cleanSheetName(`${FORECAST_PREFIX}${plain}`);
  const words = plain.split(' ');
  let kept = '';
  for (const word of words) {
    const next = kept ? `${kept} ${word}` : word;
    if (next.length + 1 > room) break;
    kept = next;
  }
  // One very long word: cut it, still marked as shortened.
  const short = kept || plain.slice(0, room - 1);
  return cleanSheetName(`${FORECAST_PREFIX}${short}…`);
}

/** One scheme on a forecast sheet. */
export interface ForecastLine {
  ref: string;
  scheme: string;
  area: string;
  approvedBudget: number | null;
  currentBudget: number | null;
  /** The scheme's budget in the year monitored; blank when not known. */
  inYearBudget?: number | null;
  /** Spend to date in the year, from the Actuals table; blank when not known. */
  actualToDate?: number | null;
  /** Filled in by the budget holder: the forecast over the scheme's whole life; blank on a new sheet. */
  forecast?: number | null;
  /** Filled in by the budget holder: the forecast outturn for the year; blank on a new sheet. */
  inYearForecast?: number | null;
  /** The budget holder's explanation of a variance. */
  comment?: string;
}

/** A header with the year or period it is for, as councils head them ('In-year budget 2016/17'). */
function headerOf(header: string, year?: string, period?: string): string {
  if (year && /^In-year/.test(header)) return `${header} ${year}`;
  if (period && header === 'Actual to date') return `${header} ${period}`;
  return header;
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
  /** The year monitored and the period of the actuals, for the headers (e.g. '2016/17', 'P8'). */
  year?: string;
  period?: string;
}): SheetPlan {
  const plan = emptySheet(input.sheet);
  const width = FORECAST_HEADER.length;
  const count = input.lines.length;
  const top = FORECAST_HEADER_ROW + 1;
  plan.cells.push(
    [`Capital forecast: ${input.holder}`],
    [
      `Type each scheme's forecast outturn (${input.unit}) over its whole life and for ${input.year ?? 'the year'} in the shaded cells, with an explanation where it differs from budget.`,
    ],
    [],
    FORECAST_HEADER.map((header) => headerOf(header, input.year, input.period)),
    ...input.lines.map((line): PlanValue[] => [
      line.ref,
      line.scheme,
      line.area,
      line.approvedBudget,
      line.currentBudget,
      line.forecast ?? null,
      line.inYearBudget ?? null,
      line.actualToDate ?? null,
      line.inYearForecast ?? null,
      line.comment ?? null,
    ]),
  );
  const money = numberFormatFor(input.unit, input.decimals);
  plan.formats.push({
    top,
    left: 0,
    formats: input.lines.map(() => [
      '@',
      'General',
      'General',
      money,
      money,
      money,
      money,
      money,
      money,
      '@',
    ]),
  });
  plan.bold.push(range(0, 0, 1, 1), range(FORECAST_HEADER_ROW, 0, 1, width));
  if (count > 0) {
    // Open: the all-years forecast (F), the in-year forecast and the explanation (I:J).
    const open = [
      range(top, FORECAST_COLUMN, count, 1),
      range(top, IN_YEAR_FORECAST_COLUMN, count, 2),
    ];
    plan.unlocked.push(...open);
    plan.fills.push(...open.map((cells) => ({ range: cells, color: OPEN_FILL })));
    for (const [column, title] of [
      [FORECAST_COLUMN, 'All-years forecast outturn'],
      [IN_YEAR_FORECAST_COLUMN, 'In-year forecast outturn'],
    ] as const)
      plan.validations.push({
        range: range(top, column, count, 1),
        decimalAtLeast: 0,
        alert: { title, message: 'Type the forecast as a number of 0 or more, e.g. 2.4' },
      });
  }
  plan.columnWidths.push({ column: 1, characters: 40 }, { column: 9, characters: 50 });
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

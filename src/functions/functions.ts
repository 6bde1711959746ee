/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's contract: a cell argument can be a
   number, text, boolean, blank or error, and the metadata generator reads these TS types (any,
   any[][]) to declare each parameter's and result's dimensionality. Every value is checked by the
   readers in ./arguments before use. */
/**
 * The CAPITAL.* custom functions. The JSDoc of each exported function is its contract: at build
 * time custom-functions-metadata-plugin turns it into functions.json and appends
 * `CustomFunctions.associate(...)` for each `@customfunction` to this module (so nothing here
 * associates them again).
 *
 * Each function is a thin wrapper: it reads Excel's arguments (./arguments), calls the engine
 * (../core) and turns any problem into `#VALUE!` or `#N/A` with a message (./excelErrors).
 * No finance logic lives here, and no function ever writes to the workbook.
 */
import {
  type Month,
  type PeriodColumn,
  fiscalPeriodOf,
  fiscalQuarterOf,
  fiscalYearOf,
  formatFiscalQuarter,
  formatFiscalYear,
  quarterHeaders,
  readDate,
  readPeriodHeaders,
} from '../core';
import {
  type Decimal,
  type MoneyUnit,
  compare,
  convertUnit,
  equals,
  formatMoney,
  roundTo,
  subtract,
  sum,
  toNumber,
  tryFromNumber,
  ZERO,
} from '../core';
import {
  type PhasedColumnAmount,
  type VarianceConvention,
  amountInYear,
  parseConvention,
  parseMonitoringPeriod,
  profiledToDate,
  splitVariance,
  yearBudgetsOf,
  ragRating,
  readRagLimits,
  readThresholds,
  variance,
  varianceStatus,
} from '../core';
import {
  type Phasing,
  type Profile,
  formatPhasing as formatPhasingText,
  parsePhasing,
  parseProfile,
  phaseAmount,
} from '../core';
import { changePercent, revisedBudget } from '../core';
import { MAX_ASSET_LIFE, type MrpMethod, borrowingCostInYear, parseMrpMethod } from '../core';
// The rounding rule alone, not the whole grid analysis, keeps functions.js small.
import { checkTotal } from '../core';
import { isBlank, readAmount, readStartMonth, readText, readWholeNumber } from './arguments';
import { asBlock, flatten, mapCells } from './elementwise';
import { ArgumentProblem, runFunction, runMatrix } from './excelErrors';
import { readMoneyUnit, readPercent, readYear } from './readers';

declare const __CAPITAL_PLANNER_VERSION__: string | undefined;

// office.js (loaded first by taskpane.html) defines CustomFunctions even outside Excel. If it did
// not load, give the appended associate calls a no-op so the page can still show its message.
if (typeof CustomFunctions === 'undefined') {
  Object.assign(globalThis, { CustomFunctions: { associate: () => undefined } });
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new ArgumentProblem(result.message);
  return result.value;
}

function readDecimals(value: unknown, fallback = 2): number {
  return readWholeNumber(value, 'decimals', { min: 0, max: 10, fallback });
}

function readConvention(value: unknown): VarianceConvention {
  return unwrap(parseConvention(isBlank(value) ? '' : readText(value, 'convention')));
}

/** Every figure of a range as exact decimals; blanks are skipped, text figures are read. */
function readFigures(values: unknown, argument: string): Decimal[] {
  const figures: Decimal[] = [];
  for (const cell of flatten(asBlock(values))) {
    if (isBlank(cell)) continue;
    figures.push(readAmount(cell, argument));
  }
  return figures;
}

// Excel passes the same header row to every PHASE formula of a column, as a new array each
// call: read each distinct header row once, so a filled-down column does not re-read 40 labels
// per row (and phaseAmount's column index, kept per columns array, is reused).
const headerRows = new Map<string, ReturnType<typeof readPeriodHeaders>>();
function readHeadersOnce(cells: readonly unknown[]): ReturnType<typeof readPeriodHeaders> {
  const key = cells.map((cell) => `${typeof cell}:${String(cell)}`).join('\u0001');
  let read = headerRows.get(key);
  if (!read) {
    read = readPeriodHeaders(cells);
    if (headerRows.size >= 32) headerRows.clear();
    headerRows.set(key, read);
  }
  return read;
}

/**
 * Spreads an amount over period columns as a phasing phrase says, penny-exact.
 * Give a column of amounts and a column of phrases to phase a whole table with one formula.
 * @customfunction PHASE
 * @param amount The amount to spread, e.g. 1.1 or "£1,100k". A column of amounts spills one row each.
 * @param phasing When it is spent, e.g. "2016/17 Q2-4", "2017-20", "2017/18 Q4 - 2019/20 Q1" or "TBC" (TBC or blank gives zeros).
 * @param periods The header row of period columns, e.g. "2016/17 Q1" ... "2019/20 Q4", or years "2016/17".
 * @param [profile] "even" (default), "front", "back", "scurve", or a row of weights.
 * @param [decimals] Decimal places of the result (default 2); the row adds up exactly at this precision.
 * @returns One row as wide as periods, adding up exactly to the amount.
 * @example
 * // =CAPITAL.PHASE(1.1, "2016/17 Q2-4", D1:G1, , 1) -> 0, 0.4, 0.4, 0.3
 */
export function phase(
  amount: any[][],
  phasing: any[][],
  periods: any[][],
  profile?: any,
  decimals?: any,
): any[][] {
  return runMatrix(() => {
    const cells = flatten(asBlock(periods));
    const columns: PeriodColumn[] = unwrap(readHeadersOnce(cells));
    const chosenProfile: Profile = unwrap(parseProfile(isBlank(profile) ? null : profile));
    const places = readDecimals(decimals);
    const amounts = asBlock(amount);
    const phrases = asBlock(phasing);
    const rows = mapCells(
      [
        { name: 'amount', block: amounts },
        { name: 'phasing', block: phrases },
      ],
      ([amountCell, phrase]) => {
        if (isBlank(amountCell)) return columns.map(() => 0);
        const value = readAmount(amountCell, 'amount');
        const text = readText(phrase, 'phasing');
        const phased = unwrap(
          phaseAmount(value, text, columns, { profile: chosenProfile, decimals: places }),
        );
        return phased.amounts.map(toNumber);
      },
    );
    // One result row per scheme; a scheme's problem fills its own row with the error.
    const result = rows.flat().map((row) => (Array.isArray(row) ? row : columns.map(() => row)));
    const vertical = asBlock(periods).length > 1 && asBlock(periods)[0].length === 1;
    return vertical && result.length === 1 ? result[0].map((value) => [value]) : result;
  });
}

/**
 * The quarter header row for a run of financial years.
 * @customfunction QUARTERS
 * @param first_year First financial year, e.g. 2016 or "2016/17".
 * @param last_year Last financial year, e.g. 2019 or "2019/20".
 * @param [start_month] Month the financial year starts in, 1-12 or a name (default 4, April).
 * @returns Labels "2016/17 Q1" ... "2019/20 Q4" in one row.
 * @example
 * // =CAPITAL.QUARTERS(2016, 2019) -> 2016/17 Q1, 2016/17 Q2, ..., 2019/20 Q4
 */
export function quarters(first_year: any, last_year: any, start_month?: any): any[][] {
  return runMatrix(() => {
    const startMonth = readStartMonth(start_month);
    const labels = unwrap(
      quarterHeaders(
        readYear(first_year, 'first_year', startMonth),
        readYear(last_year, 'last_year', startMonth),
        startMonth,
      ),
    );
    return [labels];
  });
}

/**
 * The annual header row for a run of financial years.
 * @customfunction YEARS
 * @param first_year First financial year, e.g. 2016 or "2016/17".
 * @param last_year Last financial year, e.g. 2019 or "2019/20".
 * @param [start_month] Month the financial year starts in, 1-12 or a name (default 4, April).
 * @returns Labels "2016/17" ... "2019/20" in one row.
 * @example
 * // =CAPITAL.YEARS(2016, 2019) -> 2016/17, 2017/18, 2018/19, 2019/20
 */
export function years(first_year: any, last_year: any, start_month?: any): any[][] {
  return runMatrix(() => {
    const startMonth = readStartMonth(start_month);
    const first = readYear(first_year, 'first_year', startMonth);
    const last = readYear(last_year, 'last_year', startMonth);
    // quarterHeaders validates the range and gives the message; take each year's first label.
    unwrap(quarterHeaders(first, last, startMonth));
    const labels: string[] = [];
    for (let year = first; year <= last; year++) labels.push(formatFiscalYear(year, startMonth));
    return [labels];
  });
}

function mapDates<T>(
  dates: unknown,
  startMonth: unknown,
  compute: (date: ReturnType<typeof readDateCell>, month: Month) => T,
) {
  return runMatrix(() => {
    const month = readStartMonth(startMonth);
    return mapCells([{ name: 'date', block: asBlock(dates) }], ([cell]) =>
      compute(readDateCell(cell), month),
    );
  });
}

function readDateCell(cell: unknown) {
  if (isBlank(cell))
    throw new ArgumentProblem('date is blank: enter a date such as 30/11/2019.', '#N/A');
  return unwrap(readDate(cell));
}

/**
 * The financial year a date falls in.
 * @customfunction FISCALYEAR
 * @param date A date (Excel date or text such as "30/11/2019"); a range gives one result per cell.
 * @param [start_month] Month the financial year starts in, 1-12 or a name (default 4, April).
 * @returns The year label, e.g. "2019/20".
 * @example
 * // =CAPITAL.FISCALYEAR(DATE(2019,11,30)) -> "2019/20"
 */
export function fiscalYear(date: any[][], start_month?: any): any[][] {
  return mapDates(date, start_month, (day, month) =>
    formatFiscalYear(fiscalYearOf(day, month), month),
  );
}

/**
 * The financial quarter a date falls in.
 * @customfunction FISCALQUARTER
 * @param date A date (Excel date or text such as "30/11/2019"); a range gives one result per cell.
 * @param [start_month] Month the financial year starts in, 1-12 or a name (default 4, April).
 * @returns The quarter label, e.g. "2019/20 Q3".
 * @example
 * // =CAPITAL.FISCALQUARTER(DATE(2019,11,30)) -> "2019/20 Q3"
 */
export function fiscalQuarter(date: any[][], start_month?: any): any[][] {
  return mapDates(date, start_month, (day, month) =>
    formatFiscalQuarter(fiscalQuarterOf(day, month), month),
  );
}

/**
 * The monthly period (1-12) of the financial year a date falls in.
 * @customfunction FISCALPERIOD
 * @param date A date (Excel date or text such as "30/11/2019"); a range gives one result per cell.
 * @param [start_month] Month the financial year starts in, 1-12 or a name (default 4, April).
 * @returns The period number: November is period 8 in a year starting in April.
 * @example
 * // =CAPITAL.FISCALPERIOD(DATE(2019,11,30)) -> 8
 */
export function fiscalPeriod(date: any[][], start_month?: any): any[][] {
  return mapDates(date, start_month, (day, month) => fiscalPeriodOf(day, month));
}

/**
 * Budget against forecast, exactly: budget - forecast unless the convention says otherwise.
 * @customfunction VARIANCE
 * @param budget Current budget (a value or a column).
 * @param forecast Forecast outturn (a value or a column of the same shape).
 * @param [convention] "budget-minus-forecast" (default; positive = underspend) or "forecast-minus-budget".
 * @returns The variance, element by element.
 * @example
 * // =CAPITAL.VARIANCE(4.245, 4.1) -> 0.145
 */
export function varianceOf(budget: any[][], forecast: any[][], convention?: any): any[][] {
  return runMatrix(() => {
    const chosen = readConvention(convention);
    return mapCells(
      [
        { name: 'budget', block: asBlock(budget) },
        { name: 'forecast', block: asBlock(forecast) },
      ],
      ([budgetCell, forecastCell]) =>
        toNumber(
          variance(readAmount(budgetCell, 'budget'), readAmount(forecastCell, 'forecast'), chosen),
        ),
    );
  });
}

/**
 * Whether each variance breaks the council's thresholds: "On target", "Underspend" or "Overspend".
 * @customfunction VARIANCEFLAG
 * @param budget Current budget (a value or a column).
 * @param forecast Forecast outturn (same shape).
 * @param [abs_threshold] Flag variances larger than this amount, e.g. 0.1 (£m) or "£100k". Left out: not applied.
 * @param [pct_threshold] Flag variances larger than this share of budget: 10% or 10 both mean ten percent. Left out: not applied.
 * @param [convention] "budget-minus-forecast" (default) or "forecast-minus-budget"; the flag means the same either way.
 * @returns The flag, element by element. Both thresholds left out flags any non-zero variance.
 * @example
 * // =CAPITAL.VARIANCEFLAG(10, 12, , 10%) -> "Overspend"
 */
export function varianceFlag(
  budget: any[][],
  forecast: any[][],
  abs_threshold?: any,
  pct_threshold?: any,
  convention?: any,
): any[][] {
  return runMatrix(() => {
    const absolute = isBlank(abs_threshold)
      ? undefined
      : readAmount(abs_threshold, 'abs_threshold');
    const thresholds = unwrap(
      readThresholds(absolute, readPercent(pct_threshold, 'pct_threshold')),
    );
    const chosen = readConvention(convention);
    return mapCells(
      [
        { name: 'budget', block: asBlock(budget) },
        { name: 'forecast', block: asBlock(forecast) },
      ],
      ([budgetCell, forecastCell]) =>
        varianceStatus(
          readAmount(budgetCell, 'budget'),
          readAmount(forecastCell, 'forecast'),
          thresholds,
          chosen,
        ),
    );
  });
}

/**
 * A RAG rating of forecast overspend against budget.
 * @customfunction RAG
 * @param budget Current budget (a value or a column).
 * @param forecast Forecast outturn (same shape).
 * @param amber_pct Amber when the overspend is more than this share of budget (10% or 10).
 * @param red_pct Red when the overspend is more than this share of budget (20% or 20).
 * @returns "Green", "Amber" or "Red", element by element.
 * @example
 * // =CAPITAL.RAG(10, 11.5, 10%, 20%) -> "Amber"
 */
export function rag(budget: any[][], forecast: any[][], amber_pct: any, red_pct: any): any[][] {
  return runMatrix(() => {
    const amber = readPercent(amber_pct, 'amber_pct');
    const red = readPercent(red_pct, 'red_pct');
    if (amber === undefined || red === undefined) {
      throw new ArgumentProblem(
        'RAG needs amber_pct and red_pct, e.g. =CAPITAL.RAG(B2, C2, 10%, 20%).',
        '#N/A',
      );
    }
    const limits = unwrap(readRagLimits(amber, red));
    return mapCells(
      [
        { name: 'budget', block: asBlock(budget) },
        { name: 'forecast', block: asBlock(forecast) },
      ],
      ([budgetCell, forecastCell]) =>
        ragRating(
          readAmount(budgetCell, 'budget'),
          readAmount(forecastCell, 'forecast'),
          limits.amberPercent,
          limits.redPercent,
        ),
    );
  });
}

/**
 * Whether figures add up to their printed total within rounding (k x 0.5 x 10^-d for k figures shown to d places).
 * @customfunction CHECKTOTAL
 * @param values The figures the total covers (blanks are skipped; figures stored as text are read).
 * @param total The printed total.
 * @param [decimals] Decimal places the figures are shown to; left out, taken from the figures themselves.
 * @returns TRUE when the total is right within rounding, FALSE when it is not.
 * @example
 * // =CAPITAL.CHECKTOTAL({1.2;2.6;0.3;0.4;0.8;0;1.0}, 6.4) -> TRUE (within rounding)
 */
export function checkTotalOf(values: any[][], total: any, decimals?: any): any {
  return runFunction(() => {
    const places = isBlank(decimals) ? undefined : readDecimals(decimals);
    return checkTotal(readFigures(values, 'values'), readAmount(total, 'total'), places).ok;
  });
}

/**
 * The sum of figures minus their printed total, exactly (no floating-point error).
 * @customfunction TOTALDIFF
 * @param values The figures the total covers (blanks are skipped).
 * @param total The printed total.
 * @returns Sum of values minus total: positive when the total is too small.
 * @example
 * // =CAPITAL.TOTALDIFF({0.1;0.2}, 0.3) -> 0 (exactly)
 */
export function totalDiff(values: any[][], total: any): any {
  return runFunction(() =>
    toNumber(subtract(sum(readFigures(values, 'values')), readAmount(total, 'total'))),
  );
}

/**
 * The revised budget: the original plus every change.
 * @customfunction REVISED
 * @param original Original approved budget.
 * @param changes The changes (additions positive, reductions and virements out negative); blanks skipped.
 * @returns Original plus changes, exactly.
 * @example
 * // =CAPITAL.REVISED(3.1, {0.42;0.875;-0.15}) -> 4.245
 */
export function revised(original: any, changes: any[][]): any {
  return runFunction(() =>
    toNumber(revisedBudget(readAmount(original, 'original'), readFigures(changes, 'changes'))),
  );
}

/**
 * The change from the original budget as a fraction (format the cell as %).
 * @customfunction CHANGEPCT
 * @param original Original approved budget.
 * @param revised Revised budget.
 * @returns (revised - original) / original, e.g. 0.369 for a 36.9% increase.
 * @example
 * // =CAPITAL.CHANGEPCT(3.1, 4.245) -> 0.3693...
 */
export function changePct(original: any, revised: any): any {
  return runFunction(() => {
    const fraction = changePercent(
      readAmount(original, 'original'),
      readAmount(revised, 'revised'),
    );
    if (fraction === undefined) {
      throw new ArgumentProblem(
        'original is zero: a change from a zero budget has no percentage. Show the change as an amount instead.',
      );
    }
    return fraction;
  });
}

/**
 * Reads an amount as councils print it.
 * @customfunction PARSEMONEY
 * @param text A printed amount such as "£1,250k", "c£90k", "(0.3)", "£0.075m"; a range gives one result per cell.
 * @param [unit] Unit of the result: "£" (default), "£k", "£m" or "£bn".
 * @returns The amount as a number in the unit.
 * @example
 * // =CAPITAL.PARSEMONEY("£1,250k", "£m") -> 1.25
 */
export function parseMoneyText(text: any[][], unit?: any): any[][] {
  return runMatrix(() => {
    const target: MoneyUnit = readMoneyUnit(unit);
    return mapCells([{ name: 'text', block: asBlock(text) }], ([cell]) =>
      toNumber(readAmount(cell, 'text', target)),
    );
  });
}

/**
 * Writes an amount as councils print it.
 * @customfunction FORMATMONEY
 * @param amount The amount in pounds (£); a range gives one result per cell.
 * @param [unit] Unit to print in: "£" (default), "£k", "£m" or "£bn".
 * @param [decimals] Decimal places to show (default 1 for £m and £bn, 0 otherwise).
 * @param [brackets] TRUE to show negatives in brackets, as many councils print them.
 * @returns Text such as "£1,250k" or "(£0.3m)".
 * @example
 * // =CAPITAL.FORMATMONEY(1250000, "£k") -> "£1,250k"
 */
export function formatMoneyText(
  amount: any[][],
  unit?: any,
  decimals?: any,
  brackets?: any,
): any[][] {
  return runMatrix(() => {
    const target = readMoneyUnit(unit);
    const places = readDecimals(decimals, target === '£m' || target === '£bn' ? 1 : 0);
    const negative =
      brackets === true || (typeof brackets === 'string' && /^true$/i.test(brackets))
        ? 'brackets'
        : 'minus';
    return mapCells([{ name: 'amount', block: asBlock(amount) }], ([cell]) =>
      formatMoney(convertUnit(readAmount(cell, 'amount'), '£', target), {
        unit: target,
        decimals: places,
        negative,
      }),
    );
  });
}

/**
 * Whether a phased row adds up exactly to its amount.
 * @customfunction CHECKPHASING
 * @param amount The scheme's amount.
 * @param phased_row The phased amounts (blanks count as zero).
 * @param [decimals] Compare at this many decimal places; left out, compare exactly.
 * @returns TRUE when the row adds up to the amount.
 * @example
 * // =CAPITAL.CHECKPHASING(1.1, {0,0.4,0.4,0.3}) -> TRUE
 */
export function checkPhasing(amount: any, phased_row: any[][], decimals?: any): any {
  return runFunction(() => {
    const expected = readAmount(amount, 'amount');
    const phased = sum(readFigures(phased_row, 'phased_row'));
    if (isBlank(decimals)) return equals(phased, expected);
    const places = readDecimals(decimals);
    return compare(roundTo(phased, places), roundTo(expected, places)) === 0;
  });
}

/**
 * The canonical form of a phasing phrase, or a message saying how to write it.
 * @customfunction PHASINGTEXT
 * @param phasing A phrase such as "2016/17 Q2 - Q4" or "2017/18-2019/20"; a range gives one result per cell.
 * @returns The phrase as reports write it, e.g. "2016/17 Q2-4" or "2017-20"; "TBC" when not phased.
 * @example
 * // =CAPITAL.PHASINGTEXT("2017/18 - 2019/20") -> "2017-20"
 */
export function phasingText(phasing: any[][]): any[][] {
  return runMatrix(() =>
    mapCells([{ name: 'phasing', block: asBlock(phasing) }], ([cell]) => {
      const read: Phasing = unwrap(parsePhasing(readText(cell, 'phasing')));
      return read.kind === 'not phased' ? 'TBC' : formatPhasingText(read);
    }),
  );
}

/**
 * The version of Capital Planner that is running.
 * @customfunction VERSION
 * @returns The add-in version, e.g. "0.1.0".
 * @example
 * // =CAPITAL.VERSION() -> "0.1.0"
 */
export function version(): string {
  return typeof __CAPITAL_PLANNER_VERSION__ === 'string'
    ? __CAPITAL_PLANNER_VERSION__
    : 'development';
}

/** The period columns of a header row, read once per distinct row. */
function readColumns(periods: unknown): PeriodColumn[] {
  return unwrap(readHeadersOnce(flatten(asBlock(periods))));
}

/** Each phased cell of a row with its column; blanks are zero. */
function phasedRow(amounts: unknown, columns: readonly PeriodColumn[]): PhasedColumnAmount[] {
  const cells = flatten(asBlock(amounts));
  if (cells.length !== columns.length)
    throw new ArgumentProblem(
      `phased_row has ${cells.length} cells but periods has ${columns.length}: give the scheme's row and the header row over the same columns.`,
    );
  return cells.map((cell, i) => ({
    column: columns[i],
    amount: isBlank(cell) ? ZERO : readAmount(cell, 'phased_row'),
  }));
}

function readRate(value: unknown): Decimal {
  const percent = readPercent(value, 'rate') ?? 0;
  const rate = tryFromNumber(percent);
  if (!rate) throw new ArgumentProblem(`rate ${percent} cannot be used: write e.g. 4.5% or 4.5.`);
  return rate;
}

/**
 * A scheme's budget in one financial year: the sum of its phased columns in that year.
 * @customfunction INYEARBUDGET
 * @param phased_row The scheme's phased amounts (quarter or year columns; blanks are zero).
 * @param periods The header row of the same columns, e.g. "2019/20 Q1" ... or "2019/20".
 * @param year The financial year, e.g. "2019/20" or 2019.
 * @param [start_month] Month the financial year starts in, 1-12 or a name (default 4, April).
 * @returns The in-year budget, exactly.
 * @example
 * // =CAPITAL.INYEARBUDGET(K5:Z5, K$4:Z$4, "2019/20") -> 2.6
 */
export function inYearBudgetOf(
  phased_row: any[][],
  periods: any[][],
  year: any,
  start_month?: any,
): any {
  return runFunction(() => {
    const startMonth = readStartMonth(start_month);
    const row = phasedRow(phased_row, readColumns(periods));
    return toNumber(amountInYear(yearBudgetsOf(row), readYear(year, 'year', startMonth)));
  });
}

/**
 * The budget profiled to the end of a period: the year's phased columns that have passed, and the
 * months passed of the current one (ROUND(column x months / months in column, decimals)).
 * @customfunction PROFILEDTODATE
 * @param phased_row The scheme's phased amounts (quarter or year columns; blanks are zero).
 * @param periods The header row of the same columns, e.g. "2019/20 Q1" ... "2019/20 Q4".
 * @param period The period, e.g. "2019/20 P8", or "P8" or 8 with year given; "Q3" is its last period.
 * @param [year] The financial year when period does not say, e.g. "2019/20".
 * @param [decimals] Decimal places of a part-way column (default 2).
 * @param [start_month] Month the financial year starts in, 1-12 or a name (default 4, April).
 * @returns The budget profiled to date.
 * @example
 * // =CAPITAL.PROFILEDTODATE({100,100,100,100}, {"2019/20 Q1","2019/20 Q2","2019/20 Q3","2019/20 Q4"}, "2019/20 P8") -> 266.67
 */
export function profiledToDateOf(
  phased_row: any[][],
  periods: any[][],
  period: any,
  year?: any,
  decimals?: any,
  start_month?: any,
): any {
  return runFunction(() => {
    const startMonth = readStartMonth(start_month);
    const row = phasedRow(phased_row, readColumns(periods));
    const inYear = isBlank(year) ? undefined : readYear(year, 'year', startMonth);
    if (isBlank(period))
      throw new ArgumentProblem('period is blank: enter a period such as "2019/20 P8".', '#N/A');
    const at = unwrap(parseMonitoringPeriod(period, inYear, startMonth));
    return toNumber(profiledToDate(row, at, readDecimals(decimals)));
  });
}

/**
 * Slippage: the part of an in-year variance that moves spend into later years (in-year variance
 * less all-years variance, variances as budget - forecast). Slippage + (all-years budget - all-years
 * forecast) is the in-year variance exactly.
 * @customfunction SLIPPAGE
 * @param in_year_budget The year's (revised) budget (a value or a column).
 * @param in_year_forecast The year's forecast outturn (same shape).
 * @param all_years_budget The whole-life budget (same shape).
 * @param all_years_forecast The whole-life forecast (same shape).
 * @returns Slippage, element by element (negative: spend brought forward).
 * @example
 * // =CAPITAL.SLIPPAGE(2.4, 1.8, 6.6, 6.5) -> 0.5 (of the 0.6 variance; 0.1 is a real underspend)
 */
export function slippageOf(
  in_year_budget: any[][],
  in_year_forecast: any[][],
  all_years_budget: any[][],
  all_years_forecast: any[][],
): any[][] {
  return runMatrix(() =>
    mapCells(
      [
        { name: 'in_year_budget', block: asBlock(in_year_budget) },
        { name: 'in_year_forecast', block: asBlock(in_year_forecast) },
        { name: 'all_years_budget', block: asBlock(all_years_budget) },
        { name: 'all_years_forecast', block: asBlock(all_years_forecast) },
      ],
      ([budget, forecast, allBudget, allForecast]) =>
        toNumber(
          splitVariance({
            inYearBudget: readAmount(budget, 'in_year_budget'),
            inYearForecast: readAmount(forecast, 'in_year_forecast'),
            allYearsBudget: readAmount(allBudget, 'all_years_budget'),
            allYearsForecast: readAmount(allForecast, 'all_years_forecast'),
          }).slippage,
        ),
    ),
  );
}

/**
 * Minimum revenue provision on borrowing in one year of repayment: straight-line over the asset
 * life, or by the annuity method at a rate. The years add up to the amount exactly.
 * @customfunction MRP
 * @param amount The amount borrowed.
 * @param life The asset life in whole years (1-250).
 * @param year_number The year of repayment: 1 is the first year of MRP (the year after the asset comes into use).
 * @param [method] "straight-line" (default) or "annuity".
 * @param [rate] The annuity rate, e.g. 4.5% or 4.5 (needed for annuity).
 * @param [decimals] Decimal places (default 2).
 * @returns The MRP of that year (0 after the life).
 * @example
 * // =CAPITAL.MRP(1000, 3, 2) -> 333.34
 */
export function mrp(
  amount: any,
  life: any,
  year_number: any,
  method?: any,
  rate?: any,
  decimals?: any,
): any {
  return runFunction(() => {
    const cost = borrowingCostOf(amount, life, year_number, method, rate, decimals);
    return toNumber(cost.mrp);
  });
}

/**
 * The revenue cost of borrowing in one year of repayment: MRP plus interest at the rate on the debt
 * still owed at the start of that year.
 * @customfunction BORROWINGCOST
 * @param amount The amount borrowed.
 * @param rate The interest rate, e.g. 4.5% or 4.5 (also the annuity rate).
 * @param life The asset life in whole years (1-250).
 * @param year_number The year of repayment: 1 is the first year of MRP.
 * @param [method] "straight-line" (default) or "annuity".
 * @param [decimals] Decimal places (default 2).
 * @returns MRP + interest of that year.
 * @example
 * // =CAPITAL.BORROWINGCOST(1000, 5%, 2, 1) -> 550 (MRP 500, interest 50)
 */
export function borrowingCost(
  amount: any,
  rate: any,
  life: any,
  year_number: any,
  method?: any,
  decimals?: any,
): any {
  return runFunction(() => {
    const cost = borrowingCostOf(amount, life, year_number, method, rate, decimals);
    return toNumber(cost.total);
  });
}

function borrowingCostOf(
  amount: unknown,
  life: unknown,
  yearNumber: unknown,
  method: unknown,
  rate: unknown,
  decimals: unknown,
) {
  const chosen: MrpMethod = unwrap(
    parseMrpMethod(isBlank(method) ? '' : readText(method, 'method')),
  );
  const years = readWholeNumber(life, 'life', { min: 1, max: MAX_ASSET_LIFE, fallback: 0 });
  if (years === 0)
    throw new ArgumentProblem('life is blank: enter the asset life in years, e.g. 25.', '#N/A');
  const year = readWholeNumber(yearNumber, 'year_number', { min: 1, max: 10_000, fallback: 0 });
  if (year === 0)
    throw new ArgumentProblem('year_number is blank: enter 1 for the first year of MRP.', '#N/A');
  return unwrap(
    borrowingCostInYear(
      readAmount(amount, 'amount'),
      years,
      year,
      chosen,
      readRate(rate),
      readDecimals(decimals),
    ),
  );
}

/** The functions by Excel name, for tests and the browser stand-in (not used by Excel itself). */
export const CAPITAL_FUNCTIONS = {
  PHASE: phase,
  QUARTERS: quarters,
  YEARS: years,
  FISCALYEAR: fiscalYear,
  FISCALQUARTER: fiscalQuarter,
  FISCALPERIOD: fiscalPeriod,
  VARIANCE: varianceOf,
  VARIANCEFLAG: varianceFlag,
  RAG: rag,
  CHECKTOTAL: checkTotalOf,
  TOTALDIFF: totalDiff,
  REVISED: revised,
  CHANGEPCT: changePct,
  PARSEMONEY: parseMoneyText,
  FORMATMONEY: formatMoneyText,
  CHECKPHASING: checkPhasing,
  PHASINGTEXT: phasingText,
  VERSION: version,
  INYEARBUDGET: inYearBudgetOf,
  PROFILEDTODATE: profiledToDateOf,
  SLIPPAGE: slippageOf,
  MRP: mrp,
  BORROWINGCOST: borrowingCost,
} as const;

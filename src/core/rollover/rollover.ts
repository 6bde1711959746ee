/**
 * Closing the year: after P12 the year's actuals are its outturn, each scheme's slippage is carried
 * into the next year's budget as a carry-forward line of the Revisions log, real under- and
 * overspends are not carried, and the next year becomes the current one. A scheme's all-years
 * budget changes only by what was really under- or overspent (see DOMAIN.md, "Closing the year").
 */
import {
  DEFAULT_START_MONTH,
  dateFromDayNumber,
  dayNumber,
  fiscalYearStart,
  formatFiscalYear,
  type CalendarDate,
  type FiscalYear,
  type Month,
} from '../calendar';
import { type Decimal, ZERO, abs, compare, isZero, negate, subtract } from '../money/decimal';
import {
  allYearsTotal,
  amountInYear,
  revisedYearBudgets,
  type YearBudgets,
} from '../monitoring/inYearBudget';
import { splitVariance } from '../monitoring/slippage';
import type { BudgetRevision, YearAmount } from '../revisions/types';

/** A scheme at the year end. */
export interface SchemeAtYearEnd {
  ref: string;
  name?: string;
  /** The scheme's revised budget by year (phasing plus revisions so far). */
  budgetByYear: YearBudgets;
  /** The closing year's actual spend (its actuals at P12). */
  outturn: Decimal;
  /** The all-years forecast of the final return; left out, the all-years budget (no real under/overspend). */
  allYearsForecast?: Decimal;
}

/** How to close the year. */
export interface RolloverOptions {
  /** The year being closed. */
  year: FiscalYear;
  /** Date of the Revisions lines; default the closing year's last day (31 March). */
  date?: CalendarDate;
  /** Reference of the lines, e.g. the outturn report; default `Outturn 2019/20`. */
  reference?: string;
  startMonth?: Month;
}

/** What closing the year did to one scheme. */
export interface RolledScheme {
  ref: string;
  name?: string;
  closingBudget: Decimal;
  outturn: Decimal;
  /** closingBudget - outturn. */
  inYearVariance: Decimal;
  /** Carried into the next year (negative: spend brought forward from later years). */
  slippage: Decimal;
  /** Real underspend (+) or overspend (-): not carried; the all-years budget falls by it. */
  underOverspend: Decimal;
  allYearsBefore: Decimal;
  allYearsAfter: Decimal;
  /** The scheme's budget by year after closing: the closed year is its outturn. */
  budgetByYear: YearBudgets;
  /** The Revisions lines recorded for the scheme (carry-forward, then outturn adjustment). */
  revisions: BudgetRevision[];
}

/** The result of closing a year. */
export interface Rollover {
  closedYear: FiscalYear;
  /** The year that becomes current. */
  currentYear: FiscalYear;
  schemes: RolledScheme[];
  /** Every line to append to the Revisions log, scheme by scheme. */
  revisions: BudgetRevision[];
}

function lastDayOf(year: FiscalYear, startMonth: Month): CalendarDate {
  return dateFromDayNumber(dayNumber(fiscalYearStart(year + 1, startMonth)) - 1);
}

/**
 * Where slippage goes: forward slippage all into the next year; spend brought forward (negative
 * slippage) out of the later years in order, as far as each has budget, the rest from the next year.
 */
function carryYears(slippage: Decimal, budget: YearBudgets, year: FiscalYear): YearAmount[] {
  const next = year + 1;
  if (slippage.units >= 0)
    return [
      { year, amount: negate(slippage) },
      { year: next, amount: slippage },
    ];
  const moves: YearAmount[] = [{ year, amount: abs(slippage) }];
  let owed = abs(slippage);
  const later = budget.filter((entry) => entry.year > year && entry.amount.units > 0);
  for (const entry of later) {
    if (isZero(owed)) break;
    const take = compare(entry.amount, owed) < 0 ? entry.amount : owed;
    moves.push({ year: entry.year, amount: negate(take) });
    owed = subtract(owed, take);
  }
  if (!isZero(owed)) {
    const first = moves.find((move) => move.year === next);
    if (first) first.amount = subtract(first.amount, owed);
    else moves.push({ year: next, amount: negate(owed) });
  }
  return moves;
}

/**
 * Closes `options.year` for every scheme, exactly:
 * - slippage (in-year variance less all-years variance) is carried from the closing year into the
 *   next as a `re-profile` line (reason "Slippage carried forward ...", reference the outturn);
 * - a real underspend is released (a `reduction` in the closing year) and a real overspend met (an
 *   `addition`), so the closed year's budget equals its outturn;
 * - every scheme's all-years budget after is its all-years budget before less its real
 *   under/overspend, and its budget from the next year on equals its all-years forecast less outturn.
 * Schemes with nothing to carry get no lines.
 *
 * @example
 * const result = rollover([{ ref: 'ICT-01', budgetByYear, outturn: fromNumber(1.8), allYearsForecast: fromNumber(9.4) }], { year: 2019 });
 * result.revisions; // [{ kind: 're-profile', reason: 'Slippage carried forward from 2019/20 to 2020/21', ... }, ...]
 */
export function rollover(schemes: readonly SchemeAtYearEnd[], options: RolloverOptions): Rollover {
  const startMonth = options.startMonth ?? DEFAULT_START_MONTH;
  const { year } = options;
  const date = options.date ?? lastDayOf(year, startMonth);
  const closing = formatFiscalYear(year, startMonth);
  const next = formatFiscalYear(year + 1, startMonth);
  const reference = options.reference ?? `Outturn ${closing}`;
  const rolled: RolledScheme[] = [];
  for (const scheme of schemes) {
    const closingBudget = amountInYear(scheme.budgetByYear, year);
    const allYearsBefore = allYearsTotal(scheme.budgetByYear);
    const split = splitVariance({
      inYearBudget: closingBudget,
      inYearForecast: scheme.outturn,
      allYearsBudget: allYearsBefore,
      allYearsForecast: scheme.allYearsForecast ?? allYearsBefore,
    });
    const revisions: BudgetRevision[] = [];
    if (!isZero(split.slippage)) {
      const forward = split.slippage.units > 0;
      revisions.push({
        ref: scheme.ref,
        date,
        kind: 're-profile',
        amount: ZERO,
        reason: forward
          ? `Slippage carried forward from ${closing} to ${next}`
          : `Spend brought forward into ${closing} from later years`,
        reference,
        yearAmounts: carryYears(split.slippage, scheme.budgetByYear, year),
      });
    }
    if (!isZero(split.underspend)) {
      const under = split.underspend.units > 0;
      revisions.push({
        ref: scheme.ref,
        date,
        kind: under ? 'reduction' : 'addition',
        amount: abs(split.underspend),
        reason: under
          ? `Underspend released at outturn ${closing} (not carried forward)`
          : `Overspend met at outturn ${closing}`,
        reference,
        yearAmounts: [{ year, amount: negate(split.underspend) }],
      });
    }
    const budgetByYear = revisedYearBudgets(scheme.budgetByYear, revisions, startMonth);
    const entry: RolledScheme = {
      ref: scheme.ref,
      closingBudget,
      outturn: scheme.outturn,
      inYearVariance: subtract(closingBudget, scheme.outturn),
      slippage: split.slippage,
      underOverspend: split.underspend,
      allYearsBefore,
      allYearsAfter: allYearsTotal(budgetByYear),
      budgetByYear,
      revisions,
    };
    if (scheme.name !== undefined) entry.name = scheme.name;
    rolled.push(entry);
  }
  return {
    closedYear: year,
    currentYear: year + 1,
    schemes: rolled,
    revisions: rolled.flatMap((scheme) => scheme.revisions),
  };
}

/**
 * Revenue consequences of borrowing ("Financial Consequences – Revenue"): the minimum revenue
 * provision (MRP) that repays it, straight-line over the asset's life or by the annuity method,
 * and the interest on what is still owed.
 *
 * MRP starts the year after the asset comes into use (or after the year of borrowing, if later),
 * as MHCLG's statutory guidance on MRP allows ("MRP should normally commence in the financial year
 * following the one in which the expenditure was incurred" / when the asset becomes operational:
 * https://www.gov.uk/government/publications/minimum-revenue-provision-guidance).
 * Each year's MRP is the difference of rounded running totals, so the years add up to the amount
 * borrowed exactly, and a native formula `ROUND(A*t/n,2)-ROUND(A*(t-1)/n,2)` gives the same pennies.
 */
import type { FiscalYear } from '../calendar';
import { normaliseText, quoteForMessage } from '../calendar/text';
import { DecimalRangeError } from '../errors';
import type { Parsed } from '../findings';
import { type Decimal, ZERO, add, compare, decimal, isZero, subtract, sum } from '../money/decimal';
import { scaleByRatio } from '../money/ratio';
import type { YearAmount } from '../revisions/types';

/** How MRP repays borrowing: equal instalments, or rising ones that with interest make an annuity. */
export type MrpMethod = 'straight-line' | 'annuity';

/** The longest asset life read (years). */
export const MAX_ASSET_LIFE = 250;

/**
 * Reads an MRP method as written: `straight line`, `straight-line`, `equal instalments`, `asset
 * life`; `annuity`. Blank is straight-line.
 *
 * @example
 * parseMrpMethod('Annuity'); // { ok: true, value: 'annuity' }
 */
export function parseMrpMethod(text: unknown): Parsed<MrpMethod> {
  const words = typeof text === 'string' ? normaliseText(text) : '';
  if (text === undefined || text === null || words === '')
    return { ok: true, value: 'straight-line' };
  if (/^(?:straight ?-?line|sl|equal instalments?|asset life(?: method)?)$/.test(words))
    return { ok: true, value: 'straight-line' };
  if (/^(?:annuity(?: method)?)$/.test(words)) return { ok: true, value: 'annuity' };
  return {
    ok: false,
    message: `Cannot read MRP method '${quoteForMessage(text)}': write 'straight-line' or 'annuity'`,
  };
}

/**
 * Checks an asset life and a rate as given; a message saying what to write when they cannot be used.
 *
 * @example
 * readBorrowingTerms(25, fromNumber(4.5)); // { ok: true, value: { lifeYears: 25, ratePercent: 4.5 } }
 */
export function readBorrowingTerms(
  lifeYears: number,
  ratePercent: Decimal,
): Parsed<{ lifeYears: number; ratePercent: Decimal }> {
  if (!Number.isInteger(lifeYears) || lifeYears < 1 || lifeYears > MAX_ASSET_LIFE)
    return {
      ok: false,
      message: `The asset life ${lifeYears} cannot be used: write a whole number of years from 1 to ${MAX_ASSET_LIFE}, e.g. 25`,
    };
  if (ratePercent.units < 0 || compare(ratePercent, decimal(100)) > 0 || ratePercent.scale > 8)
    return {
      ok: false,
      message: `The rate ${ratePercent.units / 10 ** ratePercent.scale}% cannot be used: write a percentage from 0 to 100, e.g. 4.5 for 4.5%`,
    };
  return { ok: true, value: { lifeYears, ratePercent } };
}

/** Part of the amount repaid by the end of year t (of n) as an exact fraction top/bottom. */
function repaidFraction(
  t: number,
  n: number,
  method: MrpMethod,
  ratePercent: Decimal,
): [bigint, bigint] {
  if (method === 'straight-line' || isZero(ratePercent)) return [BigInt(t), BigInt(n)];
  // Annuity: ((1+r)^t - 1) / ((1+r)^n - 1) with 1 + r = (D + P) / D exactly.
  const D = 100n * 10n ** BigInt(ratePercent.scale);
  const P = BigInt(ratePercent.units);
  const growth = (k: number): bigint => (D + P) ** BigInt(k) * D ** BigInt(n - k);
  const base = D ** BigInt(n);
  return [growth(t) - base, growth(n) - base];
}

function roundedShare(amount: Decimal, [top, bottom]: [bigint, bigint], decimals: number): Decimal {
  // amount * top / bottom, halves away from zero, at `decimals`.
  const numerator = BigInt(amount.units) * top * 10n ** BigInt(decimals);
  const denominator = bottom * 10n ** BigInt(amount.scale);
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = n / denominator;
  const r = (n % denominator) * 2n >= denominator ? q + 1n : q;
  const units = Number(negative ? -r : r);
  if (!Number.isSafeInteger(units))
    throw new DecimalRangeError('MRP: amount too large to hold exactly');
  return { units: units === 0 ? 0 : units, scale: decimals };
}

/**
 * MRP on `amount` over `lifeYears` years from `firstYear`, penny-exact (the years add up to the
 * amount, rounded to `decimals`). Annuity instalments grow by (1 + rate) a year; at a rate of 0
 * they are straight-line.
 *
 * @example
 * mrpSchedule(fromNumber(1000), 3, 2026); // 333.33, 333.34, 333.33 (2026/27 .. 2028/29)
 * mrpSchedule(fromNumber(1000), 2, 2026, 'annuity', fromNumber(10)); // 476.19, 523.81
 */
export function mrpSchedule(
  amount: Decimal,
  lifeYears: number,
  firstYear: FiscalYear,
  method: MrpMethod = 'straight-line',
  ratePercent: Decimal = ZERO,
  decimals = 2,
): YearAmount[] {
  const schedule: YearAmount[] = [];
  let before: Decimal = { units: 0, scale: decimals };
  for (let t = 1; t <= lifeYears; t++) {
    const after = roundedShare(amount, repaidFraction(t, lifeYears, method, ratePercent), decimals);
    schedule.push({ year: firstYear + t - 1, amount: subtract(after, before) });
    before = after;
  }
  return schedule;
}

/** How a scheme's borrowing is repaid. */
export interface BorrowingPlan {
  /** Spend financed by borrowing, by year. */
  borrowing: readonly YearAmount[];
  /** The year the asset comes into use: MRP starts the year after (or after borrowing, if later). */
  inUseYear: FiscalYear;
  lifeYears: number;
  method: MrpMethod;
  /** Interest rate on the borrowing, and the annuity rate: 4.5 means 4.5%. */
  ratePercent: Decimal;
}

/** One year of the revenue consequences table. */
export interface RevenueConsequenceYear {
  year: FiscalYear;
  /** Borrowing still owed at the start of the year (borrowed in earlier years less MRP so far). */
  openingDebt: Decimal;
  mrp: Decimal;
  interest: Decimal;
  /** MRP + interest: the charge to the revenue budget. */
  total: Decimal;
}

/**
 * The revenue consequences of a scheme's borrowing, year by year from the year after it first
 * borrows until the last MRP: MRP on each year's borrowing (from the year after the asset comes
 * into use, or after that year's borrowing if later) and interest at the rate on the debt owed at
 * the start of each year (money borrowed in a year is charged interest from the next: a
 * full-year convention), rounded to `decimals`. Exact: MRP adds up to the borrowing.
 *
 * @example
 * revenueConsequences({ borrowing: [{ year: 2025, amount: fromNumber(1000) }], inUseYear: 2025,
 *   lifeYears: 2, method: 'straight-line', ratePercent: fromNumber(5) });
 * // ok: 2026/27 debt 1000 MRP 500 interest 50; 2027/28 debt 500 MRP 500 interest 25
 */
export function revenueConsequences(
  plan: BorrowingPlan,
  decimals = 2,
): Parsed<RevenueConsequenceYear[]> {
  const terms = readBorrowingTerms(plan.lifeYears, plan.ratePercent);
  if (!terms.ok) return terms;
  const tranches = plan.borrowing.filter((entry) => !isZero(entry.amount));
  if (tranches.some((entry) => entry.amount.units < 0))
    return {
      ok: false,
      message:
        'Borrowing in a year is negative: enter the spend financed by borrowing as a positive amount',
    };
  if (tranches.length === 0) return { ok: true, value: [] };
  const mrpByYear = new Map<FiscalYear, Decimal>();
  try {
    for (const tranche of tranches) {
      const first = Math.max(plan.inUseYear, tranche.year) + 1;
      for (const entry of mrpSchedule(
        tranche.amount,
        plan.lifeYears,
        first,
        plan.method,
        plan.ratePercent,
        decimals,
      ))
        mrpByYear.set(entry.year, add(mrpByYear.get(entry.year) ?? ZERO, entry.amount));
    }
  } catch (error) {
    if (error instanceof DecimalRangeError)
      return {
        ok: false,
        message: 'The borrowing is too large to schedule exactly: use a larger unit such as £k',
      };
    throw error;
  }
  const firstYear = Math.min(...tranches.map((entry) => entry.year)) + 1;
  const lastYear = Math.max(...mrpByYear.keys());
  const rows: RevenueConsequenceYear[] = [];
  let debt: Decimal = ZERO;
  try {
    for (let year = firstYear; year <= lastYear; year++) {
      debt = add(
        debt,
        sum(tranches.filter((entry) => entry.year === year - 1).map((entry) => entry.amount)),
      );
      const mrp = mrpByYear.get(year) ?? { units: 0, scale: decimals };
      const interest = scaleByRatio(debt, plan.ratePercent, decimal(100), decimals);
      rows.push({ year, openingDebt: debt, mrp, interest, total: add(mrp, interest) });
      debt = subtract(debt, mrp);
    }
  } catch (error) {
    if (error instanceof DecimalRangeError)
      return {
        ok: false,
        message: 'The borrowing is too large to cost exactly: use a larger unit such as £k',
      };
    throw error;
  }
  return { ok: true, value: rows };
}

/**
 * The revenue cost of borrowing `amount` in the `yearNumber`-th year of repayment (1 = the first
 * year of MRP, the year after the asset comes into use): its MRP, the interest on the debt still
 * owed at the start of that year, and their total. Zero after the last year of the life. A life,
 * rate or year number that cannot be used is a message.
 *
 * @example
 * borrowingCostInYear(fromNumber(1000), 2, 1, 'straight-line', fromNumber(5)); // ok: mrp 500, interest 50, total 550
 * borrowingCostInYear(fromNumber(1000), 2, 2, 'straight-line', fromNumber(5)); // ok: mrp 500, interest 25, total 525
 */
export function borrowingCostInYear(
  amount: Decimal,
  lifeYears: number,
  yearNumber: number,
  method: MrpMethod,
  ratePercent: Decimal,
  decimals = 2,
): Parsed<Omit<RevenueConsequenceYear, 'year'>> {
  if (!Number.isInteger(yearNumber) || yearNumber < 1 || yearNumber > 10_000)
    return {
      ok: false,
      message: `The year ${yearNumber} cannot be used: write the year of repayment as a whole number from 1, e.g. 1 for the first year of MRP`,
    };
  const table = revenueConsequences(
    { borrowing: [{ year: 0, amount }], inUseYear: 0, lifeYears, method, ratePercent },
    decimals,
  );
  if (!table.ok) return table;
  const row = table.value[yearNumber - 1];
  const nil: Decimal = { units: 0, scale: decimals };
  if (!row) return { ok: true, value: { openingDebt: nil, mrp: nil, interest: nil, total: nil } };
  const { openingDebt, mrp, interest, total } = row;
  return { ok: true, value: { openingDebt, mrp, interest, total } };
}

/**
 * How each scheme's spend is financed, year by year: fixed amounts per year from some sources, and
 * shares of the phased spend from others, split penny-exact.
 */
import type { FiscalYear } from '../calendar';
import { type Decimal, ZERO, add, decimal, subtract, sum } from '../money/decimal';
import { scaleByRatio } from '../money/ratio';
import { amountInYear, type YearBudgets } from '../monitoring/inYearBudget';
import type { SourceCell, YearAmount } from '../revisions/types';

/** How a source finances a scheme: amounts in given years, or a percentage of every year's spend. */
export type FundingBasis =
  | { readonly kind: 'amounts'; readonly years: readonly YearAmount[] }
  | { readonly kind: 'share'; readonly percent: Decimal };

/** One line of a scheme's funding (a row of the Funding table). */
export interface FundingLine {
  ref: string;
  source: string;
  basis: FundingBasis;
  cell?: SourceCell;
}

/** A scheme's spend by year (its revised phased budget). */
export interface SchemeSpend {
  ref: string;
  name?: string;
  years: YearBudgets;
}

/** One source's part of a scheme's spend in a year. */
export interface SourceAmount {
  source: string;
  amount: Decimal;
}

/** A scheme's financing in one year. */
export interface SchemeYearFinancing {
  year: FiscalYear;
  spend: Decimal;
  bySource: SourceAmount[];
  financed: Decimal;
  /** spend - financed: positive is spend not yet financed, negative is over-financing. */
  gap: Decimal;
}

/** A scheme's financing in every year it spends or is financed in. */
export interface SchemeFinancing {
  ref: string;
  name?: string;
  years: SchemeYearFinancing[];
  /** True when the scheme has no funding line at all. */
  unfunded: boolean;
}

const HUNDRED = decimal(100);

/**
 * A year's spend shared by percentages, penny-exact, by rounded running totals: source i gets
 * `ROUND(spend x (shares 1..i) / 100) - ROUND(spend x (shares 1..i-1) / 100)`. The parts add up to
 * `ROUND(spend x total share / 100)`: the spend exactly when the shares add up to 100%, the rest
 * unfinanced when less, more than the spend when more. A native formula computes the same pennies
 * (see the Financing sheet), so the workbook and the engine agree.
 *
 * @example
 * splitByShares(fromNumber(0.1), [1, 1, 1, 97].map(fromNumber), 2); // 0.00, 0.00, 0.00, 0.10
 * splitByShares(fromNumber(100), [33.33, 33.33, 33.34].map(fromNumber), 2); // 33.33, 33.33, 33.34
 */
export function splitByShares(
  spend: Decimal,
  percents: readonly Decimal[],
  decimals: number,
): Decimal[] {
  const parts: Decimal[] = [];
  let running: Decimal = ZERO;
  let before: Decimal = { units: 0, scale: decimals };
  for (const percent of percents) {
    running = add(running, percent);
    const upTo = scaleByRatio(spend, running, HUNDRED, decimals);
    parts.push(subtract(upTo, before));
    before = upTo;
  }
  return parts;
}

/**
 * Finances a scheme's spend from its funding lines, year by year: each `amounts` line gives its
 * amount in its years; the `share` lines share each year's spend by their percentages, in the
 * order given, split penny-exact by rounded running totals (at `decimals`, default 2, or the spend's own places if more). Every year with spend
 * or funding is listed, earliest first, with its gap (spend - financed).
 *
 * @example
 * financeScheme({ ref: 'ICT-01', years: [{ year: 2019, amount: fromNumber(100) }] }, [
 *   { ref: 'ICT-01', source: 'Government grants', basis: { kind: 'share', percent: fromNumber(33.3) } },
 *   { ref: 'ICT-01', source: 'Prudential borrowing', basis: { kind: 'share', percent: fromNumber(66.7) } },
 * ]).years[0]; // spend 100, grants 33.30, borrowing 66.70, gap 0
 */
export function financeScheme(
  spend: SchemeSpend,
  lines: readonly FundingLine[],
  decimals = 2,
): SchemeFinancing {
  const own = lines.filter((line) => line.ref === spend.ref);
  const years = new Set<FiscalYear>(spend.years.map((entry) => entry.year));
  for (const line of own)
    if (line.basis.kind === 'amounts') for (const entry of line.basis.years) years.add(entry.year);
  const shares = own.filter((line) => line.basis.kind === 'share');
  const percents = shares.map((line) => (line.basis as { percent: Decimal }).percent);
  const result: SchemeFinancing = { ref: spend.ref, years: [], unfunded: own.length === 0 };
  if (spend.name !== undefined) result.name = spend.name;
  for (const year of [...years].sort((a, b) => a - b)) {
    const spent = amountInYear(spend.years, year);
    const places = Math.max(decimals, spent.scale);
    const parts = new Map<string, Decimal>();
    const give = (source: string, amount: Decimal): void => {
      parts.set(source, add(parts.get(source) ?? ZERO, amount));
    };
    for (const line of own)
      if (line.basis.kind === 'amounts') give(line.source, amountInYear(line.basis.years, year));
    splitByShares(spent, percents, places).forEach((amount, i) => give(shares[i].source, amount));
    const bySource = [...parts.entries()].map(([source, amount]) => ({ source, amount }));
    const financed = sum(bySource.map((part) => part.amount));
    result.years.push({ year, spend: spent, bySource, financed, gap: subtract(spent, financed) });
  }
  return result;
}

/**
 * Finances every scheme of a programme.
 *
 * @example
 * financeProgramme(schemes, fundingLines).map((scheme) => scheme.years);
 */
export function financeProgramme(
  schemes: readonly SchemeSpend[],
  lines: readonly FundingLine[],
  decimals = 2,
): SchemeFinancing[] {
  const byRef = new Map<string, FundingLine[]>();
  for (const line of lines) {
    const list = byRef.get(line.ref);
    if (list) list.push(line);
    else byRef.set(line.ref, [line]);
  }
  return schemes.map((scheme) => financeScheme(scheme, byRef.get(scheme.ref) ?? [], decimals));
}

/**
 * The Financing sheet: how the programme is paid for, as councils publish it ("Financed by"), and
 * the revenue consequences of its borrowing, all as NATIVE formulas so the sheet computes without
 * the add-in. Three blocks share one set of year columns (D onwards):
 * - Expenditure: each scheme's spend by year (the Programme's revised phasing);
 * - Funding: one line per scheme and source, a share of the scheme's spend (`Share %`) or amounts
 *   typed per year; shares are split by rounded running totals, as the engine does, so a scheme
 *   financed 100% by shares is financed to the penny;
 * - Financed by: one line per source, total financing, total expenditure and the gap.
 * Below them, the revenue consequences of the Prudential borrowing line, years as columns: MRP (straight-line or
 * annuity over the asset life, from the year after the spend) and interest on the debt owed.
 */
import {
  BORROWING_SOURCE,
  ZERO,
  financeProgramme,
  financingStatement,
  formatFiscalYear,
  numberFormatFor,
  revenueConsequences,
  splitByShares,
  sum,
  toNumber,
  type Decimal,
  type FinancingStatement,
  type FiscalYear,
  type FundingLine,
  type MoneyUnit,
  type Month,
  type MrpMethod,
  type RevenueConsequenceYear,
} from '../core';
import { columnLetters } from './address';
import { emptySheet, formula, range, type PlanCell, type SheetPlan } from './plan';

export const FINANCING_SHEET = 'Financing';

/** First year column (D): A ref or label, B scheme or source, C share %. */
export const FINANCING_FIRST_YEAR_COLUMN = 3;

/** A scheme's spend as the Financing sheet shows it. */
export interface FinancingScheme {
  ref: string;
  name: string;
  /** Spend in each of the sheet's years. */
  spendByYear: readonly Decimal[];
  /** Native formulas giving the same spend (e.g. over the Programme's quarters), one per year. */
  spendFormulas?: readonly string[];
}

/** How borrowing is repaid, for the revenue consequences block. */
export interface BorrowingTerms {
  lifeYears: number;
  method: MrpMethod;
  /** Interest (and annuity) rate: 4.5 means 4.5%. */
  ratePercent: Decimal;
}

/** What the Financing sheet is made from. */
export interface FinancingSheetInput {
  years: readonly FiscalYear[];
  startMonth?: Month;
  schemes: readonly FinancingScheme[];
  /** Funding lines in the order shown; `amounts` lines give amounts in some of `years`. */
  funding: readonly FundingLine[];
  /** The statement's sources, in order. */
  sources: readonly string[];
  unit: MoneyUnit;
  /** Rounding of shares, MRP and interest (and the money format). */
  decimals: number;
  borrowing?: BorrowingTerms;
}

/** The plan and the figures its formulas compute. */
export interface FinancingPlan {
  plan: SheetPlan;
  statement: FinancingStatement;
  revenue: RevenueConsequenceYear[];
  /** 1-based rows of the blocks. */
  rows: {
    firstScheme: number;
    expenditureTotal: number;
    firstFunding: number;
    firstSource: number;
    totalFinancing: number;
    totalExpenditure: number;
    gap: number;
    check: number;
    firstRevenue?: number;
  };
}

const n = toNumber;

function amountIn(line: FundingLine, year: FiscalYear): Decimal | undefined {
  if (line.basis.kind !== 'amounts') return undefined;
  const found = line.basis.years.filter((entry) => entry.year === year);
  return found.length === 0 ? undefined : sum(found.map((entry) => entry.amount));
}

/** The MRP of one tranche in one year, as a native formula over the life, method and rate cells. */
function trancheMrp(
  borrowed: string,
  yearsSince: number,
  cells: { life: string; method: string; rate: string },
  decimals: number,
): string {
  const part = (k: number) => {
    const x = `MIN(MAX(${k},0),${cells.life})`;
    const growth = `(1+${cells.rate}/100)`;
    const fraction = `IF(AND(${cells.method}="annuity",${cells.rate}>0),(${growth}^${x}-1)/(${growth}^${cells.life}-1),${x}/${cells.life})`;
    return `ROUND(${borrowed}*${fraction},${decimals})`;
  };
  return `${part(yearsSince)}-${part(yearsSince - 1)}`;
}

/**
 * Plans the Financing sheet and works out what its formulas compute.
 *
 * @example
 * const { plan, statement } = planFinancingSheet({ years: [2025, 2026], schemes, funding, sources: DEFAULT_FUNDING_SOURCES, unit: '£m', decimals: 2 });
 * statement.gap.byYear.every(isZero); // true when fully financed
 */
export function planFinancingSheet(input: FinancingSheetInput): FinancingPlan {
  const { years, decimals } = input;
  const startMonth = input.startMonth ?? 4;
  const plan = emptySheet(FINANCING_SHEET);
  const first = FINANCING_FIRST_YEAR_COLUMN;
  const letters = years.map((_, i) => columnLetters(first + i));
  const lastLetter = letters[letters.length - 1];
  const width = first + years.length + 1;
  const labels = years.map((year) => formatFiscalYear(year, startMonth));
  const rowTotal = (row: number, result: Decimal) =>
    formula(`=SUM(${letters[0]}${row}:${lastLetter}${row})`, n(result));

  const spend = input.schemes.map((scheme) => ({
    ref: scheme.ref,
    name: scheme.name,
    years: years.map((year, i) => ({ year, amount: scheme.spendByYear[i] ?? ZERO })),
  }));
  const financed = financeProgramme(spend, input.funding, decimals);
  const statement = financingStatement(financed, { years, sources: input.sources });

  plan.cells.push(
    ['Financing'],
    [
      "Expenditure is the Programme's revised phasing. Each Funding line is a share of its scheme's spend (Share %) or amounts by year. Gap = expenditure less financing.",
    ],
    [],
  );

  // Expenditure.
  plan.cells.push(['Expenditure']);
  const expenditureHeader = plan.cells.length + 1;
  plan.cells.push(['Scheme', 'Name', null, ...labels, 'Total']);
  const firstScheme = expenditureHeader + 1;
  input.schemes.forEach((scheme, s) => {
    const row = firstScheme + s;
    const amounts = spend[s].years.map((entry) => entry.amount);
    plan.cells.push([
      scheme.ref,
      scheme.name,
      null,
      ...amounts.map((amount, i): PlanCell => {
        const text = scheme.spendFormulas?.[i];
        return text ? formula(text, n(amount)) : n(amount);
      }),
      rowTotal(row, sum(amounts)),
    ]);
  });
  const lastScheme = firstScheme + input.schemes.length - 1;
  const expenditureTotal = lastScheme + 1;
  plan.cells.push([
    'Total expenditure',
    null,
    null,
    ...letters.map((letter, i) =>
      formula(
        `=SUM(${letter}${firstScheme}:${letter}${lastScheme})`,
        n(statement.expenditure.byYear[i]),
      ),
    ),
    rowTotal(expenditureTotal, statement.expenditure.total),
  ]);
  plan.cells.push([], [], ['Funding']);

  // Funding lines.
  const fundingHeader = plan.cells.length + 1;
  plan.cells.push(['For scheme', 'Source', 'Share %', ...labels, 'Total']);
  const firstFunding = fundingHeader + 1;
  const lastFunding = firstFunding + input.funding.length - 1;
  // Each share line's part of each year: the engine's running-total split, line by line, as the
  // formula below computes it (two lines of one source stay two lines).
  const shareParts = new Map<number, Decimal[]>();
  const shareLines = new Map<string, number[]>();
  input.funding.forEach((line, f) => {
    if (line.basis.kind !== 'share') return;
    shareLines.set(line.ref, [...(shareLines.get(line.ref) ?? []), f]);
  });
  for (const [ref, indexes] of shareLines) {
    const scheme = spend.find((entry) => entry.ref === ref);
    const percents = indexes.map((f) => (input.funding[f].basis as { percent: Decimal }).percent);
    const byYear = years.map((_, i) =>
      splitByShares(scheme ? scheme.years[i].amount : ZERO, percents, decimals),
    );
    indexes.forEach((f, k) =>
      shareParts.set(
        f,
        byYear.map((parts) => parts[k]),
      ),
    );
  }
  input.funding.forEach((line, f) => {
    const row = firstFunding + f;
    if (line.basis.kind === 'share') {
      const percent = line.basis.percent;
      const cumulative = `SUMIFS($C$${firstFunding}:$C${row},$A$${firstFunding}:$A${row},$A${row})`;
      const parts = shareParts.get(f) ?? years.map(() => ZERO);
      plan.cells.push([
        line.ref,
        line.source,
        n(percent),
        ...letters.map((letter, i) => {
          const spent = `SUMIFS(${letter}$${firstScheme}:${letter}$${lastScheme},$A$${firstScheme}:$A$${lastScheme},$A${row})`;
          return formula(
            `=ROUND(${spent}*${cumulative}/100,${decimals})-ROUND(${spent}*(${cumulative}-$C${row})/100,${decimals})`,
            n(parts[i]),
          );
        }),
        rowTotal(row, sum(parts)),
      ]);
    } else {
      const amounts = years.map((year) => amountIn(line, year));
      plan.cells.push([
        line.ref,
        line.source,
        null,
        ...amounts.map((amount) => (amount === undefined ? null : n(amount))),
        rowTotal(row, sum(amounts.map((amount) => amount ?? ZERO))),
      ]);
    }
  });
  plan.cells.push([], [], ['Financing statement']);

  // Financed by.
  const sourcesHeader = plan.cells.length + 1;
  plan.cells.push(['Financed by', null, null, ...labels, 'Total']);
  const firstSource = sourcesHeader + 1;
  statement.sources.forEach((source, k) => {
    const row = firstSource + k;
    plan.cells.push([
      source.label,
      null,
      null,
      ...letters.map((letter, i) =>
        formula(
          `=SUMIFS(${letter}$${firstFunding}:${letter}$${lastFunding},$B$${firstFunding}:$B$${lastFunding},$A${row})`,
          n(source.byYear[i]),
        ),
      ),
      rowTotal(row, source.total),
    ]);
  });
  const lastSource = firstSource + statement.sources.length - 1;
  const totalFinancing = lastSource + 1;
  plan.cells.push([
    'Total financing',
    null,
    null,
    ...letters.map((letter, i) =>
      formula(
        `=SUM(${letter}${firstSource}:${letter}${lastSource})`,
        n(statement.totalFinancing.byYear[i]),
      ),
    ),
    rowTotal(totalFinancing, statement.totalFinancing.total),
  ]);
  // The gap on its own line, apart from the statement so no reader takes it for a total of it.
  plan.cells.push([], []);
  const gap = plan.cells.length + 1;
  const totalExpenditure = expenditureTotal;
  plan.cells.push([
    'Gap (expenditure less financing)',
    null,
    null,
    ...letters.map((letter, i) =>
      formula(
        `=${letter}${expenditureTotal}-${letter}${totalFinancing}`,
        n(statement.gap.byYear[i]),
      ),
    ),
    rowTotal(gap, statement.gap.total),
  ]);
  const check = gap + 1;
  const fullyFinanced = statement.gap.byYear.every((value) => value.units === 0);
  // The check is text in the label column, so no reader takes it for a figure of a year.
  plan.cells.push([
    formula(
      `="Financing equals expenditure in every year: "&IF(SUMPRODUCT(ABS(${letters[0]}${gap}:${lastLetter}${gap}))<0.0005,"OK","Check")`,
      `Financing equals expenditure in every year: ${fullyFinanced ? 'OK' : 'Check'}`,
    ),
  ]);

  const money = numberFormatFor(input.unit, decimals);
  const moneyRow = () => years.map(() => money).concat(money);
  // Figure rows only: blank rows and headings between the blocks keep no format (as the other plans).
  for (let r = firstScheme - 1; r < gap; r++) {
    const cells = plan.cells[r];
    if (cells.slice(first).some((cell) => cell !== null && cell !== undefined))
      plan.formats.push({ top: r, left: first, formats: [moneyRow()] });
  }
  plan.bold.push(
    range(0, 0, 1, 1),
    range(expenditureHeader - 1, 0, 1, width),
    range(expenditureTotal - 1, 0, 1, width),
    range(fundingHeader - 1, 0, 1, width),
    range(sourcesHeader - 1, 0, 1, width),
    range(totalFinancing - 1, 0, 1, width),
    range(gap - 1, 0, 1, width),
  );
  plan.conditionalFormats.push({
    range: range(check - 1, 0, 1, 1),
    rules: [
      { text: ': OK', fill: '#D9EAD3' },
      { text: ': Check', fill: '#F4CCCC' },
    ],
  });
  plan.unlocked.push(range(firstFunding - 1, 0, Math.max(input.funding.length, 1), width - 1));
  plan.columnWidths.push({ column: 0, characters: 34 }, { column: 1, characters: 30 });
  plan.freezeRows = 0;

  const rows: FinancingPlan['rows'] = {
    firstScheme,
    expenditureTotal,
    firstFunding,
    firstSource,
    totalFinancing,
    totalExpenditure,
    gap,
    check,
  };
  let revenue: RevenueConsequenceYear[] = [];
  const borrowingRow = statement.sources.findIndex((source) => source.label === BORROWING_SOURCE);
  if (input.borrowing && borrowingRow >= 0) {
    const terms = input.borrowing;
    const borrowed = statement.sources[borrowingRow].byYear;
    const table = revenueConsequences(
      {
        borrowing: years.map((year, i) => ({ year, amount: borrowed[i] })),
        inUseYear: years[0],
        lifeYears: terms.lifeYears,
        method: terms.method,
        ratePercent: terms.ratePercent,
      },
      decimals,
    );
    if (table.ok && table.value.length > 0) {
      revenue = table.value;
      const sourceRow = firstSource + borrowingRow;
      plan.cells.push([]);
      const termsRow = plan.cells.length + 1;
      // The terms sit in column B, beside their labels, so no reader takes them for a year's figure.
      plan.cells.push(
        ['Financial consequences – revenue (Prudential borrowing)'],
        ['Asset life (years)', terms.lifeYears],
        ['MRP method (straight-line or annuity)', terms.method],
        ['Interest rate %', n(terms.ratePercent)],
      );
      const cells = {
        life: `$B$${termsRow + 1}`,
        method: `$B$${termsRow + 2}`,
        rate: `$B$${termsRow + 3}`,
      };
      // Years as columns, as councils print "Financial Consequences – Revenue": the years after
      // the spend, for as long as MRP is charged (its own row of year headings).
      const revenueLetters = revenue.map((_, r) => columnLetters(first + r));
      const lastRevenueLetter = revenueLetters[revenueLetters.length - 1];
      const header = plan.cells.length + 1;
      plan.cells.push([
        'Revenue consequences',
        null,
        null,
        ...revenue.map((entry) => formatFiscalYear(entry.year, startMonth)),
        'Total',
      ]);
      const mrpRow = header + 1;
      const interestRow = header + 2;
      const totalRow = header + 3;
      const debtRow = header + 4;
      const total = (row: number, result: Decimal) =>
        formula(`=SUM(${revenueLetters[0]}${row}:${lastRevenueLetter}${row})`, n(result));
      const sumOf = (pick: (entry: RevenueConsequenceYear) => Decimal) => sum(revenue.map(pick));
      plan.cells.push(
        [
          'Minimum revenue provision (MRP)',
          null,
          null,
          ...revenue.map((entry) => {
            const mrpParts = years
              .map((year, i) => ({ year, letter: letters[i] }))
              .filter(({ year }) => year < entry.year)
              .map(({ year, letter }) =>
                trancheMrp(`$${letter}$${sourceRow}`, entry.year - year, cells, decimals),
              );
            return formula(mrpParts.length ? `=${mrpParts.join('+')}` : '=0', n(entry.mrp));
          }),
          total(
            mrpRow,
            sumOf((entry) => entry.mrp),
          ),
        ],
        [
          'Interest',
          null,
          null,
          ...revenue.map((entry, r) =>
            formula(
              `=ROUND(${revenueLetters[r]}${debtRow}*${cells.rate}/100,${decimals})`,
              n(entry.interest),
            ),
          ),
          total(
            interestRow,
            sumOf((entry) => entry.interest),
          ),
        ],
        [
          'Total revenue cost',
          null,
          null,
          ...revenue.map((entry, r) =>
            formula(
              `=${revenueLetters[r]}${mrpRow}+${revenueLetters[r]}${interestRow}`,
              n(entry.total),
            ),
          ),
          total(
            totalRow,
            sumOf((entry) => entry.total),
          ),
        ],
        [
          'Debt outstanding at the start of the year',
          null,
          null,
          ...revenue.map((entry, r) => {
            const borrowedLastYear = years.indexOf(entry.year - 1);
            const borrowed =
              borrowedLastYear >= 0 ? `$${letters[borrowedLastYear]}$${sourceRow}` : '0';
            const text =
              r === 0
                ? `=${borrowed}`
                : `=${revenueLetters[r - 1]}${debtRow}-${revenueLetters[r - 1]}${mrpRow}${borrowedLastYear >= 0 ? `+${borrowed}` : ''}`;
            return formula(text, n(entry.openingDebt));
          }),
        ],
      );
      const firstRevenue = mrpRow;
      const revenueWidth = first + revenue.length + 1;
      plan.formats.push({
        top: mrpRow - 1,
        left: first,
        formats: [mrpRow, interestRow, totalRow, debtRow].map(() =>
          revenue.map(() => money).concat(money),
        ),
      });
      plan.bold.push(
        range(termsRow - 1, 0, 1, 1),
        range(header - 1, 0, 1, revenueWidth),
        range(totalRow - 1, 0, 1, revenueWidth),
      );
      plan.unlocked.push(range(termsRow, 1, 3, 1));
      plan.validations.push({
        range: range(termsRow + 1, 1, 1, 1),
        list: ['straight-line', 'annuity'],
      });
      rows.firstRevenue = firstRevenue;
    }
  }
  return { plan, statement, revenue, rows };
}

/**
 * The financing statement as councils publish it: expenditure, then "Financed by" one line per
 * source, total financing, and the gap between them, by year and in total.
 */
import type { FiscalYear } from '../calendar';
import { type Decimal, ZERO, add, subtract, sum } from '../money/decimal';
import type { SchemeFinancing } from './funding';
import { DEFAULT_FUNDING_SOURCES } from './sources';

/** A line of the statement: one figure per year and its total. */
export interface StatementLine {
  label: string;
  byYear: Decimal[];
  total: Decimal;
}

/** The financing statement of a programme. */
export interface FinancingStatement {
  years: FiscalYear[];
  expenditure: StatementLine;
  /** One line per source: the listed sources in order (even when nil), then any others. */
  sources: StatementLine[];
  totalFinancing: StatementLine;
  /** Expenditure - total financing: zero in every year when the programme is fully financed. */
  gap: StatementLine;
}

function line(label: string, byYear: Decimal[]): StatementLine {
  return { label, byYear, total: sum(byYear) };
}

/**
 * Adds the schemes' financing up into the statement, exactly. `years` defaults to every year any
 * scheme spends or is financed in; `sources` to the UK defaults (other sources found are added
 * after them).
 *
 * @example
 * const statement = financingStatement(financeProgramme(schemes, lines));
 * statement.gap.byYear.every(isZero); // true when every year is fully financed
 */
export function financingStatement(
  schemes: readonly SchemeFinancing[],
  options: { years?: readonly FiscalYear[]; sources?: readonly string[] } = {},
): FinancingStatement {
  const found = new Set<FiscalYear>();
  for (const scheme of schemes) for (const entry of scheme.years) found.add(entry.year);
  const years = options.years ? options.years.slice() : [...found].sort((a, b) => a - b);
  const column = new Map(years.map((year, i) => [year, i] as const));
  const listed = (options.sources ?? DEFAULT_FUNDING_SOURCES).slice();
  const totals = new Map<string, Decimal[]>(
    listed.map((source) => [source, years.map(() => ZERO)]),
  );
  const spend = years.map(() => ZERO);
  for (const scheme of schemes) {
    for (const entry of scheme.years) {
      const at = column.get(entry.year);
      if (at === undefined) continue;
      spend[at] = add(spend[at], entry.spend);
      for (const part of entry.bySource) {
        let row = totals.get(part.source);
        if (!row) {
          row = years.map(() => ZERO);
          totals.set(part.source, row);
        }
        row[at] = add(row[at], part.amount);
      }
    }
  }
  const sources = [...totals.entries()].map(([source, byYear]) => line(source, byYear));
  const financed = years.map((_, i) => sum(sources.map((source) => source.byYear[i])));
  return {
    years,
    expenditure: line('Total expenditure', spend),
    sources,
    totalFinancing: line('Total financing', financed),
    gap: line(
      'Gap (expenditure less financing)',
      years.map((_, i) => subtract(spend[i], financed[i])),
    ),
  };
}

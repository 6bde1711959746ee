/**
 * `funding-mismatch` and `funding-unallocated`: a scheme's or a year's financing must equal its
 * spend, and spend must have a source.
 */
import { formatFiscalYear } from '../calendar';
import { findingAt, type Finding } from '../findings';
import {
  type Decimal,
  ZERO,
  abs,
  compare,
  formatDecimal,
  isZero,
  subtract,
  sum,
} from '../money/decimal';
import { roundingAllowance, schemeLabel } from '../revisions/text';
import type { SourceCell } from '../revisions/types';
import type { FundingLine, SchemeFinancing } from './funding';

function places(figures: readonly Decimal[]): number {
  return figures.reduce((most, figure) => Math.max(most, figure.scale), 0);
}

/**
 * Checks each scheme's financing against its spend, exactly: a year whose spend has no source at
 * all is `funding-unallocated` (a warning: the programme is not yet financed); a year financed
 * more or less than its spend is `funding-mismatch` (an error). `lines` places findings at the
 * scheme's first funding cell; `cells` (ref -> cell) where a scheme has none.
 *
 * @example
 * checkSchemeFinancing(financeProgramme(schemes, lines));
 * // [{ rule: 'funding-mismatch', message: 'ICT-01 in 2020/21: financing 90.00 does not equal spend 100.00 ...' }]
 */
export function checkSchemeFinancing(
  schemes: readonly SchemeFinancing[],
  options: { lines?: readonly FundingLine[]; cells?: ReadonlyMap<string, SourceCell> } = {},
): Finding[] {
  const firstCell = new Map<string, SourceCell>();
  for (const line of options.lines ?? [])
    if (line.cell && !firstCell.has(line.ref)) firstCell.set(line.ref, line.cell);
  const findings: Finding[] = [];
  for (const scheme of schemes) {
    const where = firstCell.get(scheme.ref) ?? options.cells?.get(scheme.ref);
    const label = schemeLabel(scheme.ref, scheme.name);
    for (const year of scheme.years) {
      if (isZero(year.gap)) continue;
      const shown = places([year.spend, year.financed]);
      const yearLabel = formatFiscalYear(year.year);
      if (isZero(year.financed)) {
        findings.push(
          findingAt(
            'funding-unallocated',
            'warning',
            `${label} spends ${formatDecimal(year.spend, shown)} in ${yearLabel} with no funding source: add a Funding line (an amount, or a share of its spend)`,
            where,
            { expected: formatDecimal(year.spend, shown), actual: formatDecimal(ZERO, shown) },
          ),
        );
        continue;
      }
      const over = year.gap.units < 0;
      findings.push(
        findingAt(
          'funding-mismatch',
          'error',
          `${label} in ${yearLabel}: financing ${formatDecimal(year.financed, shown)} does not equal spend ${formatDecimal(year.spend, shown)} (${formatDecimal(abs(year.gap), shown)} ${over ? 'over-financed' : 'not financed'}): ${over ? 'reduce a source' : 'add a source or raise a share'} so they are equal`,
          where,
          {
            expected: formatDecimal(year.spend, shown),
            actual: formatDecimal(year.financed, shown),
          },
        ),
      );
    }
  }
  return findings;
}

/** A figure as shown on a sheet, and where. */
export interface ShownFigure {
  value: Decimal;
  cell?: SourceCell;
}

/** A financing statement as read from a sheet: one column per year (or the total column). */
export interface ShownStatement {
  /** Column labels, e.g. `2025/26` and `Total`. */
  columns: string[];
  expenditure: (ShownFigure | undefined)[];
  sources: { label: string; figures: (ShownFigure | undefined)[] }[];
  totalFinancing?: (ShownFigure | undefined)[];
}

/**
 * Checks a financing statement as shown, column by column, with the rounding rule when figures
 * are shown rounded to `decimals`: the sources must add up to the total financing shown (each
 * figure may be off by half a unit of the last place), and the total financing must equal the
 * expenditure (2 figures' worth). Without `decimals`, exact. Findings are `funding-mismatch` at
 * the total financing cell (or the expenditure cell when no total is shown).
 *
 * @example
 * checkFinancingStatement(shown, { decimals: 1 });
 * // [{ rule: 'funding-mismatch', cell: 'D14', message: 'Total financing 41.0 in 2026/27 does not match its sources (44.5) ...' }]
 */
export function checkFinancingStatement(
  statement: ShownStatement,
  options: { decimals?: number } = {},
): Finding[] {
  const findings: Finding[] = [];
  const exact = options.decimals === undefined;
  statement.columns.forEach((column, i) => {
    const parts = statement.sources
      .map((source) => source.figures[i])
      .filter((figure): figure is ShownFigure => figure !== undefined);
    const partsTotal = sum(parts.map((part) => part.value));
    const shownTotal = statement.totalFinancing?.[i];
    const expenditure = statement.expenditure[i];
    const shown =
      options.decimals ??
      places([
        partsTotal,
        ...(shownTotal ? [shownTotal.value] : []),
        ...(expenditure ? [expenditure.value] : []),
      ]);
    const financing = shownTotal ?? (parts.length > 0 ? { value: partsTotal } : undefined);
    if (shownTotal) {
      const allowed = exact
        ? ZERO
        : roundingAllowance(parts.length + 1, options.decimals as number);
      if (compare(abs(subtract(shownTotal.value, partsTotal)), allowed) > 0) {
        findings.push(
          findingAt(
            'funding-mismatch',
            'error',
            `Total financing ${formatDecimal(shownTotal.value, shown)} in ${column} does not match its sources (${formatDecimal(partsTotal, shown)}): ${formatDecimal(abs(subtract(shownTotal.value, partsTotal)), shown)} more than rounding can explain`,
            shownTotal.cell,
            {
              expected: formatDecimal(partsTotal, shown),
              actual: formatDecimal(shownTotal.value, shown),
            },
          ),
        );
      }
    }
    if (!expenditure) return;
    if (!financing) {
      if (!isZero(expenditure.value))
        findings.push(
          findingAt(
            'funding-unallocated',
            'warning',
            `Expenditure ${formatDecimal(expenditure.value, shown)} in ${column} has no financing shown: add the sources that pay for it`,
            expenditure.cell,
          ),
        );
      return;
    }
    const figures = shownTotal ? 2 : parts.length + 1;
    const allowed = exact ? ZERO : roundingAllowance(figures, options.decimals as number);
    const gap = subtract(expenditure.value, financing.value);
    if (compare(abs(gap), allowed) > 0) {
      findings.push(
        findingAt(
          'funding-mismatch',
          'error',
          `Financing ${formatDecimal(financing.value, shown)} in ${column} does not equal expenditure ${formatDecimal(expenditure.value, shown)}: a gap of ${formatDecimal(gap, shown)}, more than rounding can explain; the programme must be fully financed`,
          shownTotal?.cell ?? expenditure.cell,
          {
            expected: formatDecimal(expenditure.value, shown),
            actual: formatDecimal(financing.value, shown),
          },
        ),
      );
    }
  });
  return findings;
}

/**
 * How revision findings write figures and schemes, in one place so messages read alike.
 */
import {
  type Decimal,
  MAX_SCALE,
  decimal,
  formatDecimal,
  multiplyByInteger,
} from '../money/decimal';
import type { Finding } from '../findings';
import type { SourceCell } from './types';

/**
 * The most decimal places shown among `figures` (at least 0).
 *
 * @example
 * shownPlaces([fromNumber(3.1), fromNumber(0.875)]); // 3
 */
export function shownPlaces(figures: readonly Decimal[]): number {
  return figures.reduce((places, figure) => Math.max(places, figure.scale), 0);
}

/**
 * A change with its sign, as a bridge prints it.
 *
 * @example
 * signed(fromNumber(0.42), 3); // '+0.420'
 * signed(fromNumber(-0.15), 3); // '-0.150'
 */
export function signed(value: Decimal, places: number): string {
  const text = formatDecimal(value, places);
  return value.units > 0 ? `+${text}` : text;
}

/**
 * Rounding rule: k shown figures, each off by up to half a unit of the last of `places`.
 *
 * @example
 * roundingAllowance(5, 1); // 0.25
 */
export function roundingAllowance(figures: number, places: number): Decimal {
  return multiplyByInteger(decimal(5, Math.min(places, MAX_SCALE - 1) + 1), figures);
}

/**
 * A scheme as a finance officer knows it: its name and ref, or just its ref.
 *
 * @example
 * schemeLabel('CMS-01', 'Case management'); // 'Case management (CMS-01)'
 */
export function schemeLabel(ref: string, name?: string): string {
  const cleanName = name?.trim();
  return cleanName ? `${cleanName} (${ref})` : ref;
}

/**
 * A revision-mismatch finding placed at `source` when known.
 *
 * @example
 * revisionFinding('error', 'Virements do not net to zero ...', { sheet: 'Revisions', cell: 'E9' }, { expected: '0.00', actual: '-0.05' });
 */
export function revisionFinding(
  severity: Finding['severity'],
  message: string,
  source: SourceCell | undefined,
  figures: { expected?: string; actual?: string } = {},
): Finding {
  const finding: Finding = { rule: 'revision-mismatch', severity, message };
  if (source?.sheet !== undefined) finding.sheet = source.sheet;
  if (source?.cell !== undefined) finding.cell = source.cell;
  if (figures.expected !== undefined) finding.expected = figures.expected;
  if (figures.actual !== undefined) finding.actual = figures.actual;
  return finding;
}

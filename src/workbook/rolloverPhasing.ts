/**
 * After closing the year, a scheme's Phasing phrase and Profile must still give its Programme
 * amounts: the task pane's Phase writes every scheme's amounts from them, and with the old phrase
 * (`2016/17 Q1-4`, even) it would spread the budget back over the closed year and lose the
 * slippage carried into the next. This works out the phrase and profile that give the new
 * amounts exactly (the quarters that hold money, weighted by their amounts).
 */
import {
  formatPhasing,
  parseProfile,
  phaseAmount,
  sum,
  compare,
  roundTo,
  type Decimal,
  type FiscalQuarter,
  type Month,
  type PeriodColumn,
} from '../core';

/** A scheme's Phasing phrase and Profile, as the Programme holds them. */
export interface PhasingWords {
  phasing: string;
  profile: string;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Whether `words` spread the total of `amounts` over `columns` to exactly `amounts`. */
function gives(
  words: PhasingWords,
  amounts: readonly Decimal[],
  columns: readonly PeriodColumn[],
  decimals: number,
  startMonth: Month,
): boolean {
  const profile = parseProfile(words.profile);
  if (!profile.ok) return false;
  const phased = phaseAmount(sum(amounts), words.phasing, columns, {
    profile: profile.value,
    decimals,
    startMonth,
  });
  return (
    phased.ok &&
    !phased.value.unphased &&
    phased.value.amounts.every((amount, i) => compare(amount, amounts[i]) === 0)
  );
}

/**
 * The Phasing phrase and Profile that give `amounts` (one per quarter column) when the scheme's
 * present ones do not: the quarters holding money as the shortest phrase, and their amounts as
 * whole-number weights in lowest terms. Undefined when the present words already give them, or
 * when the amounts cannot be written so (year columns, a negative amount, nothing phased): those
 * are left as they are.
 *
 * @example
 * // CP-003 after closing 2016/17: 0.98 in each 2016/17 quarter and the 0.4 carried into 2017/18 Q1
 * rephrased(amounts, columns, { phasing: '2016/17 Q1-4', profile: 'even' }, 2);
 * // { phasing: '2016/17 Q1 - 2017/18 Q1', profile: '49, 49, 49, 49, 20' }
 */
export function rephrased(
  amounts: readonly Decimal[],
  columns: readonly PeriodColumn[],
  present: PhasingWords,
  decimals: number,
  startMonth: Month = 4,
): PhasingWords | undefined {
  if (gives(present, amounts, columns, decimals, startMonth)) return undefined;
  if (columns.some((column) => column.kind !== 'quarter')) return undefined;
  if (amounts.some((amount) => amount.units < 0)) return undefined;
  const held = columns.flatMap((column, i) =>
    column.kind === 'quarter' && amounts[i].units > 0 ? [i] : [],
  );
  if (held.length === 0) return undefined;
  const units = held.map((i) => roundTo(amounts[i], decimals).units);
  const divisor = units.reduce(gcd);
  const quarters = held.map((i): FiscalQuarter => {
    const column = columns[i] as Extract<PeriodColumn, { kind: 'quarter' }>;
    return { year: column.year, quarter: column.quarter };
  });
  const words: PhasingWords = {
    phasing: formatPhasing(quarters, startMonth),
    // One weight per quarter of the phrase, in order: the phrase's quarters are the ones held.
    profile: held.length === 1 ? 'even' : units.map((unit) => unit / divisor).join(', '),
  };
  return gives(words, amounts, columns, decimals, startMonth) ? words : undefined;
}

/**
 * Spreads an amount over period columns as a phasing phrase says, penny-exact.
 */
import {
  DEFAULT_START_MONTH,
  formatPeriodColumn,
  quarterIndex,
  quartersOfColumn,
  type FiscalQuarter,
  type Month,
  type PeriodColumn,
} from '../calendar';
import { DecimalRangeError } from '../errors';
import type { Parsed } from '../findings';
import { allocate } from '../money/allocate';
import { MAX_SCALE, type Decimal } from '../money/decimal';
import { formatPhasing } from './format';
import { parsePhasing } from './parse';
import { profileWeights } from './profile';
import type { Phasing, Profile } from './types';

/** Options for {@link phaseAmount}. */
export interface PhaseOptions {
  /** Spending profile; `even` when left out. */
  readonly profile?: Profile;
  /** Decimal places of the phased amounts (default 2, pennies for £). */
  readonly decimals?: number;
  /** Start month of the fiscal year, for reading the phrase; April when left out. */
  readonly startMonth?: Month;
}

/** An amount spread over period columns. */
export interface PhasedAmount {
  /** One amount per column, at `decimals` places, adding up exactly to the rounded amount. */
  readonly amounts: Decimal[];
  /** True when the phrase said "not phased" (`TBC`, blank): every amount is zero. */
  readonly unphased: boolean;
  /** The quarters the amount was spread over, in order (empty when unphased). */
  readonly quarters: readonly FiscalQuarter[];
}

/** Column lookup: quarter index -> column, built once per header row. */
interface ColumnIndex {
  readonly columnOf: Map<number, number>;
  readonly duplicate?: string;
}

const columnIndexes = new WeakMap<readonly PeriodColumn[], ColumnIndex>();

function indexColumns(columns: readonly PeriodColumn[], startMonth: Month): ColumnIndex {
  const known = columnIndexes.get(columns);
  if (known) return known;
  const columnOf = new Map<number, number>();
  let duplicate: string | undefined;
  columns.forEach((column, position) => {
    for (const index of quartersOfColumn(column)) {
      if (columnOf.has(index) && duplicate === undefined)
        duplicate = formatPeriodColumn(column, startMonth);
      if (!columnOf.has(index)) columnOf.set(index, position);
    }
  });
  const built = { columnOf, duplicate };
  columnIndexes.set(columns, built);
  return built;
}

function describeColumns(columns: readonly PeriodColumn[], startMonth: Month): string {
  const first = formatPeriodColumn(columns[0], startMonth);
  return columns.length === 1
    ? first
    : `${first} ... ${formatPeriodColumn(columns[columns.length - 1], startMonth)}`;
}

/**
 * Spreads `amount` over the quarters of `phasing` by the largest-remainder method and returns one
 * amount per column: onto quarter columns directly, onto year columns as the sum of
 * its quarters' amounts (a row may mix both), so annual and quarterly views of a scheme agree
 * exactly. The amounts add up exactly to `amount` rounded to `decimals`; odd units go to
 * the largest remainders, ties to the earliest column. Negative amounts
 * (reductions) mirror positive ones penny for penny. Not phased (`TBC`, blank) gives zeros and
 * `unphased: true`. A phrase, profile or column problem is a failure with a message; nothing throws.
 *
 * @example
 * const columns = [2016, 2017, 2018, 2019].map((year) => ({ kind: 'year', year }) as const);
 * phaseAmount(fromNumber(10), '2017-20', columns); // amounts 0.00, 3.36, 3.32, 3.32 (sums of quarters)
 * phaseAmount(fromNumber(1), '2021/22 Q1', columns);
 * // { ok: false, message: 'Phasing 2021/22 Q1 is outside the columns 2016/17 ... 2019/20: ...' }
 */
export function phaseAmount(
  amount: Decimal,
  phasing: string | Phasing,
  columns: readonly PeriodColumn[],
  options: PhaseOptions = {},
): Parsed<PhasedAmount> {
  const startMonth = options.startMonth ?? DEFAULT_START_MONTH;
  const decimals = options.decimals ?? 2;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_SCALE) {
    return {
      ok: false,
      message: `Cannot phase to ${String(decimals)} decimal places: give a whole number from 0 to ${MAX_SCALE}, e.g. 2 for pennies`,
    };
  }
  if (!Array.isArray(columns) || columns.length === 0) {
    return {
      ok: false,
      message:
        "No period columns to phase into: give a header row such as '2016/17 Q1' ... '2019/20 Q4'",
    };
  }
  const read =
    typeof phasing === 'string'
      ? parsePhasing(phasing, startMonth)
      : { ok: true as const, value: phasing };
  if (!read.ok) return read;
  const zeros = (): Decimal[] => columns.map(() => ({ units: 0, scale: decimals }));
  if (read.value.kind === 'not phased' || read.value.quarters.length === 0) {
    return { ok: true, value: { amounts: zeros(), unphased: true, quarters: [] } };
  }
  const { quarters } = read.value;
  const { columnOf, duplicate } = indexColumns(columns, startMonth);
  if (duplicate !== undefined) {
    return {
      ok: false,
      message: `The period column ${duplicate} repeats a quarter of an earlier column: give each quarter one column`,
    };
  }
  const targets: number[] = [];
  const outside: FiscalQuarter[] = [];
  for (const quarter of quarters) {
    const column = columnOf.get(quarterIndex(quarter));
    if (column === undefined) outside.push(quarter);
    else targets.push(column);
  }
  if (outside.length > 0) {
    return {
      ok: false,
      message: `Phasing ${formatPhasing(outside, startMonth)} is outside the columns ${describeColumns(columns, startMonth)}: add columns for it or correct the phasing`,
    };
  }
  const weights = profileWeights(options.profile ?? 'even', quarters.length);
  if (!weights.ok) return weights;
  let amounts: Decimal[];
  try {
    // Allocate quarter by quarter, then sum each column's quarters: a year column then always
    // equals the sum of the same scheme's quarterly phasing, penny for penny, so an annual
    // summary never disagrees with the quarterly sheet (issue 2). Still exact in total.
    const quarterAmounts = allocate(amount, weights.value, decimals);
    const columnUnits = new Array<number>(columns.length).fill(0);
    for (let i = 0; i < targets.length; i++) columnUnits[targets[i]] += quarterAmounts[i].units;
    amounts = columnUnits.map((units) => ({ units, scale: decimals }));
  } catch (error) {
    if (error instanceof DecimalRangeError) {
      return {
        ok: false,
        message: `Cannot phase this amount to ${decimals} decimal places: it is too large to hold exactly; use fewer decimal places or a larger unit such as £k`,
      };
    }
    throw error;
  }
  return { ok: true, value: { amounts, unphased: false, quarters } };
}

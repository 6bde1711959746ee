/**
 * The Programme sheet: one Excel table, fixed columns then one column per period, a totals row,
 * money formats, drop-downs and a frozen header. Revised budget is a native formula over the
 * Revisions log, so the bridge from approved to revised stays visible without the add-in.
 */
import {
  formatFiscalYear,
  numberFormatFor,
  quarterHeaders,
  type MoneyUnit,
  type Month,
  type Parsed,
} from '../core';
import {
  emptySheet,
  formula,
  range,
  setCell,
  type PlanCell,
  type PlanValue,
  type SheetPlan,
} from './plan';
import { columnLetters } from './address';
import { structuredColumn } from './names';

export const PROGRAMME_SHEET = 'Programme';
export const PROGRAMME_TABLE = 'Programme';

/** One column per fiscal quarter, or one per fiscal year. */
export type PeriodKind = 'quarter' | 'year';

/** The programme's named columns, in the finance officer's words. */
export type ProgrammeField =
  | 'ref'
  | 'status'
  | 'area'
  | 'scheme'
  | 'description'
  | 'impact'
  | 'approvedBudget'
  | 'revisedBudget'
  | 'phasing'
  | 'profile'
  | 'fundingSource'
  | 'budgetHolder';

/** The Programme's fixed columns, left to right, before one column per period. */
export const PROGRAMME_COLUMNS: readonly {
  field: ProgrammeField;
  header: string;
  money: boolean;
}[] = [
  { field: 'ref', header: 'Ref', money: false },
  { field: 'status', header: 'Status', money: false },
  { field: 'area', header: 'Area', money: false },
  { field: 'scheme', header: 'Scheme', money: false },
  { field: 'description', header: 'Description', money: false },
  { field: 'impact', header: 'Impact', money: false },
  { field: 'approvedBudget', header: 'Approved budget', money: true },
  { field: 'revisedBudget', header: 'Revised budget', money: true },
  { field: 'phasing', header: 'Phasing', money: false },
  { field: 'profile', header: 'Profile', money: false },
  { field: 'fundingSource', header: 'Funding source', money: false },
  { field: 'budgetHolder', header: 'Budget holder', money: false },
];

/**
 * 0-based column of a field in the Programme table.
 *
 * @example
 * programmeColumn('approvedBudget'); // 6 (column G)
 */
export function programmeColumn(field: ProgrammeField): number {
  return PROGRAMME_COLUMNS.findIndex((column) => column.field === field);
}

/**
 * Header of a field's column.
 *
 * @example
 * headerOf('budgetHolder'); // 'Budget holder'
 */
export function headerOf(field: ProgrammeField): string {
  return PROGRAMME_COLUMNS.find((column) => column.field === field)?.header ?? field;
}

export const STATUSES = [
  'Delivered or in progress',
  'Planned',
  'Future plans',
  'Completed',
  'On hold',
] as const;
export const PROFILES = ['even', 'front', 'back', 'scurve'] as const;

/** Revised budget = approved + every signed revision of the scheme: the bridge stays visible. */
export const REVISED_BUDGET_FORMULA =
  '=[@[Approved budget]]+SUMIFS(Revisions[Signed amount],Revisions[Ref],[@Ref])';

/** Excel's widest sheet is 16,384 columns; keep well inside it. */
export const MAX_PERIOD_COLUMNS = 400;

/**
 * Period headers for the chosen years.
 *
 * @example
 * periodHeaders(2016, 2017, 'year'); // { ok: true, value: ['2016/17', '2017/18'] }
 */
export function periodHeaders(
  firstYear: number,
  lastYear: number,
  periods: PeriodKind,
  startMonth: Month = 4,
): Parsed<string[]> {
  const quarters = quarterHeaders(firstYear, lastYear, startMonth);
  if (!quarters.ok) return quarters;
  const labels =
    periods === 'quarter'
      ? quarters.value
      : Array.from({ length: lastYear - firstYear + 1 }, (_, i) =>
          formatFiscalYear(firstYear + i, startMonth),
        );
  if (labels.length > MAX_PERIOD_COLUMNS) {
    return {
      ok: false,
      message: `${labels.length} period columns is too many for one sheet: choose at most ${MAX_PERIOD_COLUMNS / 4} years of quarters`,
    };
  }
  return { ok: true, value: labels };
}

/** One scheme row of the Programme: its fields as typed, and its amount in each period. */
export interface ProgrammeLine {
  /** Field values; a missing field is blank. Revised budget is always the formula. */
  fields: Partial<Record<Exclude<ProgrammeField, 'revisedBudget'>, PlanValue>>;
  /** What the Revised budget formula computes, when the engine knows it (files carry it). */
  revisedBudget?: number;
  /** One per period column; `null` or '' is blank. */
  periods: readonly PlanValue[];
}

/** What the Programme sheet is made from. */
export interface ProgrammeInput {
  /** Sheet name (`Programme`, or `Programme (2)` when taken). */
  sheet: string;
  periodHeaders: readonly string[];
  lines: readonly ProgrammeLine[];
  unit: MoneyUnit;
  decimals: number;
  /** Results of the totals row (files carry them); left out when unknown. */
  totals?: { approvedBudget: number; revisedBudget: number; periods: readonly number[] };
  /**
   * A "Phasing check" column outside the table (one blank column to its right): OK when a row's
   * periods add up to its revised budget. Outside the table so every column after Budget holder
   * still reads as a period. Results by line when known.
   */
  phasingCheck?: { results?: readonly ('OK' | 'Check' | 'Not phased')[] };
}

/** A line ready to type into: blank but for the Revised budget formula and an even profile. */
export function blankProgrammeLine(periodCount: number): ProgrammeLine {
  return { fields: { profile: 'even' }, periods: new Array<PlanValue>(periodCount).fill(null) };
}

/**
 * Number formats of one Programme row: Ref as text (so 007 stays 007), money columns and periods
 * in the programme's unit.
 *
 * @example
 * programmeRowFormats('£m', 1, 2)[6]; // '"£"#,##0.0"m";("£"#,##0.0"m")'
 */
export function programmeRowFormats(unit: MoneyUnit, decimals: number, periods: number): string[] {
  const money = numberFormatFor(unit, decimals);
  return [
    ...PROGRAMME_COLUMNS.map((c) => (c.money ? money : c.field === 'ref' ? '@' : 'General')),
    ...new Array<string>(periods).fill(money),
  ];
}

/**
 * Plans the Programme sheet: the table at A1 with a totals row, formats, drop-downs, frozen header.
 *
 * @example
 * const plan = planProgrammeSheet({ sheet: 'Programme', periodHeaders: ['2016/17'], lines: [blankProgrammeLine(1)], unit: '£m', decimals: 1 });
 * plan.tables[0].columns[7].formula; // REVISED_BUDGET_FORMULA
 */
export function planProgrammeSheet(input: ProgrammeInput): SheetPlan {
  const plan = emptySheet(input.sheet);
  const periods = input.periodHeaders.length;
  const header = [...PROGRAMME_COLUMNS.map((c) => c.header), ...input.periodHeaders];
  const width = header.length;
  const lines = input.lines.length > 0 ? input.lines : [blankProgrammeLine(periods)];
  const revisedAt = programmeColumn('revisedBudget');

  plan.cells.push(header);
  for (const line of lines) {
    const row: PlanCell[] = PROGRAMME_COLUMNS.map(({ field }) =>
      field === 'revisedBudget'
        ? formula(REVISED_BUDGET_FORMULA, line.revisedBudget)
        : blankToNull(line.fields[field]),
    );
    for (let p = 0; p < periods; p++) row.push(blankToNull(line.periods[p]));
    plan.cells.push(row);
  }

  const rowFormat = programmeRowFormats(input.unit, input.decimals, periods);
  // Body and totals row share the formats.
  plan.formats.push({ top: 1, left: 0, formats: [...lines, null].map(() => rowFormat) });

  const totalOf = (i: number): number | undefined =>
    i === programmeColumn('approvedBudget')
      ? input.totals?.approvedBudget
      : i === revisedAt
        ? input.totals?.revisedBudget
        : i >= PROGRAMME_COLUMNS.length
          ? input.totals?.periods[i - PROGRAMME_COLUMNS.length]
          : undefined;
  plan.tables.push({
    name: PROGRAMME_TABLE,
    top: 0,
    left: 0,
    rows: lines.length,
    totalsRow: true,
    style: 'TableStyleMedium2',
    columns: header.map((name, i) => {
      const isMoney = i >= PROGRAMME_COLUMNS.length || PROGRAMME_COLUMNS[i].money;
      return {
        name,
        ...(i === revisedAt ? { formula: REVISED_BUDGET_FORMULA } : {}),
        ...(i === 0
          ? { total: { label: 'Total' } }
          : isMoney
            ? { total: formula(`=SUBTOTAL(109,[${structuredColumn(name)}])`, totalOf(i)) }
            : {}),
      };
    }),
  });

  const body = (field: ProgrammeField) => range(1, programmeColumn(field), lines.length, 1);
  plan.validations.push(
    { range: body('status'), list: STATUSES },
    { range: body('profile'), list: PROFILES },
  );
  plan.bold.push(range(0, 0, 1, width));
  plan.freezeRows = 1;
  plan.columnWidths.push(
    { column: programmeColumn('scheme'), characters: 34 },
    { column: programmeColumn('impact'), characters: 40 },
  );

  if (input.phasingCheck) {
    const check = width + 1;
    const first = columnLetters(PROGRAMME_COLUMNS.length);
    const last = columnLetters(width - 1);
    const revised = columnLetters(revisedAt);
    setCell(plan, 0, check, 'Phasing check');
    plan.bold.push(range(0, check, 1, 1));
    lines.forEach((_, i) => {
      const r = i + 2;
      const phased = `SUM(${first}${r}:${last}${r})`;
      setCell(
        plan,
        i + 1,
        check,
        formula(
          `=IF(${phased}=0,"Not phased",IF(ABS(${phased}-${revised}${r})<0.0005,"OK","Check"))`,
          input.phasingCheck?.results?.[i],
        ),
      );
    });
  }
  return plan;
}

function blankToNull(value: PlanValue | undefined): PlanValue {
  return value === undefined || value === '' ? null : value;
}

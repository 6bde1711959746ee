/**
 * Writes a programme brought in from a printed table (core `readPrintedProgramme`) as the task
 * pane's Set up builds one: a `Programme` table with the Programme columns and one column per
 * quarter, each scheme's budget phased evenly over the quarters its phrase names, a totals row,
 * drop-downs and a frozen header, plus the empty `Revisions` log its Revised budget formula reads.
 * Every layout and formula comes from the pure sheet plans in src/workbook, so the file matches
 * what the pane builds cell for cell.
 */
import ExcelJS from 'exceljs';
import {
  normalise,
  phaseAmount,
  quarterFromIndex,
  quarterIndex,
  readPeriodHeaders,
  sum,
  toNumber,
  ZERO,
  type Decimal,
  type MoneyUnit,
  type Month,
  type Parsed,
  type PrintedProgramme,
} from '../core';
import {
  DEFAULT_SETTINGS,
  PROGRAMME_SHEET,
  REVISIONS_SHEET,
  periodHeaders,
  planProgrammeSheet,
  planRevisionsSheet,
  planSettingsSheet,
  type ProgrammeField,
  type ProgrammeLine,
  type SheetPlan,
} from '../workbook';
import { addSheetPlan } from './writePlan';

/** One Programme row: the scheme's fields and its phased amounts. */
export interface ImportedRow {
  ref: string;
  fields: Partial<Record<ProgrammeField, string>>;
  /** The budget, or the amount as printed when it could not be read (kept for Check to report). */
  approved: Decimal | string | undefined;
  /** One amount per quarter column (zeros when not phased). */
  phased: Decimal[];
  unphased: boolean;
}

/** What the writer writes, worked out before any cell is. */
export interface ImportedProgrammePlan {
  unit: MoneyUnit;
  decimals: number;
  quarterLabels: string[];
  rows: ImportedRow[];
}

/** Most decimal places the budgets are phased to. */
const MAX_DECIMALS = 2;

/**
 * Plans the Programme for what was read: Refs CP-001..., quarter columns over the years the
 * phrases name, each budget phased evenly (penny-exact) over its quarters.
 *
 * @example
 * const plan = planImportedProgramme(readPrintedProgramme(grid)!);
 * if (plan.ok) plan.value.quarterLabels; // ['2016/17 Q1', ..., '2019/20 Q4']
 */
export function planImportedProgramme(
  read: PrintedProgramme,
  startMonth: Month = 4,
): Parsed<ImportedProgrammePlan> {
  const unit: MoneyUnit = read.unit ?? '£m';
  let decimals = unit === '£' ? 2 : unit === '£m' ? 1 : 0;
  for (const scheme of read.schemes)
    if (scheme.amount) decimals = Math.max(decimals, normalise(scheme.amount).scale);
  decimals = Math.min(decimals, MAX_DECIMALS);
  let first = Infinity;
  let last = -Infinity;
  const spans = [
    ...read.columns.flatMap((column) => column.quarters ?? []),
    ...read.schemes.flatMap((s) =>
      s.phasing.kind === 'phased' ? s.phasing.quarters.map(quarterIndex) : [],
    ),
  ];
  for (const index of spans) {
    first = Math.min(first, quarterFromIndex(index).year);
    last = Math.max(last, quarterFromIndex(index).year);
  }
  if (!Number.isFinite(first))
    return {
      ok: false,
      message:
        "the table has no period columns and no phasing that says which years: add a 'Phase' column (e.g. '2016/17 Q1') or columns headed by year (e.g. '2016/17') with quarters marked under them",
    };
  const labels = periodHeaders(first, last, 'quarter', startMonth);
  if (!labels.ok) return labels;
  const columns = readPeriodHeaders(labels.value, startMonth);
  if (!columns.ok) return columns;

  const rows: ImportedRow[] = read.schemes.map((scheme, i) => {
    const budget = scheme.amount;
    const phased =
      budget && scheme.phrase !== ''
        ? phaseAmount(budget, scheme.phrase, columns.value, { decimals, startMonth })
        : undefined;
    const fields: Partial<Record<ProgrammeField, string>> = {
      status: scheme.status,
      scheme: scheme.name,
      description: scheme.description,
      impact: [scheme.impact, ...Object.values(scheme.otherText)].filter((t) => t).join('; '),
      phasing: scheme.phrase,
      profile: 'even',
    };
    return {
      ref: scheme.ref || `CP-${String(i + 1).padStart(3, '0')}`,
      fields,
      approved: budget ?? scheme.amountText,
      phased: phased?.ok ? phased.value.amounts : labels.value.map(() => ZERO),
      unphased: !phased?.ok || phased.value.unphased,
    };
  });
  return { ok: true, value: { unit, decimals, quarterLabels: labels.value, rows } };
}

/**
 * The sheets of the brought-in programme, as the task pane's Set up plans them (src/workbook):
 * Programme, the empty Revisions log its Revised budget formula reads, and the settings sheet,
 * so the unit and decimals travel with the workbook.
 *
 * @example
 * planImportedSheets(plan.value).map((sheet) => sheet.name); // ['Programme', 'Revisions', '_CapitalPlannerSettings']
 */
export function planImportedSheets(plan: ImportedProgrammePlan): SheetPlan[] {
  const approvedOf = (row: ImportedRow): Decimal | undefined =>
    typeof row.approved === 'object' ? row.approved : undefined;
  const total = (amounts: (Decimal | undefined)[]): number =>
    toNumber(sum(amounts.map((amount) => amount ?? ZERO)));
  const approvedTotal = total(plan.rows.map(approvedOf));
  const lines: ProgrammeLine[] = plan.rows.map((row) => {
    const approved = approvedOf(row);
    return {
      fields: {
        ...row.fields,
        ref: row.ref,
        // The amount as printed stays visible when it could not be read, for Check to report.
        approvedBudget: approved
          ? toNumber(approved)
          : typeof row.approved === 'string'
            ? row.approved
            : null,
      },
      revisedBudget: approved ? toNumber(approved) : 0,
      // A quarter with nothing phased stays blank, as a finance officer leaves it.
      periods: row.phased.map((amount) => (amount.units === 0 ? null : toNumber(amount))),
    };
  });
  return [
    planProgrammeSheet({
      sheet: PROGRAMME_SHEET,
      periodHeaders: plan.quarterLabels,
      lines,
      unit: plan.unit,
      decimals: plan.decimals,
      totals: {
        approvedBudget: approvedTotal,
        revisedBudget: approvedTotal,
        periods: plan.quarterLabels.map((_, q) => total(plan.rows.map((row) => row.phased[q]))),
      },
    }),
    planRevisionsSheet({
      sheet: REVISIONS_SHEET,
      lines: [],
      unit: plan.unit,
      decimals: plan.decimals,
    }),
    planSettingsSheet({ ...DEFAULT_SETTINGS, unit: plan.unit, decimals: plan.decimals }),
  ];
}

/**
 * Builds the workbook: Programme, Revisions and settings, as the task pane's Set up lays them out.
 *
 * @example
 * const plan = planImportedProgramme(read);
 * if (plan.ok) await buildImportedWorkbook(plan.value).xlsx.writeFile('programme.xlsx');
 */
export function buildImportedWorkbook(plan: ImportedProgrammePlan): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Capital Planner';
  workbook.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of planImportedSheets(plan)) addSheetPlan(workbook, sheet);
  return workbook;
}

/**
 * Writes a programme brought in from a printed table (core `readPrintedProgramme`) as the task
 * pane's Set up builds one: a `Programme` table with the Programme columns and one column per
 * quarter, each scheme's budget phased evenly over the quarters its phrase names, a totals row,
 * drop-downs and a frozen header, plus the empty `Revisions` log its Revised budget formula reads.
 * Layout constants come from src/excel/programmeLayout (as the demo writer's do) until the pure
 * workbook plans of issue 10 take them over.
 */
import ExcelJS from 'exceljs';
import { quarterFromIndex, quarterIndex, readPeriodHeaders, type Month } from '../core/calendar';
import type { Parsed } from '../core/findings';
import type { PrintedProgramme } from '../core/import';
import {
  normalise,
  numberFormatFor,
  toNumber,
  ZERO,
  type Decimal,
  type MoneyUnit,
} from '../core/money';
import { phaseAmount } from '../core/phasing';
import {
  PROFILES,
  PROGRAMME_COLUMNS,
  PROGRAMME_TABLE,
  REVISED_BUDGET_FORMULA,
  REVISION_COLUMNS,
  REVISIONS_TABLE,
  SIGNED_AMOUNT_FORMULA,
  STATUSES,
  periodHeaders,
} from '../excel/programmeLayout';
import type { ProgrammeField } from '../excel/types';
import { fileFormula } from './demo/writeDemo';

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

function formula(text: string, result: number | string): ExcelJS.CellFormulaValue {
  return { formula: text, result, date1904: false };
}

/**
 * Builds the workbook: Programme and Revisions, as the task pane's Set up lays them out.
 *
 * @example
 * const plan = planImportedProgramme(read);
 * if (plan.ok) await buildImportedWorkbook(plan.value).xlsx.writeFile('programme.xlsx');
 */
export function buildImportedWorkbook(plan: ImportedProgrammePlan): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Capital Planner';
  workbook.calcProperties = { fullCalcOnLoad: true };
  const sheet = workbook.addWorksheet('Programme');
  const money = numberFormatFor(plan.unit, plan.decimals);
  const revisedFormula = fileFormula(REVISED_BUDGET_FORMULA, PROGRAMME_TABLE);
  const periodCount = plan.quarterLabels.length;
  const sums = (column: (row: ImportedRow) => Decimal | undefined): number =>
    plan.rows.reduce((total, row) => total + toNumber(column(row) ?? ZERO), 0);
  const approvedOf = (row: ImportedRow): Decimal | undefined =>
    typeof row.approved === 'object' ? row.approved : undefined;
  const sumColumn = (name: string, total: number): ExcelJS.TableColumnProperties =>
    ({
      name,
      totalsRowFunction: 'custom',
      totalsRowFormula: `SUBTOTAL(109,${PROGRAMME_TABLE}[${name}])`,
      totalsRowResult: Number(total.toFixed(plan.decimals)),
    }) as ExcelJS.TableColumnProperties;

  sheet.addTable({
    name: PROGRAMME_TABLE,
    ref: 'A1',
    headerRow: true,
    totalsRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [
      ...PROGRAMME_COLUMNS.map((column, i) => {
        if (column.money) return sumColumn(column.header, sums(approvedOf));
        return i === 0 ? { name: column.header, totalsRowLabel: 'Total' } : { name: column.header };
      }),
      ...plan.quarterLabels.map((label, q) =>
        sumColumn(
          label,
          sums((row) => row.phased[q]),
        ),
      ),
    ],
    rows: plan.rows.map((row) => {
      const approved = approvedOf(row);
      return [
        ...PROGRAMME_COLUMNS.map(({ field }): ExcelJS.CellValue => {
          if (field === 'ref') return row.ref;
          if (field === 'approvedBudget')
            return approved
              ? toNumber(approved)
              : typeof row.approved === 'string'
                ? row.approved
                : null;
          if (field === 'revisedBudget')
            return formula(revisedFormula, approved ? toNumber(approved) : 0);
          return row.fields[field] ?? '';
        }),
        // A quarter with nothing phased stays blank, as a finance officer leaves it.
        ...row.phased.map((amount) => (amount.units === 0 ? null : toNumber(amount))),
      ];
    }),
  });
  const formats = PROGRAMME_COLUMNS.map((c) =>
    c.money ? money : c.field === 'ref' ? '@' : undefined,
  );
  const status = PROGRAMME_COLUMNS.findIndex((c) => c.field === 'status') + 1;
  const profile = PROGRAMME_COLUMNS.findIndex((c) => c.field === 'profile') + 1;
  for (let r = 2; r <= plan.rows.length + 2; r++) {
    formats.forEach((format, i) => {
      if (format) sheet.getCell(r, i + 1).numFmt = format;
    });
    for (let c = 1; c <= periodCount; c++)
      sheet.getCell(r, PROGRAMME_COLUMNS.length + c).numFmt = money;
    if (r === plan.rows.length + 2) continue;
    sheet.getCell(r, status).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${STATUSES.join(',')}"`],
    };
    sheet.getCell(r, profile).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${PROFILES.join(',')}"`],
    };
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.getColumn(PROGRAMME_COLUMNS.findIndex((c) => c.field === 'scheme') + 1).width = 34;

  const log = workbook.addWorksheet('Revisions');
  log.addTable({
    name: REVISIONS_TABLE,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: REVISION_COLUMNS.map((name) => ({ name })),
    rows: [
      [
        '',
        null,
        '',
        null,
        formula(fileFormula(SIGNED_AMOUNT_FORMULA, REVISIONS_TABLE), 0),
        '',
        '',
        '',
      ],
    ],
  });
  log.getCell(2, 1).numFmt = '@';
  log.getCell(2, 2).numFmt = 'yyyy-mm-dd';
  log.getCell(2, 4).numFmt = money;
  log.getCell(2, 5).numFmt = money;
  log.getCell(2, 3).dataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: ['"addition,reduction,virement,re-profile"'],
  };
  log.views = [{ state: 'frozen', ySplit: 1 }];
  return workbook;
}

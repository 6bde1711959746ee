/**
 * Closing the year on a workbook file: reads what the rollover plan needs from the task pane's
 * sheets (Programme, In-year monitoring, Revisions) and applies the plan (src/workbook/rollover.ts)
 * to a loaded copy. The file itself is never touched here: the CLI writes the copy elsewhere.
 */
import type ExcelJS from 'exceljs';
import { financingInputOf, readFinancingSheet } from './financingSheet';
import { refreshResults } from './consolidate/refreshResults';
import { addSheetPlan } from './writePlan';
import {
  formatFiscalYear,
  isTotalLabel,
  parseFiscalYear,
  readPeriodHeaders,
  toNumber,
  tryFromNumber,
  ZERO,
  type Decimal,
  type FiscalPeriod,
  type Month,
  type Parsed,
} from '../core';
import {
  FINANCING_SHEET,
  IN_YEAR_HEADER_ROW,
  IN_YEAR_SHEET,
  PROGRAMME_COLUMNS,
  PROGRAMME_SHEET,
  REVISIONS_SHEET,
  REVISIONS_TABLE,
  REVISION_COLUMNS,
  REVISION_COLUMNS_BEFORE_YEARS,
  SETTINGS_SHEET,
  parseSettings,
  planFinancingSheet,
  type PlannerSettings,
  programmeColumn,
  revisionRow,
  type RolloverInput,
  type RolloverPlan,
} from '../workbook';

const FORMULA_TYPE = 6;

function valueOf(cell: ExcelJS.Cell): unknown {
  return cell.type === FORMULA_TYPE ? cell.result : cell.value;
}

function money(cell: ExcelJS.Cell): Decimal | undefined {
  const value = valueOf(cell);
  if (value === null || value === undefined || value === '')
    return cell.type === FORMULA_TYPE ? tryFromNumber(0) : undefined;
  return typeof value === 'number' ? tryFromNumber(value) : undefined;
}

function text(cell: ExcelJS.Cell): string {
  const value = valueOf(cell);
  return value === null || value === undefined ? '' : String(value).trim();
}

/** The workbook's settings (unit, decimals, start month), defaults when it has no settings sheet. */
function settingsOf(workbook: ExcelJS.Workbook): PlannerSettings {
  const sheet = workbook.getWorksheet(SETTINGS_SHEET);
  if (!sheet) return parseSettings(undefined);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return parseSettings(rows);
}

/** Where the Programme's figures are, for applying the plan. */
export interface ProgrammeLayout {
  firstPeriodColumn: number;
  periodCount: number;
  /** Rows of the schemes being closed, by Ref. */
  rows: Map<string, number>;
  /** Rows of every scheme, closed or not (a scheme not phased yet is left as it is). */
  allRows: Map<string, number>;
}

/**
 * Reads the rollover plan's input from a workbook the task pane (or `demo`) built: each scheme's
 * Programme columns, and its outturn and all-years forecast from the In-year monitoring sheet.
 * A missing sheet or an unreadable figure is a message naming the sheet and cell.
 *
 * @example
 * const read = readRolloverInput(workbook);
 * if (read.ok) planRollover(read.value.input);
 */
export function readRolloverInput(
  workbook: ExcelJS.Workbook,
): Parsed<{ input: RolloverInput; layout: ProgrammeLayout }> {
  const missing = [PROGRAMME_SHEET, IN_YEAR_SHEET, REVISIONS_SHEET].filter(
    (name) => !workbook.getWorksheet(name),
  );
  if (missing.length > 0)
    return {
      ok: false,
      message: `has no ${missing.map((name) => `'${name}'`).join(' or ')} sheet: closing the year needs the Programme, the Revisions log and the In-year monitoring at period 12 (build them with the add-in's Set up and Monitor, or start from 'capital-planner demo')`,
    };
  const programme = workbook.getWorksheet(PROGRAMME_SHEET) as ExcelJS.Worksheet;
  const inYear = workbook.getWorksheet(IN_YEAR_SHEET) as ExcelJS.Worksheet;

  const settings = settingsOf(workbook);
  // parseSettings keeps the start month within 1-12.
  const startMonth = settings.fiscalYearStartMonth as Month;
  const yearCell = inYear.getCell('E3');
  const year = parseFiscalYear(text(yearCell), startMonth);
  const period = valueOf(inYear.getCell('D3'));
  if (
    !year.ok ||
    typeof period !== 'number' ||
    !Number.isInteger(period) ||
    period < 1 ||
    period > 12
  )
    return {
      ok: false,
      message: `has '${IN_YEAR_SHEET}'!D3:E3 that should give the period and year being monitored (e.g. 12 and 2016/17): ${year.ok ? `D3 holds '${String(period)}'` : year.message}`,
    };

  const closing = `Outturn ${formatFiscalYear(year.value)}`;
  const revisions = workbook.getWorksheet(REVISIONS_SHEET) as ExcelJS.Worksheet;
  for (let r = 2; text(revisions.getCell(r, 1)) !== ''; r++)
    if (text(revisions.getCell(r, 7)) === closing)
      return {
        ok: false,
        message: `has a Revisions line with reference '${closing}' at row ${r}: ${formatFiscalYear(year.value)} was closed already`,
      };
  const firstPeriodColumn = PROGRAMME_COLUMNS.length + 1;
  const headers: string[] = [];
  for (let c = firstPeriodColumn; text(programme.getCell(1, c)) !== ''; c++)
    headers.push(text(programme.getCell(1, c)));
  const columns = readPeriodHeaders(headers, startMonth);
  if (!columns.ok)
    return { ok: false, message: `has '${PROGRAMME_SHEET}' row 1 unreadable: ${columns.message}` };

  const outturns = new Map<string, { outturn: Decimal; allYears?: Decimal }>();
  for (let r = IN_YEAR_HEADER_ROW + 1; text(inYear.getCell(r, 1)) !== ''; r++) {
    const ref = text(inYear.getCell(r, 1));
    const outturn = money(inYear.getCell(r, 7));
    if (outturn === undefined)
      return {
        ok: false,
        message: `has '${IN_YEAR_SHEET}'!G${r}: the actual to date of ${ref} is not a figure: bring in the year's actuals first`,
      };
    const allYears = money(inYear.getCell(r, 13));
    outturns.set(ref, allYears ? { outturn, allYears } : { outturn });
  }

  const refColumn = programmeColumn('ref') + 1;
  const nameColumn = programmeColumn('scheme') + 1;
  const rows = new Map<string, number>();
  const allRows = new Map<string, number>();
  const schemes: RolloverInput['schemes'][number][] = [];
  for (let r = 2; text(programme.getCell(r, refColumn)) !== ''; r++) {
    const ref = text(programme.getCell(r, refColumn));
    // The table's totals row ends the schemes.
    if (isTotalLabel(ref)) break;
    const periods: Decimal[] = [];
    for (let i = 0; i < headers.length; i++) {
      const cell = programme.getCell(r, firstPeriodColumn + i);
      const amount = money(cell) ?? (valueOf(cell) === null ? tryFromNumber(0) : undefined);
      if (amount === undefined)
        return {
          ok: false,
          message: `has '${PROGRAMME_SHEET}'!${cell.address} that is not a figure: correct it before closing the year`,
        };
      periods.push(amount);
    }
    allRows.set(ref, r);
    const seen = outturns.get(ref);
    // A scheme not phased yet (TBC) and with no spend has nothing to close.
    if (periods.every((amount) => amount.units === 0) && !seen?.outturn.units) continue;
    rows.set(ref, r);
    const scheme: RolloverInput['schemes'][number] = {
      ref,
      name: text(programme.getCell(r, nameColumn)),
      periods,
      outturn: seen?.outturn ?? ZERO,
    };
    if (seen?.allYears) scheme.allYearsForecast = seen.allYears;
    schemes.push(scheme);
  }
  return {
    ok: true,
    value: {
      input: {
        at: { year: year.value, period: period as FiscalPeriod },
        columns: columns.value,
        schemes,
        decimals: settings.decimals,
        startMonth,
      },
      layout: { firstPeriodColumn, periodCount: headers.length, rows, allRows },
    },
  };
}

/** The signed change of a Revisions row, as its `Signed amount` formula computes it. */
function signedAmount(kind: string, amount: number): number {
  if (kind === 'reduction') return -Math.abs(amount);
  return kind === 're-profile' ? 0 : amount;
}

function setResult(cell: ExcelJS.Cell, result: number | string): void {
  cell.value = { formula: cell.formula, result } as ExcelJS.CellFormulaValue;
}

/** Appends the plan's lines to the Revisions table, extending the table over them. */
function appendRevisions(workbook: ExcelJS.Workbook, plan: RolloverPlan): void {
  const revisions = workbook.getWorksheet(REVISIONS_SHEET) as ExcelJS.Worksheet;
  let next = 2;
  while (text(revisions.getCell(next, 1)) !== '') next++;
  const signedFormula =
    next > 2 && revisions.getCell(next - 1, 5).type === FORMULA_TYPE
      ? revisions.getCell(next - 1, 5).formula
      : undefined;
  // An older log (before From year and To year) takes its own columns only.
  let width = 0;
  while (text(revisions.getCell(1, width + 1)) !== '') width++;
  width = Math.min(Math.max(width, REVISION_COLUMNS_BEFORE_YEARS), REVISION_COLUMNS.length);
  for (const line of plan.revisionLines) {
    revisionRow(line)
      .slice(0, width)
      .forEach((cell, c) => {
        const target = revisions.getCell(next, c + 1);
        if (cell && typeof cell === 'object' && 'formula' in cell)
          target.value = {
            formula: signedFormula ?? cell.formula.replace(/^=/, ''),
            result: signedAmount(line.kind, line.amount),
          } as ExcelJS.CellFormulaValue;
        else if (cell && typeof cell === 'object' && 'date' in cell)
          target.value = new Date(Date.UTC(cell.date.year, cell.date.month - 1, cell.date.day));
        else target.value = cell as ExcelJS.CellValue;
        if (next > 2) target.style = revisions.getCell(next - 1, c + 1).style;
      });
    next++;
  }
  const table = revisions.getTable(REVISIONS_TABLE) as unknown as
    { table?: { tableRef?: string; autoFilterRef?: string } } | undefined;
  if (table?.table) {
    const ref = `A1:${String.fromCharCode(64 + width)}${Math.max(2, next - 1)}`;
    table.table.tableRef = ref;
    table.table.autoFilterRef = ref;
  }
}

/** Every scheme's revised budget change: the signed amounts of its Revisions lines. */
function signedByRef(workbook: ExcelJS.Workbook): Map<string, number> {
  const revisions = workbook.getWorksheet(REVISIONS_SHEET) as ExcelJS.Worksheet;
  const signed = new Map<string, number>();
  for (let r = 2; text(revisions.getCell(r, 1)) !== ''; r++) {
    const amount = valueOf(revisions.getCell(r, 4));
    if (typeof amount !== 'number') continue;
    const ref = text(revisions.getCell(r, 1));
    signed.set(ref, (signed.get(ref) ?? 0) + signedAmount(text(revisions.getCell(r, 3)), amount));
  }
  return signed;
}

const round = (value: number, decimals: number) =>
  Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * The Programme's formulas worked out again after its phasing and the log changed: each revised
 * budget (approved + the scheme's signed revisions), the totals row (SUBTOTAL of each column) and
 * the phasing check; any other formula loses its cached result.
 */
function refreshProgramme(workbook: ExcelJS.Workbook, layout: ProgrammeLayout, decimals: number) {
  const programme = workbook.getWorksheet(PROGRAMME_SHEET) as ExcelJS.Worksheet;
  const signed = signedByRef(workbook);
  const approvedColumn = programmeColumn('approvedBudget') + 1;
  const revisedColumn = programmeColumn('revisedBudget') + 1;
  const refColumn = programmeColumn('ref') + 1;
  let totalRow = 2;
  while (
    text(programme.getCell(totalRow, refColumn)) !== '' &&
    !isTotalLabel(text(programme.getCell(totalRow, refColumn)))
  )
    totalRow++;
  const width = layout.firstPeriodColumn + layout.periodCount - 1;
  const numberAt = (r: number, c: number) => {
    const value = valueOf(programme.getCell(r, c));
    return typeof value === 'number' ? value : 0;
  };
  for (let r = 2; r < totalRow; r++) {
    const revised = programme.getCell(r, revisedColumn);
    const ref = text(programme.getCell(r, refColumn));
    if (revised.type === FORMULA_TYPE)
      setResult(revised, round(numberAt(r, approvedColumn) + (signed.get(ref) ?? 0), decimals + 2));
  }
  programme.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (cell.type !== FORMULA_TYPE || (c === revisedColumn && r < totalRow)) return;
      if (r === totalRow && /^SUBTOTAL\(109,/i.test(cell.formula)) {
        let total = 0;
        for (let k = 2; k < totalRow; k++) total += numberAt(k, c);
        setResult(cell, round(total, decimals + 2));
      } else if (c > width && r < totalRow && /"Not phased"/.test(cell.formula)) {
        let phased = 0;
        for (let k = layout.firstPeriodColumn; k <= width; k++) phased += numberAt(r, k);
        const revised = numberAt(r, revisedColumn);
        setResult(
          cell,
          phased === 0 ? 'Not phased' : Math.abs(phased - revised) < 0.0005 ? 'OK' : 'Check',
        );
      } else cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
    }),
  );
}

/** Plans the Financing sheet again over the Programme's new phasing and puts it in the old one's place. */
function refreshFinancing(
  workbook: ExcelJS.Workbook,
  input: RolloverInput,
  layout: ProgrammeLayout,
) {
  const old = workbook.getWorksheet(FINANCING_SHEET);
  if (!old) return;
  const contents = readFinancingSheet(old);
  if (!contents.ok) return;
  const programme = workbook.getWorksheet(PROGRAMME_SHEET) as ExcelJS.Worksheet;
  const settings = settingsOf(workbook);
  const spendOf = (ref: string): Decimal[] => {
    const row = layout.rows.get(ref) ?? layout.allRows.get(ref);
    return contents.value.years.map((year) => {
      let total = 0;
      input.columns.forEach((column, i) => {
        if (column.year !== year || row === undefined) return;
        const value = valueOf(programme.getCell(row, layout.firstPeriodColumn + i));
        if (typeof value === 'number') total += value;
      });
      return tryFromNumber(round(total, input.decimals)) ?? ZERO;
    });
  };
  const planned = planFinancingSheet(
    financingInputOf(contents.value, spendOf, settings.unit, settings.decimals),
  );
  const orderNo = (old as unknown as { orderNo: number }).orderNo;
  workbook.removeWorksheet(old.id);
  const sheet = addSheetPlan(workbook, planned.plan);
  (sheet as unknown as { orderNo: number }).orderNo = orderNo;
}

const PROGRAMME_LOOKUP =
  /^IFERROR\(INDEX\(Programme\[Revised budget\],MATCH\(\$A(\d+),Programme\[Ref\],0\)\),0\)$/;
const AGREES_WITH_PROGRAMME =
  /^IF\(ABS\((\$?[A-Z]{1,3}\$?\d+)-SUBTOTAL\(109,Programme\[Revised budget\]\)\)<0\.0005,"OK","Check"\)$/;
const READS_PROGRAMME = /Programme\[|Revisions\[|'?Programme'?!|'?Revisions'?!/;

/**
 * Other sheets' formulas that read the Programme or the log: the Monitoring sheet's budgets (a
 * look-up of each revised budget) are worked out again with its variances, flags and totals;
 * any other such formula loses its cached result (Excel recalculates on open).
 */
function refreshReaders(workbook: ExcelJS.Workbook): void {
  const programme = workbook.getWorksheet(PROGRAMME_SHEET) as ExcelJS.Worksheet;
  const refColumn = programmeColumn('ref') + 1;
  const revisedColumn = programmeColumn('revisedBudget') + 1;
  const revised = new Map<string, unknown>();
  for (let r = 2; text(programme.getCell(r, refColumn)) !== ''; r++)
    revised.set(
      text(programme.getCell(r, refColumn)),
      valueOf(programme.getCell(r, revisedColumn)),
    );
  let programmeRevisedTotal = 0;
  for (const [ref, value] of revised)
    if (typeof value === 'number' && !isTotalLabel(ref)) programmeRevisedTotal += value;
  workbook.eachSheet((sheet) => {
    if ([PROGRAMME_SHEET, REVISIONS_SHEET, FINANCING_SHEET].includes(sheet.name)) return;
    let looksUp = false;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== FORMULA_TYPE || !READS_PROGRAMME.test(cell.formula)) return;
        const lookup = PROGRAMME_LOOKUP.exec(cell.formula);
        const found = lookup ? revised.get(text(sheet.getCell(Number(lookup[1]), 1))) : undefined;
        if (typeof found === 'number') {
          setResult(cell, found);
          looksUp = true;
        } else if (lookup) setResult(cell, 0);
        else cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
      }),
    );
    // The task pane's Monitoring sheet: its budget column is E; then its check that its budget
    // total agrees with the Programme's.
    if (!looksUp) return;
    refreshResults(workbook, sheet, 5);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const agrees = cell.type === FORMULA_TYPE ? AGREES_WITH_PROGRAMME.exec(cell.formula) : null;
        if (!agrees) return;
        const shown = valueOf(sheet.getCell(agrees[1].replace(/\$/g, '')));
        if (typeof shown === 'number')
          setResult(cell, Math.abs(shown - programmeRevisedTotal) < 0.0005 ? 'OK' : 'Check');
      }),
    );
  });
}

/**
 * Applies a rollover plan to a loaded workbook: the Programme's new amounts, the lines appended to
 * the Revisions log (its table extended over them), and every formula that reads them worked out
 * again (the Programme's revised budgets, totals and phasing check; the Financing sheet planned
 * again over the new phasing), so the cached figures are the ones Excel or LibreOffice compute.
 * The In-year monitoring and the other sheets stay as the closed year's record.
 *
 * @example
 * applyRollover(workbook, plan, read.input, read.layout);
 */
export function applyRollover(
  workbook: ExcelJS.Workbook,
  plan: RolloverPlan,
  input: RolloverInput,
  layout: ProgrammeLayout,
): void {
  const programme = workbook.getWorksheet(PROGRAMME_SHEET) as ExcelJS.Worksheet;
  for (const { ref, amounts } of plan.periods) {
    const row = layout.rows.get(ref);
    if (row === undefined) continue;
    amounts.forEach((amount, i) => {
      programme.getCell(row, layout.firstPeriodColumn + i).value =
        amount.units === 0 ? null : toNumber(amount);
    });
  }
  appendRevisions(workbook, plan);
  refreshProgramme(workbook, layout, input.decimals);
  refreshFinancing(workbook, input, layout);
  refreshReaders(workbook);
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
}

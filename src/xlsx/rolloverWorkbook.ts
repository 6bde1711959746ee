/**
 * Closing the year on a workbook file: reads what the rollover plan needs from the task pane's
 * sheets (Programme, In-year monitoring, Revisions) and applies the plan (src/workbook/rollover.ts)
 * to a loaded copy. The file itself is never touched here: the CLI writes the copy elsewhere.
 */
import type ExcelJS from 'exceljs';
import {
  isTotalLabel,
  parseFiscalYear,
  readPeriodHeaders,
  toNumber,
  tryFromNumber,
  type Decimal,
  type FiscalPeriod,
  type Parsed,
} from '../core';
import {
  IN_YEAR_HEADER_ROW,
  IN_YEAR_SHEET,
  PROGRAMME_COLUMNS,
  PROGRAMME_SHEET,
  REVISIONS_SHEET,
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

/** Where the Programme's figures are, for applying the plan. */
export interface ProgrammeLayout {
  firstPeriodColumn: number;
  rows: Map<string, number>;
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

  const yearCell = inYear.getCell('E3');
  const year = parseFiscalYear(text(yearCell));
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

  const firstPeriodColumn = PROGRAMME_COLUMNS.length + 1;
  const headers: string[] = [];
  for (let c = firstPeriodColumn; text(programme.getCell(1, c)) !== ''; c++)
    headers.push(text(programme.getCell(1, c)));
  const columns = readPeriodHeaders(headers);
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
    rows.set(ref, r);
    const seen = outturns.get(ref);
    // A scheme not phased yet (TBC) and with no spend has nothing to close.
    if (periods.every((amount) => amount.units === 0) && !seen?.outturn.units) continue;
    const scheme: RolloverInput['schemes'][number] = {
      ref,
      name: text(programme.getCell(r, nameColumn)),
      periods,
      outturn: seen?.outturn ?? tryFromNumber(0) ?? periods[0],
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
        decimals: 2,
      },
      layout: { firstPeriodColumn, rows },
    },
  };
}

/**
 * Applies a rollover plan to a loaded workbook: the Programme's new amounts, the lines appended to
 * the Revisions log, and the In-year monitoring moved to the next year's first period. Formulas
 * keep their text; their cached results are dropped (Excel recalculates on open), so no viewer
 * shows a figure from before the rollover.
 *
 * @example
 * applyRollover(workbook, plan, layout);
 */
export function applyRollover(
  workbook: ExcelJS.Workbook,
  plan: RolloverPlan,
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
  const revisions = workbook.getWorksheet(REVISIONS_SHEET) as ExcelJS.Worksheet;
  let next = revisions.actualRowCount + 1;
  while (next > 2 && revisions.getCell(next - 1, 1).value === null) next--;
  for (const line of plan.revisionLines) {
    revisionRow(line).forEach((cell, c) => {
      const target = revisions.getCell(next, c + 1);
      if (cell && typeof cell === 'object' && 'formula' in cell)
        target.value = { formula: cell.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
      else if (cell && typeof cell === 'object' && 'date' in cell)
        target.value = new Date(Date.UTC(cell.date.year, cell.date.month - 1, cell.date.day));
      else target.value = cell as ExcelJS.CellValue;
    });
    next++;
  }
  const inYear = workbook.getWorksheet(IN_YEAR_SHEET) as ExcelJS.Worksheet;
  inYear.getCell('D3').value = plan.next.period;
  inYear.getCell('E3').value =
    `${plan.next.year}/${String((plan.next.year + 1) % 100).padStart(2, '0')}`;
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === FORMULA_TYPE)
          cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
      }),
    ),
  );
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
}

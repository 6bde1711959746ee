/**
 * After closing the year, the cached results of the formulas that read the Programme and the
 * Revisions log, worked out again: the Programme's revised budgets, totals and phasing check; the
 * Financing sheet planned again; the Monitoring sheet's budgets, variances, flags and checks.
 */
import type ExcelJS from 'exceljs';
import { isTotalLabel, tryFromNumber, ZERO, type Decimal } from '../../core';
import {
  FINANCING_SHEET,
  PROGRAMME_SHEET,
  REVISIONS_SHEET,
  planFinancingSheet,
  programmeColumn,
  type RolloverInput,
} from '../../workbook';
import { refreshResults } from '../consolidate/refreshResults';
import { financingInputOf, readFinancingSheet } from '../financingSheet';
import { addSheetPlan } from '../writePlan';
import { FORMULA_TYPE, round, setResult, settingsOf, signedAmount, text, valueOf } from './cells';
import type { ProgrammeLayout } from './readRollover';

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

/**
 * The Programme's formulas worked out again after its phasing and the log changed: each revised
 * budget (approved + the scheme's signed revisions), the totals row (SUBTOTAL of each column) and
 * the phasing check; any other formula loses its cached result.
 *
 * @example
 * refreshProgramme(workbook, layout, 2); // H2 = approved + the log's signed amounts for CP-001
 */
export function refreshProgramme(
  workbook: ExcelJS.Workbook,
  layout: ProgrammeLayout,
  decimals: number,
) {
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

/** Plans the Financing sheet again over the Programme's new phasing and puts it in the old one's place. *
 * @example
 * refreshFinancing(workbook, input, layout); // the Financing sheet over the new phasing
 */
export function refreshFinancing(
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
 *
 * @example
 * refreshReaders(workbook); // Monitoring!E5 follows Programme's new revised budget
 */
export function refreshReaders(workbook: ExcelJS.Workbook): void {
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

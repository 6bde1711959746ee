/**
 * Applies a rollover plan (src/workbook/rollover.ts) to a loaded copy of a workbook. The file
 * itself is never touched here: the CLI writes the copy elsewhere.
 */
import type ExcelJS from 'exceljs';
import { toNumber } from '../../core';
import {
  PROGRAMME_SHEET,
  REVISIONS_SHEET,
  REVISIONS_TABLE,
  REVISION_COLUMNS,
  REVISION_COLUMNS_BEFORE_YEARS,
  SETTINGS_LAYOUT,
  SETTINGS_SHEET,
  planSettingsSheet,
  programmeColumn,
  revisionRow,
  type RolloverInput,
  type RolloverPlan,
} from '../../workbook';
import { fileCell } from '../writePlan';
import { FORMULA_TYPE, settingsOf, signedAmount, text } from './cells';
import type { ProgrammeLayout } from './readRollover';
import { refreshFinancing, refreshProgramme, refreshReaders } from './refreshFigures';

/**
 * The next year becomes the one being monitored (its first period) on the settings sheet, as the
 * pane's Close the year does; a workbook without a settings sheet has nothing to move on.
 */
function monitorNextYear(workbook: ExcelJS.Workbook, plan: RolloverPlan): void {
  const sheet = workbook.getWorksheet(SETTINGS_SHEET);
  if (!sheet) return;
  const planned = planSettingsSheet({
    ...settingsOf(workbook),
    monitoringYear: plan.next.year,
    monitoringPeriod: plan.next.period,
  });
  for (const key of ['monitoringYear', 'monitoringPeriod'] as const) {
    // Row 0 of the plan is the header; each setting's row is its place in the layout, plus one.
    const row = SETTINGS_LAYOUT.findIndex((entry) => entry.key === key) + 1;
    planned.cells[row].forEach((cell, c) => {
      sheet.getCell(row + 1, c + 1).value = fileCell(cell);
    });
  }
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

/**
 * Applies a rollover plan to a loaded workbook: the Programme's new amounts (and Phasing phrase
 * and Profile where the old ones would no longer give them), the lines appended to
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
  for (const { ref, amounts, words } of plan.periods) {
    const row = layout.rows.get(ref);
    if (row === undefined) continue;
    if (words) {
      programme.getCell(row, programmeColumn('phasing') + 1).value = words.phasing;
      programme.getCell(row, programmeColumn('profile') + 1).value = words.profile;
    }
    amounts.forEach((amount, i) => {
      programme.getCell(row, layout.firstPeriodColumn + i).value =
        amount.units === 0 ? null : toNumber(amount);
    });
  }
  appendRevisions(workbook, plan);
  refreshProgramme(workbook, layout, input.decimals);
  refreshFinancing(workbook, input, layout);
  refreshReaders(workbook);
  monitorNextYear(workbook, plan);
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
}

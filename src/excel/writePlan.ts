/**
 * Writes a sheet plan (src/workbook) through Office.js, in bulk: number formats first (so text
 * such as 007 stays text), then every cell in one block, then the tables (this-row formulas go
 * into a table's column only once the table exists: Excel refuses `[@Column]` outside a table),
 * then validation, conditional formats, formatting, frozen rows and protection. Nothing here
 * decides a layout or spells a formula.
 */
import { dateToSerial } from '../core';
import {
  columnLetters,
  isDateCell,
  isFormulaCell,
  planWidth,
  quoted,
  tableAt,
  type PlanCell,
  type RangePlan,
  type SheetPlan,
  type TablePlan,
} from '../workbook';
import type { BatchWriter } from './batchWriter';
import { asTextCell } from './cellText';

/** What Office.js is given for one plan cell (`range.formulas`). */
export type OfficeCell = string | number | boolean;

/**
 * A plan cell as Office.js writes it: formulas as text, dates as serials, text that Excel would
 * turn into something else behind a quote prefix, blanks as ''.
 *
 * @example
 * officeCell('007'); // "'007"
 * officeCell({ formula: '=E5-F5', result: 0.1 }); // '=E5-F5'
 */
export function officeCell(cell: PlanCell | undefined, numberFormat?: string): OfficeCell {
  if (cell === null || cell === undefined) return '';
  if (isFormulaCell(cell)) return cell.formula;
  if (isDateCell(cell)) return dateToSerial(cell.date);
  // A Text (`@`) cell keeps what is written: no apostrophe, or it would stay as a character.
  if (typeof cell === 'string') return asTextCell(cell, numberFormat);
  return cell;
}

/** The number format the plan gives (row, column), if any (the last block that covers it wins). */
function formatAt(plan: SheetPlan, row: number, column: number): string | undefined {
  let found: string | undefined;
  for (const block of plan.formats) {
    const value = block.formats[row - block.top]?.[column - block.left];
    if (row >= block.top && column >= block.left && value !== undefined) found = value;
  }
  return found;
}

/** Whether (row, column) is in the body of a table column that has a this-row formula. */
function inFormulaColumn(tables: readonly TablePlan[], row: number, column: number): boolean {
  const table = tableAt(tables, row, column);
  return (
    table !== undefined &&
    row > table.top &&
    row <= table.top + table.rows &&
    table.columns[column - table.left].formula !== undefined
  );
}

/** Whether (row, column) is a table header cell (written as typed: it names the column). */
function inHeader(tables: readonly TablePlan[], row: number, column: number): boolean {
  return tableAt(tables, row, column)?.top === row;
}

/**
 * The plan's cells as one rectangle from A1 for `range.formulas`, with the cells of table
 * formula columns left blank (the formulas follow once the table exists).
 *
 * @example
 * officeGrid(planChecksSheet([]))[0][0]; // 'Severity'
 */
export function officeGrid(plan: SheetPlan): OfficeCell[][] {
  const width = planWidth(plan);
  return plan.cells.map((row, r) =>
    Array.from({ length: width }, (_, c) => {
      if (inFormulaColumn(plan.tables, r, c)) return '';
      const cell = row[c];
      if (typeof cell === 'string' && inHeader(plan.tables, r, c)) return cell;
      return officeCell(cell, formatAt(plan, r, c));
    }),
  );
}

function rangeOf(sheet: Excel.Worksheet, area: RangePlan): Excel.Range {
  return sheet.getRangeByIndexes(area.top, area.left, area.rows, area.columns);
}

/** Excel column width in points for a width in characters (ECMA-376 18.3.1.13: 7 px a digit + 5 px padding, 0.75 pt a px). */
function widthInPoints(characters: number): number {
  return Math.trunc(characters * 7 + 5) * 0.75;
}

/** Options of one write. */
export interface WritePlanOptions {
  /** Cells to write instead of the plan's (an overwrite plan that also blanks the old sheet's extra cells). */
  cells?: readonly (readonly OfficeCell[])[];
  /** Freeze the plan's rows (default true; false keeps an existing sheet's own panes). */
  freeze?: boolean;
  /**
   * A sheet written again: its old conditional formats over this block (from A1) are cleared just
   * before the plan's are added, in the same request, so a failure earlier in the write keeps
   * them (regression: cleared up front, they were lost when the write failed part-way).
   */
  clearConditionalFormats?: { rows: number; columns: number };
}

/**
 * Queues writing a sheet plan into `sheet` (a new or emptied sheet) through `writer`, which
 * syncs only when a request would pass Excel on the web's limit. Call `writer.finish()` after.
 *
 * @example
 * const sheet = context.workbook.worksheets.add(plan.name);
 * await writeSheetPlan(context, writer, sheet, plan);
 * await writer.finish();
 */
export async function writeSheetPlan(
  context: Excel.RequestContext,
  writer: BatchWriter,
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  options: WritePlanOptions = {},
): Promise<void> {
  for (const block of plan.formats)
    await writer.write(sheet, block.top, block.left, block.formats, 'numberFormat');
  await writer.write(sheet, 0, 0, options.cells ?? officeGrid(plan), 'formulas');

  for (const table of plan.tables) await writeTable(context, writer, sheet, plan.name, table);

  for (const rule of plan.validations) {
    const target = rangeOf(sheet, rule.range);
    if ('list' in rule) {
      target.dataValidation.rule = {
        list: { inCellDropDown: true, source: rule.list.join(',') },
      };
    } else {
      target.dataValidation.rule = {
        decimal: { formula1: rule.decimalAtLeast, operator: 'GreaterThanOrEqualTo' },
      };
      target.dataValidation.errorAlert = { ...rule.alert, showAlert: true, style: 'Stop' };
    }
  }
  if (options.clearConditionalFormats) {
    const { rows, columns } = options.clearConditionalFormats;
    sheet.getRangeByIndexes(0, 0, rows, columns).conditionalFormats.clearAll();
  }
  for (const conditional of plan.conditionalFormats) {
    const target = rangeOf(sheet, conditional.range);
    for (const { text, fill } of conditional.rules) {
      const format = target.conditionalFormats.add('ContainsText');
      format.textComparison.format.fill.color = fill;
      format.textComparison.rule = { operator: 'Contains', text };
    }
  }
  for (const area of plan.bold) rangeOf(sheet, area).format.font.bold = true;
  for (const { range, color } of plan.fills) rangeOf(sheet, range).format.fill.color = color;
  for (const area of plan.unlocked) rangeOf(sheet, area).format.protection.locked = false;
  for (const { column, characters } of plan.columnWidths)
    sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = widthInPoints(characters);
  if (plan.freezeRows > 0 && options.freeze !== false)
    sheet.freezePanes.freezeRows(plan.freezeRows);
  if (plan.protection) sheet.protection.protect({ ...plan.protection });
  if (plan.hidden) sheet.visibility = 'Hidden';
  for (const chart of plan.charts ?? []) {
    // Excel.ChartType 'Line' / 'ColumnClustered', series by column (ExcelApi 1.1):
    // https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)
    const type = chart.kind === 'line' ? 'Line' : 'ColumnClustered';
    const added = sheet.charts.add(type, rangeOf(sheet, chart.source), 'Columns');
    added.title.text = chart.title;
    added.name = chart.name;
    added.setPosition(chart.position);
  }
}

/** The table over its header and body, then its totals row, then its this-row formulas. */
async function writeTable(
  context: Excel.RequestContext,
  writer: BatchWriter,
  sheet: Excel.Worksheet,
  sheetName: string,
  table: TablePlan,
): Promise<void> {
  const right = columnLetters(table.left + table.columns.length - 1);
  const added = context.workbook.tables.add(
    `${quoted(sheetName)}!${columnLetters(table.left)}${table.top + 1}:${right}${table.top + table.rows + 1}`,
    true,
  );
  added.name = table.name;
  if (table.style) added.style = table.style;
  if (table.totalsRow) {
    added.showTotals = true;
    sheet.getRangeByIndexes(
      table.top + table.rows + 1,
      table.left,
      1,
      table.columns.length,
    ).formulas = [
      table.columns.map((column) =>
        !column.total ? '' : 'label' in column.total ? column.total.label : column.total.formula,
      ),
    ];
  }
  for (const [i, column] of table.columns.entries()) {
    if (column.formula === undefined) continue;
    await writer.write(
      sheet,
      table.top + 1,
      table.left + i,
      new Array<string[]>(table.rows).fill([column.formula]),
      'formulas',
    );
  }
}

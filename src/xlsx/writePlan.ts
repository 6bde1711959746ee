/**
 * Writes sheet plans (src/workbook) into an ExcelJS workbook: the same cells, tables, formats,
 * validation, conditional formats, frozen rows and protection the task pane writes through
 * Office.js. Formulas keep the results the engine worked out, so viewers that do not
 * recalculate still show the figures. Nothing here decides a layout or spells a formula: table
 * formulas are only re-spelt in the file's form (`qualifyTableFormula`).
 */
import ExcelJS from 'exceljs';
import {
  columnLetters,
  isDateCell,
  isFormulaCell,
  qualifyTableFormula,
  tableAt,
  type PlanCell,
  type PlanValue,
  type RangePlan,
  type SheetPlan,
  type TablePlan,
} from '../workbook';

/**
 * A plan cell as ExcelJS holds it: formulas without `=` and with their result, dates as UTC
 * midnight (a calendar date, no time zone), blanks as null.
 *
 * @example
 * fileCell({ formula: '=E5-F5', result: 0.1 }); // { formula: 'E5-F5', result: 0.1, date1904: false }
 */
export function fileCell(cell: PlanCell | undefined, table?: string): ExcelJS.CellValue {
  if (cell === null || cell === undefined) return null;
  if (isFormulaCell(cell)) {
    const text = table ? qualifyTableFormula(cell.formula, table) : cell.formula.replace(/^=/, '');
    return cell.result === undefined || cell.result === null
      ? ({ formula: text, date1904: false } as ExcelJS.CellFormulaValue)
      : { formula: text, result: resultOf(cell.result), date1904: false };
  }
  if (isDateCell(cell))
    return new Date(Date.UTC(cell.date.year, cell.date.month - 1, cell.date.day));
  return cell;
}

function resultOf(value: Exclude<PlanValue, null>): ExcelJS.CellFormulaValue['result'] {
  return value;
}

function address(area: RangePlan): string {
  const first = `${columnLetters(area.left)}${area.top + 1}`;
  const last = `${columnLetters(area.left + area.columns - 1)}${area.top + area.rows}`;
  return `${first}:${last}`;
}

function eachCell(
  sheet: ExcelJS.Worksheet,
  area: RangePlan,
  visit: (cell: ExcelJS.Cell) => void,
): void {
  for (let r = 0; r < area.rows; r++)
    for (let c = 0; c < area.columns; c++)
      visit(sheet.getCell(area.top + r + 1, area.left + c + 1));
}

/** `#RRGGBB` as ExcelJS's ARGB. */
function argb(color: string): string {
  return `FF${color.replace(/^#/, '').toUpperCase()}`;
}

function addTable(sheet: ExcelJS.Worksheet, plan: SheetPlan, table: TablePlan): void {
  const rows = Array.from({ length: table.rows }, (_, r) =>
    table.columns.map((_, c) =>
      fileCell(plan.cells[table.top + 1 + r]?.[table.left + c], table.name),
    ),
  );
  sheet.addTable({
    name: table.name,
    ref: `${columnLetters(table.left)}${table.top + 1}`,
    headerRow: true,
    totalsRow: table.totalsRow,
    style: {
      theme: (table.style ?? 'TableStyleMedium2') as ExcelJS.TableStyleProperties['theme'],
      showRowStripes: true,
    },
    columns: table.columns.map((column): ExcelJS.TableColumnProperties => {
      const total = column.total;
      if (!total) return { name: column.name };
      if ('label' in total) return { name: column.name, totalsRowLabel: total.label };
      return {
        name: column.name,
        totalsRowFunction: 'custom',
        totalsRowFormula: qualifyTableFormula(total.formula, table.name),
        ...(total.result === undefined ? {} : { totalsRowResult: total.result }),
      } as ExcelJS.TableColumnProperties;
    }),
    rows,
  });
}

/**
 * Adds a sheet to the workbook and writes the plan into it.
 *
 * @example
 * const workbook = new ExcelJS.Workbook();
 * addSheetPlan(workbook, planChecksSheet(findings));
 */
export function addSheetPlan(workbook: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(plan.name, {
    state: plan.hidden ? 'hidden' : 'visible',
    ...(plan.freezeRows > 0 ? { views: [{ state: 'frozen', ySplit: plan.freezeRows }] } : {}),
  });
  for (const table of plan.tables) addTable(sheet, plan, table);
  plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || cell === undefined || tableAt(plan.tables, r, c)) return;
      sheet.getCell(r + 1, c + 1).value = fileCell(cell);
    }),
  );
  for (const block of plan.formats)
    block.formats.forEach((row, r) =>
      row.forEach((format, c) => {
        sheet.getCell(block.top + r + 1, block.left + c + 1).numFmt = format;
      }),
    );
  for (const rule of plan.validations) {
    const validation: ExcelJS.DataValidation =
      'list' in rule
        ? { type: 'list', allowBlank: true, formulae: [`"${rule.list.join(',')}"`] }
        : {
            type: 'decimal',
            operator: 'greaterThanOrEqual',
            allowBlank: true,
            formulae: [rule.decimalAtLeast],
            showErrorMessage: true,
            errorStyle: 'error',
            errorTitle: rule.alert.title,
            error: rule.alert.message,
          };
    eachCell(sheet, rule.range, (cell) => {
      cell.dataValidation = validation;
    });
  }
  plan.conditionalFormats.forEach((conditional, i) =>
    sheet.addConditionalFormatting({
      ref: address(conditional.range),
      rules: conditional.rules.map((rule, j) => ({
        type: 'containsText',
        operator: 'containsText',
        text: rule.text,
        priority: i * 100 + j + 1,
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) } } },
      })),
    }),
  );
  for (const area of plan.bold)
    eachCell(sheet, area, (cell) => {
      cell.font = { ...cell.font, bold: true };
    });
  for (const { range, color } of plan.fills)
    eachCell(sheet, range, (cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(color) } };
    });
  for (const area of plan.unlocked)
    eachCell(sheet, area, (cell) => {
      cell.protection = { locked: false };
    });
  for (const { column, characters } of plan.columnWidths)
    sheet.getColumn(column + 1).width = characters;
  if (plan.protection) {
    // What Worksheet.protect('') sets, without its promise: no password, just the lock.
    (sheet as unknown as { sheetProtection: object }).sheetProtection = {
      sheet: true,
      formatColumns: plan.protection.allowFormatColumns,
      autoFilter: plan.protection.allowAutoFilter,
      sort: plan.protection.allowSort,
      insertRows: plan.protection.allowInsertRows,
      deleteRows: plan.protection.allowDeleteRows,
    };
  }
  return sheet;
}

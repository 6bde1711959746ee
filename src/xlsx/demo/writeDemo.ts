/**
 * Writes the demo programme as the task pane builds a workbook (src/excel: the same Programme and
 * Revisions tables, columns and formulas, one forecast sheet per budget holder, a Monitoring
 * sheet), so the add-in can carry on with it in Excel. Every derived figure is an ordinary
 * formula (SUBTOTAL, SUMIFS, INDEX/MATCH, IF, ABS) that computes in any spreadsheet program
 * without the add-in, and carries its result worked out by the engine, so viewers that do not
 * recalculate still show the figures.
 */
import ExcelJS from 'exceljs';
import {
  MONITORING_COLUMNS,
  MONITORING_HEADER_ROW,
  MONITORING_SHEET,
  PROGRAMME_COLUMNS,
  PROGRAMME_TABLE,
  REVISED_BUDGET_FORMULA,
  REVISION_COLUMNS,
  REVISIONS_TABLE,
  SIGNED_AMOUNT_FORMULA,
  cleanSheetName,
  quoted,
} from '../../excel/programmeLayout';
import { columnLetters } from '../../core/grid/address';
import { numberFormatFor, toNumber, type Decimal } from '../../core/money';
import { revisionChange } from '../../core/revisions';
import type { DemoProgramme, DemoScheme } from './planDemo';
import { DEMO_SETTINGS } from './planDemo';

/** The task pane's forecast sheet: header on row 4, schemes from row 5 (src/excel/forecastSheets.ts). */
export const FORECAST_SHEET = {
  prefix: 'Forecast - ',
  headerRow: 4,
  header: [
    'Ref',
    'Scheme',
    'Area',
    'Approved budget',
    'Current budget',
    'Forecast outturn',
    'Comment',
  ],
  forecastColumn: 6,
} as const;

/** Where things are, for tests and for consolidate. */
export const DEMO_LAYOUT = {
  programmeSheet: 'Programme',
  /** The Programme table starts at A1, as the task pane makes it. */
  programmeHeaderRow: 1,
  /** Columns (1-based) of the Programme table. */
  approvedColumn: PROGRAMME_COLUMNS.findIndex((column) => column.field === 'approvedBudget') + 1,
  revisedColumn: PROGRAMME_COLUMNS.findIndex((column) => column.field === 'revisedBudget') + 1,
  firstPeriodColumn: PROGRAMME_COLUMNS.length + 1,
  revisionsSheet: 'Revisions',
  monitoringSheet: MONITORING_SHEET,
  monitoringHeaderRow: MONITORING_HEADER_ROW,
  /**
   * The task pane's Monitoring columns but the last: the demo has no settings sheet for a RAG
   * rating to read (its flag uses the demo's fixed thresholds), so column I holds instead the
   * check that the Monitoring total agrees with the Programme's revised budget.
   */
  monitoringColumns: MONITORING_COLUMNS.map((header) => (header === 'RAG' ? 'Check' : header)),
} as const;

/** A cell value that is a formula with its cached result. */
function formula(text: string, result: number | string): ExcelJS.CellFormulaValue {
  return { formula: text, result, date1904: false };
}

const number = (value: Decimal): number => toNumber(value);
const col = (column1: number): string => columnLetters(column1 - 1);

/**
 * A task pane formula written for Office.js (`=[@[Approved budget]]+...`) in the form a file
 * holds it: no leading `=`, and `[@Column]` spelled out as `Table[[#This Row],[Column]]`.
 *
 * @example
 * fileFormula('=[@[Approved budget]]+SUMIFS(Revisions[Signed amount],Revisions[Ref],[@Ref])', 'Programme');
 * // 'Programme[[#This Row],[Approved budget]]+SUMIFS(Revisions[Signed amount],Revisions[Ref],Programme[[#This Row],[Ref]])'
 */
export function fileFormula(uiFormula: string, table: string): string {
  return uiFormula
    .replace(/^=/, '')
    .replace(
      /\[@\[([^\]]+)\]\]|\[@([^[\]]+)\]/g,
      (_all, bracketed: string | undefined, plain: string | undefined) =>
        `${table}[[#This Row],[${bracketed ?? plain}]]`,
    );
}

/**
 * The flag formula for one Monitoring row (budget in E, forecast in F, variance in G): the
 * engine's `varianceStatus` with the demo's thresholds (over £0.1m or over 10% of budget),
 * rounded to 6 places so float noise never tips a variance over a threshold that the exact
 * engine says it is within.
 *
 * @example
 * flagFormula(5); // 'IF(OR(ROUND(ABS(G5),6)>0.1,ROUND(ABS(G5)*100,6)>10*ABS(E5)),IF(F5>E5,"Overspend","Underspend"),"On target")'
 */
export function flagFormula(row: number): string {
  const absolute = number(DEMO_SETTINGS.thresholdAbsolute);
  const percent = DEMO_SETTINGS.thresholdPercent;
  return `IF(OR(ROUND(ABS(G${row}),6)>${absolute},ROUND(ABS(G${row})*100,6)>${percent}*ABS(E${row})),IF(F${row}>E${row},"Overspend","Underspend"),"On target")`;
}

/**
 * The forecast sheet name of a budget holder, as the task pane names it.
 *
 * @example
 * forecastSheetOf('Head of ICT'); // 'Forecast - Head of ICT'
 */
export function forecastSheetOf(holder: string): string {
  return cleanSheetName(`${FORECAST_SHEET.prefix}${holder}`);
}

/**
 * Builds the demo workbook: Programme (table with phasing, totals row and a phasing check per
 * row), Revisions (table), one forecast sheet per budget holder, and Monitoring (budget,
 * forecast, variance, flag and a total row, with a check that it agrees with the Programme).
 *
 * @example
 * const plan = planDemoProgramme(rows);
 * if (plan.ok) await buildDemoWorkbook(plan.value).xlsx.writeFile('demo.xlsx');
 */
export function buildDemoWorkbook(plan: DemoProgramme): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Capital Planner';
  workbook.created = new Date(Date.UTC(2016, 10, 30));
  // Excel recalculates everything on open, whatever it thinks of the cached results.
  workbook.calcProperties = { fullCalcOnLoad: true };
  addProgrammeSheet(workbook, plan);
  addRevisionsSheet(workbook, plan);
  const forecastRows = addForecastSheets(workbook, plan);
  addMonitoringSheet(workbook, plan, forecastRows);
  return workbook;
}

function addProgrammeSheet(workbook: ExcelJS.Workbook, plan: DemoProgramme): void {
  const sheet = workbook.addWorksheet(DEMO_LAYOUT.programmeSheet);
  const firstRow = DEMO_LAYOUT.programmeHeaderRow + 1;
  const lastRow = firstRow + plan.schemes.length - 1;
  const firstPeriod = DEMO_LAYOUT.firstPeriodColumn;
  const lastPeriod = firstPeriod + plan.quarterLabels.length - 1;
  const revisedFormula = fileFormula(REVISED_BUDGET_FORMULA, PROGRAMME_TABLE);

  const fieldValue = (
    scheme: DemoScheme,
    field: (typeof PROGRAMME_COLUMNS)[number]['field'],
  ): ExcelJS.CellValue => {
    switch (field) {
      case 'ref':
        return scheme.ref;
      case 'status':
        return scheme.status;
      case 'area':
        return scheme.area;
      case 'scheme':
        return scheme.scheme;
      case 'impact':
        return scheme.impact;
      case 'approvedBudget':
        return number(scheme.approved);
      case 'revisedBudget':
        return formula(revisedFormula, number(scheme.revised));
      case 'phasing':
        return scheme.phase;
      case 'profile':
        return 'even';
      case 'fundingSource':
        return scheme.fundingSource;
      case 'budgetHolder':
        return scheme.budgetHolder;
      default:
        return null;
    }
  };
  const totals = new Map<string, Decimal>([
    ['approvedBudget', plan.totals.approved],
    ['revisedBudget', plan.totals.revised],
  ]);
  const sumColumn = (name: string, total: Decimal): ExcelJS.TableColumnProperties =>
    ({
      name,
      totalsRowFunction: 'custom',
      totalsRowFormula: `SUBTOTAL(109,${PROGRAMME_TABLE}[${name}])`,
      totalsRowResult: number(total),
    }) as ExcelJS.TableColumnProperties;

  sheet.addTable({
    name: PROGRAMME_TABLE,
    ref: `A${DEMO_LAYOUT.programmeHeaderRow}`,
    headerRow: true,
    totalsRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [
      ...PROGRAMME_COLUMNS.map((column, i) => {
        const total = totals.get(column.field);
        if (total) return sumColumn(column.header, total);
        return i === 0 ? { name: column.header, totalsRowLabel: 'Total' } : { name: column.header };
      }),
      ...plan.quarterLabels.map((label, i) => sumColumn(label, plan.totals.phasing[i])),
    ],
    rows: plan.schemes.map((scheme) => [
      ...PROGRAMME_COLUMNS.map((column) => fieldValue(scheme, column.field)),
      // A quarter with nothing phased stays blank, as a finance officer leaves it.
      ...scheme.phasing.map((amount) => (amount.units === 0 ? null : number(amount))),
    ]),
  });

  // The row check sits outside the table, so the task pane still reads every column after
  // Budget holder as a period.
  const checkColumn = lastPeriod + 2;
  sheet.getCell(DEMO_LAYOUT.programmeHeaderRow, checkColumn).value = 'Phasing check';
  sheet.getCell(DEMO_LAYOUT.programmeHeaderRow, checkColumn).font = { bold: true };
  plan.schemes.forEach((scheme, index) => {
    const r = firstRow + index;
    const phased = `SUM(${col(firstPeriod)}${r}:${col(lastPeriod)}${r})`;
    const revised = `${col(DEMO_LAYOUT.revisedColumn)}${r}`;
    sheet.getCell(r, checkColumn).value = formula(
      `IF(${phased}=0,"Not phased",IF(ABS(${phased}-${revised})<0.0005,"OK","Check"))`,
      scheme.unphased ? 'Not phased' : 'OK',
    );
  });

  const money = numberFormatFor('£m', DEMO_SETTINGS.decimals);
  for (let r = firstRow; r <= lastRow + 1; r++) {
    sheet.getCell(r, 1).numFmt = '@';
    sheet.getCell(r, DEMO_LAYOUT.approvedColumn).numFmt = money;
    sheet.getCell(r, DEMO_LAYOUT.revisedColumn).numFmt = money;
    for (let c = firstPeriod; c <= lastPeriod; c++) sheet.getCell(r, c).numFmt = money;
  }
  const scheme = PROGRAMME_COLUMNS.findIndex((column) => column.field === 'scheme') + 1;
  const impact = PROGRAMME_COLUMNS.findIndex((column) => column.field === 'impact') + 1;
  sheet.getColumn(scheme).width = 34;
  sheet.getColumn(impact).width = 40;
  sheet.views = [{ state: 'frozen', ySplit: DEMO_LAYOUT.programmeHeaderRow }];
}

function addRevisionsSheet(workbook: ExcelJS.Workbook, plan: DemoProgramme): void {
  const sheet = workbook.addWorksheet(DEMO_LAYOUT.revisionsSheet);
  const signed = fileFormula(SIGNED_AMOUNT_FORMULA, REVISIONS_TABLE);
  sheet.addTable({
    name: REVISIONS_TABLE,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: REVISION_COLUMNS.map((name) => ({ name })),
    // Amounts as approved (a reduction typed as a positive figure); Signed amount says which way.
    rows: plan.revisions.map((revision) => [
      revision.ref,
      new Date(Date.UTC(revision.date.year, revision.date.month - 1, revision.date.day)),
      revision.kind,
      number(revision.amount),
      formula(signed, number(revisionChange(revision))),
      revision.reason,
      revision.reference,
      revision.approvedBy ?? '',
    ]),
  });
  const money = numberFormatFor('£m', 2);
  for (let r = 2; r <= plan.revisions.length + 1; r++) {
    sheet.getCell(r, 2).numFmt = 'yyyy-mm-dd';
    sheet.getCell(r, 4).numFmt = money;
    sheet.getCell(r, 5).numFmt = money;
  }
  sheet.getColumn(2).width = 12;
  sheet.getColumn(6).width = 50;
  sheet.getColumn(7).width = 30;
}

/** One sheet per budget holder, as the task pane's "Make forecast sheets", with the forecasts returned. */
function addForecastSheets(
  workbook: ExcelJS.Workbook,
  plan: DemoProgramme,
): Map<string, { sheet: string; row: number }> {
  const where = new Map<string, { sheet: string; row: number }>();
  const holders = [...new Set(plan.schemes.map((scheme) => scheme.budgetHolder))];
  const money = numberFormatFor('£m', 2);
  for (const holder of holders) {
    const name = forecastSheetOf(holder);
    const sheet = workbook.addWorksheet(name);
    sheet.getCell('A1').value = `Capital forecast: ${holder}`;
    sheet.getCell('A1').font = { bold: true };
    sheet.getCell('A2').value =
      "Type each scheme's forecast outturn (£m) in the shaded cells, with a comment where it differs from budget.";
    sheet.getRow(FORECAST_SHEET.headerRow).values = [...FORECAST_SHEET.header];
    sheet.getRow(FORECAST_SHEET.headerRow).font = { bold: true };
    let row = FORECAST_SHEET.headerRow + 1;
    for (const scheme of plan.schemes.filter((candidate) => candidate.budgetHolder === holder)) {
      sheet.getRow(row).values = [
        scheme.ref,
        scheme.scheme,
        scheme.area,
        number(scheme.approved),
        number(scheme.revised),
        number(scheme.forecast),
        scheme.flag === 'On target' ? '' : 'See monitoring note',
      ];
      for (let c = 4; c <= 6; c++) sheet.getCell(row, c).numFmt = money;
      sheet.getCell(row, FORECAST_SHEET.forecastColumn).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: 'FFFFF9DB' },
      };
      where.set(scheme.ref, { sheet: name, row });
      row++;
    }
    sheet.getColumn(2).width = 40;
  }
  return where;
}

function addMonitoringSheet(
  workbook: ExcelJS.Workbook,
  plan: DemoProgramme,
  forecastRows: Map<string, { sheet: string; row: number }>,
): void {
  const sheet = workbook.addWorksheet(DEMO_LAYOUT.monitoringSheet);
  const headerRow = DEMO_LAYOUT.monitoringHeaderRow;
  const firstRow = headerRow + 1;
  const lastRow = headerRow + plan.schemes.length;
  const totalRow = lastRow + 1;
  sheet.getCell('A1').value = 'Capital monitoring 2016/17, Period 8 (£m)';
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value =
    "Budget = the Programme's revised budget; forecasts from the budget holders' sheets; flagged when the variance is over £0.1m or over 10% of budget.";
  sheet.getRow(headerRow).values = [...DEMO_LAYOUT.monitoringColumns];
  sheet.getRow(headerRow).font = { bold: true };
  const forecastColumn = col(FORECAST_SHEET.forecastColumn);
  plan.schemes.forEach((scheme, index) => {
    const r = firstRow + index;
    const source = forecastRows.get(scheme.ref);
    const link = source ? `${quoted(source.sheet)}!${forecastColumn}${source.row}` : undefined;
    sheet.getRow(r).values = [
      scheme.ref,
      scheme.area,
      scheme.scheme,
      scheme.budgetHolder,
      formula(
        `IFERROR(INDEX(${PROGRAMME_TABLE}[Revised budget],MATCH($A${r},${PROGRAMME_TABLE}[Ref],0)),0)`,
        number(scheme.revised),
      ),
      link ? formula(`IF(ISBLANK(${link}),"",${link})`, number(scheme.forecast)) : null,
      formula(`E${r}-F${r}`, number(scheme.variance)),
      formula(flagFormula(r), scheme.flag),
    ];
  });
  sheet.getCell(totalRow, 1).value = 'Total';
  sheet.getRow(totalRow).font = { bold: true };
  const totals = [plan.totals.revised, plan.totals.forecast, plan.totals.variance];
  totals.forEach((total, i) => {
    const letter = col(5 + i);
    sheet.getCell(totalRow, 5 + i).value = formula(
      `SUM(${letter}${firstRow}:${letter}${lastRow})`,
      number(total),
    );
  });
  // A check a finance officer can see: the Monitoring budget agrees with the Programme's.
  sheet.getCell(totalRow, 9).value = formula(
    `IF(ABS(E${totalRow}-SUBTOTAL(109,${PROGRAMME_TABLE}[Revised budget]))<0.0005,"OK","Check")`,
    'OK',
  );
  const money = numberFormatFor('£m', 2);
  for (let r = firstRow; r <= totalRow; r++)
    for (let c = 5; c <= 7; c++) sheet.getCell(r, c).numFmt = money;
  sheet.getColumn(3).width = 40;
  sheet.getColumn(4).width = 24;
  sheet.getColumn(8).width = 12;
}

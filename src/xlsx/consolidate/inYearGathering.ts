/**
 * Gathering into the in-year sheets of a master: the returned in-year and all-years forecasts and
 * explanations go into the `In-year monitoring` sheet (or the holder's cell its link points to),
 * a snapshot of every scheme at the period is appended to `Monitoring history` (nothing above is
 * rewritten), and the In-year monitoring and `Capital budget position` sheets are planned again
 * from the engine's figures, so every cached result (variance, slippage, flags, movement since
 * the last gathering, totals) is right for viewers that do not recalculate.
 */
import type ExcelJS from 'exceljs';
import {
  appendSnapshots,
  compareMonitoringPeriods,
  monitoringRowOf,
  movementSinceLastPeriod,
  parseFiscalYear,
  snapshotOf,
  toNumber,
  tryFromNumber,
  type Decimal,
  type InYearMonitoringRow,
  type MonitoringPeriod,
  type MonitoringSnapshot,
  type Month,
} from '../../core';
import {
  ACTUALS_SHEET,
  DEFAULT_SETTINGS,
  HISTORY_SHEET,
  IN_YEAR_COLUMNS,
  IN_YEAR_HEADER_ROW,
  IN_YEAR_SHEET,
  POSITION_SHEET,
  planHistorySheet,
  planInYearSheet,
  planPositionSheet,
  thresholdsOf,
  type InYearLine,
  type PlannerSettings,
  type SheetPlan,
} from '../../workbook';
import { fileCell } from '../writePlan';
import { linkedCell } from './forecastLink';

const FORMULA_TYPE = 6;

/** What a return gave for one scheme. */
export interface GatheredForecast {
  ref: string;
  allYearsForecast: Decimal;
  /** Only this version's returns give these. */
  inYearForecast?: Decimal;
  explanation?: string;
}

/** What gathering did to the in-year sheets. */
export interface InYearGathering {
  /** The period gathered at, as the In-year monitoring sheet states it (unknown when unreadable). */
  at?: MonitoringPeriod;
  /** Schemes whose in-year line took a returned figure. */
  updated: number;
  /** Snapshots appended to the history (one per scheme), and those refused with why. */
  appended: number;
  refused: string[];
  /** Anything not done, with its cell. */
  problems: string[];
}

/**
 * A cell's value as a reader sees it: a formula's cached result, or the value. `cell.result`, not
 * `cell.value.result`: ExcelJS 4.4's value getter drops a result of 0 (Cell._copyModel copies
 * only truthy fields).
 */
function shownValue(cell: ExcelJS.Cell): unknown {
  if (cell.type === FORMULA_TYPE) return cell.result;
  return cell.value;
}

function formulaOf(cell: ExcelJS.Cell): string | undefined {
  if (cell.type !== FORMULA_TYPE) return undefined;
  const formula = (cell.value as ExcelJS.CellFormulaValue).formula;
  return typeof formula === 'string' ? formula : undefined;
}

function decimalAt(cell: ExcelJS.Cell): Decimal | undefined {
  const value = shownValue(cell);
  return typeof value === 'number' ? tryFromNumber(value) : undefined;
}

function textAt(cell: ExcelJS.Cell): string {
  const value = shownValue(cell);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'richText' in value)
    return (value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('');
  return '';
}

/** Rows with something in column A from `first` down (1-based), up to the first blank. */
function dataRows(sheet: ExcelJS.Worksheet, first: number): number[] {
  const rows: number[] = [];
  for (let r = first; r <= sheet.rowCount; r++) {
    if (textAt(sheet.getCell(r, 1)).trim() === '') break;
    rows.push(r);
  }
  return rows;
}

/** The history as its sheet holds it; rows it cannot read are kept on the sheet and left out here. */
function readHistory(sheet: ExcelJS.Worksheet, startMonth: Month): MonitoringSnapshot[] {
  const history: MonitoringSnapshot[] = [];
  for (const r of dataRows(sheet, 2)) {
    const cell = (c: number) => sheet.getCell(r, c);
    const year = parseFiscalYear(textAt(cell(2)), startMonth);
    const period = shownValue(cell(3));
    const figures = [4, 5, 6, 7].map((c) => decimalAt(cell(c)));
    if (!year.ok || typeof period !== 'number' || figures.some((figure) => !figure)) continue;
    const [inYearBudget, actualToDate, inYearForecast, allYearsForecast] = figures as Decimal[];
    const snapshot: MonitoringSnapshot = {
      ref: textAt(cell(1)).trim(),
      at: { year: year.value, period: period as MonitoringPeriod['period'] },
      inYearBudget,
      actualToDate,
      inYearForecast,
      allYearsForecast,
    };
    const explanation = textAt(cell(8));
    if (explanation !== '') snapshot.explanation = explanation;
    history.push(snapshot);
  }
  return history;
}

/** Writes a plan's cells over a sheet laid out by the same plan (same rows), keeping its formats. */
function writeCellsInPlace(sheet: ExcelJS.Worksheet, plan: SheetPlan, fromRow = 0): void {
  plan.cells.forEach((row, r) => {
    if (r < fromRow) return;
    row.forEach((cell, c) => {
      sheet.getCell(r + 1, c + 1).value = fileCell(cell);
    });
  });
}

/** One scheme line read from the In-year monitoring sheet. */
interface SheetLine {
  sheetRow: number;
  row: InYearMonitoringRow;
  links: NonNullable<InYearLine['links']>;
}

const COLUMN = Object.fromEntries(IN_YEAR_COLUMNS.map((header, i) => [header, i + 1])) as Record<
  (typeof IN_YEAR_COLUMNS)[number],
  number
>;

/** The figures a line must have to be worked out again. */
const IN_YEAR_FIGURE_HEADERS = [
  'In-year approved budget',
  'In-year revised budget',
  'Profiled to date',
  'Actual to date',
  'Forecast',
  'All-years budget',
  'All-years forecast',
] as const;

/**
 * Puts the gathered forecasts into the master's in-year sheets and appends the period's snapshot
 * to the history; `undefined` when the master has no In-year monitoring sheet.
 *
 * @example
 * const gathering = gatherInYear(master, [{ ref: 'CP-003', allYearsForecast: d(4.32), inYearForecast: d(3.92), explanation: 'Delivery slips to April' }], settings);
 * gathering?.appended; // one snapshot per scheme at P8
 */
export function gatherInYear(
  workbook: ExcelJS.Workbook,
  gathered: readonly GatheredForecast[],
  settings: PlannerSettings = DEFAULT_SETTINGS,
): InYearGathering | undefined {
  const sheet = workbook.getWorksheet(IN_YEAR_SHEET);
  if (!sheet) return undefined;
  const startMonth = settings.fiscalYearStartMonth as Month;
  const header = IN_YEAR_COLUMNS.map((_, c) => textAt(sheet.getCell(IN_YEAR_HEADER_ROW, c + 1)));
  const period = shownValue(sheet.getCell(3, 4));
  const year = parseFiscalYear(textAt(sheet.getCell(3, 5)), startMonth);
  const none = { updated: 0, appended: 0, refused: [] };
  if (header.some((text, c) => text !== IN_YEAR_COLUMNS[c]))
    return {
      ...none,
      problems: [
        `'${IN_YEAR_SHEET}' row ${IN_YEAR_HEADER_ROW} is not headed ${IN_YEAR_COLUMNS.join(', ')}: its in-year forecasts were not updated`,
      ],
    };
  if (!year.ok || typeof period !== 'number' || period < 1 || period > 12)
    return {
      ...none,
      problems: [
        `'${IN_YEAR_SHEET}' D3:E3 should give the period and year (e.g. 8 and 2016/17): its in-year forecasts were not updated`,
      ],
    };
  const at: MonitoringPeriod = { year: year.value, period: period as MonitoringPeriod['period'] };
  const rules = {
    thresholds: thresholdsOf(settings),
    rag: { amberPercent: settings.amberPercent, redPercent: settings.redPercent },
  };
  const problems: string[] = [];
  const byRef = new Map(gathered.map((given) => [given.ref.toLowerCase(), given]));

  const schemeRows = dataRows(sheet, IN_YEAR_HEADER_ROW + 1);
  // Every line's figures are read before anything is written: all or nothing.
  for (const r of schemeRows) {
    const missing = IN_YEAR_FIGURE_HEADERS.filter(
      (header) => !decimalAt(sheet.getCell(r, COLUMN[header])),
    );
    if (missing.length > 0)
      problems.push(
        `'${IN_YEAR_SHEET}' row ${r} (${textAt(sheet.getCell(r, 1))}) has no figure for ${missing.join(', ')}: the in-year sheets were not updated`,
      );
  }
  if (problems.length > 0) return { at, ...none, problems };

  const lines: SheetLine[] = [];
  for (const r of schemeRows) {
    const cell = (header: (typeof IN_YEAR_COLUMNS)[number]) => sheet.getCell(r, COLUMN[header]);
    const figure = (header: (typeof IN_YEAR_COLUMNS)[number]) => decimalAt(cell(header));
    const ref = textAt(cell('Ref')).trim();
    const figures = {
      inYearApproved: figure('In-year approved budget'),
      inYearRevised: figure('In-year revised budget'),
      profiledToDate: figure('Profiled to date'),
      actualToDate: figure('Actual to date'),
      inYearForecast: figure('Forecast'),
      allYearsBudget: figure('All-years budget'),
      allYearsForecast: figure('All-years forecast'),
    };
    const links: SheetLine['links'] = {};
    const keep = (key: keyof SheetLine['links'], header: (typeof IN_YEAR_COLUMNS)[number]) => {
      const formula = formulaOf(cell(header));
      if (formula) links[key] = `=${formula}`;
    };
    keep('forecast', 'Forecast');
    keep('allYearsForecast', 'All-years forecast');
    keep('explanation', 'Explanation');
    keep('allYearsBudget', 'All-years budget');
    let inYearForecast = figures.inYearForecast as Decimal;
    let allYearsForecast = figures.allYearsForecast as Decimal;
    let explanation = textAt(cell('Explanation'));
    const given = byRef.get(ref.toLowerCase());
    if (given) {
      // A returned figure goes where the cell's link points (the holder's sheet), or in the cell.
      const put = (header: (typeof IN_YEAR_COLUMNS)[number], value: number | string): boolean => {
        const target = cell(header);
        const formula = formulaOf(target);
        if (!formula) {
          target.value = value;
          return true;
        }
        const link = linkedCell(formula);
        const linkedSheet = link && workbook.getWorksheet(link.sheet);
        if (link && linkedSheet) {
          linkedSheet.getCell(link.row, link.column).value = value;
          return true;
        }
        problems.push(
          `the ${header} of ${ref} ('${IN_YEAR_SHEET}'!${target.address}) is a formula that does not link to one cell: it was not overwritten`,
        );
        return false;
      };
      if (put('All-years forecast', toNumber(given.allYearsForecast)))
        allYearsForecast = given.allYearsForecast;
      if (given.inYearForecast && put('Forecast', toNumber(given.inYearForecast)))
        inYearForecast = given.inYearForecast;
      if (given.explanation !== undefined) {
        // A blank explanation is written as a blank cell, and the link (which would show 0) dropped.
        if (given.explanation === '' && links.explanation) {
          const link = linkedCell(links.explanation);
          const linkedSheet = link && workbook.getWorksheet(link.sheet);
          if (link && linkedSheet) linkedSheet.getCell(link.row, link.column).value = null;
          delete links.explanation;
          explanation = '';
        } else if (put('Explanation', given.explanation)) explanation = given.explanation;
      }
    }
    lines.push({
      sheetRow: r,
      links,
      row: monitoringRowOf(
        {
          ref,
          name: textAt(cell('Scheme')),
          area: textAt(cell('Area')),
          inYearApproved: figures.inYearApproved as Decimal,
          inYearRevised: figures.inYearRevised as Decimal,
          profiledToDate: figures.profiledToDate as Decimal,
          actualToDate: figures.actualToDate as Decimal,
          inYearForecast,
          allYearsBudget: figures.allYearsBudget as Decimal,
          allYearsForecast,
          explanation,
        },
        rules,
      ),
    });
  }
  const updated = lines.filter((line) => byRef.has(line.row.ref.toLowerCase())).length;

  // History: append the period's snapshot of every scheme; nothing above is rewritten.
  let historySheet = workbook.getWorksheet(HISTORY_SHEET);
  const before = historySheet ? readHistory(historySheet, startMonth) : [];
  const { history, refused } = appendSnapshots(
    before,
    lines.map((line) => snapshotOf(line.row, at)),
  );
  const added = history.slice(before.length);
  const addedPlan = planHistorySheet(added, settings, startMonth);
  if (!historySheet) {
    historySheet = workbook.addWorksheet(HISTORY_SHEET);
    writeCellsInPlace(historySheet, addedPlan);
  }
  const historyTop = dataRows(historySheet, 2).length + 1;
  addedPlan.cells.slice(1).forEach((row, i) =>
    row.forEach((value, c) => {
      const cell = historySheet.getCell(historyTop + i + 1, c + 1);
      cell.value = fileCell(value);
      const format = addedPlan.formats[0]?.formats[i]?.[c];
      if (format && format !== 'General') cell.numFmt = format;
    }),
  );
  const historyRows = historyTop - 1 + added.length;
  const previous = history
    .map((snapshot) => snapshot.at)
    .filter((when) => compareMonitoringPeriods(when, at) < 0)
    .sort(compareMonitoringPeriods)
    .pop();

  const actualsSheet = workbook.getWorksheet(ACTUALS_SHEET);
  const inYearLines: InYearLine[] = lines.map((line) => {
    const movement = movementSinceLastPeriod(
      history,
      line.row.ref,
      at,
      line.row.inYearForecast,
      line.row.allYearsForecast,
    );
    const links = Object.keys(line.links).length > 0 ? { links: line.links } : {};
    return movement ? { row: line.row, movement, ...links } : { row: line.row, ...links };
  });
  const inYear = planInYearSheet({
    at,
    startMonth,
    lines: inYearLines,
    settings,
    actualsRows: actualsSheet ? dataRows(actualsSheet, 2).length : 0,
    historyRows,
    ...(previous ? { previous } : {}),
  });
  writeCellsInPlace(sheet, inYear.plan, IN_YEAR_HEADER_ROW);
  const position = workbook.getWorksheet(POSITION_SHEET);
  if (position)
    writeCellsInPlace(
      position,
      planPositionSheet({ at, startMonth, lines: inYearLines, inYear: inYear.rows, settings }),
    );
  return {
    at,
    updated,
    appended: added.length,
    refused: refused.map((refusal) => refusal.message),
    problems,
  };
}

/**
 * Each scheme's in-year revised budget on the master's In-year monitoring sheet, by Ref in lower
 * case (empty when there is no such sheet), to check a return's in-year budget against.
 *
 * @example
 * inYearBudgets(master).get('cp-003'); // 4.32
 */
export function inYearBudgets(workbook: ExcelJS.Workbook): Map<string, Decimal> {
  const budgets = new Map<string, Decimal>();
  const sheet = workbook.getWorksheet(IN_YEAR_SHEET);
  if (!sheet) return budgets;
  for (const r of dataRows(sheet, IN_YEAR_HEADER_ROW + 1)) {
    const budget = decimalAt(sheet.getCell(r, COLUMN['In-year revised budget']));
    if (budget) budgets.set(textAt(sheet.getCell(r, 1)).trim().toLowerCase(), budget);
  }
  return budgets;
}

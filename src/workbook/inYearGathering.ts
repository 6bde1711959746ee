/**
 * Gathering returns into the in-year sheets, as a plan both faces carry out (the command line's
 * `consolidate` over ExcelJS, the task pane's Gather over Office.js): the returned in-year and
 * all-years forecasts and explanations go into the `In-year monitoring` sheet (or the holder's
 * cell its link points to), one snapshot per scheme at the sheet's period is appended to
 * `Monitoring history` (nothing above is rewritten), and the In-year monitoring and `Capital
 * budget position` sheets are planned again from the engine's figures, so every cached result
 * (variance, slippage, flags, movement since the last gathering, totals) is right.
 */
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
} from '../core';
import { linkedCell } from './forecastLink';
import {
  IN_YEAR_COLUMNS,
  IN_YEAR_HEADER_ROW,
  IN_YEAR_SHEET,
  planHistorySheet,
  planInYearSheet,
  planPositionSheet,
  type InYearLine,
} from './inYearMonitoring';
import { thresholdsOf } from './monitoring';
import type { SheetPlan } from './plan';
import type { PlannerSettings } from './settings';

/** What a return gave for one scheme. */
export interface GatheredForecast {
  ref: string;
  allYearsForecast: Decimal;
  /** Only this version's returns give these. */
  inYearForecast?: Decimal;
  explanation?: string;
}

/** A sheet's cells from A1 as read: values (a formula's cached result) and formulas (`=...`). */
export interface ReadSheet {
  values: readonly (readonly unknown[])[];
  /** The formula of each cell that has one (with its `=`), `undefined`/'' otherwise. */
  formulas?: readonly (readonly unknown[])[];
}

/** A value to write into one cell (1-based row and column). */
export interface CellWrite {
  sheet: string;
  row: number;
  column: number;
  value: number | string | null;
}

/** What to do to the workbook, and what to say. */
export interface InYearGatheringPlan {
  /** The period gathered at, as the In-year monitoring sheet states it (unknown when unreadable). */
  at?: MonitoringPeriod;
  /** Schemes whose in-year line took a returned figure. */
  updated: number;
  /** Snapshots appended to the history (one per scheme), and those refused with why. */
  appended: number;
  refused: string[];
  /** Anything not done, with its cell. Nothing is written when the sheet cannot be read. */
  problems: string[];
  /** Returned figures, into the In-year sheet or the cells its links point to. */
  writes: CellWrite[];
  /**
   * Rows to append to the history: `rows` (cells and number formats) from sheet row `top`
   * (1-based); `create` when there is no history sheet yet (the plan then includes its header).
   */
  history?: { top: number; rows: SheetPlan['cells']; formats: string[][]; create: boolean };
  /** The In-year monitoring sheet planned again: write its cells from 0-based row `IN_YEAR_HEADER_ROW`. */
  inYear?: SheetPlan;
  /** The committee table planned again, when the workbook has one. */
  position?: SheetPlan;
}

/** The figures a line must have to be worked out again. */
const FIGURE_HEADERS = [
  'In-year approved budget',
  'In-year revised budget',
  'Profiled to date',
  'Actual to date',
  'Forecast',
  'All-years budget',
  'All-years forecast',
] as const;

type InYearHeader = (typeof IN_YEAR_COLUMNS)[number];
const COLUMN = Object.fromEntries(IN_YEAR_COLUMNS.map((header, i) => [header, i])) as Record<
  InYearHeader,
  number
>;

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}

function decimalOf(value: unknown): Decimal | undefined {
  return typeof value === 'number' ? tryFromNumber(value) : undefined;
}

/** 0-based rows with something in column A from `first` down, up to the first blank. */
function dataRows(values: ReadSheet['values'], first: number): number[] {
  const rows: number[] = [];
  for (let r = first; r < values.length; r++) {
    if (textOf(values[r]?.[0]).trim() === '') break;
    rows.push(r);
  }
  return rows;
}

/**
 * The history as its sheet holds it (values from A1); rows it cannot read stay on the sheet and
 * are left out here.
 *
 * @example
 * readHistory([[...HISTORY_COLUMNS], ['CP-001', '2016/17', 6, 2.6, 1.3, 2.5, 2.5, '']], 4); // one P6 snapshot
 */
export function readHistory(values: ReadSheet['values'], startMonth: Month): MonitoringSnapshot[] {
  const history: MonitoringSnapshot[] = [];
  for (const r of dataRows(values, 1)) {
    const row = values[r];
    const year = parseFiscalYear(textOf(row[1]), startMonth);
    const period = row[2];
    const figures = [3, 4, 5, 6].map((c) => decimalOf(row[c]));
    if (!year.ok || typeof period !== 'number' || figures.some((figure) => !figure)) continue;
    const [inYearBudget, actualToDate, inYearForecast, allYearsForecast] = figures as Decimal[];
    const snapshot: MonitoringSnapshot = {
      ref: textOf(row[0]).trim(),
      at: { year: year.value, period: period as MonitoringPeriod['period'] },
      inYearBudget,
      actualToDate,
      inYearForecast,
      allYearsForecast,
    };
    const explanation = textOf(row[7]);
    if (explanation !== '') snapshot.explanation = explanation;
    history.push(snapshot);
  }
  return history;
}

/**
 * Each scheme's in-year revised budget on an In-year monitoring sheet, by Ref in lower case, to
 * check a return's in-year budget against.
 *
 * @example
 * inYearBudgetsOf(inYearValues).get('cp-003'); // 4.32
 */
export function inYearBudgetsOf(values: ReadSheet['values']): Map<string, Decimal> {
  const budgets = new Map<string, Decimal>();
  for (const r of dataRows(values, IN_YEAR_HEADER_ROW)) {
    const budget = decimalOf(values[r][COLUMN['In-year revised budget']]);
    if (budget) budgets.set(textOf(values[r][0]).trim().toLowerCase(), budget);
  }
  return budgets;
}

/** One scheme line read from the In-year monitoring sheet. */
interface SheetLine {
  row: InYearMonitoringRow;
  links: NonNullable<InYearLine['links']>;
}

/**
 * Plans a gathering into the in-year sheets.
 *
 * @example
 * const plan = planInYearGathering({ inYear, history, actualsRows: 40, sheets, settings, gathered });
 * plan.appended; // one snapshot per scheme at the sheet's period
 */
export function planInYearGathering(input: {
  inYear: ReadSheet;
  /** The Monitoring history sheet's values from A1; left out when there is no such sheet. */
  history?: ReadSheet['values'];
  /** Data rows of the Actuals table (0 when there is none). */
  actualsRows: number;
  /** The workbook's sheet names (a link into a missing sheet is not followed). */
  sheets: readonly string[];
  hasPosition: boolean;
  settings: PlannerSettings;
  gathered: readonly GatheredForecast[];
  /**
   * Whether a returned figure goes where an In-year link points. The task pane reads the figures
   * from those very cells and leaves them; the command line copies them in from another file.
   */
  writeThroughLinks: boolean;
}): InYearGatheringPlan {
  const { settings } = input;
  const values = input.inYear.values;
  const formulas = input.inYear.formulas ?? [];
  const startMonth = settings.fiscalYearStartMonth as Month;
  const none = { updated: 0, appended: 0, refused: [], writes: [] };
  const header = IN_YEAR_COLUMNS.map((_, c) => textOf(values[IN_YEAR_HEADER_ROW - 1]?.[c]));
  if (header.some((text, c) => text !== IN_YEAR_COLUMNS[c]))
    return {
      ...none,
      problems: [
        `'${IN_YEAR_SHEET}' row ${IN_YEAR_HEADER_ROW} is not headed ${IN_YEAR_COLUMNS.join(', ')}: its in-year forecasts were not updated`,
      ],
    };
  const period = values[2]?.[3];
  const year = parseFiscalYear(textOf(values[2]?.[4]), startMonth);
  if (
    !year.ok ||
    typeof period !== 'number' ||
    !Number.isInteger(period) ||
    period < 1 ||
    period > 12
  )
    return {
      ...none,
      problems: [
        `'${IN_YEAR_SHEET}' D3:E3 should give the period and year (e.g. 8 and 2016/17): its in-year forecasts were not updated`,
      ],
    };
  const at: MonitoringPeriod = { year: year.value, period: period as MonitoringPeriod['period'] };
  const schemeRows = dataRows(values, IN_YEAR_HEADER_ROW);
  // Every line's figures are read before anything is planned: all or nothing.
  const problems = schemeRows.flatMap((r) => {
    const missing = FIGURE_HEADERS.filter((h) => !decimalOf(values[r][COLUMN[h]]));
    return missing.length > 0
      ? [
          `'${IN_YEAR_SHEET}' row ${r + 1} (${textOf(values[r][0])}) has no figure for ${missing.join(', ')}: the in-year sheets were not updated`,
        ]
      : [];
  });
  if (problems.length > 0) return { at, ...none, problems };

  const rules = {
    thresholds: thresholdsOf(settings),
    rag: { amberPercent: settings.amberPercent, redPercent: settings.redPercent },
  };
  const sheetNames = new Map(input.sheets.map((name) => [name.toLowerCase(), name]));
  const byRef = new Map(input.gathered.map((given) => [given.ref.toLowerCase(), given]));
  const writes: CellWrite[] = [];
  const lines: SheetLine[] = [];
  for (const r of schemeRows) {
    const row = values[r];
    const formulaAt = (h: InYearHeader): string | undefined => {
      const formula = formulas[r]?.[COLUMN[h]];
      return typeof formula === 'string' && formula.startsWith('=') ? formula : undefined;
    };
    const figure = (h: InYearHeader) => decimalOf(row[COLUMN[h]]) as Decimal;
    const ref = textOf(row[0]).trim();
    const links: SheetLine['links'] = {};
    const keep = (key: keyof SheetLine['links'], h: InYearHeader) => {
      const formula = formulaAt(h);
      if (formula) links[key] = formula;
    };
    keep('forecast', 'Forecast');
    keep('allYearsForecast', 'All-years forecast');
    keep('explanation', 'Explanation');
    keep('allYearsBudget', 'All-years budget');
    let inYearForecast = figure('Forecast');
    let allYearsForecast = figure('All-years forecast');
    let explanation = textOf(row[COLUMN.Explanation]);
    const given = byRef.get(ref.toLowerCase());
    if (given) {
      // A returned figure goes where the cell's link points (the holder's sheet), or in the cell.
      const put = (h: InYearHeader, value: number | string | null): boolean => {
        const formula = formulaAt(h);
        if (!formula) {
          writes.push({ sheet: IN_YEAR_SHEET, row: r + 1, column: COLUMN[h] + 1, value });
          return true;
        }
        const link = linkedCell(formula);
        const sheet = link && sheetNames.get(link.sheet.toLowerCase());
        if (link && sheet) {
          if (input.writeThroughLinks)
            writes.push({ sheet, row: link.row, column: link.column, value });
          return true;
        }
        problems.push(
          `the ${h} of ${ref} ('${IN_YEAR_SHEET}' row ${r + 1}) is a formula that does not link to one cell: it was not overwritten`,
        );
        return false;
      };
      if (put('All-years forecast', toNumber(given.allYearsForecast)))
        allYearsForecast = given.allYearsForecast;
      if (given.inYearForecast && put('Forecast', toNumber(given.inYearForecast)))
        inYearForecast = given.inYearForecast;
      if (given.explanation !== undefined) {
        // A blank explanation is a blank cell; a link to it (which would show 0) is dropped.
        if (given.explanation === '' && links.explanation) {
          const link = linkedCell(links.explanation);
          const sheet = link && sheetNames.get(link.sheet.toLowerCase());
          if (link && sheet && input.writeThroughLinks)
            writes.push({ sheet, row: link.row, column: link.column, value: null });
          delete links.explanation;
          explanation = '';
        } else if (put('Explanation', given.explanation)) explanation = given.explanation;
      }
    }
    lines.push({
      links,
      row: monitoringRowOf(
        {
          ref,
          name: textOf(row[COLUMN.Scheme]),
          area: textOf(row[COLUMN.Area]),
          inYearApproved: figure('In-year approved budget'),
          inYearRevised: figure('In-year revised budget'),
          profiledToDate: figure('Profiled to date'),
          actualToDate: figure('Actual to date'),
          inYearForecast,
          allYearsBudget: figure('All-years budget'),
          allYearsForecast,
          explanation,
        },
        rules,
      ),
    });
  }
  const updated = lines.filter((line) => byRef.has(line.row.ref.toLowerCase())).length;

  // History: the period's snapshot of every scheme, appended below what is there.
  const before = input.history ? readHistory(input.history, startMonth) : [];
  const { history, refused } = appendSnapshots(
    before,
    lines.map((line) => snapshotOf(line.row, at)),
  );
  const added = history.slice(before.length);
  const addedPlan = planHistorySheet(added, settings, startMonth);
  const create = input.history === undefined;
  const existingRows = input.history ? dataRows(input.history, 1).length : 0;
  const historyPlan = {
    top: create ? 1 : existingRows + 2,
    rows: create ? addedPlan.cells : addedPlan.cells.slice(1),
    formats: [
      ...(create ? [addedPlan.cells[0].map(() => 'General')] : []),
      ...(addedPlan.formats[0]?.formats ?? []),
    ],
    create,
  };
  const previous = history
    .map((snapshot) => snapshot.at)
    .filter((when) => compareMonitoringPeriods(when, at) < 0)
    .sort(compareMonitoringPeriods)
    .pop();

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
    actualsRows: input.actualsRows,
    historyRows: existingRows + added.length,
    ...(previous ? { previous } : {}),
  });
  const plan: InYearGatheringPlan = {
    at,
    updated,
    appended: added.length,
    refused: refused.map((refusal) => refusal.message),
    problems,
    writes,
    history: historyPlan,
    inYear: inYear.plan,
  };
  if (input.hasPosition)
    plan.position = planPositionSheet({
      at,
      startMonth,
      lines: inYearLines,
      inYear: inYear.rows,
      settings,
    });
  return plan;
}

/** What a budget holder's return shows of the year, from the In-year monitoring sheet. */
export interface InYearForReturns {
  /** The year and period as headed on the return ('2016/17', 'P8'). */
  year: string;
  period: string;
  byRef: Map<string, { inYearBudget: number; actualToDate: number }>;
}

/**
 * The year, period and each scheme's in-year budget and actual to date as an In-year monitoring
 * sheet shows them (values from A1), for the budget holders' returns; `undefined` when the sheet
 * is not laid out as the add-in makes it.
 *
 * @example
 * inYearForReturns(values)?.byRef.get('cp-003'); // { inYearBudget: 4.32, actualToDate: 2.59 }
 */
export function inYearForReturns(values: ReadSheet['values']): InYearForReturns | undefined {
  const header = IN_YEAR_COLUMNS.map((_, c) => textOf(values[IN_YEAR_HEADER_ROW - 1]?.[c]));
  if (header.some((text, c) => text !== IN_YEAR_COLUMNS[c])) return undefined;
  const period = values[2]?.[3];
  const year = textOf(values[2]?.[4]);
  if (typeof period !== 'number' || year === '') return undefined;
  const byRef = new Map<string, { inYearBudget: number; actualToDate: number }>();
  for (const r of dataRows(values, IN_YEAR_HEADER_ROW)) {
    const budget = values[r][COLUMN['In-year revised budget']];
    const actual = values[r][COLUMN['Actual to date']];
    if (typeof budget === 'number' && typeof actual === 'number')
      byRef.set(textOf(values[r][0]).trim().toLowerCase(), {
        inYearBudget: budget,
        actualToDate: actual,
      });
  }
  return { year, period: `P${period}`, byRef };
}

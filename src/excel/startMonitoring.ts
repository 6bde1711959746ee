/**
 * Makes sure a workbook monitors the year and period its settings name: adds the `Actuals`,
 * `Monitoring history`, `In-year monitoring` and `Capital budget position` sheets it lacks, and
 * moves an In-year monitoring sheet that states an earlier period of the year on to this one
 * (forecasts, explanations and links to returns carry over) once the officer says yes; a sheet
 * stating a later period or another year is refused (src/workbook/inYearMove.ts). Runs inside Make forecast sheets and Gather, in
 * their batch and their undo entry: every sheet added is listed and every block rewritten is saved
 * before the first write, so a failure or an Undo puts the workbook back as it was. Two syncs,
 * whatever the number of rows. The layouts are the workbook plans (src/workbook/inYearStart.ts).
 */
import {
  formatMonitoringPeriod,
  subtract,
  sum,
  toNumber,
  tryFromNumber,
  type Decimal,
  type MonitoringPeriod,
  type Month,
  type PhasedColumnAmount,
} from '../core';
import {
  ACTUALS_COLUMNS,
  ACTUALS_SHEET,
  HISTORY_SHEET,
  IN_YEAR_COLUMNS,
  IN_YEAR_HEADER_ROW,
  IN_YEAR_SHEET,
  POSITION_SHEET,
  isDateCell,
  isFormulaCell,
  inYearMoveOf,
  monitoredPeriodOf,
  periodOfInYearSheet,
  planActualsSheet,
  planHistorySheet,
  planInYearStart,
  reprofilesByRef,
  readActualsLines,
  readHistory,
  yearClosedInRevisions,
  type InYearLine,
  type InYearMove,
  type PlannerSettings,
  type SheetPlan,
  type StartingScheme,
} from '../workbook';
import { toA1 } from './a1';
import type { BatchWriter } from './batchWriter';
import type { InYearRead, SheetGrid } from './inYearGathering';
import {
  cellString,
  currentBudgetOfRow,
  type LoggedRevision,
  type ProgrammeSnapshot,
  type RevisionsSnapshot,
} from './readProgramme';
import { askFirst, findReplaced } from './overwrite';
import type { OverwriteNotice, RunOptions } from './types';
import type { UndoEntry } from './undo';
import { officeGrid, writeSheetPlan, type OfficeCell } from './writePlan';

/** What making sure of the in-year sheets did. */
export interface MonitoringStart {
  at: MonitoringPeriod;
  /** Sheets added, in the order added. */
  added: string[];
  /** The period the In-year monitoring sheet stated before it was moved on to `at`. */
  movedFrom?: MonitoringPeriod;
  /** The in-year sheets as they are now, for the gathering. */
  read: InYearRead;
}

/** What the Programme gives each scheme, read by the caller. */
export interface StartInput {
  programme: ProgrammeSnapshot;
  /** A row's current (revised) all-years budget. */
  currentBudget: (row: number) => Decimal | undefined;
  settings: PlannerSettings;
  /** The workbook's sheet names. */
  sheets: readonly string[];
  /**
   * The Revisions log's data rows (as `queueRevisionsRead` gives them): its re-profile lines move
   * the in-year revised budget between the years they name. Absent: no log.
   */
  revisionRows?: readonly (readonly unknown[])[];
}

const CYCLE_SHEETS = [ACTUALS_SHEET, HISTORY_SHEET, IN_YEAR_SHEET, POSITION_SHEET] as const;

/** A plan's cells as Excel would read them back: values (formula results) and formulas. */
function gridOf(plan: SheetPlan): SheetGrid {
  const formulas = officeGrid(plan);
  const values = formulas.map((row, r) =>
    row.map((office, c) => {
      const cell = plan.cells[r]?.[c];
      if (isFormulaCell(cell)) return cell.result ?? '';
      if (isDateCell(cell)) return office;
      return cell ?? '';
    }),
  );
  return { values, formulas };
}

/** The Programme's schemes with their approved phasing (numbers in its period columns). */
function schemesOf(input: StartInput): StartingScheme[] {
  const { programme } = input;
  const { column } = programme;
  const schemes: StartingScheme[] = [];
  const reprofiles = reprofilesByRef(
    input.revisionRows ?? [],
    input.settings.fiscalYearStartMonth as Month,
  );
  programme.values.forEach((row, r) => {
    const ref = cellString(row[column.ref]).trim();
    if (ref === '') return;
    const approvedPhasing: PhasedColumnAmount[] = [];
    for (const { index, period } of programme.periods) {
      const value = row[index];
      const amount = typeof value === 'number' ? tryFromNumber(value) : undefined;
      if (amount) approvedPhasing.push({ column: period, amount });
    }
    const scheme: StartingScheme = {
      ref,
      name: column.scheme >= 0 ? cellString(row[column.scheme]) : ref,
      area: (column.area >= 0 ? cellString(row[column.area]) : '') || 'No area',
      approvedPhasing,
    };
    // Budget not (yet) phased, or added by a revision: in the all-years budget, in no year's.
    const current = input.currentBudget(r);
    if (current) {
      const unphased = subtract(current, sum(approvedPhasing.map((p) => p.amount)));
      if (unphased.units !== 0) scheme.unphasedBudget = unphased;
    }
    // Re-profiles add nothing to the all-years budget (their Signed amount is 0), so the unphased
    // budget above is unchanged; they move the revised budget between their From and To years.
    const moved = reprofiles.get(ref.toLowerCase());
    if (moved) scheme.revisions = moved;
    schemes.push(scheme);
  });
  return schemes;
}

const REVISED = IN_YEAR_COLUMNS.indexOf('In-year revised budget');

/**
 * At the period the In-year sheet already shows, its In-year revised budgets follow the Revisions
 * log as it stands now (a re-profile recorded since the sheet was made moves them). Only figures
 * that differ are written (the variance, slippage and flag beside them are formulas over them),
 * each saved first for Undo; a cell someone made a formula is left alone. Returns the sheet as it
 * reads after the writes, for the gathering that follows.
 */
function followRevisedBudgets(
  sheet: Excel.Worksheet,
  entry: UndoEntry,
  grid: SheetGrid,
  lines: readonly InYearLine[],
): SheetGrid {
  const planned = new Map(
    lines.map((line) => [line.row.ref.toLowerCase(), line.row.inYearRevised]),
  );
  const values = grid.values.map((row) => row.slice());
  const formulas = grid.formulas.map((row) => row.slice());
  for (let r = IN_YEAR_HEADER_ROW; r < values.length; r++) {
    const ref = cellString(values[r]?.[0]).trim();
    if (ref === '') break;
    const budget = planned.get(ref.toLowerCase());
    const shown = values[r][REVISED];
    const formula = formulas[r]?.[REVISED];
    if (budget === undefined || (typeof formula === 'string' && formula.startsWith('='))) continue;
    const figure = toNumber(budget);
    if (typeof shown === 'number' && shown === figure) continue;
    entry.blocks.push({
      sheet: IN_YEAR_SHEET,
      top: r,
      left: REVISED,
      values: [[shown ?? '']],
      formulas: [[formula ?? shown ?? '']],
    });
    sheet.getRangeByIndexes(r, REVISED, 1, 1).values = [[figure]];
    values[r][REVISED] = figure;
    if (formulas[r]) formulas[r][REVISED] = figure;
  }
  return { values, formulas };
}

/** The in-year sheets as read, the plan at the settings' period, and whether the sheet moves. */
export interface InYearPrepared {
  input: StartInput;
  at: MonitoringPeriod;
  contents: Map<string, Excel.Range>;
  start: ReturnType<typeof planInYearStart>;
  actualsRows: number;
  /** The period the In-year sheet stated, when it stated one. */
  stated?: MonitoringPeriod;
  /** The sheet already states the settings' period. */
  current: boolean;
}

/** Why the in-year sheets were not made sure of: a message, and whether the officer said no. */
export interface InYearRefusal {
  message: string;
  cancelled?: boolean;
}

/**
 * A refusal as the failed result of the action that asked (Make forecast sheets, Gather).
 *
 * @example
 * if (prepared && 'message' in prepared) return refusedAction(prepared);
 */
export function refusedAction(refusal: InYearRefusal): {
  ok: false;
  message: string;
  cancelled?: true;
} {
  return {
    ok: false,
    message: refusal.message,
    ...(refusal.cancelled ? { cancelled: true as const } : {}),
  };
}

/**
 * What the in-year sheets are made from, as Make forecast sheets and Gather forecasts read it:
 * the Programme, its Revisions log (for current budgets and re-profiles), the settings and the
 * workbook's sheet names.
 *
 * @example
 * const input = startInputOf(programme, revisionLog, revisionsByRef(revisionLog?.entries ?? []), settings, sheetNames);
 */
export function startInputOf(
  programme: ProgrammeSnapshot,
  revisionLog: RevisionsSnapshot | undefined,
  revisions: ReadonlyMap<string, LoggedRevision[]>,
  settings: PlannerSettings,
  sheets: readonly string[],
): StartInput {
  return {
    programme,
    currentBudget: (r) => currentBudgetOfRow(programme, r, revisions),
    ...(revisionLog ? { revisionRows: revisionLog.rows } : {}),
    settings,
    sheets,
  };
}

/**
 * Reads the in-year sheets and decides (src/workbook/inYearMove.ts) whether the In-year sheet may
 * move to the settings' period: a later period of the year (or the next year's, once the stated
 * one is closed) is asked through `run.confirm` with the overwrite dialog; an earlier period or
 * another year is refused. Nothing is written here, so a refusal or a no leaves the workbook as
 * it was. Two syncs. `undefined` when the settings name no year and period.
 *
 * @example
 * const prepared = await prepareInYearSheets(context, input, { confirm }, 'Gather forecasts');
 * if (prepared && 'message' in prepared) return { ok: false, ...prepared };
 */
export async function prepareInYearSheets(
  context: Excel.RequestContext,
  input: StartInput,
  run: RunOptions,
  action: string,
): Promise<InYearPrepared | InYearRefusal | undefined> {
  const { settings } = input;
  const at = monitoredPeriodOf(settings);
  if (!at) return undefined;
  const startMonth = settings.fiscalYearStartMonth as Month;
  const label = formatMonitoringPeriod(at, startMonth);
  if (input.programme.periods.length === 0)
    return {
      message: `The Programme has no period columns to take the ${label} budgets from: set it up with years or quarters and phase the schemes first.`,
    };
  const book = context.workbook.worksheets;
  const has = (name: string) => input.sheets.includes(name);

  // Read 1: how far each sheet there goes. Read 2: its contents from A1.
  const used = new Map<string, Excel.Range>();
  for (const name of CYCLE_SHEETS)
    if (has(name))
      used.set(
        name,
        book
          .getItem(name)
          .getUsedRangeOrNullObject(true)
          .load('rowIndex, rowCount, columnIndex, columnCount'),
      );
  if (used.size > 0) await context.sync();
  const contents = new Map<string, Excel.Range>();
  for (const [name, range] of used) {
    const rows = range.isNullObject ? 1 : range.rowIndex + range.rowCount;
    const columns = Math.max(
      name === IN_YEAR_SHEET ? IN_YEAR_COLUMNS.length : name === POSITION_SHEET ? 11 : 8,
      range.isNullObject ? 1 : range.columnIndex + range.columnCount,
    );
    contents.set(
      name,
      book
        .getItem(name)
        .getRangeByIndexes(0, 0, rows, columns)
        .load('values, formulas, numberFormat'),
    );
  }
  if (contents.size > 0) await context.sync();

  const actuals = contents.get(ACTUALS_SHEET);
  if (
    actuals &&
    actuals.values.length > 1 &&
    ACTUALS_COLUMNS.some((header, c) => cellString(actuals.values[0]?.[c]) !== header)
  )
    return {
      message: `The ${ACTUALS_SHEET} sheet does not start with the columns ${ACTUALS_COLUMNS.join(', ')} in A1: rename that sheet (or move what it holds) so the in-year figures can be worked out.`,
    };
  const inYearSheet = contents.get(IN_YEAR_SHEET);
  const stated = inYearSheet ? periodOfInYearSheet(inYearSheet.values, startMonth) : undefined;
  const move = stated
    ? inYearMoveOf(
        stated,
        at,
        startMonth,
        yearClosedInRevisions(input.revisionRows ?? [], stated.year, startMonth),
      )
    : undefined;
  // An earlier period or another year: most likely the settings, never written over silently.
  if (move && (move.kind === 'backwards' || move.kind === 'otherYear'))
    return { message: move.message };
  const ledger = actuals ? readActualsLines(actuals.values, startMonth) : [];
  const actualsRows = actuals ? Math.max(0, actuals.values.length - 1) : 0;
  const historySheet = contents.get(HISTORY_SHEET);
  const history = historySheet ? readHistory(historySheet.values, startMonth) : [];
  const historyRows = historySheet ? Math.max(0, historySheet.values.length - 1) : 0;
  const start = planInYearStart({
    at,
    schemes: schemesOf(input),
    ledger,
    actualsRows,
    history,
    historyRows,
    settings,
    ...(inYearSheet ? { kept: inYearSheet } : {}),
  });
  // Moving on replaces the sheet's figures: asked first, as every overwrite is.
  if (move?.kind === 'moveOn' && inYearSheet) {
    const refused = await askToMoveOn(
      run,
      action,
      move,
      inYearSheet,
      start.inYear.plan,
      startMonth,
    );
    if (refused) return refused;
  }
  return {
    input,
    at,
    contents,
    start,
    actualsRows,
    ...(stated ? { stated } : {}),
    current: move?.kind === 'same',
  };
}

/** Asks before moving the In-year sheet on; a refusal (no, or no way to ask), or undefined to go on. */
async function askToMoveOn(
  run: RunOptions,
  action: string,
  move: Extract<InYearMove, { kind: 'moveOn' }>,
  old: Excel.Range,
  plan: SheetPlan,
  startMonth: Month,
): Promise<InYearRefusal | undefined> {
  const from = formatMonitoringPeriod(move.from, startMonth);
  const to = formatMonitoringPeriod(move.to, startMonth);
  const replaced = findReplaced(old.formulas, old.values, officeGrid(plan), 0, 0);
  const notice: OverwriteNotice = {
    action,
    sheet: IN_YEAR_SHEET,
    address: `A1:${toA1(Math.max(0, old.values.length - 1), Math.max(0, (old.values[0]?.length ?? 1) - 1))}`,
    cellCount: replaced.count,
    examples: replaced.examples,
    message: move.question,
    title: `Move ${IN_YEAR_SHEET} on from ${from} to ${to}?`,
    confirmLabel: 'Move on',
  };
  const staysAt = `the '${IN_YEAR_SHEET}' sheet stays at ${from}`;
  const yes = await askFirst(run, notice);
  if (yes === undefined) return { message: `${move.question} Nothing was changed: confirm first.` };
  return yes
    ? undefined
    : { cancelled: true, message: `${action} was cancelled: ${staysAt}; nothing was changed.` };
}

/**
 * Makes sure the in-year sheets exist at the period the settings name (see the module comment),
 * from what `prepareInYearSheets` read and decided: sheets added, the In-year sheet moved on (the
 * officer said yes) or its revised budgets followed.
 *
 * @example
 * const start = await writeInYearSheets(context, writer, entry, prepared);
 */
export async function writeInYearSheets(
  context: Excel.RequestContext,
  writer: BatchWriter,
  entry: UndoEntry,
  prepared: InYearPrepared,
): Promise<MonitoringStart> {
  const { input, at, contents, start, actualsRows, stated, current } = prepared;
  const { settings } = input;
  const startMonth = settings.fiscalYearStartMonth as Month;
  const book = context.workbook.worksheets;
  const has = (name: string) => input.sheets.includes(name);
  const historySheet = contents.get(HISTORY_SHEET);
  const inYearSheet = contents.get(IN_YEAR_SHEET);
  const added: string[] = [];
  const add = (plan: SheetPlan): Excel.Worksheet => {
    const sheet = book.add(plan.name);
    // Listed before its first write: a failure part-way removes it.
    entry.addedSheets.push(plan.name);
    added.push(plan.name);
    return sheet;
  };
  // A sheet written again: what it holds is saved first (values, formulas, formats).
  const rewrite = async (plan: SheetPlan, old: Excel.Range) => {
    const grid = officeGrid(plan);
    const rows = Math.max(grid.length, old.values.length);
    const width = Math.max(grid[0]?.length ?? 0, old.values[0]?.length ?? 0);
    const pad = <T>(source: readonly (readonly T[])[], blank: T) =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: width }, (_, c) => source[r]?.[c] ?? blank),
      );
    entry.blocks.push({
      sheet: plan.name,
      top: 0,
      left: 0,
      values: pad(old.values, ''),
      formulas: pad(old.formulas, ''),
      numberFormat: pad(old.numberFormat, 'General'),
    });
    const sheet = book.getItem(plan.name);
    sheet.getRangeByIndexes(0, 0, rows, width).numberFormat = pad<string>([], 'General');
    await writeSheetPlan(context, writer, sheet, plan, {
      cells: pad<OfficeCell>(grid, ''),
      freeze: false,
      clearConditionalFormats: { rows, columns: width },
    });
  };

  if (!has(ACTUALS_SHEET)) {
    const plan = planActualsSheet([], settings, startMonth);
    await writeSheetPlan(context, writer, add(plan), plan);
  }
  if (!has(HISTORY_SHEET)) {
    const plan = planHistorySheet([], settings, startMonth);
    await writeSheetPlan(context, writer, add(plan), plan);
  }
  let inYearGrid: SheetGrid | undefined = inYearSheet;
  if (!inYearSheet) {
    await writeSheetPlan(context, writer, add(start.inYear.plan), start.inYear.plan);
    inYearGrid = gridOf(start.inYear.plan);
  } else if (!current) {
    await rewrite(start.inYear.plan, inYearSheet);
    inYearGrid = gridOf(start.inYear.plan);
  } else {
    inYearGrid = followRevisedBudgets(book.getItem(IN_YEAR_SHEET), entry, inYearSheet, start.lines);
  }
  const positionSheet = contents.get(POSITION_SHEET);
  let positionGrid: SheetGrid | undefined = positionSheet;
  if (!positionSheet) {
    await writeSheetPlan(context, writer, add(start.position), start.position);
    positionGrid = gridOf(start.position);
  } else if (!current) {
    await rewrite(start.position, positionSheet);
    positionGrid = gridOf(start.position);
  }

  const historyGrid: SheetGrid = historySheet ?? gridOf(planHistorySheet([], settings, startMonth));
  const result: MonitoringStart = {
    at,
    added,
    read: {
      inYear: inYearGrid as SheetGrid,
      history: historyGrid,
      actualsRows,
      ...(positionGrid ? { position: positionGrid } : {}),
      sheets: [...input.sheets, ...added],
    },
  };
  if (stated && !current) result.movedFrom = stated;
  return result;
}

/**
 * Makes sure the in-year sheets exist at the period the settings name (see the module comment):
 * `prepareInYearSheets` then `writeInYearSheets`. Returns `undefined` when the settings name no
 * year and period (nothing is done), a message when the workbook's sheets cannot be read as the
 * add-in lays them out, or when the In-year sheet may not move (asked and refused, or backwards).
 *
 * @example
 * const start = await ensureInYearSheets(context, writer, entry, { programme, currentBudget, settings, sheets }, { confirm }, 'Make forecast sheets');
 * if (start && 'message' in start) return { ok: false, message: start.message };
 */
export async function ensureInYearSheets(
  context: Excel.RequestContext,
  writer: BatchWriter,
  entry: UndoEntry,
  input: StartInput,
  run: RunOptions = {},
  action = 'Make forecast sheets',
): Promise<MonitoringStart | InYearRefusal | undefined> {
  const prepared = await prepareInYearSheets(context, input, run, action);
  if (!prepared || 'message' in prepared) return prepared;
  return writeInYearSheets(context, writer, entry, prepared);
}

/**
 * "Close the year" in the task pane (issue 14): the same plan as `capital-planner rollover`
 * (src/workbook/rollover.ts), read from the live workbook through Office.js, shown change by
 * change before it is confirmed, and written all-or-nothing and undoable. Excel recalculates the
 * Programme's totals, the Financing sheet and everything else that reads the new phasing itself,
 * so unlike the CLI (src/xlsx/rollover/refreshFigures.ts) nothing here works figures out again.
 */
import {
  compare,
  formatFiscalYear,
  isTotalLabel,
  toNumber,
  tryFromNumber,
  ZERO,
  type Decimal,
  type Month,
  type Parsed,
} from '../core';
import {
  IN_YEAR_HEADER_ROW,
  IN_YEAR_SHEET,
  REVISION_COLUMNS,
  REVISION_COLUMNS_BEFORE_YEARS,
  REVISIONS_TABLE,
  SETTINGS_LAYOUT,
  SETTINGS_SHEET,
  planRollover,
  planSettingsSheet,
  revisionRow,
  revisionRowFormats,
  type PlannerSettings,
  type RolloverInput,
  type RolloverPlan,
  closingReference,
  statedPeriodOfInYearSheet,
} from '../workbook';
import { toA1 } from './a1';
import { runAction, throwIfCancelled } from './action';
import { BatchWriter, currentRequestBudget } from './batchWriter';
import { isBlankCell, restorableContent } from './cellText';
import { excelRun } from './excelRun';
import {
  adjacentRuns,
  cellString,
  readProgrammeColumns,
  queueRevisionsRead,
  type ProgrammeSnapshot,
  type RevisionsSnapshot,
} from './readProgramme';
import { queueSettingsRead } from './settings';
import { allOrNothing, rememberChange, type SavedBlock, type UndoEntry } from './undo';
import { officeCell, officeGrid } from './writePlan';
import type {
  ActionResult,
  OverwriteNotice,
  RolloverCellChange,
  RolloverLine,
  RolloverPreview,
  RolloverResult,
  RunOptions,
} from './types';

const ACTION = 'Close the year';

/** Everything closing the year reads, and the plan made from it. */
interface RolloverReading {
  programme: ProgrammeSnapshot;
  log: RevisionsSnapshot;
  settings: PlannerSettings;
  settingsSaved: boolean;
  input: RolloverInput;
  /** Row (0-based, within the Programme's body) of each scheme being closed. */
  rows: Map<string, number>;
  plan: RolloverPlan;
}

/** A figure as the preview shows it: blank, or the number. */
function shown(value: unknown): string {
  return isBlankCell(value) ? '' : String(value);
}

/** The amount in a Programme cell, blank = zero; undefined when it is not a figure. */
function moneyOf(value: unknown): Decimal | undefined {
  if (isBlankCell(value)) return ZERO;
  return typeof value === 'number' ? tryFromNumber(value) : undefined;
}

/** Reads the Programme, the Revisions log, the In-year monitoring sheet and the settings; plans. */
async function readAndPlan(run: RunOptions): Promise<Parsed<RolloverReading>> {
  return excelRun(async (context) => {
    const { programme, extra } = await readProgrammeColumns(
      context,
      currentRequestBudget(),
      ['ref', 'scheme', 'phasing', 'profile'],
      true,
      (ctx) => {
        const readSettings = queueSettingsRead(ctx);
        const readLog = queueRevisionsRead(ctx);
        const inYear = ctx.workbook.worksheets.getItemOrNullObject(IN_YEAR_SHEET);
        inYear.load('name');
        return () => ({ ...readSettings(), log: readLog(), inYear });
      },
      (rest) => rest.settings.fiscalYearStartMonth as Month,
    );
    throwIfCancelled(run.signal);
    const { settings, saved, log, inYear } = extra;
    const missing = [
      ...(programme ? [] : ["the 'Programme' table"]),
      ...(log ? [] : ["the 'Revisions' log"]),
      ...(inYear.isNullObject ? [`the '${IN_YEAR_SHEET}' sheet`] : []),
    ];
    if (!programme || !log || inYear.isNullObject)
      return {
        ok: false,
        message: `This workbook lacks ${missing.join(' and ')}: closing the year needs the Programme, the Revisions log and the In-year monitoring at period 12 (set them up with Set up and Monitor first).`,
      };
    if (programme.periodProblem) return { ok: false, message: programme.periodProblem };
    const used = inYear.getUsedRange(true).load('values, rowIndex, columnIndex');
    await context.sync();
    // The used range may not start at A1: place its values on the sheet's grid.
    const at = (row: number, column: number): unknown =>
      used.values[row - used.rowIndex]?.[column - used.columnIndex] ?? '';
    const startMonth = settings.fiscalYearStartMonth as Month;

    const monitored = statedPeriodOfInYearSheet(at(2, 3), cellString(at(2, 4)), startMonth);
    if (!monitored.ok) return { ok: false, message: `${monitored.message}.` };
    const { year } = monitored.value;
    const closing = closingReference(year, startMonth);
    const closedAt = log.rows.findIndex((row) => cellString(row[6]).trim() === closing);
    if (closedAt >= 0)
      return {
        ok: false,
        message: `${formatFiscalYear(year, startMonth)} was closed already: the Revisions log has its '${closing}' lines (${log.sheet}!${toA1(log.top + closedAt, log.left)}). Undo the close, or move the In-year monitoring on to the next year.`,
      };

    const outturns = new Map<string, { outturn: Decimal; allYears?: Decimal }>();
    for (let r = IN_YEAR_HEADER_ROW; cellString(at(r, 0)).trim() !== ''; r++) {
      const ref = cellString(at(r, 0)).trim();
      const outturn = moneyOf(at(r, 6));
      if (outturn === undefined || isBlankCell(at(r, 6)))
        return {
          ok: false,
          message: `'${IN_YEAR_SHEET}'!${toA1(r, 6)}: the actual to date of ${ref} is not a figure: bring in the year's actuals first.`,
        };
      const allYears = isBlankCell(at(r, 12)) ? undefined : moneyOf(at(r, 12));
      outturns.set(ref, allYears ? { outturn, allYears } : { outturn });
    }

    const { column } = programme;
    const rows = new Map<string, number>();
    const schemes: RolloverInput['schemes'][number][] = [];
    for (let r = 0; r < programme.values.length; r++) {
      const row = programme.values[r];
      const ref = column.ref >= 0 ? cellString(row[column.ref]).trim() : '';
      if (ref === '') continue;
      if (isTotalLabel(ref)) break;
      const periods: Decimal[] = [];
      for (const { index } of programme.periods) {
        const amount = moneyOf(row[index]);
        if (amount === undefined)
          return {
            ok: false,
            message: `${programme.sheet}!${toA1(programme.top + r, programme.left + index)} of ${ref} is not a figure: correct it before closing the year.`,
          };
        periods.push(amount);
      }
      const seen = outturns.get(ref);
      // A scheme not phased yet (TBC) and with no spend has nothing to close.
      if (periods.every((amount) => amount.units === 0) && !seen?.outturn.units) continue;
      rows.set(ref, r);
      const scheme: RolloverInput['schemes'][number] = {
        ref,
        name: column.scheme >= 0 ? cellString(row[column.scheme]) : '',
        periods,
        outturn: seen?.outturn ?? ZERO,
      };
      if (seen?.allYears) scheme.allYearsForecast = seen.allYears;
      // The Phasing phrase and Profile, rewritten if closing the year leaves them wrong (else
      // Phase would spread the budget back over the closed year), as the command line does.
      const phrase = column.phasing >= 0 ? cellString(row[column.phasing]).trim() : '';
      if (phrase !== '')
        scheme.words = {
          phasing: phrase,
          profile: column.profile >= 0 ? cellString(row[column.profile]) : '',
        };
      schemes.push(scheme);
    }
    const input: RolloverInput = {
      at: monitored.value,
      columns: programme.periods.map((p) => p.period),
      schemes,
      decimals: settings.decimals,
      startMonth,
    };
    const plan = planRollover(input);
    if (!plan.ok) return { ok: false, message: `${plan.message}.` };
    return {
      ok: true,
      value: { programme, log, settings, settingsSaved: saved, input, rows, plan: plan.value },
    };
  });
}

/** The Programme body's period columns after closing: every cell as it is, closed schemes' new. */
function nextProgramme(reading: RolloverReading): unknown[][] {
  const { programme, plan, rows } = reading;
  const next = programme.formulas.map((row, r) =>
    row.map((formula, c) => restorableContent(formula, programme.values[r][c])),
  );
  for (const { ref, amounts, words } of plan.periods) {
    const r = rows.get(ref);
    if (r === undefined) continue;
    if (words) {
      const { phasing, profile } = programme.column;
      if (phasing >= 0) next[r][phasing] = words.phasing;
      if (profile >= 0) next[r][profile] = words.profile;
    }
    programme.periods.forEach(({ index }, k) => {
      const amount = amounts[k];
      const old = moneyOf(programme.values[r][index]) ?? ZERO;
      // Only what moves is written; a blank stays blank when its amount stays zero.
      if (compare(amount, old) !== 0) next[r][index] = amount.units === 0 ? '' : toNumber(amount);
    });
  }
  return next;
}

/** The Programme columns closing the year writes: the periods, and Phasing and Profile when reworded. */
function writtenColumns(reading: RolloverReading): number[] {
  const { programme, plan } = reading;
  const reworded = plan.periods.some(({ words }) => words !== undefined);
  const { phasing, profile } = programme.column;
  return [
    ...programme.periods.map((p) => p.index),
    ...(reworded ? [phasing, profile].filter((index) => index >= 0) : []),
  ].sort((a, b) => a - b);
}

/** The settings rows (0-based on the settings sheet) of the monitoring year and period. */
function monitoringRows(): { year: number; period: number } {
  const row = (key: string) => SETTINGS_LAYOUT.findIndex((entry) => entry.key === key) + 1;
  return { year: row('monitoringYear'), period: row('monitoringPeriod') };
}

/** The settings cells B(year):B(period) as they become: the next year, period 1. */
function nextSettingsCells(reading: RolloverReading): unknown[][] {
  const { year, period } = monitoringRows();
  const grid = officeGrid(
    planSettingsSheet({
      ...reading.settings,
      monitoringYear: reading.plan.next.year,
      monitoringPeriod: reading.plan.next.period,
    }),
  );
  return grid.slice(year, period + 1).map((row) => [row[1]]);
}

/** Every change, for the pane's preview and confirm dialog. */
function previewOf(reading: RolloverReading, next: unknown[][]): RolloverPreview {
  const { programme, plan, input } = reading;
  const startMonth = input.startMonth as Month;
  const cells: RolloverCellChange[] = [];
  const changed = new Set<string>();
  for (const [ref, r] of reading.rows)
    for (const index of writtenColumns(reading)) {
      const before = restorableContent(programme.formulas[r][index], programme.values[r][index]);
      if (next[r][index] === before) continue;
      changed.add(ref);
      cells.push({
        sheet: programme.sheet,
        cell: toA1(programme.top + r, programme.left + index),
        what: `${ref} ${programme.headers[index] ?? ''}`,
        now: shown(programme.values[r][index]),
        becomes: shown(next[r][index]),
      });
    }
  if (reading.settingsSaved) {
    const rows = monitoringRows();
    const becomes = nextSettingsCells(reading);
    const now = [reading.settings.monitoringYear, reading.settings.monitoringPeriod];
    (['monitoringYear', 'monitoringPeriod'] as const).forEach((key, k) =>
      cells.push({
        sheet: SETTINGS_SHEET,
        cell: toA1(k === 0 ? rows.year : rows.period, 1),
        what:
          key === 'monitoringYear' ? 'Financial year being monitored' : 'Period being monitored',
        now:
          key === 'monitoringYear' && typeof now[0] === 'number'
            ? formatFiscalYear(now[0], startMonth)
            : shown(now[k] ?? ''),
        becomes: shown(becomes[k][0]).replace(/^'/, ''),
      }),
    );
  }
  const lines: RolloverLine[] = plan.revisionLines.map((line) => ({
    ref: line.ref,
    kind: line.kind,
    amount: line.amount,
    ...(line.fromYear !== undefined
      ? { fromYear: formatFiscalYear(line.fromYear, startMonth) }
      : {}),
    ...(line.toYear !== undefined ? { toYear: formatFiscalYear(line.toYear, startMonth) } : {}),
    reason: line.reason,
    reference: line.reference ?? '',
  }));
  return {
    closing: formatFiscalYear(input.at.year, startMonth),
    next: formatFiscalYear(plan.next.year, startMonth),
    lines,
    cells,
    schemes: changed.size,
  };
}

/**
 * What closing the year would change, without changing anything: the Revisions lines it would
 * add and every Programme (and settings) cell it would rewrite, old and new. A workbook not at
 * period 12, without the sheets it needs or already closed is a message saying what to do.
 *
 * @example
 * const preview = await previewRollover();
 * if (preview.ok) preview.value.lines[0].reason; // 'Slippage carried forward from 2016/17 to 2017/18'
 */
export async function previewRollover(
  run: RunOptions = {},
): Promise<ActionResult<RolloverPreview>> {
  return runAction(ACTION, async () => {
    const reading = await readAndPlan(run);
    if (!reading.ok) return reading;
    return { ok: true, value: previewOf(reading.value, nextProgramme(reading.value)) };
  });
}

/**
 * Closes the year: asks `run.confirm` with every change, then writes the Programme's new phasing,
 * appends the carry-forward and outturn lines to the Revisions log and moves the monitoring
 * settings to the next year's period 1, all-or-nothing; "Undo last change" takes it all back
 * (the appended lines included: they are this action's own, not revisions recorded by hand).
 *
 * @example
 * const result = await closeTheYear({ confirm });
 * if (result.ok) show(result.value.revisionsAddress);
 */
export async function closeTheYear(run: RunOptions = {}): Promise<ActionResult<RolloverResult>> {
  return runAction(ACTION, async () => {
    const read = await readAndPlan(run);
    if (!read.ok) return read;
    const reading = read.value;
    const { programme, log, plan, settings } = reading;
    const next = nextProgramme(reading);
    const preview = previewOf(reading, next);

    const notice: OverwriteNotice = {
      action: ACTION,
      sheet: programme.sheet,
      address: preview.cells[0]?.cell ?? '',
      cellCount: preview.cells.length,
      examples: preview.cells.map((change) => ({
        cell: change.sheet === programme.sheet ? change.cell : `${change.sheet}!${change.cell}`,
        was: change.now,
        becomes: change.becomes,
      })),
      message: `Closing ${preview.closing} adds ${plan.revisionLines.length} line${plan.revisionLines.length === 1 ? '' : 's'} to the Revisions log, re-phases ${preview.schemes} scheme${preview.schemes === 1 ? '' : 's'} and makes ${preview.next} the year being monitored. "Undo last change" takes it all back.`,
    };
    if (!run.confirm)
      return { ok: false, message: `${notice.message} Nothing was changed: confirm first.` };
    let yes = false;
    try {
      yes = await run.confirm(notice);
    } catch {
      yes = false;
    }
    if (!yes)
      return {
        ok: false,
        cancelled: true,
        message: `${ACTION} was cancelled; nothing was changed.`,
      };
    throwIfCancelled(run.signal);

    const runs = adjacentRuns(writtenColumns(reading));
    const pick = (grid: readonly (readonly unknown[])[], first: number, count: number) =>
      grid.map((row) => row.slice(first, first + count));
    const blocks: SavedBlock[] = runs.map((span) => ({
      sheet: programme.sheet,
      top: programme.top,
      left: programme.left + span.first,
      values: pick(programme.values, span.first, span.count),
      formulas: pick(programme.formulas, span.first, span.count),
    }));

    // The log's one blank row (a log with no revisions yet) takes the first line; the rest are added.
    const width = Math.min(
      Math.max(log.rows[0]?.length ?? REVISION_COLUMNS.length, REVISION_COLUMNS_BEFORE_YEARS),
      REVISION_COLUMNS.length,
    );
    const onlyBlankRow =
      log.rows.length === 1 && log.rows[0].every((v, i) => i === 4 || isBlankCell(v));
    const formats = revisionRowFormats(settings.unit, settings.decimals).slice(0, width);
    // The log's first row gets its formats before its values, so its Text cells take text as
    // typed; rows added to the table get formats after, so their text keeps the apostrophe
    // (as recordRevision writes them).
    const lines = plan.revisionLines.map((line, i) =>
      revisionRow(line)
        .slice(0, width)
        .map((cell, c) => officeCell(cell, onlyBlankRow && i === 0 ? formats[c] : undefined)),
    );
    const firstRow = onlyBlankRow ? log.top : log.top + log.rows.length;
    const added = onlyBlankRow ? lines.slice(1) : lines;
    const settingsRows = monitoringRows();

    if (onlyBlankRow || reading.settingsSaved)
      await excelRun(async (context) => {
        const reads: { block: SavedBlock; range: Excel.Range }[] = [];
        const queue = (sheet: string, top: number, left: number, rows: number, columns: number) => {
          const range = context.workbook.worksheets
            .getItem(sheet)
            .getRangeByIndexes(top, left, rows, columns)
            .load('values, formulas, numberFormat');
          reads.push({ block: { sheet, top, left, values: [], formulas: [] }, range });
        };
        if (onlyBlankRow) queue(log.sheet, log.top, log.left, 1, width);
        if (reading.settingsSaved)
          queue(
            SETTINGS_SHEET,
            settingsRows.year,
            1,
            settingsRows.period - settingsRows.year + 1,
            1,
          );
        await context.sync();
        for (const { block, range } of reads) {
          block.values = range.values;
          block.formulas = range.formulas;
          block.numberFormat = range.numberFormat;
          blocks.push(block);
        }
      });

    const entry: UndoEntry = {
      label: `Close the year ${preview.closing}`,
      blocks,
      addedSheets: [],
      addedTableRows:
        added.length > 0
          ? [
              {
                table: REVISIONS_TABLE,
                from: log.rows.length,
                count: added.length,
                values: added,
              },
            ]
          : [],
    };
    await allOrNothing(entry, () =>
      excelRun(async (context) => {
        const writer = new BatchWriter(context, run, 'Closing the year');
        const sheet = context.workbook.worksheets.getItem(programme.sheet);
        for (const span of runs)
          await writer.write(
            sheet,
            programme.top,
            programme.left + span.first,
            pick(next, span.first, span.count),
            'formulas',
          );
        const logSheet = context.workbook.worksheets.getItem(log.sheet);
        if (onlyBlankRow && lines.length > 0) {
          // Formats before values, so text stays text (as recordRevision writes the first row).
          const first = logSheet.getRangeByIndexes(log.top, log.left, 1, width);
          first.numberFormat = [formats];
          first.values = [lines[0]];
        }
        if (added.length > 0) {
          context.workbook.tables.getItem(REVISIONS_TABLE).rows.add(undefined, added);
          logSheet.getRangeByIndexes(
            firstRow + (onlyBlankRow ? 1 : 0),
            log.left,
            added.length,
            width,
          ).numberFormat = added.map(() => formats);
        }
        if (reading.settingsSaved)
          context.workbook.worksheets
            .getItem(SETTINGS_SHEET)
            .getRangeByIndexes(
              settingsRows.year,
              1,
              settingsRows.period - settingsRows.year + 1,
              1,
            ).values = nextSettingsCells(reading);
        await writer.finish();
      }),
    );
    rememberChange(entry);
    return {
      ok: true,
      value: {
        preview,
        revisionsSheet: log.sheet,
        revisionsAddress: `${toA1(firstRow, log.left)}:${toA1(firstRow + Math.max(lines.length, 1) - 1, log.left + width - 1)}`,
      },
    };
  });
}

/**
 * Bring in actual spend from a ledger export (text the pane read, or a range of the workbook):
 * a preview of how each column is read and what will happen to every row, then an append to the
 * `Actuals` sheet, all-or-nothing and undoable. The In-year monitoring sheet's "Actual to date"
 * is a SUMIFS over whole Actuals columns, so it follows the lines added without being rewritten.
 *
 * Every row is accounted for: brought in, left out by the officer's choice (unknown refs, repeats,
 * lines already in Actuals), or reported as unreadable with its row. Nothing is dropped silently.
 */
import {
  ZERO,
  add,
  convertUnit,
  formatFiscalYear,
  guessLedgerMapping,
  importLedger,
  toNumber,
  type LedgerImport,
  type LedgerLine,
  type LedgerMapping,
  type MoneyUnit,
  type Month,
} from '../core';
import {
  ACTUALS_COLUMNS,
  ACTUALS_SHEET,
  planActualsSheet,
  type PlannerSettings,
} from '../workbook';
import { toA1 } from './a1';
import { runAction, throwIfCancelled } from './action';
import { BatchWriter } from './batchWriter';
import { isBlankCell } from './cellText';
import { readBlock } from './checks';
import { excelRun } from './excelRun';
import { cellString, queueProgrammeRead } from './readProgramme';
import { queueSettingsRead } from './settings';
import { allOrNothing, rememberChange, type UndoEntry } from './undo';
import type {
  ActionResult,
  ActualsChoices,
  ActualsPreview,
  ActualsResult,
  LedgerRows,
  RunOptions,
} from './types';
import { officeGrid, writeSheetPlan } from './writePlan';

/** The line's identity for "already in Actuals" and repeats: scheme, year, period, amount, description. */
function lineKey(ref: string, year: string, period: number, amount: number, description: string) {
  return JSON.stringify([ref, year, period, amount, description]);
}

/** What the workbook tells the ledger reader: refs, cost codes, the year, the Actuals already there. */
interface LedgerContext {
  settings: PlannerSettings;
  refs: string[];
  costCodes: Map<string, string>;
  actuals?: { rows: unknown[][]; header: string[] };
}

async function readLedgerContext(
  context: Excel.RequestContext,
  run: RunOptions,
): Promise<ActionResult<LedgerContext>> {
  const readProgramme = queueProgrammeRead(context);
  const readSettings = queueSettingsRead(context);
  const actualsSheet = context.workbook.worksheets.getItemOrNullObject(ACTUALS_SHEET);
  actualsSheet.load('name');
  const used = actualsSheet.getUsedRangeOrNullObject(true).load('values, rowIndex, columnIndex');
  await context.sync();
  throwIfCancelled(run.signal);
  const { settings } = readSettings();
  const programme = readProgramme(settings.fiscalYearStartMonth as Month);
  if (!programme)
    return {
      ok: false,
      message:
        'There is no Programme table: set one up (or bring one in) before bringing in actuals, so each ledger line can be matched to its scheme.',
    };
  const refColumn = programme.column.ref;
  const refs = programme.values
    .map((row) => (refColumn >= 0 ? cellString(row[refColumn]) : ''))
    .filter((ref) => ref !== '');
  // A Programme with a cost code column maps ledger cost codes to schemes.
  const codeColumn = programme.headers.findIndex((h) =>
    /^cost ?(code|centre|center)s?$/i.test(h.trim()),
  );
  const costCodes = new Map<string, string>();
  for (const row of programme.values) {
    const ref = refColumn >= 0 ? cellString(row[refColumn]) : '';
    if (ref === '') continue;
    costCodes.set(ref, ref);
    const code = codeColumn >= 0 ? cellString(row[codeColumn]) : '';
    if (code !== '') costCodes.set(code, ref);
  }
  const result: LedgerContext = { settings, refs, costCodes };
  if (!actualsSheet.isNullObject) {
    if (used.isNullObject || used.rowIndex !== 0 || used.columnIndex !== 0)
      result.actuals = { rows: [], header: [] };
    else
      result.actuals = {
        header: (used.values[0] ?? []).map((cell) => cellString(cell)),
        rows: used.values.slice(1),
      };
    const header = result.actuals.header.slice(0, ACTUALS_COLUMNS.length);
    if (used.isNullObject === false && header.join('|') !== ACTUALS_COLUMNS.join('|'))
      return {
        ok: false,
        message: `The ${ACTUALS_SHEET} sheet does not start with the columns ${ACTUALS_COLUMNS.join(', ')} in A1: rename that sheet (or move what it holds) and bring the actuals in again.`,
      };
  }
  return { ok: true, value: result };
}

/** The ledger read through the mapping, amounts converted to the programme's unit. */
interface ReadLedger {
  read: LedgerImport;
  mapping: LedgerMapping;
  guessed: boolean;
  /** Lines identical to one already in Actuals, by index into `read.lines`. */
  alreadyIn: Set<number>;
  /** Lines that repeat an earlier line of this export, by index into `read.lines`. */
  repeats: Set<number>;
}

function readLedger(
  ledger: LedgerRows,
  mapping: LedgerMapping | undefined,
  ledgerUnit: MoneyUnit,
  workbook: LedgerContext,
): ActionResult<ReadLedger> {
  const header = ledger.rows[0] ?? [];
  const chosen = mapping ?? guessLedgerMapping(header);
  if (!chosen)
    return {
      ok: false,
      message:
        "The columns of the ledger were not recognised: its first row should name a scheme ref (or cost code) column, a date (or period) column and an amount column, e.g. 'Scheme ref, Period, Amount'. Rename the headings, or choose each column below.",
    };
  if (ledger.rows.length < 2)
    return {
      ok: false,
      message:
        'The ledger has a header row but no lines: export the lines as well, or select them.',
    };
  const { settings } = workbook;
  const startMonth = settings.fiscalYearStartMonth as Month;
  const read = importLedger(ledger.rows, {
    mapping: chosen,
    knownRefs: workbook.refs,
    costCodes: workbook.costCodes,
    ...(typeof settings.monitoringYear === 'number' ? { year: settings.monitoringYear } : {}),
    rowOffset: ledger.rowOffset,
    startMonth,
  });
  const convert = (line: LedgerLine): LedgerLine => ({
    ...line,
    amount: convertUnit(line.amount, ledgerUnit, settings.unit),
  });
  read.lines = read.lines.map(convert);
  read.unmatched = read.unmatched.map(convert);
  const existing = new Set<string>();
  for (const row of workbook.actuals?.rows ?? []) {
    if (row.every((cell) => isBlankCell(cell))) continue;
    existing.add(
      lineKey(
        cellString(row[0]),
        cellString(row[1]),
        Number(row[2]),
        Number(row[3]),
        cellString(row[4]),
      ),
    );
  }
  const alreadyIn = new Set<number>();
  const repeats = new Set<number>();
  const repeatRows = new Set(read.problems.filter((p) => p.kind === 'duplicate').map((p) => p.row));
  read.lines.forEach((line, index) => {
    const key = lineKey(
      line.ref,
      formatFiscalYear(line.year, startMonth),
      line.period,
      toNumber(line.amount),
      line.description ?? '',
    );
    if (existing.has(key)) alreadyIn.add(index);
    if (line.row !== undefined && repeatRows.has(line.row)) repeats.add(index);
  });
  return { ok: true, value: { read, mapping: chosen, guessed: !mapping, alreadyIn, repeats } };
}

/** The lines' total as plain digits (`0.206251`), exact to the shortest figure. */
function totalOf(lines: readonly LedgerLine[]): string {
  return String(toNumber(lines.reduce((sum, line) => add(sum, line.amount), ZERO)));
}

/**
 * Reads the selected range (headings included) as a ledger export, for the preview.
 *
 * @example
 * const ledger = await readLedgerSelection(); // { ok: true, value: { source: 'Ledger!A1:D40', rows, rowOffset: 0 } }
 */
export async function readLedgerSelection(run: RunOptions = {}): Promise<ActionResult<LedgerRows>> {
  return runAction('Read the ledger', () =>
    excelRun(async (context) => {
      const range = context.workbook.getSelectedRange();
      const sheet = range.worksheet.load('name');
      const used = sheet.getUsedRangeOrNullObject(true);
      const part = range
        .getIntersectionOrNullObject(used)
        .load('rowIndex, columnIndex, rowCount, columnCount');
      await context.sync();
      throwIfCancelled(run.signal);
      if (part.isNullObject)
        return {
          ok: false,
          message:
            'The selection is empty: select the ledger lines with their heading row (scheme ref or cost code, date or period, amount), then read it again.',
        };
      const block = {
        sheet: sheet.name,
        top: part.rowIndex,
        left: part.columnIndex,
        rows: part.rowCount,
        columns: part.columnCount,
      };
      const { values } = await readBlock(context, block, run);
      const address = `${toA1(block.top, block.left)}:${toA1(block.top + block.rows - 1, block.left + block.columns - 1)}`;
      return {
        ok: true,
        value: {
          source: `${sheet.name}!${address}`,
          sheet: sheet.name,
          rows: values,
          rowOffset: block.top,
          columnOffset: block.left,
        },
      };
    }),
  );
}

/**
 * Previews bringing in a ledger: the mapping (guessed from the headings unless given), how many
 * lines would be added, and every row that is unreadable, unknown, repeated or already in Actuals.
 * Changes nothing.
 *
 * @example
 * const preview = await previewActuals({ source: 'ledger.csv', rows, rowOffset: 0 }, undefined, '£');
 */
export async function previewActuals(
  ledger: LedgerRows,
  mapping: LedgerMapping | undefined,
  ledgerUnit: MoneyUnit,
  run: RunOptions = {},
): Promise<ActionResult<ActualsPreview>> {
  return runAction('Preview actuals', () =>
    excelRun(async (context) => {
      const workbook = await readLedgerContext(context, run);
      if (!workbook.ok) return workbook;
      const read = readLedger(ledger, mapping, ledgerUnit, workbook.value);
      if (!read.ok) return read;
      const { read: result, alreadyIn, repeats } = read.value;
      const { settings } = workbook.value;
      return {
        ok: true,
        value: {
          source: ledger.source,
          header: (ledger.rows[0] ?? []).map((cell) => cellString(cell)),
          mapping: read.value.mapping,
          guessed: read.value.guessed,
          ledgerUnit,
          unit: settings.unit,
          lines: result.lines.length,
          total: totalOf(result.lines),
          unknownRefs: withRef(result.unmatched).length,
          unknownTotal: totalOf(withRef(result.unmatched)),
          repeats: repeats.size,
          alreadyIn: alreadyIn.size,
          unreadable: unreadableRows(result),
          problems: result.problems.map((p) => ({
            ...p,
            ...(ledger.sheet !== undefined ? { sheet: ledger.sheet } : {}),
          })),
          actualsExist: workbook.value.actuals !== undefined,
          ...(typeof settings.monitoringYear === 'number'
            ? {
                year: formatFiscalYear(
                  settings.monitoringYear,
                  settings.fiscalYearStartMonth as Month,
                ),
              }
            : {}),
        },
      };
    }),
  );
}

/** Lines for a ref or cost code the programme does not know (a line with neither is unreadable). */
function withRef(lines: readonly LedgerLine[]): LedgerLine[] {
  return lines.filter((line) => line.ref !== '');
}

/** Rows that cannot be brought in at all: amount or date unreadable, or no ref or cost code. */
function unreadableRows(read: LedgerImport): number {
  return read.problems.filter((p) => p.severity === 'error' && p.kind !== 'unknown-ref').length;
}

/** The lines to write after the officer's choices, and what was left out. */
function chooseLines(read: ReadLedger, choices: ActualsChoices) {
  const { read: result, alreadyIn, repeats } = read;
  const chosen: LedgerLine[] = [];
  let leftRepeats = 0;
  let leftAlreadyIn = 0;
  result.lines.forEach((line, index) => {
    if (alreadyIn.has(index) && choices.alreadyIn === 'leave-out') leftAlreadyIn++;
    else if (repeats.has(index) && choices.repeats === 'leave-out') leftRepeats++;
    else chosen.push(line);
  });
  // Unknown refs are kept under the ref the ledger gave: they count towards no scheme until corrected.
  const unknown = withRef(result.unmatched);
  if (choices.unknownRefs === 'bring-in') chosen.push(...unknown);
  return {
    chosen,
    leftOut: {
      unknownRefs: choices.unknownRefs === 'bring-in' ? 0 : unknown.length,
      repeats: leftRepeats,
      alreadyIn: leftAlreadyIn,
      unreadable: unreadableRows(result),
    },
  };
}

/**
 * Appends the ledger's lines to the `Actuals` sheet (made when missing), after the officer's
 * choices about unknown refs, repeated lines and lines already there. All-or-nothing: a failure
 * part-way puts back what was written; "Undo" removes the lines (or the sheet it made).
 *
 * @example
 * await bringInActuals(ledger, mapping, '£', { unknownRefs: 'leave-out', repeats: 'bring-in', alreadyIn: 'leave-out' });
 */
export async function bringInActuals(
  ledger: LedgerRows,
  mapping: LedgerMapping | undefined,
  ledgerUnit: MoneyUnit,
  choices: ActualsChoices,
  run: RunOptions = {},
): Promise<ActionResult<ActualsResult>> {
  const label = 'Bring in actuals';
  return runAction(label, () =>
    excelRun(async (context) => {
      const workbook = await readLedgerContext(context, run);
      if (!workbook.ok) return workbook;
      const read = readLedger(ledger, mapping, ledgerUnit, workbook.value);
      if (!read.ok) return read;
      const { chosen, leftOut } = chooseLines(read.value, choices);
      if (chosen.length === 0)
        return {
          ok: false,
          message:
            'No line would be brought in: every line is unreadable, unknown or left out by your choices. Correct the ledger (the rows are listed in the preview), or change the choices.',
        };
      const { settings } = workbook.value;
      const startMonth = settings.fiscalYearStartMonth as Month;
      const plan = planActualsSheet(chosen, settings, startMonth);
      const active = context.workbook.worksheets.getActiveWorksheet().load('name');
      await context.sync();
      const existing = workbook.value.actuals;
      const writer = new BatchWriter(context, run, label);
      let firstRow: number;
      let entry: UndoEntry;
      if (!existing) {
        entry = { label, blocks: [], addedSheets: [ACTUALS_SHEET], activeSheet: active.name };
        firstRow = 2;
        await allOrNothing(entry, async () => {
          const sheet = context.workbook.worksheets.add(ACTUALS_SHEET);
          await writeSheetPlan(context, writer, sheet, plan);
          await writer.finish();
        });
      } else {
        // Append below the last line: header and lines already there are never rewritten.
        let lastUsed = existing.rows.length;
        while (lastUsed > 0 && existing.rows[lastUsed - 1].every((cell) => isBlankCell(cell)))
          lastUsed--;
        const top = lastUsed + 1; // 0-based sheet row below the header and the lines
        firstRow = top + 1;
        const sheet = context.workbook.worksheets.getItem(ACTUALS_SHEET);
        const width = ACTUALS_COLUMNS.length;
        const before = sheet
          .getRangeByIndexes(top, 0, chosen.length, width)
          .load('values, formulas, numberFormat');
        await context.sync();
        entry = {
          label,
          addedSheets: [],
          blocks: [
            {
              sheet: ACTUALS_SHEET,
              top,
              left: 0,
              values: before.values,
              formulas: before.formulas,
              numberFormat: before.numberFormat,
            },
          ],
        };
        const cells = officeGrid(plan).slice(1);
        const formats = plan.formats[0]?.formats ?? [];
        await allOrNothing(entry, async () => {
          await writer.write(sheet, top, 0, formats, 'numberFormat');
          await writer.write(sheet, top, 0, cells, 'formulas');
          await writer.finish();
        });
      }
      rememberChange(entry);
      const total = chosen.reduce((sum, line) => add(sum, line.amount), ZERO);
      return {
        ok: true,
        value: {
          sheet: ACTUALS_SHEET,
          added: chosen.length,
          firstRow,
          lastRow: firstRow + chosen.length - 1,
          total: toNumber(total),
          unit: settings.unit,
          created: !existing,
          leftOut,
        },
      };
    }),
  );
}

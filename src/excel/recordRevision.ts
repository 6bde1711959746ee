/**
 * Record a budget revision: one new row at the end of the append-only `Revisions` table. The
 * Programme's Revised budget is a native SUMIFS over that table, so the bridge from approved to
 * revised budget stays visible in the workbook. Past entries are never edited or deleted: a
 * mistake is put right by a further revision, as a finance officer would in a ledger.
 */
import { isValidDate } from '../core';
import { toA1 } from './a1';
import { runAction, throwIfCancelled } from './action';
import { BatchWriter, currentRequestBudget } from './batchWriter';
import { isBlankCell } from './cellText';
import { excelRun } from './excelRun';
import { askBeforeReplacing, findReplaced } from './overwrite';
import {
  REVISED_BUDGET_FORMULA,
  REVISION_COLUMNS,
  REVISION_COLUMNS_BEFORE_YEARS,
  REVISIONS_TABLE,
  REVISION_KINDS,
  revisionRow,
  revisionRowFormats,
  uniqueSheetName,
} from '../workbook';
import { cellString, readProgrammeColumns } from './readProgramme';
import { queueRevisionsLog } from './setUpProgramme';
import { queueSettingsRead } from './settings';
import { rememberChange } from './undo';
import { officeCell } from './writePlan';
import type {
  ActionResult,
  RevisionInput,
  RevisionKind,
  RevisionResult,
  RunOptions,
  SchemeSummary,
} from './types';

const KINDS = REVISION_KINDS;

/**
 * What a revision does to the scheme's all-years budget, as the Signed amount formula computes it:
 * a reduction always reduces, a re-profile moves money between years and changes nothing.
 *
 * @example
 * signedAmount('reduction', 0.2); // -0.2
 * signedAmount('virement', -0.15); // -0.15
 */
export function signedAmount(kind: RevisionKind, amount: number): number {
  if (kind === 'reduction') return -Math.abs(amount);
  if (kind === 're-profile') return 0;
  return amount;
}

/**
 * Checks a revision as typed in the form; a problem is a message saying how to put it right.
 *
 * @example
 * validateRevision({ ...input, amount: NaN }); // 'The amount cannot be read: ...'
 */
export function validateRevision(input: RevisionInput): string | undefined {
  if (!input.ref || input.ref.trim() === '') return 'Choose the scheme this revision is for.';
  if (!KINDS.includes(input.kind))
    return `The kind '${String(input.kind)}' is not one the log records: choose addition, reduction, virement or re-profile.`;
  if (
    typeof input.amount !== 'number' ||
    !Number.isFinite(input.amount) ||
    Math.abs(input.amount) > 1e12
  ) {
    return 'The amount cannot be read: type a number in the programme unit, e.g. 0.42 for £0.42m.';
  }
  if (input.amount === 0 && input.kind !== 're-profile')
    return 'The amount is zero: type the change, e.g. 0.42, or -0.15 for a virement out.';
  if (input.kind === 'addition' && input.amount < 0)
    return 'An addition cannot be negative: record a reduction instead, or type the amount without the minus sign.';
  if (!isValidDate(input.date))
    return 'The date cannot be read: pick the date the change was approved, e.g. 12/01/2017.';
  for (const year of [input.fromYear, input.toYear])
    if (year !== undefined && (!Number.isInteger(year) || year < 1900 || year > 9998))
      return `The year ${String(year)} is not a financial year: give its first calendar year (2016 for 2016/17).`;
  if (
    input.fromYear !== undefined &&
    input.fromYear === input.toYear &&
    input.kind === 're-profile'
  )
    return 'A re-profile moves money between two different years: choose a From year and a To year that differ.';
  if (!input.reason || input.reason.trim() === '')
    return 'Say why the budget changed (e.g. "New module, extra specialist support"), so the bridge can be explained.';
  return undefined;
}

/**
 * Appends a budget revision to the append-only `Revisions` table.
 *
 * @example
 * await recordRevision({ ref: 'CP-001', date: { year: 2017, month: 1, day: 12 }, kind: 'addition', amount: 0.42, reason: 'New module', reference: 'Cab 12/01' });
 */
export async function recordRevision(
  input: RevisionInput,
  run: RunOptions = {},
): Promise<ActionResult<RevisionResult>> {
  const problem = validateRevision(input);
  if (problem) return { ok: false, message: problem };
  const date = input.date;
  if (!isValidDate(date))
    return {
      ok: false,
      message: 'The date cannot be read: pick the date the change was approved.',
    };
  return runAction('Record revision', () =>
    excelRun(async (context) => {
      const { programme, extra } = await readProgrammeColumns(
        context,
        currentRequestBudget(),
        ['ref', 'revisedBudget'],
        false,
        (ctx) => {
          const readSettings = queueSettingsRead(ctx);
          const log = ctx.workbook.tables.getItemOrNullObject(REVISIONS_TABLE);
          log.load('name');
          // Only the log's position and first row: appending needs no more, however long the log.
          const logBody = log
            .getDataBodyRange()
            .load('rowIndex, columnIndex, rowCount, columnCount');
          const logFirst = log.getDataBodyRange().getRow(0).load('values');
          const logSheet = log.worksheet.load('name');
          const sheets = ctx.workbook.worksheets.load('items/name');
          return () => ({ readSettings, log, logBody, logFirst, logSheet, sheets });
        },
        () => 4,
      );
      const { readSettings, log, logBody, logFirst, logSheet, sheets } = extra;
      throwIfCancelled(run.signal);

      if (!programme)
        return {
          ok: false,
          message: 'There is no Programme table: set up a programme before recording revisions.',
        };
      const refColumn = programme.column.ref;
      const ref = input.ref.trim();
      if (
        refColumn < 0 ||
        !programme.values.some((row) => cellString(row[refColumn]).trim() === ref)
      ) {
        return {
          ok: false,
          message: `There is no scheme with Ref '${ref}' in the Programme: pick a scheme from the list.`,
        };
      }
      const { settings } = readSettings();
      const revisedColumn = programme.column.revisedBudget;
      if (revisedColumn < 0)
        return {
          ok: false,
          message:
            "The Programme table has no 'Revised budget' column: add one so the revision shows in the programme.",
        };

      // The Revised budget column must be the native formula over the log; ask before replacing typed figures.
      const revisedFormulas = programme.formulas.map((row) => [row[revisedColumn]]);
      const needsFormula = revisedFormulas.some(([f]) => f !== REVISED_BUDGET_FORMULA);
      const formulaBlock = programme.formulas.map(() => [REVISED_BUDGET_FORMULA]);
      if (needsFormula) {
        const replaced = findReplaced(
          revisedFormulas,
          programme.values.map((row) => [row[revisedColumn]]),
          formulaBlock,
          programme.top,
          programme.left + revisedColumn,
        );
        const address = `${toA1(programme.top, programme.left + revisedColumn)}:${toA1(programme.top + programme.values.length - 1, programme.left + revisedColumn)}`;
        const refused = await askBeforeReplacing(
          run,
          'Record revision',
          programme.sheet,
          address,
          replaced,
        );
        if (refused) return refused;
      }

      const writer = new BatchWriter(context, run, 'Recording the revision');
      let sheetName: string;
      let sheetRow: number;
      let left = 0;
      if (log.isNullObject) {
        sheetName = uniqueSheetName(
          'Revisions',
          sheets.items.map((s) => s.name),
        );
        await queueRevisionsLog(context, writer, sheetName, settings);
        sheetRow = 1;
      } else {
        sheetName = logSheet.name;
        left = logBody.columnIndex;
        const onlyBlankRow =
          logBody.rowCount === 1 && logFirst.values[0].every((v, i) => i === 4 || isBlankCell(v));
        sheetRow = onlyBlankRow ? logBody.rowIndex : logBody.rowIndex + logBody.rowCount;
      }
      const signed = signedAmount(input.kind, input.amount);
      const planned = revisionRow({
        ref,
        date,
        kind: input.kind,
        amount: input.amount,
        reason: input.reason.trim(),
        reference: (input.reference ?? '').trim(),
        approvedBy: (input.approvedBy ?? '').trim(),
        ...(input.kind === 're-profile' && input.fromYear !== undefined
          ? { fromYear: input.fromYear }
          : {}),
        ...(input.kind === 're-profile' && input.toYear !== undefined
          ? { toYear: input.toYear }
          : {}),
      });
      // A log made before From year and To year takes its own columns only (still read as before).
      const width = log.isNullObject
        ? REVISION_COLUMNS.length
        : Math.min(
            Math.max(logBody.columnCount, REVISION_COLUMNS_BEFORE_YEARS),
            REVISION_COLUMNS.length,
          );
      const formats = [revisionRowFormats(settings.unit, settings.decimals).slice(0, width)];

      const sheet = context.workbook.worksheets.getItem(sheetName);
      const isFirstRow = log.isNullObject || sheetRow === logBody.rowIndex;
      // The first row gets its formats before its values, so its Text cells take text as typed;
      // a row added to the table gets its formats after, so its text keeps the apostrophe prefix.
      const row = planned
        .slice(0, width)
        .map((cell, c) => officeCell(cell, isFirstRow ? formats[0][c] : undefined));
      // Formats before values, so text stays text.
      if (isFirstRow) {
        sheet.getRangeByIndexes(sheetRow, left, 1, width).numberFormat = formats;
        sheet.getRangeByIndexes(sheetRow, left, 1, width).values = [row];
      } else {
        log.rows.add(undefined, [row]);
        sheet.getRangeByIndexes(sheetRow, left, 1, width).numberFormat = formats;
      }
      if (needsFormula)
        await writer.write(
          context.workbook.worksheets.getItem(programme.sheet),
          programme.top,
          programme.left + revisedColumn,
          formulaBlock,
          'formulas',
        );
      await writer.finish();

      rememberChange({
        label: `Record revision of ${ref}`,
        blocks: [],
        addedSheets: [],
        irreversible: `The revision log is append-only, so the revision of ${ref} stays. To reverse it, record a revision of the opposite amount (e.g. a reduction of ${Math.abs(input.amount)}) giving the reason.`,
        // Undo may look past this revision only for changes to other sheets.
        sheets: needsFormula ? [sheetName, programme.sheet] : [sheetName],
      });
      return { ok: true, value: { row: sheetRow + 1, signedAmount: signed } };
    }),
  );
}

/**
 * Lists the schemes of the Programme table (for the revision form's picker).
 *
 * @example
 * const schemes = await listSchemes();
 */
export async function listSchemes(): Promise<ActionResult<SchemeSummary[]>> {
  return runAction('Listing schemes', () =>
    excelRun(async (context) => {
      const { programme } = await readProgrammeColumns(
        context,
        currentRequestBudget(),
        ['ref', 'scheme', 'area', 'budgetHolder', 'approvedBudget'],
        false,
        () => () => undefined,
        () => 4,
      );
      if (!programme)
        return {
          ok: false,
          message: 'There is no Programme table yet: set up a programme or bring in a table.',
        };
      const { column } = programme;
      const text = (row: unknown[], index: number) => (index >= 0 ? cellString(row[index]) : '');
      const schemes = programme.values
        .filter((row) => text(row, column.ref) !== '' || text(row, column.scheme) !== '')
        .map((row) => {
          const approved = column.approvedBudget >= 0 ? row[column.approvedBudget] : undefined;
          return {
            ref: text(row, column.ref),
            scheme: text(row, column.scheme),
            area: text(row, column.area),
            budgetHolder: text(row, column.budgetHolder),
            approvedBudget:
              typeof approved === 'number' && Number.isFinite(approved) ? approved : null,
          };
        });
      return { ok: true, value: schemes };
    }),
  );
}

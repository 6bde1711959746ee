/**
 * Collect forecasts: one sheet per budget holder listing their schemes. Budgets are values (the
 * sheet may be emailed on its own), locked; only the forecast and comment cells are open, with a
 * number check on the forecast; the sheet is protected so nothing else can be typed over.
 */
import { numberFormatFor } from '../core/money';
import { toNumber } from '../core/money/decimal';
import { runAction, throwIfCancelled } from './action';
import { BatchWriter, currentRequestBudget } from './batchWriter';
import { asTextCell } from './cellText';
import { excelRun } from './excelRun';
import { cleanSheetName, uniqueSheetName } from './programmeLayout';
import {
  cellString,
  currentBudgetOfRow,
  queueRevisionsRead,
  readProgrammeColumns,
  revisionsByRef,
} from './readProgramme';
import { queueSettingsRead } from './settings';
import { rememberChange } from './undo';
import type { ActionResult, ForecastSheetsResult, RunOptions } from './types';

/** Forecast sheet layout: title rows, then a header on row 4 and schemes from row 5. */
export const FORECAST_HEADER = [
  'Ref',
  'Scheme',
  'Area',
  'Approved budget',
  'Current budget',
  'Forecast outturn',
  'Comment',
] as const;
export const FORECAST_HEADER_ROW = 3;
export const FORECAST_COLUMN = 5;
export const FORECAST_PREFIX = 'Forecast - ';
const OPEN_FILL = '#FFF9DB';

/**
 * The forecast sheet name for a budget holder.
 *
 * @example
 * forecastSheetName('Head of ICT'); // 'Forecast - Head of ICT'
 */
export function forecastSheetName(holder: string): string {
  return cleanSheetName(`${FORECAST_PREFIX}${holder}`);
}

/**
 * Makes one protected forecast sheet per budget holder; only the forecast cells are open. A holder
 * whose sheet already exists keeps it (their forecasts may be in it).
 *
 * @example
 * await generateForecastSheets();
 */
export async function generateForecastSheets(
  run: RunOptions = {},
): Promise<ActionResult<ForecastSheetsResult>> {
  return runAction('Make forecast sheets', () =>
    excelRun(async (context) => {
      const { programme, extra } = await readProgrammeColumns(
        context,
        currentRequestBudget(),
        ['ref', 'scheme', 'area', 'budgetHolder', 'approvedBudget', 'revisedBudget'],
        false,
        (ctx) => {
          const readRevisions = queueRevisionsRead(ctx);
          const readSettings = queueSettingsRead(ctx);
          const sheets = ctx.workbook.worksheets.load('items/name');
          return () => ({ readRevisions, readSettings, sheets });
        },
        () => 4,
      );
      const { readRevisions, readSettings, sheets } = extra;
      throwIfCancelled(run.signal);
      if (!programme)
        return {
          ok: false,
          message: 'There is no Programme table: set one up before making forecast sheets.',
        };
      const { column } = programme;
      if (column.budgetHolder < 0)
        return {
          ok: false,
          message:
            "The Programme table has no 'Budget holder' column: add one and name a holder for each scheme.",
        };
      const { settings } = readSettings();
      const revisions = revisionsByRef(readRevisions()?.entries ?? []);

      const byHolder = new Map<string, (string | number)[][]>();
      programme.values.forEach((row, r) => {
        const ref = cellString(row[column.ref]);
        if (ref === '') return;
        const holder = cellString(row[column.budgetHolder]).trim() || 'No budget holder';
        const approved = row[column.approvedBudget];
        const current = currentBudgetOfRow(programme, r, revisions);
        const line = [
          asTextCell(ref),
          asTextCell(column.scheme >= 0 ? cellString(row[column.scheme]) : ''),
          asTextCell(column.area >= 0 ? cellString(row[column.area]) : ''),
          typeof approved === 'number' ? approved : '',
          current ? toNumber(current) : '',
          '',
          '',
        ];
        byHolder.set(holder, [...(byHolder.get(holder) ?? []), line]);
      });
      if (byHolder.size === 0)
        return {
          ok: false,
          message: 'The Programme has no schemes with a Ref yet: add schemes first.',
        };

      const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const made: ForecastSheetsResult['sheets'] = [];
      const added: string[] = [];
      const writer = new BatchWriter(context, run, 'Making forecast sheets');
      const money = numberFormatFor(settings.unit, settings.decimals);
      const width = FORECAST_HEADER.length;
      for (const [holder, lines] of byHolder) {
        let name = forecastSheetName(holder);
        // Two long names cut to the same 31 characters must not share a sheet.
        if (added.some((a) => a.toLowerCase() === name.toLowerCase()))
          name = uniqueSheetName(name, [...taken]);
        if (taken.has(name.toLowerCase())) {
          made.push({ holder, sheet: name, schemes: lines.length });
          continue;
        }
        taken.add(name.toLowerCase());
        const sheet = context.workbook.worksheets.add(name);
        added.push(name);
        sheet.getRange('A1:A2').values = [
          [asTextCell(`Capital forecast: ${holder}`)],
          [
            `Type each scheme's forecast outturn (${settings.unit}) in the shaded cells, with a comment where it differs from budget.`,
          ],
        ];
        sheet.getRange('A1').format.font.bold = true;
        sheet.getRangeByIndexes(FORECAST_HEADER_ROW, 0, 1, width).values = [[...FORECAST_HEADER]];
        sheet.getRangeByIndexes(FORECAST_HEADER_ROW, 0, 1, width).format.font.bold = true;
        const top = FORECAST_HEADER_ROW + 1;
        await writer.write(
          sheet,
          top,
          0,
          lines.map(() => ['@', 'General', 'General', money, money, money, '@']),
          'numberFormat',
        );
        await writer.write(sheet, top, 0, lines, 'values');
        const open = sheet.getRangeByIndexes(top, FORECAST_COLUMN, lines.length, 2);
        open.format.protection.locked = false;
        open.format.fill.color = OPEN_FILL;
        const forecasts = sheet.getRangeByIndexes(top, FORECAST_COLUMN, lines.length, 1);
        forecasts.dataValidation.rule = {
          decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' },
        };
        forecasts.dataValidation.errorAlert = {
          title: 'Forecast outturn',
          message: 'Type the forecast as a number of 0 or more, e.g. 2.4',
          showAlert: true,
          style: 'Stop',
        };
        sheet.freezePanes.freezeRows(FORECAST_HEADER_ROW + 1);
        // No password: the finance team can unprotect to correct a budget; the lock stops slips.
        sheet.protection.protect({
          allowFormatColumns: true,
          allowAutoFilter: true,
          allowSort: false,
          allowInsertRows: false,
          allowDeleteRows: false,
        });
        made.push({ holder, sheet: name, schemes: lines.length });
      }
      await writer.finish();
      if (added.length > 0)
        rememberChange({ label: 'Make forecast sheets', blocks: [], addedSheets: added });
      return { ok: true, value: { sheets: made } };
    }),
  );
}

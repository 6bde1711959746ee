/**
 * Set up a capital programme: a `Programme` sheet with an Excel table, one column per period,
 * a totals row, money formats, drop-downs and a frozen header, plus the `Revisions` log its
 * Revised budget formula reads. New sheets only: nothing already in the workbook is touched.
 */
import { readPeriodHeaders, type Month } from '../core/calendar';
import { convertUnit, numberFormatFor } from '../core/money';
import { fromNumber, toNumber, type Decimal } from '../core/money/decimal';
import { phaseAmount } from '../core/phasing';
import { columnLetters } from './a1';
import { report, runAction, throwIfCancelled } from './action';
import { BatchWriter } from './batchWriter';
import { asTextCell } from './cellText';
import { excelRun } from './excelRun';
import {
  PROFILES,
  PROGRAMME_COLUMNS,
  PROGRAMME_TABLE,
  REVISED_BUDGET_FORMULA,
  REVISIONS_TABLE,
  REVISION_COLUMNS,
  SIGNED_AMOUNT_FORMULA,
  STATUSES,
  periodHeaders,
  quoted,
  uniqueSheetName,
} from './programmeLayout';
import { sampleDetails, sampleSchemes } from './sampleProgramme';
import { queueSettingsRead, queueSettingsWrite, SETTINGS_SHEET } from './settings';
import { rememberChange, type SavedBlock } from './undo';
import type { ActionResult, PlannerSettings, RunOptions, SetUpOptions, SetUpResult } from './types';

export type Cell = string | number;

/** The sample's rows in Programme column order, phased into the chosen periods. */
function sampleRows(headers: readonly string[], settings: PlannerSettings): Cell[][] {
  const columns = readPeriodHeaders(headers, settings.fiscalYearStartMonth as Month);
  return sampleSchemes().map((scheme, i) => {
    const details = sampleDetails(scheme.scheme);
    const budget: Decimal = convertUnit(fromNumber(scheme.capitalMillions), '£m', settings.unit);
    const phased = columns.ok
      ? phaseAmount(budget, scheme.phasing, columns.value, {
          profile: 'even',
          decimals: settings.decimals,
          startMonth: settings.fiscalYearStartMonth as Month,
        })
      : undefined;
    // Amounts outside the chosen years stay blank; Phase lists them as errors for the user to fix.
    const amounts: Cell[] =
      phased?.ok && !phased.value.unphased
        ? phased.value.amounts.map(toNumber)
        : headers.map(() => '');
    return [
      `CP-${String(i + 1).padStart(3, '0')}`,
      asTextCell(scheme.status),
      details.area,
      asTextCell(scheme.scheme),
      '',
      asTextCell(scheme.impact),
      toNumber(budget),
      REVISED_BUDGET_FORMULA,
      asTextCell(scheme.phasing),
      'even',
      details.fundingSource,
      details.budgetHolder,
      ...amounts,
    ];
  });
}

/** An empty first row, ready to type into. */
function blankRow(periodCount: number): Cell[] {
  return [
    ...PROGRAMME_COLUMNS.map((c) =>
      c.field === 'revisedBudget' ? REVISED_BUDGET_FORMULA : c.field === 'profile' ? 'even' : '',
    ),
    ...new Array<Cell>(periodCount).fill(''),
  ];
}

/**
 * Queues a new Revisions sheet and table (header and one empty row) in an open batch.
 *
 * @example
 * queueRevisionsLog(context, 'Revisions', settings);
 */
export function queueRevisionsLog(
  context: Excel.RequestContext,
  sheetName: string,
  settings: PlannerSettings,
): void {
  const sheet = context.workbook.worksheets.add(sheetName);
  const width = REVISION_COLUMNS.length;
  sheet.getRangeByIndexes(0, 0, 1, width).values = [[...REVISION_COLUMNS]];
  const table = context.workbook.tables.add(
    `${quoted(sheetName)}!A1:${columnLetters(width - 1)}2`,
    true,
  );
  table.name = REVISIONS_TABLE;
  const money = numberFormatFor(settings.unit, settings.decimals);
  sheet.getRangeByIndexes(1, 0, 1, width).numberFormat = [
    ['@', 'yyyy-mm-dd', '@', money, money, '@', '@', '@'],
  ];
  sheet.getRangeByIndexes(1, 4, 1, 1).formulas = [[SIGNED_AMOUNT_FORMULA]];
  sheet.getRangeByIndexes(1, 2, 1, 1).dataValidation.rule = {
    list: { inCellDropDown: true, source: 'addition,reduction,virement,re-profile' },
  };
  sheet.freezePanes.freezeRows(1);
}

/**
 * Queues a new sheet holding the Programme table: header, rows, money formats, totals row,
 * drop-downs and a frozen header. Rows are in Programme column order, periods last.
 *
 * @example
 * await queueProgrammeSheet(context, writer, 'Programme', header, rows, settings);
 */
export async function queueProgrammeSheet(
  context: Excel.RequestContext,
  writer: BatchWriter,
  programmeSheet: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  settings: PlannerSettings,
): Promise<void> {
  const width = header.length;
  const periodCount = width - PROGRAMME_COLUMNS.length;
  const sheet = context.workbook.worksheets.add(programmeSheet);
  await writer.write(sheet, 0, 0, [header], 'values');
  const money = numberFormatFor(settings.unit, settings.decimals);
  const formats = PROGRAMME_COLUMNS.map((c) =>
    c.money ? money : c.field === 'ref' ? '@' : 'General',
  );
  const rowFormat = [...formats, ...new Array<string>(periodCount).fill(money)];
  // Formats first so that Ref text such as 007 stays text.
  await writer.write(
    sheet,
    1,
    0,
    rows.map(() => rowFormat),
    'numberFormat',
  );
  await writer.write(sheet, 1, 0, rows, 'values');

  const table = context.workbook.tables.add(
    `${quoted(programmeSheet)}!A1:${columnLetters(width - 1)}${rows.length + 1}`,
    true,
  );
  table.name = PROGRAMME_TABLE;
  table.showTotals = true;
  const totals = header.map((name, i) => {
    if (i === 0) return 'Total';
    const isMoney = i >= PROGRAMME_COLUMNS.length || PROGRAMME_COLUMNS[i].money;
    return isMoney ? `=SUBTOTAL(109,[${name}])` : '';
  });
  const totalsRow = rows.length + 1;
  sheet.getRangeByIndexes(totalsRow, 0, 1, width).formulas = [totals];
  sheet.getRangeByIndexes(totalsRow, 0, 1, width).numberFormat = [rowFormat];

  const statusColumn = PROGRAMME_COLUMNS.findIndex((c) => c.field === 'status');
  const profileColumn = PROGRAMME_COLUMNS.findIndex((c) => c.field === 'profile');
  sheet.getRangeByIndexes(1, statusColumn, rows.length, 1).dataValidation.rule = {
    list: { inCellDropDown: true, source: STATUSES.join(',') },
  };
  sheet.getRangeByIndexes(1, profileColumn, rows.length, 1).dataValidation.rule = {
    list: { inCellDropDown: true, source: PROFILES.join(',') },
  };
  sheet.freezePanes.freezeRows(1);
  sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
  sheet.activate();
}

/**
 * Builds a `Programme` sheet and table (plus an empty `Revisions` log) for the chosen years.
 *
 * @example
 * await setUpProgramme({ firstYear: 2016, lastYear: 2019, periods: 'quarter', unit: '£m', withSample: true });
 */
export async function setUpProgramme(
  options: SetUpOptions,
  run: RunOptions = {},
): Promise<ActionResult<SetUpResult>> {
  return runAction('Set up programme', () =>
    excelRun(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      const tables = context.workbook.tables.load('items/name');
      const settingsRead = queueSettingsRead(context);
      const settingsRange = context.workbook.worksheets
        .getItemOrNullObject(SETTINGS_SHEET)
        .getRangeByIndexes(0, 0, 9, 3);
      settingsRange.load('values, formulas, numberFormat');
      await context.sync();
      throwIfCancelled(run.signal);

      const tableNames = tables.items.map((t) => t.name.toLowerCase());
      if (tableNames.includes(PROGRAMME_TABLE.toLowerCase())) {
        return {
          ok: false,
          message:
            'This workbook already has a Programme table. Open its sheet to work on it, or start a new workbook to set up another programme.',
        };
      }
      const saved = settingsRead();
      const decimals =
        options.decimals ??
        (options.unit === '£'
          ? 2
          : options.unit === saved.settings.unit
            ? saved.settings.decimals
            : 1);
      const settings: PlannerSettings = { ...saved.settings, unit: options.unit, decimals };
      const headers = periodHeaders(
        options.firstYear,
        options.lastYear,
        options.periods,
        settings.fiscalYearStartMonth as Month,
      );
      if (!headers.ok) return headers;

      const taken = sheets.items.map((s) => s.name);
      const programmeSheet = uniqueSheetName('Programme', taken);
      const needsLog = !tableNames.includes(REVISIONS_TABLE.toLowerCase());
      const logSheet = needsLog
        ? uniqueSheetName('Revisions', [...taken, programmeSheet])
        : undefined;

      const header = [...PROGRAMME_COLUMNS.map((c) => c.header), ...headers.value];
      const rows = options.withSample
        ? sampleRows(headers.value, settings)
        : [blankRow(headers.value.length)];
      report(run, 'Writing the programme', 0, rows.length);

      const writer = new BatchWriter(context, run, 'Writing the programme');
      queueSettingsWrite(context, settings, saved.saved);
      if (logSheet) queueRevisionsLog(context, logSheet, settings);

      await queueProgrammeSheet(context, writer, programmeSheet, header, rows, settings);
      await writer.finish();

      const blocks: SavedBlock[] = saved.saved
        ? [
            {
              sheet: SETTINGS_SHEET,
              top: 0,
              left: 0,
              values: settingsRange.values,
              formulas: settingsRange.formulas,
              numberFormat: settingsRange.numberFormat,
            },
          ]
        : [];
      const addedSheets = [
        programmeSheet,
        ...(logSheet ? [logSheet] : []),
        ...(saved.saved ? [] : [SETTINGS_SHEET]),
      ];
      rememberChange({ label: 'Set up programme', addedSheets, blocks });
      report(run, 'Writing the programme', rows.length, rows.length);
      return {
        ok: true,
        value: {
          sheet: programmeSheet,
          table: 'Programme',
          rows: rows.length,
          periodHeaders: headers.value,
        },
      };
    }),
  );
}

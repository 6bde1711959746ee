/**
 * Set up a capital programme: a `Programme` sheet with an Excel table, one column per period,
 * a totals row, money formats, drop-downs and a frozen header, plus the `Revisions` log its
 * Revised budget formula reads. New sheets only: nothing already in the workbook is touched.
 */
import {
  convertUnit,
  fromNumber,
  phaseAmount,
  readPeriodHeaders,
  toNumber,
  type Decimal,
  type Month,
} from '../core';
import {
  PROGRAMME_COLUMNS,
  PROGRAMME_TABLE,
  REVISIONS_TABLE,
  blankProgrammeLine,
  periodHeaders,
  planProgrammeSheet,
  planRevisionsSheet,
  sampleDetails,
  sampleSchemes,
  uniqueSheetName,
  type PlanValue,
  type ProgrammeField,
  type ProgrammeLine,
} from '../workbook';
import { report, runAction, throwIfCancelled } from './action';
import { BatchWriter } from './batchWriter';
import { excelRun } from './excelRun';
import { queueSettingsRead, queueSettingsWrite, SETTINGS_SHEET } from './settings';
import { allOrNothing, rememberChange, type SavedBlock } from './undo';
import type { ActionResult, PlannerSettings, RunOptions, SetUpOptions, SetUpResult } from './types';
import { writeSheetPlan } from './writePlan';

export type Cell = PlanValue;

/** The sample's schemes as Programme lines, phased into the chosen periods. */
function sampleLines(headers: readonly string[], settings: PlannerSettings): ProgrammeLine[] {
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
    const periods: PlanValue[] =
      phased?.ok && !phased.value.unphased
        ? phased.value.amounts.map(toNumber)
        : headers.map(() => null);
    return {
      fields: {
        ref: `CP-${String(i + 1).padStart(3, '0')}`,
        status: scheme.status,
        area: details.area,
        scheme: scheme.scheme,
        impact: scheme.impact,
        approvedBudget: toNumber(budget),
        phasing: scheme.phasing,
        profile: 'even',
        fundingSource: details.fundingSource,
        budgetHolder: details.budgetHolder,
      },
      periods,
    };
  });
}

/**
 * A Programme line from cells in Programme column order, periods last (as a selection is
 * brought in); the Revised budget cell is ignored (it is always the table's formula).
 *
 * @example
 * lineFromCells(['CP-001', 'Planned', ...]).fields.ref; // 'CP-001'
 */
export function lineFromCells(cells: readonly PlanValue[]): ProgrammeLine {
  const fields: ProgrammeLine['fields'] = {};
  PROGRAMME_COLUMNS.forEach(({ field }, i) => {
    if (field !== 'revisedBudget')
      fields[field as Exclude<ProgrammeField, 'revisedBudget'>] = cells[i];
  });
  return { fields, periods: cells.slice(PROGRAMME_COLUMNS.length) };
}

/**
 * Queues a new Revisions sheet and table (header and one empty row) through the writer.
 *
 * @example
 * await queueRevisionsLog(context, writer, 'Revisions', settings);
 */
export async function queueRevisionsLog(
  context: Excel.RequestContext,
  writer: BatchWriter,
  sheetName: string,
  settings: PlannerSettings,
): Promise<void> {
  const plan = planRevisionsSheet({
    sheet: sheetName,
    lines: [],
    unit: settings.unit,
    decimals: settings.decimals,
  });
  await writeSheetPlan(context, writer, context.workbook.worksheets.add(sheetName), plan);
}

/**
 * Queues a new sheet holding the Programme table (src/workbook's plan) and makes it active.
 *
 * @example
 * await queueProgrammeSheet(context, writer, 'Programme', periodLabels, lines, settings);
 */
export async function queueProgrammeSheet(
  context: Excel.RequestContext,
  writer: BatchWriter,
  programmeSheet: string,
  periodLabels: readonly string[],
  lines: readonly ProgrammeLine[],
  settings: PlannerSettings,
): Promise<void> {
  const plan = planProgrammeSheet({
    sheet: programmeSheet,
    periodHeaders: periodLabels,
    lines,
    unit: settings.unit,
    decimals: settings.decimals,
  });
  const sheet = context.workbook.worksheets.add(programmeSheet);
  await writeSheetPlan(context, writer, sheet, plan);
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

      const rows = options.withSample
        ? sampleLines(headers.value, settings)
        : [blankProgrammeLine(headers.value.length)];
      report(run, 'Writing the programme', 0, rows.length);

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
      const entry = { label: 'Set up programme', addedSheets, blocks };
      // All-or-nothing: what it will change is recorded above, before the first write; on any
      // failure the sheets it added go and the settings come back, and the message says so.
      await allOrNothing(entry, async () => {
        const writer = new BatchWriter(context, run, 'Writing the programme');
        queueSettingsWrite(context, settings, saved.saved);
        if (logSheet) await queueRevisionsLog(context, writer, logSheet, settings);

        await queueProgrammeSheet(context, writer, programmeSheet, headers.value, rows, settings);
        await writer.finish();
      });
      rememberChange(entry);
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

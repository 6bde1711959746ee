/**
 * What the pane needs to know of the workbook to offer the right next step: is there a Programme,
 * how many schemes, which years, are there forecast sheets and a Monitoring sheet. One read.
 */
import type { Month } from '../core';
import { FORECAST_PREFIX, MONITORING_SHEET } from '../workbook';
import { runAction } from './action';
import { excelRun } from './excelRun';
import { cellString, readProgrammeColumns } from './readProgramme';
import { currentRequestBudget } from './requestBudget';
import { queueSettingsRead } from './settings';
import type { ActionResult, WorkbookInfo } from './types';

/**
 * Reads the state of the add-in's sheets in one go (the Programme's Ref and Scheme columns only).
 *
 * @example
 * const info = await describeWorkbook();
 * if (info.ok && !info.value.programme) showEmptyState();
 */
export async function describeWorkbook(): Promise<ActionResult<WorkbookInfo>> {
  return runAction('Reading the workbook', () =>
    excelRun(async (context): Promise<ActionResult<WorkbookInfo>> => {
      const { programme, extra } = await readProgrammeColumns(
        context,
        currentRequestBudget(),
        ['ref', 'scheme'],
        true,
        (ctx) => {
          const sheets = ctx.workbook.worksheets.load('items/name');
          const readSettings = queueSettingsRead(ctx);
          return () => ({ sheets, readSettings });
        },
        (read) => read.readSettings().settings.fiscalYearStartMonth as Month,
      );
      const names = extra.sheets.items.map((sheet) => sheet.name);
      const forecastSheets = names.filter((name) => name.startsWith(FORECAST_PREFIX)).length;
      const monitoring = names.includes(MONITORING_SHEET);
      if (!programme)
        return { ok: true, value: { programme: false, schemes: 0, forecastSheets, monitoring } };
      const { column } = programme;
      const text = (row: unknown[], index: number) =>
        index >= 0 ? cellString(row[index]).trim() : '';
      // A blank row (a fresh table's first line) is not a scheme.
      const schemes = programme.values.filter(
        (row) => text(row, column.ref) !== '' || text(row, column.scheme) !== '',
      ).length;
      const years = programme.periods.map(({ period }) => period.year);
      return {
        ok: true,
        value: {
          programme: true,
          sheet: programme.sheet,
          schemes,
          ...(years.length > 0
            ? { firstYear: Math.min(...years), lastYear: Math.max(...years) }
            : {}),
          forecastSheets,
          monitoring,
        },
      };
    }),
  );
}

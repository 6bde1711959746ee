/**
 * The task pane (Office.js adapter, on the Excel stand-in) and the command line's demo (ExcelJS)
 * write the same sheet plans from src/workbook: for the same programme they must put the same
 * cells, formulas, number formats and tables in the workbook. Table formulas are compared in the
 * file's spelling (`Programme[[#This Row],[Ref]]` for `[@Ref]`), dates as Excel serials.
 */
import ExcelJS from 'exceljs';
import { dateToSerial, type Month } from '../../src/core';
import { BatchWriter } from '../../src/excel/batchWriter';
import { writeSheetPlan } from '../../src/excel/writePlan';
import { qualifyTableFormula, tableAt, type SheetPlan } from '../../src/workbook';
import { SAMPLE_CSV } from '../../src/cli/sampleFiles';
import { planDemoProgramme } from '../../src/xlsx/demo/planDemo';
import { buildDemoWorkbook, planDemoSheets } from '../../src/xlsx/demo/writeDemo';
import { readProgrammeCsv } from '../../src/xlsx/programmeCsv';
import { installFakeExcel, type FakeWorkbook } from '../support/fake-excel';

type Cell = { content: string | number | boolean; numberFormat: string };

/** 'A1' -> 0-based row and column. */
function position(name: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(name)!;
  let column = 0;
  for (const ch of match[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** What the pane wrote, sheet by sheet, formulas in a file's spelling. */
function paneCells(
  fake: FakeWorkbook,
  plans: readonly SheetPlan[],
): Record<string, Record<string, Cell>> {
  const snapshot = fake.snapshot();
  const result: Record<string, Record<string, Cell>> = {};
  for (const plan of plans) {
    const cells: Record<string, Cell> = {};
    for (const [name, cell] of Object.entries(snapshot[plan.name].cells)) {
      const { row, column } = position(name);
      const table = tableAt(plan.tables, row, column)?.name;
      const content =
        cell.isFormula && typeof cell.content === 'string'
          ? table
            ? qualifyTableFormula(cell.content, table)
            : cell.content.replace(/^=/, '')
          : cell.content;
      if (content === '' && cell.numberFormat === 'General') continue;
      cells[name] = { content, numberFormat: cell.numberFormat };
    }
    result[plan.name] = cells;
  }
  return result;
}

/** What the demo wrote to its file, read back. */
function demoCells(
  workbook: ExcelJS.Workbook,
  plans: readonly SheetPlan[],
): Record<string, Record<string, Cell>> {
  const result: Record<string, Record<string, Cell>> = {};
  for (const plan of plans) {
    const cells: Record<string, Cell> = {};
    workbook.getWorksheet(plan.name)!.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const value = cell.value;
        const content =
          value === null || value === undefined
            ? ''
            : cell.type === ExcelJS.ValueType.Formula
              ? cell.formula
              : value instanceof Date
                ? dateToSerial({
                    year: value.getUTCFullYear(),
                    month: (value.getUTCMonth() + 1) as Month,
                    day: value.getUTCDate(),
                  })
                : (value as string | number | boolean);
        const numberFormat = cell.numFmt ?? 'General';
        if (content === '' && numberFormat === 'General') return;
        cells[cell.address] = { content, numberFormat };
      }),
    );
    result[plan.name] = cells;
  }
  return result;
}

describe('the task pane and the demo write the same plans', () => {
  let plans: SheetPlan[];
  let fake: FakeWorkbook;
  let file: ExcelJS.Workbook;

  beforeAll(async () => {
    const rows = await readProgrammeCsv(SAMPLE_CSV);
    if (!rows.ok) throw new Error(rows.message);
    const programme = planDemoProgramme(rows.value);
    if (!programme.ok) throw new Error(programme.message);
    plans = planDemoSheets(programme.value);

    fake = installFakeExcel(globalThis);
    await Excel.run(async (context) => {
      const writer = new BatchWriter(context, {}, 'Writing');
      for (const plan of plans)
        await writeSheetPlan(context, writer, context.workbook.worksheets.add(plan.name), plan);
      await writer.finish();
    });

    file = new ExcelJS.Workbook();
    await file.xlsx.load(await buildDemoWorkbook(programme.value).xlsx.writeBuffer());
  });

  it('puts the same cells, formulas and number formats on every sheet', () => {
    const pane = paneCells(fake, plans);
    const demo = demoCells(file, plans);
    expect(Object.keys(pane)).toEqual([
      'Programme',
      'Revisions',
      'Forecast - Head of ICT',
      'Forecast - Head Transformation',
      'Monitoring',
      'Actuals',
      'Monitoring history',
      'In-year monitoring',
      'Capital budget position',
      'Financing',
      '_CapitalPlannerSettings',
    ]);
    for (const sheet of Object.keys(pane))
      expect({ sheet, cells: demo[sheet] }).toEqual({ sheet, cells: pane[sheet] });
    // Not vacuous: the Programme's revised budget and Monitoring's flags are formulas in both.
    expect(pane.Programme.H2.content).toBe(
      'Programme[[#This Row],[Approved budget]]+SUMIFS(Revisions[Signed amount],Revisions[Ref],Programme[[#This Row],[Ref]])',
    );
    expect(String(demo.Monitoring.H5.content)).toMatch(/^IF\(F5="","No forecast",IF\(IF\(AND\(/);
  });

  it('makes the same tables, frozen rows, protection and hidden sheets', () => {
    for (const plan of plans) {
      const paneSheet = fake.snapshot()[plan.name];
      const demoSheet = file.getWorksheet(plan.name)!;
      expect(paneSheet.frozenRows).toBe(plan.freezeRows);
      expect(((demoSheet.views ?? [])[0] as { ySplit?: number } | undefined)?.ySplit ?? 0).toBe(
        plan.freezeRows,
      );
      expect(paneSheet.visibility === 'Hidden').toBe(demoSheet.state === 'hidden');
      for (const table of plan.tables) {
        expect(fake.table(table.name)?.columns).toEqual(table.columns.map((c) => c.name));
        expect(fake.table(table.name)?.bodyRows).toBe(table.rows);
        expect(demoSheet.getTable(table.name)).toBeDefined();
      }
    }
    const forecast = file.getWorksheet('Forecast - Head of ICT') as unknown as {
      sheetProtection: { sheet: boolean } | null;
    };
    expect(forecast.sheetProtection?.sheet).toBe(true);
    expect(fake.model.findSheet('Forecast - Head of ICT')?.protection).toMatchObject({
      protected: true,
    });
  });
});

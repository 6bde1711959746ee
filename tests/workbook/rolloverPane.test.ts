/**
 * "Close the year" in the task pane (issue 14) on the demo, written into the Excel stand-in as
 * the pane writes it: the preview is the CLI's plan on the same figures, applying writes exactly
 * that plan, Undo gives the workbook back exactly, a failure part-way changes nothing, and a
 * workbook that cannot be closed says why.
 *
 * The stand-in stores formulas without working them out (a formula reads 0), so the In-year
 * monitoring's figures that Excel would calculate (actual to date, all-years forecast) are put in
 * as the demo file's cached results: the same figures the CLI reads.
 */
import ExcelJS from 'exceljs';
import { formatFiscalYear, toNumber } from '../../src/core';
import { BatchWriter, setRequestBudget } from '../../src/excel/batchWriter';
import { gatherForecasts } from '../../src/excel/monitoring';
import { closeTheYear, previewRollover } from '../../src/excel/rollover';
import { readSettings, saveSettings } from '../../src/excel/settings';
import { forgetChanges, undoLastChange } from '../../src/excel/undo';
import { writeSheetPlan } from '../../src/excel/writePlan';
import type { OverwriteNotice } from '../../src/excel/types';
import {
  IN_YEAR_HEADER_ROW,
  IN_YEAR_SHEET,
  SETTINGS_SHEET,
  parseSettings,
  planRollover,
  type RolloverPlan,
} from '../../src/workbook';
import { SAMPLE_CSV } from '../../src/cli/sampleFiles';
import { planDemoProgramme } from '../../src/xlsx/demo/planDemo';
import { buildDemoWorkbook, planDemoSheets } from '../../src/xlsx/demo/writeDemo';
import { readProgrammeCsv } from '../../src/xlsx/programmeCsv';
import { readRolloverInput } from '../../src/xlsx/rollover';
import { installFakeExcel, type FakeWorkbook } from '../support/fake-excel';

const yes = async (): Promise<boolean> => true;

/** A cell's value as the file holds it, a formula's cached result. */
function resultOf(cell: ExcelJS.Cell): unknown {
  const value = cell.value as unknown;
  if (value && typeof value === 'object' && 'formula' in (value as object))
    return (value as { result?: unknown }).result ?? 0;
  return value ?? '';
}

let file: ExcelJS.Workbook;
let cliPlan: RolloverPlan;
let workbook: FakeWorkbook;

/** The demo at P12 in the stand-in, its In-year figures as Excel would show them. */
async function demoAtP12(platform: 'web' | 'desktop' = 'desktop'): Promise<FakeWorkbook> {
  const rows = await readProgrammeCsv(SAMPLE_CSV);
  if (!rows.ok) throw new Error(rows.message);
  const programme = planDemoProgramme(rows.value);
  if (!programme.ok) throw new Error(programme.message);
  const fake = installFakeExcel(globalThis, { platform });
  await Excel.run(async (context) => {
    const writer = new BatchWriter(context, {}, 'Writing');
    for (const plan of planDemoSheets(programme.value))
      await writeSheetPlan(context, writer, context.workbook.worksheets.add(plan.name), plan);
    await writer.finish();
  });
  file = new ExcelJS.Workbook();
  await file.xlsx.load(await buildDemoWorkbook(programme.value).xlsx.writeBuffer());
  const inYear = file.getWorksheet(IN_YEAR_SHEET)!;
  inYear.getCell('D3').value = 12;
  fake.setCells(IN_YEAR_SHEET, 'D3', [[12]]);
  for (let r = IN_YEAR_HEADER_ROW + 1; resultOf(inYear.getCell(r, 1)) !== ''; r++)
    for (const column of ['G', 'M'])
      fake.setCells(IN_YEAR_SHEET, `${column}${r}`, [
        [resultOf(inYear.getCell(`${column}${r}`)) as number],
      ]);
  return fake;
}

beforeAll(async () => {
  workbook = await demoAtP12();
  const read = readRolloverInput(file);
  if (!read.ok) throw new Error(read.message);
  const plan = planRollover(read.value.input);
  if (!plan.ok) throw new Error(plan.message);
  cliPlan = plan.value;
}, 60000);

beforeEach(async () => {
  forgetChanges();
  jest.restoreAllMocks();
  workbook = await demoAtP12();
});

describe('Close the year in the task pane', () => {
  it('previews the same Revisions lines as capital-planner rollover on the same figures', async () => {
    const preview = await previewRollover();
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(cliPlan.revisionLines.length).toBeGreaterThan(0);
    expect(preview.value.lines).toEqual(
      cliPlan.revisionLines.map((line) => ({
        ref: line.ref,
        kind: line.kind,
        amount: line.amount,
        ...(line.fromYear !== undefined ? { fromYear: formatFiscalYear(line.fromYear) } : {}),
        ...(line.toYear !== undefined ? { toYear: formatFiscalYear(line.toYear) } : {}),
        reason: line.reason,
        reference: line.reference,
      })),
    );
    expect(preview.value.closing).toBe('2016/17');
    expect(preview.value.next).toBe('2017/18');
    // The monitoring settings move on to 2017/18 P1 in the same change.
    expect(preview.value.cells.filter((cell) => cell.sheet === SETTINGS_SHEET)).toEqual([
      expect.objectContaining({ becomes: '2017/18' }),
      expect.objectContaining({ becomes: '1' }),
    ]);
  });

  it('writes the CLI plan: every scheme’s new phasing, the lines appended to the log, the next year', async () => {
    const before = workbook.fullSnapshot();
    const previewed = await previewRollover();
    expect(workbook.fullSnapshot()).toBe(before); // a preview changes nothing
    let asked: OverwriteNotice | undefined;
    const result = await closeTheYear({
      confirm: async (notice) => {
        asked = notice;
        return true;
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok || !previewed.ok) return;
    const changed = previewed.value.cells.find((cell) => cell.sheet === 'Programme')!;
    expect(String(workbook.read('Programme', changed.cell)[0][0])).toBe(changed.becomes);
    expect(asked?.examples.length).toBe(previewed.value.cells.length);
    const programmeCells = previewed.value.cells.filter((cell) => cell.sheet === 'Programme');
    expect(programmeCells.length).toBeGreaterThan(0);
    expect(String(workbook.read('Programme', programmeCells[0].cell)[0][0])).not.toBe(
      programmeCells[0].now,
    );
    // Every Programme period cell is the CLI's new amount (blank for zero).
    const header = workbook.read('Programme', 'A1:AZ1')[0];
    const first = header.indexOf('2016/17 Q1');
    const refs = workbook.read('Programme', `A2:A40`).map(([ref]) => ref);
    for (const { ref, amounts } of cliPlan.periods) {
      const row = refs.indexOf(ref) + 2;
      const cells = workbook
        .read('Programme', `A${row}:AZ${row}`)[0]
        .slice(first, first + amounts.length);
      expect({ ref, cells }).toEqual({
        ref,
        cells: amounts.map((amount) => (amount.units === 0 ? '' : toNumber(amount))),
      });
    }
    // Phasing and Profile reworded where the old words no longer give the amounts, as the CLI
    // does (regression: Phase would spread a carried-forward budget back over the closed year).
    const phasingColumn = header.indexOf('Phasing');
    const profileColumn = header.indexOf('Profile');
    const reworded = cliPlan.periods.filter(({ words }) => words !== undefined);
    expect(reworded.length).toBeGreaterThan(0);
    for (const { ref, words } of reworded) {
      const row = workbook.read(
        'Programme',
        `A${refs.indexOf(ref) + 2}:AZ${refs.indexOf(ref) + 2}`,
      )[0];
      expect({ ref, phasing: row[phasingColumn], profile: row[profileColumn] }).toEqual({
        ref,
        phasing: words!.phasing,
        profile: words!.profile,
      });
    }
    // The new lines are in the log, where the result says.
    const [start, end] = result.value.revisionsAddress.split(':');
    const lines = workbook.read(result.value.revisionsSheet, `${start}:${end}`);
    expect(lines.map((line) => [line[0], line[3], line[6]])).toEqual(
      cliPlan.revisionLines.map((line) => [line.ref, line.amount, line.reference]),
    );
    const settings = parseSettings(workbook.read(SETTINGS_SHEET, 'A1:C12'));
    expect([settings.monitoringYear, settings.monitoringPeriod]).toEqual([2017, 1]);

    // Closing again is refused: the year was closed already.
    const again = await previewRollover();
    expect(again.ok).toBe(false);
    expect(!again.ok && again.message).toMatch(/2016\/17 was closed already/);

    const undone = await undoLastChange();
    expect(undone.ok).toBe(true);
    expect(workbook.fullSnapshot()).toBe(before);
  });

  it('regression: undo refuses to delete log lines by position once the added lines were changed (say, the log sorted)', async () => {
    const result = await closeTheYear({ confirm: async () => true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Someone sorts the log or types over the last added line: it is no longer the line added.
    const [, end] = result.value.revisionsAddress.split(':');
    const lastRow = end.replace(/^[A-Z]+/, '');
    workbook.cell(result.value.revisionsSheet, `A${lastRow}`)!.content = 'CP-999';
    const after = workbook.fullSnapshot();
    const undone = await undoLastChange();
    expect(undone.ok).toBe(false);
    expect(!undone.ok && undone.message).toMatch(
      /cannot be undone: the \d+ lines it added to the table 'Revisions' have been moved, changed or removed since/,
    );
    expect(workbook.fullSnapshot()).toBe(after);
  });

  it('leaves the workbook as it was when Excel fails part-way', async () => {
    const before = workbook.fullSnapshot();
    const real = BatchWriter.prototype.finish;
    jest.spyOn(BatchWriter.prototype, 'finish').mockImplementationOnce(async function (
      this: BatchWriter,
    ) {
      // Everything queued reaches the workbook, then Excel fails.
      await real.call(this);
      throw Object.assign(new Error('The connection to Excel was lost'), {
        code: 'GeneralException',
      });
    });
    const result = await closeTheYear({ confirm: yes });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/workbook is as it was/);
    expect(workbook.fullSnapshot()).toBe(before);
  });

  it('changes nothing without confirmation, or when the user says no', async () => {
    const before = workbook.fullSnapshot();
    const unasked = await closeTheYear();
    expect(!unasked.ok && unasked.message).toMatch(/Nothing was changed: confirm first/);
    const refused = await closeTheYear({ confirm: async () => false });
    expect(!refused.ok && refused.cancelled).toBe(true);
    expect(workbook.fullSnapshot()).toBe(before);
  });

  it('refuses a year not at its last period, saying which period it is at', async () => {
    workbook.setCells(IN_YEAR_SHEET, 'D3', [[8]]);
    const result = await previewRollover();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(
      '2016/17 period 8: a year is closed after its outturn (period 12)',
    );
  });

  it('refuses a workbook without the In-year monitoring sheet, naming it', async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(IN_YEAR_SHEET).delete();
      await context.sync();
    });
    const result = await closeTheYear({ confirm: yes });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain("lacks the 'In-year monitoring' sheet");
  });

  it('names the In-year cell whose actual to date is not a figure, and changes nothing', async () => {
    const before = workbook.fullSnapshot();
    workbook.setCells(IN_YEAR_SHEET, `G${IN_YEAR_HEADER_ROW + 1}`, [['n/a']]);
    const changed = workbook.fullSnapshot();
    const result = await closeTheYear({ confirm: yes });
    expect(!result.ok && result.message).toContain(
      `'${IN_YEAR_SHEET}'!G${IN_YEAR_HEADER_ROW + 1}: the actual to date of`,
    );
    expect(workbook.fullSnapshot()).toBe(changed);
    expect(changed).not.toBe(before);
  });

  it('closes and undoes the same way in requests split to fit a small request limit (Excel on the web)', async () => {
    workbook = await demoAtP12('web');
    const before = workbook.fullSnapshot();
    const old = setRequestBudget(200);
    try {
      const syncs = jest.spyOn(BatchWriter.prototype, 'sync');
      const result = await closeTheYear({ confirm: yes });
      expect(result.ok).toBe(true);
      expect(syncs).toHaveBeenCalled(); // the Programme went in more than one request
      expect((await undoLastChange()).ok).toBe(true);
      expect(workbook.fullSnapshot()).toBe(before);
    } finally {
      setRequestBudget(old);
    }
  });

  it('writes the first line into an empty log’s blank row, text as typed, and undo gives it back', async () => {
    // The demo's log emptied as Set up leaves it: one blank row (its Signed amount formula kept).
    await Excel.run(async (context) => {
      const log = context.workbook.tables.getItem('Revisions');
      const rows = log.rows.load('count');
      await context.sync();
      for (let i = rows.count - 1; i >= 1; i--) log.rows.getItemAt(i).delete();
      const blank = log.getDataBodyRange().getRow(0);
      const formulas = blank.load('formulas');
      await context.sync();
      blank.formulas = [formulas.formulas[0].map((f, c) => (c === 4 ? f : ''))];
      await context.sync();
    });
    forgetChanges();
    const before = workbook.fullSnapshot();
    const result = await closeTheYear({ confirm: yes });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.revisionsAddress.startsWith('A2:')).toBe(true);
    const first = cliPlan.revisionLines[0];
    expect(workbook.read('Revisions', 'A2')[0][0]).toBe(first.ref);
    expect(workbook.read('Revisions', 'G2')[0][0]).toBe(first.reference);
    expect(workbook.table('Revisions')?.bodyRows).toBe(cliPlan.revisionLines.length);
    expect((await undoLastChange()).ok).toBe(true);
    expect(workbook.fullSnapshot()).toBe(before);
  });

  it('after closing, the next Gather in 2017/18 P1 asks to move the closed year’s In-year sheet on; before closing it is refused', async () => {
    // Settings moved to the next year by hand, the year not closed: refused, nothing written.
    const settings = await readSettings();
    if (!settings.ok) throw new Error(settings.message);
    expect(
      (await saveSettings({ ...settings.value, monitoringYear: 2017, monitoringPeriod: 1 })).ok,
    ).toBe(true);
    const unclosed = workbook.fullSnapshot();
    const early = await gatherForecasts({ confirm: yes });
    expect(!early.ok && early.message).toContain(
      'To start 2017/18, close 2016/17 first (Monitor > Close year, at P12)',
    );
    expect(workbook.fullSnapshot()).toBe(unclosed);
    expect((await saveSettings(settings.value)).ok).toBe(true);

    expect((await closeTheYear({ confirm: yes })).ok).toBe(true);
    const closed = workbook.fullSnapshot();
    const asked: OverwriteNotice[] = [];
    const no = await gatherForecasts({
      confirm: async (notice) => {
        asked.push(notice);
        return notice.sheet !== IN_YEAR_SHEET;
      },
    });
    expect(no).toMatchObject({ ok: false, cancelled: true });
    expect(workbook.fullSnapshot()).toBe(closed);
    const move = asked.find((notice) => notice.sheet === IN_YEAR_SHEET);
    expect(move?.title).toBe('Move In-year monitoring on from 2016/17 P12 to 2017/18 P1?');
    expect(move?.message).toMatch(/^2016\/17 is closed and the Settings now say 2017\/18 P1/);

    const gathered = await gatherForecasts({ confirm: yes });
    expect(gathered.ok).toBe(true);
    expect(gathered.ok && gathered.value.inYear?.movedFrom).toEqual({ year: 2016, period: 12 });
    expect(workbook.read(IN_YEAR_SHEET, 'D3:E3')).toEqual([[1, '2017/18']]);
  });
});

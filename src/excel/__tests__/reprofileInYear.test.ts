/**
 * Issue 13: a re-profile line of the Revisions log moves the in-year revised budget between the
 * years it names. Regression: the pane read the log for all-years figures only, so recording a
 * re-profile out of the monitored year left its In-year revised budget where the phasing put it.
 */
import { type FakeWorkbook } from '../../../tests/support/fake-excel';
import { monitorAt, workbookWithSampleProgramme } from '../../../tests/support/sampleProgramme';
import { IN_YEAR_COLUMNS, IN_YEAR_SHEET } from '../../workbook';
import { generateForecastSheets } from '../forecastSheets';
import { gatherForecasts } from '../monitoring';
import { phaseSchemes } from '../phaseSchemes';
import { recordRevision } from '../recordRevision';
import { undoLastChange } from '../undo';

const column = (name: (typeof IN_YEAR_COLUMNS)[number]) => IN_YEAR_COLUMNS.indexOf(name);

/** The In-year monitoring row of a scheme, by Ref. */
function inYearRow(workbook: FakeWorkbook, ref: string): unknown[] {
  const rows = workbook.read(IN_YEAR_SHEET, 'A5:R40');
  const row = rows.find((cells) => cells[0] === ref);
  if (!row) throw new Error(`${ref} is not on the In-year sheet`);
  return row;
}

const close = (a: unknown, b: number) => expect(Math.abs((a as number) - b)).toBeLessThan(1e-9);

describe('a re-profile moves the in-year revised budget (issue 13)', () => {
  let workbook: FakeWorkbook;
  let approved: { inYear: number; allYears: number };

  beforeEach(async () => {
    workbook = await workbookWithSampleProgramme();
    expect((await phaseSchemes()).ok).toBe(true);
    // The figures without any revision, from a workbook monitored at 2016/17 P3.
    const baseline = await workbookWithSampleProgramme();
    expect((await phaseSchemes()).ok).toBe(true);
    await monitorAt(3);
    expect((await generateForecastSheets()).ok).toBe(true);
    const row = inYearRow(baseline, 'CP-001');
    approved = {
      inYear: row[column('In-year approved budget')] as number,
      allYears: row[column('All-years budget')] as number,
    };
    expect(approved.inYear).toBeGreaterThan(0.4);
    // Back to the workbook under test.
    workbook = await workbookWithSampleProgramme();
    expect((await phaseSchemes()).ok).toBe(true);
    await monitorAt(3);
  });

  async function reprofile(
    extra: {
      fromYear?: number;
      toYear?: number;
      date?: { year: number; month: number; day: number };
    } = {},
  ) {
    const recorded = await recordRevision({
      ref: 'CP-001',
      date: { year: 2016, month: 5, day: 10 },
      kind: 're-profile',
      amount: 0.4,
      reason: 'Works slipped into 2017/18',
      reference: 'Cabinet 10/05/2016',
      ...extra,
    });
    expect(recorded.ok).toBe(true);
  }

  it('takes 0.4 re-profiled from 2016/17 to 2017/18 off the 2016/17 revised budget, all years unchanged', async () => {
    await reprofile({ fromYear: 2016, toYear: 2017 });
    expect((await generateForecastSheets()).ok).toBe(true);
    const row = inYearRow(workbook, 'CP-001');
    close(row[column('In-year approved budget')], approved.inYear);
    close(row[column('In-year revised budget')], approved.inYear - 0.4);
    close(row[column('All-years budget')], approved.allYears);
  });

  it('gathering at P3 shows the moved budget too', async () => {
    await reprofile({ fromYear: 2016, toYear: 2017 });
    const gathered = await gatherForecasts();
    expect(gathered.ok).toBe(true);
    const row = inYearRow(workbook, 'CP-001');
    close(row[column('In-year revised budget')], approved.inYear - 0.4);
    close(row[column('All-years budget')], approved.allYears);
  });

  it('adds 0.4 re-profiled into 2016/17 from a later year', async () => {
    await reprofile({ fromYear: 2017, toYear: 2016 });
    expect((await generateForecastSheets()).ok).toBe(true);
    const row = inYearRow(workbook, 'CP-001');
    close(row[column('In-year revised budget')], approved.inYear + 0.4);
    close(row[column('All-years budget')], approved.allYears);
  });

  it('leaves the in-year budget as phased for a re-profile that names no years (older logs)', async () => {
    await reprofile();
    expect((await generateForecastSheets()).ok).toBe(true);
    const row = inYearRow(workbook, 'CP-001');
    close(row[column('In-year revised budget')], approved.inYear);
    close(row[column('All-years budget')], approved.allYears);
  });

  it('leaves out a re-profile approved after the period (P3 ends 30 June 2016)', async () => {
    await reprofile({ fromYear: 2016, toYear: 2017, date: { year: 2016, month: 8, day: 10 } });
    expect((await generateForecastSheets()).ok).toBe(true);
    const row = inYearRow(workbook, 'CP-001');
    close(row[column('In-year revised budget')], approved.inYear);
  });

  it('moves the budget of an In-year sheet already made at the period when gathering there', async () => {
    expect((await generateForecastSheets()).ok).toBe(true);
    close(inYearRow(workbook, 'CP-001')[column('In-year revised budget')], approved.inYear);
    await reprofile({ fromYear: 2016, toYear: 2017 });
    const gathered = await gatherForecasts();
    expect(gathered.ok).toBe(true);
    const row = inYearRow(workbook, 'CP-001');
    close(row[column('In-year revised budget')], approved.inYear - 0.4);
    close(row[column('All-years budget')], approved.allYears);
    // Undo puts the budget back as the sheet showed it.
    await undoLastChange();
    close(inYearRow(workbook, 'CP-001')[column('In-year revised budget')], approved.inYear);
  });
});

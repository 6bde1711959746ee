import { installFakeExcel, FakeWorkbook } from '../../../tests/support/fake-excel';
import { checkProgramme, checkSelection, checkSheet, writeChecksReport } from '../checks';
import { clearHighlights, forgetHighlights, highlightFindings } from '../highlights';
import { selectCell } from '../selection';
import { forgetChanges, undoLastChange } from '../undo';
import { buildProgramme } from './programmeFixture';

/** The DOMAIN.md table with a total that rounding cannot explain (41.0 over 44.5). */
const REPORT_TABLE = [
  ['Area for investment', 'Capital £m', 'Impact'],
  ['Compliance', 40, 'PSN'],
  ['Service management', 4.5, 'Calls'],
  ['TOTAL', 41, ''],
];

describe('checks', () => {
  let workbook: FakeWorkbook;
  beforeEach(() => {
    workbook = installFakeExcel(globalThis);
    forgetChanges();
    forgetHighlights();
  });

  it('finds a wrong total in the selection, with its sheet and cell', async () => {
    workbook.setCells(
      'Pasted',
      'C3',
      REPORT_TABLE,
      REPORT_TABLE.map((row) => row.map((v) => (typeof v === 'number' ? '0.0' : 'General'))),
    );
    workbook.select('Pasted', 'C3:E6');
    const result = await checkSelection();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const total = result.value.findings.find((f) => f.rule === 'total-mismatch');
    expect(total).toMatchObject({ sheet: 'Pasted', cell: 'D6', severity: 'error' });
    expect(result.value.address).toBe('C3:E6');
    expect(result.value.counts.error).toBeGreaterThanOrEqual(1);
  });

  it('says what it checked: the reading travels with the findings to the pane', async () => {
    workbook.setCells('Pasted', 'C3', REPORT_TABLE);
    workbook.select('Pasted', 'C3:E6');
    const result = await checkSelection();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const reading = result.value.reading;
    // The total row, at sheet row 6, adds up the two schemes above it and was found wrong.
    expect(reading?.totals.map((total) => total.row)).toContain(6);
    expect(reading?.checked.wrong).toBeGreaterThanOrEqual(1);
  });

  it('cuts a whole-column selection down to the cells in use', async () => {
    workbook.setCells('Pasted', 'A1', REPORT_TABLE);
    workbook.select('Pasted', 'A1:C1048576');
    const result = await checkSelection();
    expect(result.ok && result.value.address).toBe('A1:C4');
  });

  it('checks a named sheet and says so when it does not exist', async () => {
    workbook.setCells('Report', 'A1', REPORT_TABLE);
    const found = await checkSheet('Report');
    expect(
      found.ok && found.value.findings.some((f) => f.rule === 'total-mismatch' && f.cell === 'B4'),
    ).toBe(true);
    const missing = await checkSheet('Nope');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.message).toMatch(/no sheet named 'Nope'/);
  });

  it('reports no Programme table as a message, not a throw', async () => {
    const result = await checkProgramme();
    expect(result.ok).toBe(false);
  });

  it('checks the Programme in at most 3 syncs, the same for 100 and 10,000 rows', async () => {
    const syncs: number[] = [];
    for (const rows of [100, 10_000]) {
      workbook = installFakeExcel(globalThis);
      buildProgramme(workbook, rows);
      workbook.resetStats();
      const result = await checkProgramme();
      expect(result.ok).toBe(true);
      syncs.push(workbook.stats.syncs);
    }
    expect(syncs[0]).toBe(syncs[1]);
    expect(syncs[0]).toBeLessThanOrEqual(3);
  });

  it('highlights with one RangeAreas per severity and puts the old fills back', async () => {
    workbook.setCells('Pasted', 'A1', REPORT_TABLE);
    workbook.model.findSheet('Pasted')!.touch(3, 1).fill = '#00FF00';
    const before = workbook.snapshot();
    const findings = [
      {
        rule: 'total-mismatch' as const,
        severity: 'error' as const,
        sheet: 'Pasted',
        cell: 'B4',
        message: 'm',
      },
      {
        rule: 'number-as-text' as const,
        severity: 'warning' as const,
        sheet: 'Pasted',
        cell: 'B2',
        message: 'm',
      },
      {
        rule: 'number-as-text' as const,
        severity: 'warning' as const,
        sheet: 'Pasted',
        cell: 'B3',
        message: 'm',
      },
      {
        rule: 'unphased' as const,
        severity: 'info' as const,
        sheet: 'Pasted',
        cell: 'B4',
        message: 'm',
      },
    ];
    workbook.resetStats();
    const lit = await highlightFindings(findings);
    expect(lit).toEqual({ ok: true, value: { cells: 3 } });
    expect(workbook.stats.syncs).toBe(2);
    expect(workbook.cell('Pasted', 'B4')?.fill).toBe('#F4CCCC');
    expect(workbook.cell('Pasted', 'B2')?.fill).toBe('#FFF2CC');
    expect(FakeWorkbook.diff(before, workbook.snapshot())).toEqual([
      'Pasted!B2',
      'Pasted!B3',
      'Pasted!B4',
    ]);
    // Highlighting again must not forget the true old fill.
    await highlightFindings(findings);
    const cleared = await clearHighlights();
    expect(cleared).toEqual({ ok: true, value: { cells: 3 } });
    expect(workbook.snapshot()).toEqual(before);
  });

  it('highlights 2,000 findings with operations that do not grow with the sheet', async () => {
    buildProgramme(workbook, 10_000);
    const findings = Array.from({ length: 2000 }, (_, i) => ({
      rule: 'unphased' as const,
      severity: 'warning' as const,
      sheet: 'Programme',
      cell: `I${i * 5 + 2}`,
      message: 'm',
    }));
    workbook.resetStats();
    await highlightFindings(findings);
    expect(workbook.stats.syncs).toBe(2);
    expect(workbook.stats.operations).toBeLessThan(2000 * 3 + 50);
  });

  it('regression: highlights 20,000 findings on Excel on the web, reading old fills in trips under its request limit', async () => {
    // Highlighting every finding of a 100k-row check (16,700) sent one request past 5 MB and failed.
    workbook = installFakeExcel(globalThis, { platform: 'web' });
    buildProgramme(workbook, 20_000);
    const findings = Array.from({ length: 20_000 }, (_, i) => ({
      rule: 'unphased' as const,
      severity: 'warning' as const,
      sheet: 'Programme',
      cell: `I${i + 2}`,
      message: 'm',
    }));
    const before = workbook.snapshot();
    workbook.resetStats();
    const lit = await highlightFindings(findings);
    expect(lit).toEqual({ ok: true, value: { cells: 20_000 } });
    // More than one trip (the old fills), each within the limit; still proportional to findings.
    expect(workbook.stats.syncs).toBeGreaterThan(2);
    expect(workbook.stats.largestRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(workbook.cell('Programme', 'I2')?.fill).toBe('#FFF2CC');
    expect(workbook.cell('Programme', 'I20001')?.fill).toBe('#FFF2CC');
    expect(workbook.cell('Programme', 'H2')?.fill).not.toBe('#FFF2CC');
    expect(await clearHighlights()).toEqual({ ok: true, value: { cells: 20_000 } });
    expect(workbook.snapshot()).toEqual(before);
  });

  it('writes a Checks sheet with clickable cells, and replaces it only after asking', async () => {
    workbook.setCells('Pasted', 'A1', REPORT_TABLE);
    const findings = [
      {
        rule: 'total-mismatch' as const,
        severity: 'error' as const,
        sheet: "Bob's sheet",
        cell: 'B4',
        message: '=Total 41.0 does not match',
        expected: '44.5',
        actual: '41.0',
      },
    ];
    const first = await writeChecksReport(findings);
    expect(first.ok).toBe(true);
    expect(workbook.read('Checks', 'A2:G2')).toEqual([
      [
        'error',
        'total-mismatch',
        "Bob's sheet",
        '=HYPERLINK("#\'Bob\'\'s sheet\'!B4","B4")',
        '=Total 41.0 does not match',
        '44.5',
        '41.0',
      ],
    ]);
    expect(workbook.cell('Checks', 'E2')).toMatchObject({ isFormula: false, quotePrefix: true });
    expect(workbook.cell('Checks', 'G2')).toMatchObject({ content: '41.0', quotePrefix: true });
    const before = workbook.snapshot();
    const refused = await writeChecksReport([]);
    expect(refused.ok).toBe(false);
    expect(workbook.snapshot()).toEqual(before);
    const replaced = await writeChecksReport([], { confirm: async () => true });
    expect(replaced.ok).toBe(true);
    expect(workbook.read('Checks', 'A2:G2')).toEqual([['', '', '', '', '', '', '']]);
    await undoLastChange();
    expect(workbook.snapshot()).toEqual(before);
  });

  it('selects the cell of a finding', async () => {
    workbook.setCells('Pasted', 'A1', REPORT_TABLE);
    workbook.setCells('Other', 'A1', [['x']]);
    expect(await selectCell('Pasted', 'B4')).toEqual({ ok: true, value: undefined });
    expect(workbook.model.activeSheet?.name).toBe('Pasted');
    expect(workbook.model.selection?.rect).toEqual({ top: 3, left: 1, rows: 1, columns: 1 });
    expect((await selectCell('Gone', 'B4')).ok).toBe(false);
    expect((await selectCell('Pasted', 'not a cell')).ok).toBe(false);
  });
});

/**
 * Regression tests for issue 11's findings: what would have failed on first contact with real
 * Excel. Each is named for the behaviour that the old adapter got wrong on the strict stand-in.
 */
import { type FakeWorkbook, installFakeExcel } from '../../../tests/support/fake-excel';
import { ActionRestored, runAction } from '../action';
import { asTextCell, restorableContent } from '../cellText';
import { checkSelection, checkSheet, writeChecksReport } from '../checks';
import { excelRun, setExcelTimeout } from '../excelRun';
import { clearHighlights, forgetHighlights, highlightFindings, oldFillFrom } from '../highlights';
import { GET_CELL_LIMIT, readRowChunks, setRequestBudget } from '../requestBudget';
import { forgetChanges, rememberChange, undoLastChange } from '../undo';

describe('first contact with real Excel (issue 11)', () => {
  let workbook: FakeWorkbook;
  beforeEach(() => {
    workbook = installFakeExcel(globalThis);
    forgetChanges();
    forgetHighlights();
  });

  describe('Check on the web', () => {
    it('reads the number formats even when its first chunk is refused as too large (no PropertyNotLoaded)', async () => {
      workbook = installFakeExcel(globalThis, { platform: 'web', payloadLimit: 60_000 });
      const wordy = 'a long description of a capital scheme that goes on for a while '.repeat(2);
      const rows = Array.from({ length: 3000 }, (_, i) => [`CP-${i}`, wordy, i / 10]);
      workbook.setCells('Report', 'A1', [['Ref', 'Description', 'Budget'], ...rows]);
      const old = setRequestBudget(50_000);
      try {
        const result = await checkSheet('Report');
        expect(result).toMatchObject({ ok: true, value: { sheet: 'Report', address: 'A1:C3001' } });
      } finally {
        setRequestBudget(old);
      }
    });

    it('recalculates first when Excel calculates manually, so it never reads stale results', async () => {
      workbook.setCells('Report', 'A1', [
        ['Area', 'Budget'],
        ['ICT', 2],
        ['TOTAL', '=B2'],
      ]);
      workbook.model.calculationMode = 'Manual';
      workbook.model.staleFormulas = true;
      const result = await checkSheet('Report');
      expect(result.ok).toBe(true);
      expect(workbook.model.calculations).toBe(1);
      expect(workbook.model.staleFormulas).toBe(false);
    });

    it('never asks for more than 5,000,000 cells in one read (Excel answers null past it)', async () => {
      const chunks: number[] = [];
      const context = { sync: async () => undefined } as unknown as Excel.RequestContext;
      await readRowChunks(
        context,
        1_200_000,
        10,
        (_start, rows) => {
          chunks.push(rows);
          return () => [];
        },
        () => undefined,
        Number.POSITIVE_INFINITY,
      );
      expect(Math.max(...chunks) * 10).toBeLessThanOrEqual(GET_CELL_LIMIT);
      expect(chunks.reduce((a, b) => a + b, 0)).toBe(1_200_000);
    });
  });

  describe('Clear highlights', () => {
    it('puts No Fill back on an unfilled cell instead of painting it solid white', async () => {
      workbook.setCells('Programme', 'A1', [['Ref'], ['CP-1']]);
      workbook.cell('Programme', 'A1')!.fill = '#FFFF00';
      await highlightFindings([
        { rule: 'unphased', severity: 'warning', sheet: 'Programme', cell: 'A2', message: 'm' },
        { rule: 'unphased', severity: 'error', sheet: 'Programme', cell: 'A1', message: 'm' },
      ]);
      expect(workbook.cell('Programme', 'A2')?.fill).toBe('#FFF2CC');
      await clearHighlights();
      expect(workbook.cell('Programme', 'A2')?.fill).toBeUndefined();
      expect(workbook.cell('Programme', 'A1')?.fill).toBe('#FFFF00');
    });

    it('reads a reported white without tintAndShade as No Fill, and a colour with one as that colour', () => {
      expect(oldFillFrom({ color: '#FFFFFF', pattern: null })).toBe('none');
      expect(oldFillFrom({ color: '#FFFFFF', tintAndShade: 0 })).toEqual({ color: '#FFFFFF' });
      expect(oldFillFrom({ color: '#C00000', pattern: 'Solid' })).toEqual({ color: '#C00000' });
    });

    it('highlights on a sheet the add-in protected without allowFormatCells, and protects it again', async () => {
      workbook.setCells('Forecast - ICT', 'A1', [
        ['Ref', 'Forecast'],
        ['CP-1', 2],
      ]);
      const options = { allowFormatColumns: true, allowAutoFilter: true };
      workbook.model.findSheet('Forecast - ICT')!.protection = { protected: true, options };
      const lit = await highlightFindings([
        { rule: 'unphased', severity: 'error', sheet: 'Forecast - ICT', cell: 'B2', message: 'm' },
      ]);
      expect(lit).toEqual({ ok: true, value: { cells: 1 } });
      expect(workbook.cell('Forecast - ICT', 'B2')?.fill).toBe('#F4CCCC');
      expect(workbook.model.findSheet('Forecast - ICT')!.protection).toMatchObject({
        protected: true,
        options,
      });
      const cleared = await clearHighlights();
      expect(cleared.ok).toBe(true);
      expect(workbook.cell('Forecast - ICT', 'B2')?.fill).toBeUndefined();
      expect(workbook.model.findSheet('Forecast - ICT')!.protection.protected).toBe(true);
    });
  });

  describe('text with digits', () => {
    it('is written as it is, without a quote prefix Excel does not document for values', () => {
      expect(asTextCell('CP-001')).toBe('CP-001');
      expect(asTextCell('Cab 12/01')).toBe('Cab 12/01');
      expect(asTextCell('1 1/2')).toBe("'1 1/2"); // Excel reads this as 1.5
      expect(asTextCell('007')).toBe("'007");
    });

    it('is put back by undo into a Text (@) cell without gaining an apostrophe', async () => {
      workbook = installFakeExcel(globalThis, { keepApostropheInTextCells: true });
      workbook.setCells('Log', 'A1', [['=1+1', '007']], [['@', '@']]);
      rememberChange({
        label: 'Test change',
        addedSheets: [],
        blocks: [
          {
            sheet: 'Log',
            top: 0,
            left: 0,
            values: [['=1+1', '007']],
            formulas: [['=1+1', '007']],
            numberFormat: [['@', '@']],
          },
        ],
      });
      const undone = await undoLastChange();
      expect(undone.ok).toBe(true);
      expect(workbook.read('Log', 'A1:B1')).toEqual([['=1+1', '007']]);
      expect(restorableContent('007', '007', '@')).toBe('007');
    });
  });

  describe('Office errors', () => {
    it('explains a protected sheet by its code, in any language, not by message text', async () => {
      const french = Object.assign(new Error('Vous ne pouvez pas effectuer cette opération.'), {
        code: 'AccessDenied',
      });
      const result = await runAction('Phase schemes', async () => {
        throw french;
      });
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/protected/) });
      const noCode = await runAction('Phase schemes', async () => {
        throw new Error('AccessDenied: protected');
      });
      expect(noCode.ok === false && noCode.message).not.toMatch(/Unprotect Sheet/);
    });

    it('tells the user to click a cell when a chart or shape is selected', async () => {
      workbook.setCells('S', 'A1', [['x']]);
      workbook.select('S', 'A1');
      workbook.model.selectionKind = 'shape';
      const result = await checkSelection();
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/click a cell/) });
    });

    it('waits for the user to leave a cell being edited instead of failing', async () => {
      workbook = installFakeExcel(globalThis, { excelApi: '1.11' });
      workbook.setCells('S', 'A1', [
        ['Area', 'Budget'],
        ['ICT', 2],
      ]);
      workbook.model.cellEditing = true;
      const result = await checkSheet('S');
      expect(result.ok).toBe(true);
    });

    it('says so when the user edits a cell on an Excel too old to wait', async () => {
      workbook = installFakeExcel(globalThis, { excelApi: '1.9' });
      workbook.setCells('S', 'A1', [
        ['Area', 'Budget'],
        ['ICT', 2],
      ]);
      workbook.model.cellEditing = true;
      const result = await checkSheet('S');
      expect(result).toMatchObject({
        ok: false,
        message: expect.stringMatching(/press Enter or Esc/),
      });
    });

    it('gives up on a sync Excel never answers, with a message', async () => {
      workbook.setCells('S', 'A1', [['x']]);
      workbook.model.syncNeverReturns = true;
      const old = setExcelTimeout(50);
      try {
        const result = await checkSheet('S');
        expect(result).toMatchObject({
          ok: false,
          message: expect.stringMatching(/did not answer in time/),
        });
      } finally {
        setExcelTimeout(old);
      }
    });

    it('explains a co-authoring conflict on rows.add', async () => {
      workbook.setCells('S', 'A1', [['Ref'], ['CP-1']]);
      await excelRun(async (context) => {
        context.workbook.worksheets.getItem('S').tables.add('A1:A2', true);
        await context.sync();
      });
      workbook.model.coauthoring = true;
      const result = await runAction('Bring in', () =>
        excelRun(async (context) => {
          context.workbook.tables.getItem('Table1').rows.add(undefined, [['CP-2']]);
          await context.sync();
          return { ok: true as const, value: undefined };
        }),
      );
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/co-authoring/) });
    });

    it('refuses Highlight with a message on an Excel without ExcelApi 1.9', async () => {
      workbook = installFakeExcel(globalThis, { excelApi: '1.8' });
      workbook.setCells('S', 'A1', [['x']]);
      const result = await highlightFindings([
        { rule: 'unphased', severity: 'error', sheet: 'S', cell: 'A1', message: 'm' },
      ]);
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/update Excel/) });
      expect(workbook.cell('S', 'A1')?.fill).toBeUndefined();
    });

    it('leaves the workbook as it was, and says so, when the checks report cannot be written', async () => {
      workbook.setCells('Checks', 'A1', [
        ['Severity', 'Rule'],
        ['error', 'old'],
      ]);
      workbook.model.findSheet('Checks')!.protection = { protected: true };
      const before = workbook.fullSnapshot();
      const result = await writeChecksReport(
        [{ rule: 'unphased', severity: 'warning', sheet: 'Programme', cell: 'A2', message: 'm' }],
        { confirm: async () => true },
      );
      expect(result).toMatchObject({
        ok: false,
        message: expect.stringMatching(/protected.*the workbook is as it was/),
      });
      expect(workbook.fullSnapshot()).toBe(before);
    });

    it('says what happened when an action failed part-way and put back its changes', async () => {
      const result = await runAction('Set up programme', async () => {
        throw new ActionRestored(Object.assign(new Error('x'), { code: 'AccessDenied' }), true);
      });
      expect(result).toMatchObject({
        ok: false,
        message: expect.stringMatching(/protected.*put back: the workbook is as it was/),
      });
    });
  });
});

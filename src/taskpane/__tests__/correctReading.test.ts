/**
 * "Correct the reading" through the pane's bridge over the real adapter, on the stand-in: the pick
 * is saved for the sheet that was checked, that sheet is checked again with it, and Undo forgets it.
 */
import { installFakeExcel, type FakeWorkbook } from '../../../tests/support/fake-excel';
import * as excel from '../../excel';
import { createExcelActions } from '../excelActions';
import type { ActionContext } from '../services';

const TABLE = [
  ['Scheme', 'Budget', 'Actual'],
  ['Roads', 40, 38],
  ['Schools', 4.5, 5.5],
  ['Total', 41, 43.5],
];

function context(): ActionContext {
  return {
    signal: new AbortController().signal,
    onProgress: () => undefined,
    confirmOverwrite: async () => true,
  };
}

describe('correcting the reading from the pane', () => {
  let workbook: FakeWorkbook;
  beforeEach(() => {
    workbook = installFakeExcel(globalThis);
    excel.forgetChanges();
    workbook.setCells('Outturn', 'A1', TABLE);
    workbook.setCells('Notes', 'A1', [['Nothing to check']]);
  });

  it('saves the pick for the checked sheet and checks that sheet again, even if another is active', async () => {
    const actions = createExcelActions(excel);
    workbook.select('Notes', 'A1');
    const outcome = await actions.correctReading('sheet', 'Outturn', { B: 'skip' }, context());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.sheet).toBe('Outturn');
    expect(outcome.value.correction?.text).toBe('B=skip');
    expect(outcome.value.findings.some((f) => f.rule === 'total-mismatch')).toBe(false);
    expect(outcome.summary).toMatch(/^Reading of Outturn saved \(B = skip\); Undo forgets it\./);

    expect(await actions.lastChange()).toBe('Correct the reading of Outturn');
    await actions.undoLastChange(context());
    const again = await actions.check('sheet', context());
    expect(again.ok ? again.value.sheet : again.message).toBe('Notes');
    workbook.select('Outturn', 'A1');
    const outturn = await actions.check('sheet', context());
    expect(outturn.ok && outturn.value.correction).toBeUndefined();
    expect(outturn.ok && outturn.value.findings.some((f) => f.rule === 'total-mismatch')).toBe(
      true,
    );
  });

  it('does not check again when the pick cannot be saved, and says why', async () => {
    const actions = createExcelActions(excel);
    const outcome = await actions.correctReading('sheet', 'Outturn', { B: 'total' }, context());
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/Column B: 'total' is not a role/);
  });
});

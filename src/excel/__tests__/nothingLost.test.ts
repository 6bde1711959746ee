/**
 * "Nothing lost" (issue 7): every task-pane action, run on a workbook that also holds the user's
 * own work, changes only its target (new sheets, or the block it says it writes), and "Undo last
 * change" puts every cell back exactly: values, formulas, text, number formats.
 */
import {
  installFakeExcel,
  FakeWorkbook,
  type SheetSnapshot,
} from '../../../tests/support/fake-excel';
import { addBudgetForecastChart, addPhasingChart } from '../charts';
import { writeChecksReport } from '../checks';
import { generateForecastSheets } from '../forecastSheets';
import { gatherForecasts } from '../monitoring';
import { phaseSchemes } from '../phaseSchemes';
import { setUpProgramme } from '../setUpProgramme';
import { DEFAULT_SETTINGS, saveSettings } from '../settings';
import { forgetChanges, undoLastChange } from '../undo';
import type { ActionResult } from '../types';

const yes = async () => true;
type Snapshot = Record<string, SheetSnapshot>;

describe('nothing lost', () => {
  let workbook: FakeWorkbook;

  /** Runs an action; checks what changed; undoes it and checks all is back; runs it again to go on. */
  async function provesLossless(
    action: () => Promise<ActionResult<unknown>>,
    allowed: RegExp,
  ): Promise<void> {
    const before: Snapshot = workbook.snapshot();
    const result = await action();
    expect(result.ok).toBe(true);
    const after = workbook.snapshot();
    const changed = FakeWorkbook.diff(before, after);
    expect(changed.length).toBeGreaterThan(0);
    const newSheets = Object.keys(after).filter((name) => !(name in before));
    const outside = changed.filter(
      (address) =>
        !newSheets.some((sheet) => address.startsWith(`${sheet}!`)) && !allowed.test(address),
    );
    expect(outside).toEqual([]);
    const undone = await undoLastChange();
    expect(undone.ok).toBe(true);
    expect(workbook.snapshot()).toEqual(before);
    expect((await action()).ok).toBe(true);
  }

  beforeAll(() => {
    workbook = installFakeExcel(globalThis);
    forgetChanges();
    workbook.setCells('Notes', 'A1', [
      ['My notes', 2.5, '=B1*2'],
      ['=not a formula', '007', '@x'],
    ]);
    Object.assign(workbook.cell('Notes', 'A2')!, { isFormula: false, quotePrefix: true });
    Object.assign(workbook.cell('Notes', 'B2')!, { numberFormat: '@' });
  });

  it('set up adds sheets only', async () => {
    await provesLossless(
      () =>
        setUpProgramme({
          firstYear: 2016,
          lastYear: 2019,
          periods: 'quarter',
          unit: '£m',
          withSample: true,
        }),
      /^$/,
    );
  });

  it('phase writes only the period cells, even over typed figures', async () => {
    workbook.setCells('Programme', 'M2:N2', [[1, 2]]);
    await provesLossless(
      () => phaseSchemes({ confirm: yes }),
      /^Programme!(M|N|O|P|Q|R|S|T|U|V|W|X|Y|Z|AA|AB)([2-9]|10)$/,
    );
  });

  it('saving settings writes only the settings cells', async () => {
    await provesLossless(
      () => saveSettings({ ...DEFAULT_SETTINGS, thresholdPercent: 5 }),
      /^_CapitalPlannerSettings!B\d$/,
    );
  });

  it('forecast sheets are new sheets', async () => {
    await provesLossless(() => generateForecastSheets(), /^$/);
  });

  it('gathering forecasts makes, then replaces, only the Monitoring sheet', async () => {
    await provesLossless(() => gatherForecasts({ confirm: yes }), /^$/);
    workbook.setCells('Monitoring', 'K2', [['a note on the old report']]);
    await provesLossless(() => gatherForecasts({ confirm: yes }), /^Monitoring!/);
  });

  it('the checks report and charts are new sheets', async () => {
    await provesLossless(
      () =>
        writeChecksReport(
          [
            {
              rule: 'unphased',
              severity: 'warning',
              sheet: 'Programme',
              cell: 'I10',
              message: 'TBC',
            },
          ],
          { confirm: yes },
        ),
      /^$/,
    );
    await provesLossless(() => addPhasingChart(), /^$/);
    await provesLossless(() => addBudgetForecastChart(), /^$/);
  });

  it('left the user’s own sheet exactly as it was', () => {
    expect(workbook.cell('Notes', 'A2')).toMatchObject({
      content: '=not a formula',
      isFormula: false,
      quotePrefix: true,
    });
    expect(workbook.read('Notes', 'A1:C2')).toEqual([
      ['My notes', 2.5, '=B1*2'],
      ['=not a formula', '007', '@x'],
    ]);
  });
});

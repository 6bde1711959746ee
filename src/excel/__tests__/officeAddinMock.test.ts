/**
 * The adapter against office-addin-mock (Microsoft's Office.js mock), as the issue asks: a second,
 * independent stand-in, so the adapter is not only ever proven against our own fake.
 */
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock pulls in office-addin-manifest only to name the host of a manifest; its ESM
// dependency (strip-bom) cannot load under jest's CommonJS, and the mock works without it.
jest.mock('office-addin-manifest', () => ({ OfficeApp: {} }));
import { selectCell } from '../selection';
import { readSettings } from '../settings';

describe('with office-addin-mock', () => {
  afterEach(() => {
    delete (globalThis as { Excel?: unknown }).Excel;
  });

  it('selects the cell of a finding in two syncs', async () => {
    const calls: string[] = [];
    const cell = { select: () => calls.push('select') };
    const data = {
      context: {
        workbook: {
          worksheets: {
            sheet: {
              name: 'Programme',
              isNullObject: false,
              activate: () => calls.push('activate'),
              getCell: (row: number, column: number) => (calls.push(`cell ${row},${column}`), cell),
            },
            getItemOrNullObject(name: string) {
              calls.push(`get ${name}`);
              return this.sheet;
            },
          },
        },
      },
      run: async function (callback: (context: unknown) => Promise<unknown>) {
        return callback(this.context);
      },
    };
    const excel = new OfficeMockObject(data) as unknown as {
      context: { sync: () => Promise<void> };
    };
    let syncs = 0;
    const sync = excel.context.sync.bind(excel.context);
    excel.context.sync = async () => {
      syncs++;
      return sync();
    };
    (globalThis as { Excel?: unknown }).Excel = excel;
    const result = await selectCell('Programme', 'H7');
    expect(result).toEqual({ ok: true, value: undefined });
    expect(calls).toEqual(['get Programme', 'activate', 'cell 6,7', 'select']);
    expect(syncs).toBe(2);
  });

  it('reads saved settings from the hidden sheet', async () => {
    const values = [
      ['Setting', 'Value'],
      ['fiscalYearStartMonth', 7],
      ['unit', '£k'],
      ['decimals', 0],
      ['thresholdAbsolute', 100],
      ['thresholdPercent', ''],
      ['amberPercent', 5],
      ['redPercent', 20],
      ['convention', 'forecast-minus-budget'],
    ];
    const data = {
      context: {
        workbook: {
          worksheets: {
            sheet: {
              name: '_CapitalPlannerSettings',
              isNullObject: false,
              range: { values },
              getRangeByIndexes() {
                return this.range;
              },
            },
            getItemOrNullObject() {
              return this.sheet;
            },
          },
        },
      },
      run: async function (callback: (context: unknown) => Promise<unknown>) {
        return callback(this.context);
      },
    };
    (globalThis as { Excel?: unknown }).Excel = new OfficeMockObject(data);
    const result = await readSettings();
    expect(result).toEqual({
      ok: true,
      value: {
        fiscalYearStartMonth: 7,
        unit: '£k',
        decimals: 0,
        thresholdAbsolute: 100,
        thresholdPercent: null,
        amberPercent: 5,
        redPercent: 20,
        convention: 'forecast-minus-budget',
      },
    });
  });

  it('says the pane is outside Excel when there is no host', async () => {
    const result = await readSettings();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/inside Excel/);
  });
});

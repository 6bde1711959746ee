/**
 * A fake workbook for component tests: every action is a jest mock that succeeds with an empty
 * result unless a test overrides it.
 */
import { DEFAULT_SETTINGS, type Outcome, type PaneActions } from '../services';

function done<T>(value: T, summary = 'Done.'): Outcome<T> {
  return { ok: true, value, summary };
}

/** Fake actions; pass overrides for the ones a test cares about. */
export function fakeActions(overrides: Partial<PaneActions> = {}): jest.Mocked<PaneActions> {
  const actions: PaneActions = {
    setUpProgramme: async () => done({ sheet: 'Programme', rows: 0, periodHeaders: [] }),
    previewImport: async () => ({ ok: false, message: 'Select a range first.' }),
    importProgramme: async () => done({ rows: 0, sheet: 'Programme' }),
    phase: async () => done({ phased: 0, unphased: [], errors: [] }),
    listSchemes: async () => done([]),
    recordRevision: async () => done({ row: 1, signedAmount: 0 }),
    generateForecastSheets: async () => done([]),
    gatherForecasts: async () =>
      done({
        sheet: 'Monitoring',
        schemes: 0,
        byStatus: { 'On target': 0, Underspend: 0, Overspend: 0, 'No forecast': 0 },
        byRag: { Green: 0, Amber: 0, Red: 0 },
        totalBudget: 0,
        totalForecast: null,
        totalVariance: null,
        withForecast: 0,
        missingForecast: 0,
        programmeBudget: 0,
        offTarget: [],
      }),
    check: async () => done({ sheet: 'Programme', address: 'Programme!A1:B2', findings: [] }),
    correctReading: async () =>
      done({ sheet: 'Programme', address: 'Programme!A1:B2', findings: [] }),
    selectCell: async () => done(undefined),
    highlightFindings: async (findings) => done(findings.length),
    clearHighlights: async () => done(0),
    writeChecksSheet: async () => done({ sheet: 'Checks' }),
    createChart: async () => done({ sheet: 'Programme' }),
    readLedgerSelection: async () => ({ ok: false, message: 'Select the ledger first.' }),
    previewActuals: async () => ({ ok: false, message: 'There is no Programme table.' }),
    bringInActuals: async () =>
      done({
        sheet: 'Actuals',
        added: 0,
        firstRow: 2,
        lastRow: 1,
        total: 0,
        unit: '£m',
        created: true,
        leftOut: { unknownRefs: 0, repeats: 0, alreadyIn: 0, unreadable: 0 },
      }),
    previewRollover: async () => ({
      ok: false,
      message: "This workbook lacks the 'In-year monitoring' sheet.",
    }),
    closeTheYear: async () => ({
      ok: false,
      message: "This workbook lacks the 'In-year monitoring' sheet.",
    }),
    loadSettings: async () => DEFAULT_SETTINGS,
    saveSettings: async () => done(undefined),
    lastChange: async () => undefined,
    changeHistory: async () => [],
    describeWorkbook: async () => ({
      programme: true,
      sheet: 'Programme',
      schemes: 3,
      firstYear: 2026,
      lastYear: 2028,
      forecastSheets: 0,
      monitoring: false,
    }),
    undoLastChange: async () => done('Phase schemes'),
    ...overrides,
  };
  for (const key of Object.keys(actions) as (keyof PaneActions)[]) {
    (actions as unknown as Record<string, unknown>)[key] = jest.fn(
      actions[key] as (...args: unknown[]) => unknown,
    );
  }
  return actions as jest.Mocked<PaneActions>;
}

import type {
  ActionResult,
  MonitoringResult,
  OverwriteNotice,
  PhaseOptions,
} from '../../excel/types';
import { decimal } from '../../core/money/decimal';
import {
  createExcelActions,
  forecastSheetsSentence,
  questionFor,
  revisionSentence,
  summariseMonitoring,
  type ExcelAdapter,
} from '../excelActions';
import type { ActionContext, OverwriteQuestion } from '../services';

const ok = <T>(value: T): ActionResult<T> => ({ ok: true, value });

function adapter(overrides: Partial<ExcelAdapter> = {}): ExcelAdapter {
  const fail = async () => ({ ok: false as const, message: 'not used' });
  return {
    setUpProgramme: fail,
    previewSelection: fail,
    importSelection: fail,
    phaseSchemes: fail,
    recordRevision: fail,
    listSchemes: fail,
    generateForecastSheets: fail,
    gatherForecasts: fail,
    checkProgramme: fail,
    checkSelection: fail,
    checkSheet: fail,
    writeChecksReport: fail,
    highlightFindings: fail,
    clearHighlights: fail,
    selectCell: fail,
    addPhasingChart: fail,
    addBudgetForecastChart: fail,
    readSettings: fail,
    saveSettings: fail,
    lastChange: () => undefined,
    changeHistory: () => [],
    undoLastChange: fail,
    describeWorkbook: fail,
    ...overrides,
  } as ExcelAdapter;
}

function context(
  answer = true,
): ActionContext & { questions: OverwriteQuestion[]; progress: unknown[] } {
  const questions: OverwriteQuestion[] = [];
  const progress: unknown[] = [];
  return {
    signal: new AbortController().signal,
    onProgress: (p) => progress.push(p),
    confirmOverwrite: async (q) => {
      questions.push(q);
      return answer;
    },
    questions,
    progress,
  };
}

const notice: OverwriteNotice = {
  action: 'Phase schemes',
  sheet: 'Programme',
  address: 'M2:X9',
  cellCount: 3,
  examples: [{ cell: 'M2', was: '0.6' }],
  message: '3 quarter cells already hold figures.',
};

describe('the pane over the Excel adapter', () => {
  it('asks the pane’s dialog before overwriting and reports progress as a fraction', async () => {
    let seen: PhaseOptions | undefined;
    let answer: boolean | undefined;
    const actions = createExcelActions(
      adapter({
        phaseSchemes: async (options = {}) => {
          seen = options;
          options.onProgress?.({ stage: 'Writing quarters', done: 1, total: 4 });
          answer = await options.confirm?.(notice);
          return ok({ phased: 2, unphased: [], errors: [] });
        },
      }),
    );
    const run = context(false);
    const outcome = await actions.phase('selected', run);
    expect(seen?.onlySelected).toBe(true);
    expect(seen?.signal).toBe(run.signal);
    expect(answer).toBe(false);
    expect(run.questions[0]).toEqual({
      title: 'Replace 3 filled cells on Programme?',
      message: '3 quarter cells already hold figures.',
      examples: [{ cell: 'M2', was: '0.6' }],
      confirmLabel: 'Replace',
    });
    expect(run.progress).toEqual([{ fraction: 0.25, label: 'Writing quarters' }]);
    expect(outcome).toEqual({
      ok: true,
      value: { phased: 2, unphased: [], errors: [] },
      summary: '2 schemes phased.',
    });
  });

  it('passes a refusal or cancellation through with its message', async () => {
    const actions = createExcelActions(
      adapter({
        checkSelection: async () => ({
          ok: false,
          message: 'Select a range first.',
          cancelled: true,
        }),
      }),
    );
    expect(await actions.check('selection', context())).toEqual({
      ok: false,
      message: 'Select a range first.',
      cancelled: true,
    });
  });

  it('sends the revision amount in the programme unit', async () => {
    const recordRevision = jest.fn(async () => ok({ row: 4, signedAmount: -0.15 }));
    const actions = createExcelActions(adapter({ recordRevision }));
    const outcome = await actions.recordRevision(
      {
        ref: 'CMS-01',
        date: { year: 2025, month: 1, day: 14 },
        kind: 'virement',
        amount: decimal(-150, 3),
        reason: 'To scheme B',
        reference: 'CAB-7',
        approvedBy: '',
      },
      context(),
    );
    expect(recordRevision.mock.calls[0]).toEqual([
      expect.objectContaining({ ref: 'CMS-01', kind: 'virement', amount: -0.15 }),
      expect.anything(),
    ]);
    expect(outcome.ok && outcome.summary).toBe(
      'Virement of 0.150 (£m) out of CMS-01 recorded on row 4 of Revisions.',
    );
  });

  it.each([
    ['reduction', decimal(-250, 3), 'Reduction of 0.250 (£m) from CP-003'],
    ['reduction', decimal(250, 3), 'Reduction of 0.250 (£m) from CP-003'],
    ['addition', decimal(420, 3), 'Addition of 0.420 (£m) to CP-003'],
    ['virement', decimal(150, 3), 'Virement of 0.150 (£m) into CP-003'],
    ['re-profile', decimal(-100, 3), 'Re-profile of 0.100 (£m) within CP-003'],
  ] as const)(
    'words a %s of %o without a double negative (regression: "Reduction of -0.250")',
    (kind, amount, expected) => {
      expect(revisionSentence({ kind, amount, ref: 'CP-003' }, '£m')).toBe(expected);
    },
  );

  it('words a re-profile with the years it moves money between (issue 13)', () => {
    expect(
      revisionSentence(
        { kind: 're-profile', amount: decimal(4, 1), ref: 'CP-003', fromYear: 2026, toYear: 2027 },
        '£m',
      ),
    ).toBe('Re-profile of 0.4 (£m) within CP-003 from 2026/27 to 2027/28');
  });

  it.each([
    ['programme', 'checkProgramme'],
    ['selection', 'checkSelection'],
    ['sheet', 'checkSheet'],
  ] as const)('runs the %s check through %s and counts the findings', async (scope, name) => {
    const check = jest.fn(async () =>
      ok({
        sheet: 'Programme',
        address: 'Programme!A1:H12',
        findings: [{ rule: 'total-mismatch' as const, severity: 'error' as const, message: 'm' }],
        counts: { error: 1, warning: 0, info: 0 },
      }),
    );
    const actions = createExcelActions(adapter({ [name]: check }));
    const outcome = await actions.check(scope, context());
    expect(check).toHaveBeenCalledTimes(1);
    expect(outcome.ok && outcome.summary).toBe(
      '1 error, 0 warnings and 0 notes in Programme!A1:H12.',
    );
  });

  it('reads the undo label and falls back to default settings when none are saved', async () => {
    const actions = createExcelActions(
      adapter({
        lastChange: () => ({ label: 'Set up programme' }),
        readSettings: async () => ({ ok: false, message: 'none' }),
      }),
    );
    expect(await actions.lastChange()).toBe('Set up programme');
    expect((await actions.loadSettings()).fiscalYearStartMonth).toBe(4);
  });

  it('makes the dialog question from an adapter notice', () => {
    expect(questionFor({ ...notice, cellCount: 1 }).title).toBe(
      'Replace 1 filled cell on Programme?',
    );
  });

  it('regression: moving the In-year sheet on asks its own question with a Move on button', () => {
    const question = questionFor({
      ...notice,
      sheet: 'In-year monitoring',
      cellCount: 40,
      message: 'Gathering at 2016/17 P6 moves ...',
      title: 'Move In-year monitoring on from 2016/17 P3 to 2016/17 P6?',
      confirmLabel: 'Move on',
    });
    expect(question).toMatchObject({
      title: 'Move In-year monitoring on from 2016/17 P3 to 2016/17 P6?',
      message: 'Gathering at 2016/17 P6 moves ...',
      confirmLabel: 'Move on',
    });
  });

  it('counts monitoring lines by status and RAG and lists the largest variances first', () => {
    const line = (
      name: string,
      status: MonitoringResult['schemes'][number]['status'],
      variance: number | null,
      rag?: 'Green' | 'Amber' | 'Red',
    ) => ({
      name,
      budget: 1,
      forecast: variance === null ? null : 1 - variance,
      variance,
      status,
      rag,
    });
    const summary = summariseMonitoring({
      sheet: 'Monitoring',
      schemes: [
        line('A', 'On target', 0, 'Green'),
        line('B', 'Overspend', -0.2, 'Amber'),
        line('C', 'Underspend', 0.5, 'Red'),
        line('D', 'No forecast', null),
      ],
      areas: [],
      total: { name: 'Total', budget: 4, forecast: 3.7, variance: 0.3, status: 'Underspend' },
    });
    expect(summary.byStatus).toEqual({
      'On target': 1,
      Underspend: 1,
      Overspend: 1,
      'No forecast': 1,
    });
    expect(summary.byRag).toEqual({ Green: 1, Amber: 1, Red: 1 });
    expect(summary.offTarget.map((entry) => entry.name)).toEqual(['C', 'B']);
    expect(summary.totalVariance).toBe(0.3);
    expect(summary.totalBudget).toBe(3);
    expect(summary).toMatchObject({ withForecast: 3, missingForecast: 1, programmeBudget: 4 });
  });

  it('totals like with like: one forecast in of nine is not a £31.5 underspend (regression)', () => {
    const budgets = [2.6, 1.1, 3.9, 0.6, 1.3, 10, 2, 10, 10];
    const schemes = budgets.map((budget, index) => ({
      name: `Scheme ${index + 1}`,
      budget,
      forecast: index === 0 ? 2.7 : null,
      variance: index === 0 ? -0.1 : null,
      status: (index === 0 ? 'On target' : 'No forecast') as 'On target' | 'No forecast',
    }));
    const summary = summariseMonitoring({
      sheet: 'Monitoring',
      schemes,
      areas: [],
      // What the Monitoring sheet's total row holds: every budget against the one forecast.
      total: { name: 'Total', budget: 41.5, forecast: 2.7, variance: 38.8, status: 'Underspend' },
    });
    expect(summary).toMatchObject({
      totalBudget: 2.6,
      totalForecast: 2.7,
      totalVariance: -0.1,
      withForecast: 1,
      missingForecast: 8,
      programmeBudget: 41.5,
    });
  });

  it('says a new programme without samples has no scheme yet (regression: "1 scheme")', async () => {
    const setUpProgramme = jest.fn(async () =>
      ok({ sheet: 'Programme', rows: 1, periodHeaders: ['2026/27 Q1', '2026/27 Q4'] }),
    );
    const actions = createExcelActions(adapter({ setUpProgramme } as Partial<ExcelAdapter>));
    const outcome = await actions.setUpProgramme(
      { firstYear: 2026, lastYear: 2026, periods: 'quarter', unit: '£m', fillWithSample: false },
      context(),
    );
    expect(outcome.ok && outcome.summary).not.toMatch(/1 scheme/);
    expect(outcome.ok && outcome.summary).toMatch(/fill in the first row/);
  });

  it.each([
    [
      [false, false],
      '2 forecast sheets made, one per budget holder; only forecast cells are open.',
    ],
    [
      [true, true],
      'No forecast sheet made: 2 were already there and kept as they were (they may hold forecasts).',
    ],
    [
      [false, true],
      '1 forecast sheet made, one per budget holder; only forecast cells are open: 1 was already there and kept as it was (it may hold forecasts).',
    ],
  ])('says which forecast sheets were made and which kept (%j)', (kept, expected) => {
    const sheets = kept.map((k, i) => ({
      holder: `H${i}`,
      sheet: `Forecast - H${i}`,
      schemes: 1,
      kept: k,
    }));
    expect(forecastSheetsSentence(sheets)).toBe(expected);
  });

  it('names the sheet of a checked range (regression: "in A1:B6")', async () => {
    const checkSelection = jest.fn(async () =>
      ok({
        sheet: 'Budget 2026',
        address: 'A1:B6',
        findings: [],
        counts: { error: 0, warning: 0, info: 0 },
      }),
    );
    const actions = createExcelActions(adapter({ checkSelection } as Partial<ExcelAdapter>));
    const outcome = await actions.check('selection', context());
    expect(outcome.ok && outcome.summary).toBe("No problems found in 'Budget 2026'!A1:B6.");
  });
});

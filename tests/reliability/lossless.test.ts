/**
 * Nothing lost (issue 7), over the Office.js adapter (src/excel) with the in-memory Excel
 * stand-in: every cell of every sheet is snapshotted before and after each task-pane action, and
 * only the action's target may change; "Undo last change" puts back exactly what was there; the
 * Revisions log only ever grows; an action that would overwrite work does nothing unless the user
 * agrees; and text from an imported workbook that starts with `=`, `+`, `-` or `@` is written as
 * text, never run as a formula.
 *
 * The in-year cycle is proved the same way: starting monitoring (the in-year sheets made from
 * nothing), bringing in actuals (only the good lines of a ledger with problems), moving the
 * In-year sheet on to a later period, the trend chart (made, then re-pointed) and closing the
 * year. For these, Undo must give back the whole workbook (settings, validation, conditional
 * formats, charts, the active sheet), and Excel failing at any one of the action's syncs must
 * leave it exactly as it was.
 */
import {
  FakeRequestContext,
  FakeWorkbook,
  installFakeExcel,
  type SheetSnapshot,
} from '../support/fake-excel';
import { monitorAt } from '../support/sampleProgramme';
import { readLedgerText } from '../../src/core';
import {
  ACTUALS_SHEET,
  HISTORY_SHEET,
  IN_YEAR_COLUMNS,
  IN_YEAR_HEADER_ROW,
  IN_YEAR_SHEET,
  POSITION_SHEET,
} from '../../src/workbook';
import {
  DEFAULT_SETTINGS,
  addBudgetForecastChart,
  addPhasingChart,
  addTrendChart,
  bringInActuals,
  closeTheYear,
  previewActuals,
  previewRollover,
  checkProgramme,
  checkSelection,
  checkSheet,
  clearHighlights,
  forgetChanges,
  forgetHighlights,
  gatherForecasts,
  generateForecastSheets,
  highlightFindings,
  importSelection,
  changeHistory,
  lastChange,
  listSchemes,
  phaseSchemes,
  previewSelection,
  readSettings,
  recordRevision,
  saveColumnReading,
  saveSettings,
  selectCell,
  setUpProgramme,
  undoLastChange,
  writeChecksReport,
  type ActionResult,
  type ActualsChoices,
  type LedgerRows,
  type RevisionInput,
} from '../../src/excel';
import type { Finding } from '../../src/core/findings';

type Snapshot = Record<string, SheetSnapshot>;
const yes = async () => true;
const no = async () => false;

/** A1 address -> 0-based row and column. */
function position(address: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(address)!;
  let column = 0;
  for (const letter of match[1]) column = column * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(match[2]) - 1, column: column - 1 };
}

let workbook: FakeWorkbook;
const proved: string[] = [];

/** Sheets and tables as they stand, for exact comparison. */
function state(): { cells: Snapshot; tables: string } {
  const tables = JSON.stringify(
    workbook.model.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      top: t.top,
      left: t.left,
      columns: t.columns,
      bodyRows: t.bodyRows,
      showTotals: t.showTotals,
    })),
  );
  return { cells: workbook.snapshot(), tables };
}

/**
 * Runs `action`; proves that every changed cell is on a sheet the action added or passes `target`,
 * that no sheet was removed, and (when `undoable`) that undo restores the workbook exactly; then
 * runs the action again so the session goes on.
 */
async function provesLossless(
  label: string,
  action: () => Promise<ActionResult<unknown>>,
  target: (sheet: string, address: string) => boolean,
  undoable = true,
): Promise<string[]> {
  // A proof over an action that changed nothing would prove nothing.
  const before = state();
  const whole = workbook.fullSnapshot();
  const result = await action();
  expect([label, result.ok ? 'ok' : (result as { message: string }).message]).toEqual([
    label,
    'ok',
  ]);
  const after = state();
  const added = Object.keys(after.cells).filter((name) => !(name in before.cells));
  expect(Object.keys(before.cells).filter((name) => !(name in after.cells))).toEqual([]);
  const changed = FakeWorkbook.diff(before.cells, after.cells);
  expect([label, changed.length > 0]).toEqual([label, true]);
  const outside = changed.filter((entry) => {
    const [sheet, address] = entry.split('!');
    return !added.includes(sheet) && !(address !== undefined && target(sheet, address));
  });
  expect([label, outside]).toEqual([label, []]);
  if (undoable) {
    expect(lastChange()).toBeDefined();
    const undone = await undoLastChange();
    expect([label, undone.ok]).toEqual([label, true]);
    expect(state()).toEqual(before);
    // Everything else too: settings, validation, conditional formats, charts, active sheet.
    expect([label, wholeDifferences(whole, workbook.fullSnapshot())]).toEqual([label, []]);
    const again = await action();
    expect(again.ok).toBe(true);
    expect(state()).toEqual(after);
  }
  proved.push(label);
  return changed;
}

/**
 * Where two {@link FakeWorkbook.fullSnapshot} texts differ, as paths (`sheets.3.charts`,
 * `activeSheet`): empty when the workbook is exactly as it was.
 */
function wholeDifferences(before: string, after: string): string[] {
  if (before === after) return [];
  const found: string[] = [];
  // A cell touched and left blank (no content, General, locked, nothing else) is no cell at all
  // to the user, as in Excel, where the stand-in lists it.
  const blank = JSON.stringify({
    content: '',
    isFormula: false,
    quotePrefix: false,
    numberFormat: 'General',
    locked: true,
  });
  const shown = (text: string) => {
    const whole = JSON.parse(text) as { sheets: { name: string; cells: unknown }[] };
    return {
      ...whole,
      // Sheets by name and cells by key, so one cell more names that cell, not every later one.
      sheets: Object.fromEntries(
        whole.sheets.map((sheet) => [
          sheet.name,
          {
            ...sheet,
            cells: Object.fromEntries(
              (sheet.cells as [number, unknown][]).filter(
                ([, cell]) => JSON.stringify(cell) !== blank,
              ),
            ),
          },
        ]),
      ),
    };
  };
  const walk = (a: unknown, b: unknown, path: string) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys)
        walk(
          (a as Record<string, unknown>)[key],
          (b as Record<string, unknown>)[key],
          `${path}.${key}`,
        );
      return;
    }
    found.push(`${path.slice(1)}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`);
  };
  walk(shown(before), shown(after), '');
  return found.length > 12 ? [...found.slice(0, 12), `and ${found.length - 12} more`] : found;
}

/** The Programme table's period cells (the only cells phasing may write). */
function periodCells(): (sheet: string, address: string) => boolean {
  const table = workbook.table('Programme')!;
  const periodColumns = new Set(
    table.columns
      .map((name, index) => (/^\d{4}\/\d{2}( Q[1-4])?$/.test(name) ? table.left + index : -1))
      .filter((column) => column >= 0),
  );
  const firstRow = table.top + 1;
  const lastRow = table.top + table.bodyRows;
  return (sheet, address) => {
    const { row, column } = position(address);
    return sheet === 'Programme' && periodColumns.has(column) && row >= firstRow && row <= lastRow;
  };
}

/** The Revisions log's rows as stored (formula text for formulas). */
function logRows(): unknown[][] {
  const log = workbook.table('Revisions')!;
  const first = String.fromCharCode(65 + log.left);
  const last = String.fromCharCode(65 + log.left + log.columns.length - 1);
  return workbook.read('Revisions', `${first}${log.top + 2}:${last}${log.top + 1 + log.bodyRows}`);
}

const USER_NOTES = [
  ['My own notes', 2.5, '=B1*2', '=SUM(B1:C1)'],
  ['=not a formula', '007', '@x', 'TRUE'],
  ['-5 is text here', 0.1, '', 'last cell'],
];

function addUserWork(): void {
  workbook.setCells('Notes', 'A1', USER_NOTES);
  const notes = workbook.model.findSheet('Notes')!;
  Object.assign(notes.touch(1, 0), {
    isFormula: false,
    quotePrefix: true,
    content: '=not a formula',
  });
  Object.assign(notes.touch(1, 1), { numberFormat: '@', content: '007', isFormula: false });
  Object.assign(notes.touch(1, 2), { isFormula: false, quotePrefix: true, content: '@x' });
  Object.assign(notes.touch(1, 3), { isFormula: false, quotePrefix: true, content: 'TRUE' });
  Object.assign(notes.touch(2, 0), {
    isFormula: false,
    quotePrefix: true,
    content: '-5 is text here',
  });
  Object.assign(notes.touch(0, 1), { fill: '#FFFF00', numberFormat: '0.00' });
}

/** A fresh stand-in holding only the officer's own sheet of notes; no change remembered. */
function freshSession(): void {
  workbook = installFakeExcel(globalThis);
  forgetChanges();
  forgetHighlights();
  addUserWork();
}

/** A fresh session with the sample programme set up and phased, and no undo history. */
async function freshPhasedSession(): Promise<void> {
  freshSession();
  const set = await setUpProgramme({
    firstYear: 2016,
    lastYear: 2019,
    periods: 'quarter',
    unit: '£m',
    withSample: true,
  });
  expect(set.ok).toBe(true);
  expect((await phaseSchemes({ confirm: yes })).ok).toBe(true);
  forgetChanges();
}

/**
 * Runs `action` with Excel failing its `failAt`th sync (0: none) after applying what that sync
 * carried (the connection lost with the writes made: the worst case). Returns the action's result
 * and the number of syncs it made.
 */
async function withSyncFailing<T>(
  failAt: number,
  action: () => Promise<T>,
): Promise<{ result: T; syncs: number }> {
  const real = FakeRequestContext.prototype.sync;
  let calls = 0;
  const syncs = jest.spyOn(FakeRequestContext.prototype, 'sync').mockImplementation(async function (
    this: FakeRequestContext,
  ) {
    calls++;
    await real.call(this);
    if (calls === failAt)
      throw Object.assign(new Error('The connection to Excel was lost'), {
        code: 'GeneralException',
      });
  });
  try {
    return { result: await action(), syncs: calls };
  } finally {
    syncs.mockRestore();
  }
}

/**
 * Proves a failure part-way leaves everything as it was, wherever it comes: runs `action` once to
 * count its syncs (and undoes it), then again once per sync, that sync failing. Each run must fail
 * with a message and leave the whole workbook exactly as before.
 */
async function failsPartWayLeavingAll(
  label: string,
  action: () => Promise<ActionResult<unknown>>,
): Promise<void> {
  const whole = workbook.fullSnapshot();
  const counted = await withSyncFailing(0, action);
  expect([label, counted.result.ok]).toEqual([label, true]);
  expect((await undoLastChange()).ok).toBe(true);
  expect([label, wholeDifferences(whole, workbook.fullSnapshot())]).toEqual([label, []]);
  for (let n = 1; n <= counted.syncs; n++) {
    const { result } = await withSyncFailing(n, action);
    const which = `sync ${n} of ${counted.syncs} failed`;
    expect([label, which, result.ok]).toEqual([label, which, false]);
    expect([label, which, wholeDifferences(whole, workbook.fullSnapshot())]).toEqual([
      label,
      which,
      [],
    ]);
  }
}

afterAll(() => {
  process.stdout.write(`lossless: ${proved.length} actions proved: ${proved.join(', ')}\n`);
});

describe('nothing lost: a whole session over the Office.js adapter', () => {
  let notesBefore: Snapshot;
  let revisionRows: unknown[][] = [];
  let findings: Finding[] = [];

  beforeAll(() => {
    freshSession();
    notesBefore = { Notes: workbook.snapshot().Notes };
  });

  it('set up adds its own sheets and touches nothing else', async () => {
    await provesLossless(
      'set up programme',
      () =>
        setUpProgramme({
          firstYear: 2016,
          lastYear: 2019,
          periods: 'quarter',
          unit: '£m',
          withSample: true,
        }),
      () => false,
    );
  });

  it('phasing writes only the period cells of the programme rows', async () => {
    // Give two schemes new phasing, so phasing has work to do over existing figures.
    const table = workbook.table('Programme')!;
    const phasing = table.left + table.columns.indexOf('Phasing');
    expect(phasing).toBeGreaterThanOrEqual(table.left);
    const letter = String.fromCharCode(65 + phasing);
    workbook.setCells('Programme', `${letter}${table.top + 2}`, [['2018/19 Q1-4'], ['2019/20 Q2']]);
    await provesLossless('phase schemes', () => phaseSchemes({ confirm: yes }), periodCells());
  });

  it('phasing over typed figures does nothing without the user’s yes, and nothing when told no', async () => {
    const table = workbook.table('Programme')!;
    const periodIndex = table.columns.findIndex((name) => /Q\d$/.test(name));
    const address = `${String.fromCharCode(65 + table.left + periodIndex)}${table.top + 2}`;
    workbook.setCells('Programme', address, [[123.45]]);
    const before = state();
    const silent = await phaseSchemes();
    expect(silent.ok).toBe(false);
    expect(state()).toEqual(before);
    const refused = await phaseSchemes({ confirm: no });
    expect(refused.ok).toBe(false);
    expect(state()).toEqual(before);
    const aborted = new AbortController();
    aborted.abort();
    const cancelled = await phaseSchemes({ confirm: yes, signal: aborted.signal });
    expect(cancelled.ok).toBe(false);
    expect(state()).toEqual(before);
    await provesLossless(
      'phase schemes over typed figures',
      () => phaseSchemes({ confirm: yes }),
      periodCells(),
    );
  });

  it('recording revisions only appends a row to the log; past rows never change; undo cannot remove one', async () => {
    const revisions: RevisionInput[] = [
      {
        ref: 'CP-001',
        date: { year: 2017, month: 1, day: 12 },
        kind: 'addition',
        amount: 0.42,
        reason: 'New module',
        reference: 'Cab 12/01',
        approvedBy: 'Cabinet',
      },
      {
        ref: 'CP-002',
        date: { year: 2017, month: 2, day: 1 },
        kind: 'reduction',
        amount: 0.15,
        reason: '=HYPERLINK("http://x")',
        reference: '+44',
        approvedBy: '@officer',
      },
      {
        ref: 'CP-003',
        date: { year: 2017, month: 3, day: 9 },
        kind: 'virement',
        amount: -0.1,
        reason: '-moved',
        reference: 'V/1',
      },
    ];
    for (const [index, revision] of revisions.entries()) {
      const logBefore = workbook.table('Revisions')!;
      const nextRow = logBefore.top + 1 + (index === 0 ? 0 : logBefore.bodyRows);
      const changed = await provesLossless(
        `record revision ${index + 1}`,
        () => recordRevision(revision),
        (sheet, address) => sheet === 'Revisions' && position(address).row === nextRow,
        false,
      );
      expect(
        changed.every(
          (entry) =>
            entry.startsWith(`Revisions!`) && position(entry.split('!')[1]).row === nextRow,
        ),
      ).toBe(true);
      // The log is append-only through the add-in: undo never offers to remove a revision (it
      // may reach an earlier change to other sheets), and the history says how to reverse one.
      expect(lastChange()?.label ?? '').not.toMatch(/revision/i);
      expect(changeHistory()[0]).toMatchObject({
        label: expect.stringMatching(/^Record revision/),
        next: false,
        irreversible: expect.stringMatching(/append-only/),
      });
    }
    revisionRows = logRows();
    expect(revisionRows).toHaveLength(3);
    // Text that looks like a formula went in as text.
    const texts = revisionRows.flat().filter((value) => typeof value === 'string') as string[];
    expect(texts).toEqual(
      expect.arrayContaining(['=HYPERLINK("http://x")', '+44', '@officer', '-moved']),
    );
  });

  it('forecast sheets and the monitoring sheet are new sheets; re-gathering replaces only Monitoring', async () => {
    await provesLossless(
      'make forecast sheets',
      () => generateForecastSheets(),
      () => false,
    );
    await provesLossless(
      'gather forecasts',
      () => gatherForecasts({ confirm: yes }),
      () => false,
    );
    // A note typed on the old report: replacing the sheet asks first, and undo brings it back.
    workbook.setCells('Monitoring', 'Z2', [['a note on the old report']]);
    await provesLossless(
      'gather forecasts again',
      () => gatherForecasts({ confirm: yes }),
      (sheet) => sheet === 'Monitoring',
    );
  });

  it('checking reads only: no cell changes, whatever is checked', async () => {
    for (const [label, action] of [
      ['check programme', () => checkProgramme()],
      ['check sheet', () => checkSheet('Programme')],
      [
        'check selection',
        async () => {
          workbook.select('Programme', 'A1:P12');
          return checkSelection();
        },
      ],
      ['list schemes', () => listSchemes()],
      ['read settings', () => readSettings()],
      ['select a cell', () => selectCell('Programme', 'B3')],
    ] as [string, () => Promise<ActionResult<unknown>>][]) {
      const before = state();
      const result = await action();
      expect([label, result.ok]).toEqual([label, true]);
      expect([label, state()]).toEqual([label, before]);
      proved.push(label);
    }
    const report = await checkProgramme();
    if (report.ok) findings = report.value.findings;
  });

  it('highlighting changes only the fill of flagged cells, and clearing puts every fill back', async () => {
    const flagged: Finding[] = [
      ...findings,
      {
        rule: 'total-mismatch',
        severity: 'error',
        sheet: 'Programme',
        cell: 'G3',
        message: 'made up for the test',
      },
      {
        rule: 'number-as-text',
        severity: 'warning',
        sheet: 'Notes',
        cell: 'B1',
        message: 'a user cell with its own fill',
      },
    ];
    const targets = new Set(flagged.filter((f) => f.cell).map((f) => `${f.sheet}!${f.cell}`));
    const before = state();
    const result = await highlightFindings(flagged);
    expect(result.ok).toBe(true);
    const after = state();
    const changed = FakeWorkbook.diff(before.cells, after.cells);
    expect(changed.filter((entry) => !targets.has(entry))).toEqual([]);
    for (const entry of changed) {
      const [sheet, address] = entry.split('!');
      const { fill: _was, ...restBefore } = before.cells[sheet].cells[address] ?? {
        fill: undefined,
      };
      const { fill: _now, ...restAfter } = after.cells[sheet].cells[address];
      if (before.cells[sheet].cells[address]) expect(restAfter).toEqual(restBefore);
    }
    const cleared = await clearHighlights();
    expect(cleared.ok).toBe(true);
    expect(state()).toEqual(before);
    proved.push('highlight findings', 'clear highlights');
  });

  it('the checks report and the charts are new sheets only', async () => {
    await provesLossless(
      'write checks report',
      () => writeChecksReport(findings, { confirm: yes }),
      () => false,
    );
    await provesLossless(
      'add phasing chart',
      () => addPhasingChart(),
      () => false,
    );
    await provesLossless(
      'add budget v forecast chart',
      () => addBudgetForecastChart(),
      () => false,
    );
  });

  it('saving settings writes only its own sheet', async () => {
    await provesLossless(
      'save settings',
      () =>
        saveSettings({ ...DEFAULT_SETTINGS, thresholdPercent: 5, amberPercent: 5, redPercent: 15 }),
      (sheet) => sheet === '_CapitalPlannerSettings',
      false,
    );
    const before = state();
    const refused = await saveSettings({
      ...DEFAULT_SETTINGS,
      decimals: -3 as never,
      fiscalYearStartMonth: 13 as never,
    });
    expect(refused.ok).toBe(false);
    expect(state()).toEqual(before);
  });

  it('correcting the reading of a sheet writes only the readings block of the settings sheet', async () => {
    const readings = (sheet: string, address: string) =>
      sheet === '_CapitalPlannerSettings' && /^[EFG]\d+$/.test(address);
    await provesLossless(
      'correct the reading',
      () => saveColumnReading('Programme', { G: 'skip' }),
      readings,
    );
    await provesLossless('reset the reading', () => saveColumnReading('Programme', {}), readings);
  });

  it('left the Revisions log and the user’s own sheet exactly as they were', () => {
    expect(logRows()).toEqual(revisionRows);
    expect({ Notes: workbook.snapshot().Notes }).toEqual(notesBefore);
  });
});

describe('nothing lost: importing an existing table', () => {
  const HOSTILE_TEXT = [
    "=cmd|' /C calc'!A0",
    '+SUM(1,2)',
    '-2+3',
    '@HYPERLINK("http://evil")',
    '=1+1',
    '\u2212bad',
    '＝fullwidth',
  ];
  const REPORT = [
    ['Capital programme', '', '', ''],
    ['Scheme', 'Capital £m', 'Impact', 'Phasing'],
    [HOSTILE_TEXT[0], 1.2, HOSTILE_TEXT[1], '2016/17 Q1'],
    [HOSTILE_TEXT[2], 2.6, HOSTILE_TEXT[3], '2016/17 Q2-4'],
    [HOSTILE_TEXT[4], '£1,300k', HOSTILE_TEXT[5], '2017/18'],
    [HOSTILE_TEXT[6], 0.5, 'plain', 'TBC'],
    ['Total', 5.6, '', ''],
  ];

  beforeAll(() => {
    freshSession();
    workbook.setCells('Report', 'B2', REPORT);
    // The source holds them as text (a pasted report): quote-prefixed, not formulas.
    const report = workbook.model.findSheet('Report')!;
    for (let r = 0; r < REPORT.length; r++) {
      for (let c = 0; c < REPORT[r].length; c++) {
        const value = REPORT[r][c];
        if (typeof value === 'string' && HOSTILE_TEXT.includes(value)) {
          Object.assign(report.touch(1 + r, 1 + c), {
            content: value,
            isFormula: false,
            quotePrefix: true,
          });
        }
      }
    }
    workbook.select('Report', 'B2:E8');
  });

  it('builds the Programme on new sheets, leaving the source and every other sheet untouched, and undo removes it', async () => {
    const preview = await previewSelection();
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    await provesLossless(
      'import selection',
      () => importSelection(preview.value),
      () => false,
    );
  });

  it('writes formula-looking text from the import as text, never as a formula', () => {
    const snapshot = workbook.snapshot();
    const written: { where: string; content: unknown; isFormula: boolean }[] = [];
    for (const [sheet, { cells }] of Object.entries(snapshot)) {
      if (sheet === 'Report') continue;
      for (const [address, cell] of Object.entries(cells)) {
        const text = String(cell.content);
        if (HOSTILE_TEXT.some((hostile) => text.includes(hostile.slice(1)))) {
          written.push({
            where: `${sheet}!${address}`,
            content: cell.content,
            isFormula: cell.isFormula,
          });
        }
      }
    }
    // Every hostile text arrived somewhere in the new Programme...
    for (const hostile of HOSTILE_TEXT) {
      expect([hostile, written.some((cell) => cell.content === hostile)]).toEqual([hostile, true]);
    }
    // ...and none of them became a formula.
    expect(
      written.filter(
        (cell) =>
          cell.isFormula && HOSTILE_TEXT.some((h) => String(cell.content).includes(h.slice(1))),
      ),
    ).toEqual([]);
  });

  it('phasing and checking the imported programme keep the text as text', async () => {
    await provesLossless(
      'phase imported schemes',
      () => phaseSchemes({ confirm: yes }),
      periodCells(),
    );
    await provesLossless(
      'make forecast sheets from imported schemes',
      () => generateForecastSheets(),
      () => false,
    );
    const formulas = Object.entries(workbook.snapshot()).flatMap(([sheet, { cells }]) =>
      Object.entries(cells)
        .filter(
          ([, cell]) =>
            cell.isFormula && /cmd\||evil|SUM\(1,2\)|1\+1|-2\+3/.test(String(cell.content)),
        )
        .map(([address, cell]) => `${sheet}!${address} ${String(cell.content)}`),
    );
    expect(formulas).toEqual([]);
  });
});

describe('nothing lost: a year of in-year monitoring, actuals, the trend chart and closing the year', () => {
  const CYCLE = [ACTUALS_SHEET, HISTORY_SHEET, IN_YEAR_SHEET, POSITION_SHEET];
  const TREND = 'Forecast trend';
  // Two good lines of known schemes, one for a ref the programme does not know, one repeated.
  const LEDGER = [
    'Scheme ref,Period,Amount,Description',
    'CP-001,P3,125000,Firewall licences',
    'CP-002,P3,40000.50,Service desk consultancy',
    'CP-099,P3,9999,Miscoded invoice',
    'CP-002,P3,40000.50,Service desk consultancy',
    'CP-003,P2,1250,Laptops',
  ].join('\n');
  const GOOD_LINES_ONLY: ActualsChoices = {
    unknownRefs: 'leave-out',
    repeats: 'leave-out',
    alreadyIn: 'leave-out',
  };

  function ledger(): LedgerRows {
    const read = readLedgerText(LEDGER);
    if (!read.ok) throw new Error(read.message);
    return { source: 'ledger.csv', rows: read.value, rowOffset: 0 };
  }

  /** Gathers at the period the settings name (a step of the session, proved elsewhere). */
  async function gatherAt(period: number): Promise<void> {
    await monitorAt(period);
    const gathered = await gatherForecasts({ confirm: yes });
    expect(gathered.ok).toBe(true);
  }

  const sheetNames = () => workbook.model.sheets.map((sheet) => sheet.name);
  const trendChart = () => workbook.model.findSheet(TREND)!.charts[0];

  beforeAll(async () => {
    await freshPhasedSession();
  });
  afterEach(() => jest.restoreAllMocks());

  it('starting monitoring adds the in-year sheets from nothing and touches nothing else', async () => {
    await monitorAt(3);
    const names = sheetNames();
    await failsPartWayLeavingAll('start monitoring', () => generateForecastSheets());
    expect(sheetNames()).toEqual(names);
    await provesLossless(
      'start monitoring (make the in-year sheets)',
      () => generateForecastSheets(),
      () => false,
    );
    expect(sheetNames().filter((name) => !names.includes(name))).toEqual(
      expect.arrayContaining(CYCLE),
    );
  });

  it('bringing in actuals lists the problems first and appends only the good lines to Actuals', async () => {
    const before = workbook.fullSnapshot();
    const preview = await previewActuals(ledger(), undefined, '£');
    expect(preview.ok && preview.value.problems.map((p) => [p.kind, p.row])).toEqual([
      ['unknown-ref', 4],
      ['duplicate', 5],
    ]);
    expect(workbook.fullSnapshot()).toBe(before); // a preview changes nothing
    proved.push('preview actuals');
    const bringIn = () => bringInActuals(ledger(), undefined, '£', GOOD_LINES_ONLY);
    await failsPartWayLeavingAll('bring in actuals', bringIn);
    // Rows 2 to 4 of Actuals, its five columns: nothing else.
    await provesLossless('bring in actuals (good lines only)', bringIn, (sheet, address) => {
      const { row, column } = position(address);
      return sheet === ACTUALS_SHEET && row >= 1 && row <= 3 && column <= 4;
    });
    expect(workbook.read(ACTUALS_SHEET, 'A1:E5')).toEqual([
      ['Scheme', 'Year', 'Period', 'Amount', 'Description'],
      ['CP-001', '2016/17', 3, 0.125, 'Firewall licences'],
      ['CP-002', '2016/17', 3, 0.0400005, 'Service desk consultancy'],
      ['CP-003', '2016/17', 2, 0.00125, 'Laptops'],
      ['', '', '', '', ''],
    ]);
  });

  it('moving the In-year sheet on from P3 to P6 keeps explanations and links, and undo puts P3 back exactly', async () => {
    await gatherAt(3);
    // The officer's own words and links to returns on the P3 sheet.
    const first = IN_YEAR_HEADER_ROW + 1;
    const column = (name: string) =>
      String.fromCharCode(65 + IN_YEAR_COLUMNS.indexOf(name as (typeof IN_YEAR_COLUMNS)[number]));
    const [forecast, explanation] = [column('Forecast'), column('Explanation')];
    workbook.setCells(IN_YEAR_SHEET, `${explanation}${first}`, [['Hardware delayed']]);
    workbook.setCells(IN_YEAR_SHEET, `${forecast}${first + 1}`, [['=Notes!B1']]);
    workbook.setCells(IN_YEAR_SHEET, `${explanation}${first + 2}`, [['=Notes!D3']]);
    await monitorAt(6);
    const moveOn = () => gatherForecasts({ confirm: yes });
    await failsPartWayLeavingAll('move the In-year sheet on', moveOn);
    await provesLossless('move the In-year sheet on to P6', moveOn, (sheet) =>
      ['Monitoring', HISTORY_SHEET, IN_YEAR_SHEET, POSITION_SHEET].includes(sheet),
    );
    expect(workbook.read(IN_YEAR_SHEET, 'D3')).toEqual([[6]]);
    expect(workbook.read(IN_YEAR_SHEET, `${explanation}${first}`)).toEqual([['Hardware delayed']]);
    expect(workbook.read(IN_YEAR_SHEET, `${forecast}${first + 1}`)).toEqual([['=Notes!B1']]);
    expect(workbook.read(IN_YEAR_SHEET, `${explanation}${first + 2}`)).toEqual([['=Notes!D3']]);
  });

  it('the trend chart is a sheet of its own; asked again after another gathering it is re-pointed, and undo puts data and chart source back', async () => {
    await failsPartWayLeavingAll('add trend chart', () => addTrendChart());
    expect(workbook.model.findSheet(TREND)).toBeUndefined();
    await provesLossless(
      'add trend chart',
      () => addTrendChart(),
      () => false,
    );
    expect(trendChart()).toMatchObject({
      source: `'${TREND}'!A1:D3`,
      categories: ['2016/17 P3', '2016/17 P6'],
    });
    await gatherAt(8);
    await failsPartWayLeavingAll('re-point trend chart', () => addTrendChart());
    expect(trendChart()).toMatchObject({ source: `'${TREND}'!A1:D3` });
    await provesLossless(
      're-point trend chart',
      () => addTrendChart(),
      (sheet) => sheet === TREND,
    );
    expect(trendChart()).toMatchObject({
      source: `'${TREND}'!A1:D4`,
      categories: ['2016/17 P3', '2016/17 P6', '2016/17 P8'],
    });
  });

  it('closing the year at P12 writes only what the preview lists and appends to the log; undo puts back exactly', async () => {
    await gatherAt(12);
    const before = workbook.fullSnapshot();
    const preview = await previewRollover();
    expect([preview.ok, !preview.ok && preview.message]).toEqual([true, false]);
    if (!preview.ok) return;
    expect(workbook.fullSnapshot()).toBe(before);
    proved.push('preview closing the year');
    const listed = new Set(preview.value.cells.map((cell) => `${cell.sheet}!${cell.cell}`));
    const log = workbook.table('Revisions')!;
    // Set up leaves the log one row with no ref (only its Signed amount formula): closing writes
    // its first line there.
    const pastRows = logRows().filter((row) => row[0] !== '');
    const firstNewRow = log.top + 1 + pastRows.length; // 0-based, below the lines there
    const close = () => closeTheYear({ confirm: yes });
    await failsPartWayLeavingAll('close the year', close);
    await provesLossless(
      'close the year',
      close,
      (sheet, address) =>
        listed.has(`${sheet}!${address}`) ||
        (sheet === 'Revisions' && position(address).row >= firstNewRow),
    );
    // The log only grew: its past lines are as they were, the new ones follow.
    const rows = logRows();
    expect(rows.slice(0, pastRows.length)).toEqual(pastRows);
    expect(rows.length).toBe(pastRows.length + preview.value.lines.length);
    const settings = await readSettings();
    expect(settings.ok && [settings.value.monitoringYear, settings.value.monitoringPeriod]).toEqual(
      [2017, 1],
    );
  });

  it('undo refuses, with a message, once the log lines closing added were edited, and changes nothing', async () => {
    expect(lastChange()?.label).toMatch(/close/i);
    const log = workbook.table('Revisions')!;
    const lastRow = log.top + 1 + log.bodyRows; // 1-based row of the last line
    workbook.cell('Revisions', `A${lastRow}`)!.content = 'CP-999';
    const after = workbook.fullSnapshot();
    const undone = await undoLastChange();
    expect(undone.ok).toBe(false);
    expect(!undone.ok && undone.message).toMatch(/cannot be undone: .* changed or removed since/);
    expect(workbook.fullSnapshot()).toBe(after);
    proved.push('undo refused after the log was edited');
  });
});

describe('nothing lost: regressions the whole-workbook comparison found', () => {
  const activeSheet = () => workbook.model.activeSheet?.name;

  beforeEach(async () => {
    await freshPhasedSession();
  });
  afterEach(() => jest.restoreAllMocks());

  it('regression: undoing Write checks report or a new chart shows again the sheet the officer was on', async () => {
    await selectCell('Programme', 'B3');
    for (const action of [() => writeChecksReport([], { confirm: yes }), () => addPhasingChart()]) {
      expect((await action()).ok).toBe(true);
      expect(activeSheet()).not.toBe('Programme');
      expect((await undoLastChange()).ok).toBe(true);
      expect(activeSheet()).toBe('Programme');
    }
  });

  it('regression: a chart that fails part-way leaves no half-made chart sheet', async () => {
    const before = workbook.fullSnapshot();
    const { result } = await withSyncFailing(2, () => addPhasingChart());
    expect(result.ok).toBe(false);
    expect(workbook.model.findSheet('Phasing chart')).toBeUndefined();
    expect(workbook.fullSnapshot()).toBe(before);
  });

  it('regression: undoing a gathering leaves the Monitoring history rows it appended General, not Text', async () => {
    const settings = await readSettings();
    if (!settings.ok) throw new Error(settings.message);
    await saveSettings({ ...settings.value, monitoringYear: 2016, monitoringPeriod: 3 });
    expect((await gatherForecasts({ confirm: yes })).ok).toBe(true);
    await saveSettings({ ...settings.value, monitoringYear: 2016, monitoringPeriod: 6 });
    const before = workbook.fullSnapshot();
    expect((await gatherForecasts({ confirm: yes })).ok).toBe(true);
    expect((await undoLastChange()).ok).toBe(true);
    expect(wholeDifferences(before, workbook.fullSnapshot())).toEqual([]);
  });

  it('regression: gathering again that fails part-way keeps the Monitoring sheet’s conditional formats', async () => {
    // Monitoring a period: the in-year sheets are read between clearing and writing.
    const settings = await readSettings();
    if (!settings.ok) throw new Error(settings.message);
    await saveSettings({ ...settings.value, monitoringYear: 2016, monitoringPeriod: 3 });
    expect((await gatherForecasts({ confirm: yes })).ok).toBe(true);
    const formats = JSON.stringify(workbook.model.findSheet('Monitoring')!.conditionalFormats);
    expect(formats).not.toBe('[]');
    const before = workbook.fullSnapshot();
    const counted = await withSyncFailing(0, () => gatherForecasts({ confirm: yes }));
    expect((await undoLastChange()).ok).toBe(true);
    for (let n = 1; n < counted.syncs; n++) {
      const { result } = await withSyncFailing(n, () => gatherForecasts({ confirm: yes }));
      expect([n, result.ok]).toEqual([n, false]);
      expect([
        n,
        JSON.stringify(workbook.model.findSheet('Monitoring')!.conditionalFormats),
      ]).toEqual([n, formats]);
      expect([n, wholeDifferences(before, workbook.fullSnapshot())]).toEqual([n, []]);
    }
  });
});

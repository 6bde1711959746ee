/**
 * Benchmark 3: Excel round trips. Runs Set up (a new programme, and bringing in an existing
 * table of N rows), Phase, Check and Highlight through the Office.js adapter (src/excel) against
 * the counting in-memory Excel (tests/support/fake-excel) and reports `sync()` calls and queued
 * operations, on Excel on the web (5 MB per request, so big reads and writes go in chunks) and on
 * desktop Excel (no such limit). Targets (issue 6): syncs constant in the number of rows (at most 3
 * for Check), and highlight writes proportional to the number of findings, not cells; on the web,
 * where no adapter can read 100k rows in one response, Check's syncs against the limit.
 */
import {
  checkProgramme,
  forgetChanges,
  forgetHighlights,
  highlightFindings,
  importSelection,
  phaseSchemes,
  previewSelection,
  setUpProgramme,
} from '../src/excel';
import type { Finding } from '../src/core/findings';
import { DEFAULT_REQUEST_BUDGET } from '../src/excel/batchWriter';
import {
  type FakePlatform,
  type FakeStats,
  type FakeWorkbook,
  installFakeExcel,
} from '../tests/support/fake-excel';
import {
  QUARTERS as FIXTURE_QUARTERS,
  buildProgramme,
} from '../tests/support/fake-excel/programmeFixture';
import { type BenchmarkReport, ReportBuilder, type Verdict } from './lib/results';

export const NAME = 'excel round trips';

/** Counters of one action. */
export interface ActionCount {
  syncs: number;
  operations: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  /** Every response of the action added up. */
  responseBytes: number;
  /** Every request of the action added up. */
  requestBytes: number;
}

/** Every action's counters on a programme of `rows` schemes. */
export interface RoundTripRun {
  rows: number;
  platform: FakePlatform;
  setUp: ActionCount;
  bringIn: ActionCount;
  phase: ActionCount;
  check: ActionCount;
  /** Highlighting a fixed number of findings (same at every size). */
  highlightFixed: ActionCount;
  highlightFixedFindings: number;
  /** Highlighting every finding of the check. */
  highlightAll: ActionCount;
  highlightAllFindings: number;
}

// Fixture columns (tests/support/fake-excel/programmeFixture.ts): G approved, H revised (a
// formula), I phasing, M.. the quarters. Every 6th scheme's phasing is TBC.
const APPROVED = 6;
const REVISED = 7;
const FIRST_QUARTER = 12;
const TBC_EVERY = 6;
const TBC_AT = 3;
// Unphased warnings the smallest programme has (100 rows: 17 TBC schemes).
const FIXED_FINDINGS = 15;

function counted(stats: FakeStats): ActionCount {
  return {
    syncs: stats.syncs,
    operations: stats.operations,
    largestRequestBytes: stats.largestRequestBytes,
    largestResponseBytes: stats.largestResponseBytes,
    responseBytes: stats.responseBytes,
    requestBytes: stats.requestBytes,
  };
}

function fresh(platform: FakePlatform): FakeWorkbook {
  forgetChanges();
  forgetHighlights();
  return installFakeExcel(globalThis, { platform });
}

function column(index: number): string {
  let letters = '';
  for (let c = index + 1; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

class Wrong extends Error {}

function expectThat(condition: boolean, problem: string): void {
  if (!condition) throw new Wrong(problem);
}

function unwrap<T>(
  result: { ok: true; value: T } | { ok: false; message: string },
  action: string,
): T {
  if (!result.ok) throw new Wrong(`${action} failed: ${result.message}`);
  return result.value;
}

async function measureSetUp(platform: FakePlatform): Promise<ActionCount> {
  const workbook = fresh(platform);
  const made = unwrap(
    await setUpProgramme({
      firstYear: 2016,
      lastYear: 2025,
      periods: 'quarter',
      unit: '£m',
      withSample: true,
    }),
    'Set up',
  );
  const count = counted(workbook.stats);
  const table = workbook.table('Programme');
  expectThat(
    table !== undefined &&
      made.periodHeaders.length === 40 &&
      made.periodHeaders[0] === '2016/17 Q1',
    `Set up made ${made.periodHeaders.length} period columns starting ${made.periodHeaders[0]}`,
  );
  return count;
}

/** Brings in an existing table of `rows` schemes from a selected range. */
async function measureBringIn(rows: number, platform: FakePlatform): Promise<ActionCount> {
  const workbook = fresh(platform);
  const header = ['Ref', 'Area', 'Scheme', 'Approved budget £m', 'Phasing', ...FIXTURE_QUARTERS];
  const body = Array.from({ length: rows }, (_, i) => [
    `CP-${i + 1}`,
    i % 3 === 0 ? 'ICT infrastructure' : 'Technology',
    `Scheme ${i + 1}`,
    Math.round((1 + (i % 17) * 0.3) * 10) / 10,
    '2016/17 Q1-4',
    ...FIXTURE_QUARTERS.map(() => ''),
  ]);
  workbook.setCells('Source', 'A1', [header, ...body]);
  workbook.select('Source', `A1:${column(header.length - 1)}${rows + 1}`);
  const before = JSON.stringify(workbook.read('Source', `A1:E${Math.min(rows, 50) + 1}`));
  workbook.resetStats();
  const preview = unwrap(await previewSelection(), 'Bring in (preview)');
  const imported = unwrap(await importSelection(preview), 'Bring in');
  const count = counted(workbook.stats);
  expectThat(
    preview.schemeRows === rows,
    `preview saw ${preview.schemeRows} scheme rows, expected ${rows}`,
  );
  expectThat(imported.rows === rows, `brought in ${imported.rows} rows, expected ${rows}`);
  expectThat(
    JSON.stringify(workbook.read('Source', `A1:E${Math.min(rows, 50) + 1}`)) === before,
    'the source range changed',
  );
  const last = workbook.read(imported.sheet, `A${rows + 1}:A${rows + 1}`)[0][0];
  expectThat(
    last === `CP-${rows}`,
    `the last brought-in row holds '${String(last)}', expected CP-${rows}`,
  );
  return count;
}

function tenths(value: unknown): number {
  return typeof value === 'number' ? Math.round(value * 10) : NaN;
}

/**
 * Phase, check and highlight on a Programme table of `rows` schemes, each result checked: phased
 * rows add up to their budget, the one planted error is the one error found, and the flagged
 * cells are filled.
 */
async function measureProgrammeActions(
  rows: number,
  platform: FakePlatform,
): Promise<
  Pick<
    RoundTripRun,
    | 'phase'
    | 'check'
    | 'highlightFixed'
    | 'highlightFixedFindings'
    | 'highlightAll'
    | 'highlightAllFindings'
  >
> {
  const workbook = fresh(platform);
  buildProgramme(workbook, rows);
  // The stand-in stores formulas without computing them (they read as 0): give the revised
  // budget its value (no revisions yet, so it equals the approved budget) as Excel would show it.
  const approved = workbook.read(
    'Programme',
    `${column(APPROVED)}2:${column(APPROVED)}${rows + 1}`,
  );
  workbook.setCells('Programme', `${column(REVISED)}2`, approved);
  workbook.resetStats();
  const phased = unwrap(await phaseSchemes({ confirm: async () => true }), 'Phase');
  const phase = counted(workbook.stats);
  const tbc = Math.floor((rows - 1 - TBC_AT) / TBC_EVERY) + 1;
  expectThat(
    phased.phased === rows - tbc && phased.unphased.length === tbc && phased.errors.length === 0,
    `Phase: ${phased.phased} phased, ${phased.unphased.length} unphased, ${phased.errors.length} errors; expected ${rows - tbc}, ${tbc}, 0`,
  );
  const lastQuarter = column(FIRST_QUARTER + FIXTURE_QUARTERS.length - 1);
  for (let i = 0; i < rows; i += Math.max(1, Math.floor(rows / 200))) {
    const line = workbook.read(
      'Programme',
      `${column(APPROVED)}${i + 2}:${lastQuarter}${i + 2}`,
    )[0];
    const budget = tenths(line[0]);
    const phasedSum = line
      .slice(FIRST_QUARTER - APPROVED)
      .reduce<number>((sum, value) => sum + (value === '' ? 0 : tenths(value)), 0);
    const expected = i % TBC_EVERY === TBC_AT ? 0 : budget;
    expectThat(
      phasedSum === expected,
      `Phase: row ${i + 2} adds up to ${phasedSum / 10}, expected ${expected / 10}`,
    );
  }

  // Plant one real error: a quarter of a scheme in the middle is 0.5 too high.
  const wrongRow = 2 + Math.floor(rows / 2) - (Math.floor(rows / 2) % TBC_EVERY === TBC_AT ? 1 : 0);
  const cell = `${column(FIRST_QUARTER)}${wrongRow}`;
  const held = workbook.read('Programme', cell)[0][0];
  workbook.setCells('Programme', cell, [[(typeof held === 'number' ? held : 0) + 0.5]]);
  workbook.resetStats();
  const checked = unwrap(await checkProgramme(), 'Check');
  const check = counted(workbook.stats);
  const errors = checked.findings.filter((finding) => finding.severity === 'error');
  expectThat(
    errors.length === 1 &&
      errors[0].rule === 'phasing-mismatch' &&
      errors[0].cell?.endsWith(String(wrongRow)) === true,
    `Check: expected one phasing-mismatch error on row ${wrongRow}, got ${errors.length}: ${errors
      .slice(0, 3)
      .map((e) => `${e.rule} ${e.cell}`)
      .join('; ')}`,
  );
  const unphased = checked.findings.filter((finding) => finding.rule === 'unphased').length;
  expectThat(
    unphased === tbc,
    `Check: ${unphased} unphased warnings, expected ${tbc} (the TBC schemes)`,
  );

  const highlight = async (findings: readonly Finding[]): Promise<ActionCount> => {
    forgetHighlights();
    workbook.resetStats();
    const lit = unwrap(await highlightFindings(findings), 'Highlight');
    const count = counted(workbook.stats);
    const cells = new Set(findings.map((finding) => finding.cell));
    expectThat(
      lit.cells === cells.size,
      `Highlight filled ${lit.cells} cells, expected ${cells.size}`,
    );
    for (const finding of findings.slice(0, 50)) {
      if (finding.cell)
        expectThat(
          workbook.cell('Programme', finding.cell)?.fill !== undefined,
          `Highlight: ${finding.cell} has no fill`,
        );
    }
    return count;
  };
  const fixed = checked.findings
    .filter((finding) => finding.rule === 'unphased')
    .slice(0, FIXED_FINDINGS);
  const highlightFixed = await highlight(fixed);
  const highlightAll = await highlight(checked.findings);
  return {
    phase,
    check,
    highlightFixed,
    highlightFixedFindings: fixed.length,
    highlightAll,
    highlightAllFindings: checked.findings.length,
  };
}

/**
 * Runs every action on a programme of `rows` schemes on Excel on the web (default) or desktop
 * Excel, and checks each result.
 *
 * @example
 * const run = await measureRoundTrips(100, 'desktop'); // run.check.syncs === 2
 */
export async function measureRoundTrips(
  rows: number,
  platform: FakePlatform = 'web',
): Promise<RoundTripRun> {
  const setUp = await measureSetUp(platform);
  const bringIn = await measureBringIn(rows, platform);
  return { rows, platform, setUp, bringIn, ...(await measureProgrammeActions(rows, platform)) };
}

/**
 * Checks the adapter's results on a small programme (no counting targets).
 *
 * @example
 * await verifyRoundTrips(60); // { ok: true }
 */
export async function verifyRoundTrips(rows: number): Promise<Verdict> {
  try {
    await measureRoundTrips(rows, 'web');
    await measureRoundTrips(rows, 'desktop');
    return { ok: true };
  } catch (error) {
    if (error instanceof Wrong) return { ok: false, problem: error.message };
    throw error;
  }
}

const PLATFORMS: readonly [FakePlatform, string][] = [
  ['web', 'Excel on the web'],
  ['desktop', 'desktop Excel'],
];

const SIZES: readonly [string, number][] = [
  ['100', 100],
  ['10k', 10_000],
  ['100k', 100_000],
];

type Action = 'setUp' | 'bringIn' | 'phase' | 'check' | 'highlightFixed' | 'highlightAll';
const ACTIONS: readonly [Action, string][] = [
  ['setUp', 'Set up (new programme, 40 quarters, sample)'],
  ['bringIn', 'Set up from an existing table (preview + bring in)'],
  ['phase', 'Phase'],
  ['check', 'Check'],
  ['highlightFixed', `Highlight ${FIXED_FINDINGS} findings`],
  ['highlightAll', 'Highlight every finding of the check'],
];

/**
 * Runs benchmark 3.
 *
 * @example
 * const report = await runExcelRoundTripsBenchmark();
 */
export async function runExcelRoundTripsBenchmark(): Promise<BenchmarkReport> {
  const out = new ReportBuilder(NAME);
  for (const [platform, where] of PLATFORMS) {
    const runs: RoundTripRun[] = [];
    for (const [label, rows] of SIZES) {
      try {
        runs.push(await measureRoundTrips(rows, platform));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return out.fail(`${label} rows, ${where}: ${message}`);
      }
      const run = runs[runs.length - 1];
      for (const [action, title] of ACTIONS) {
        const count = run[action];
        const caseName = `${label} rows, ${where}: ${title}`;
        out.figure(caseName, 'syncs', count.syncs, '');
        out.figure(caseName, 'queued operations', count.operations, '');
        // Payload sizes explain extra syncs: shown where they matter (the largest programme).
        if (rows === SIZES[SIZES.length - 1][1]) {
          out.figure(caseName, 'largest request', count.largestRequestBytes / 1024, 'KB');
          out.figure(caseName, 'largest response', count.largestResponseBytes / 1024, 'KB');
          out.figure(caseName, 'all responses', count.responseBytes / 1024, 'KB');
          out.figure(caseName, 'all requests', count.requestBytes / 1024, 'KB');
        }
      }
      out.figure(
        `${label} rows, ${where}: Highlight every finding of the check`,
        'findings',
        run.highlightAllFindings,
        '',
      );
      out.figure(
        `${label} rows, ${where}: Highlight every finding of the check`,
        'operations per finding',
        run.highlightAll.operations / run.highlightAllFindings,
        '',
      );
    }
    for (const [action, title] of ACTIONS) {
      if (action === 'highlightAll') continue;
      const syncs = runs.map((run) => run[action].syncs);
      const constant = syncs.every((count) => count === syncs[0]);
      out.target(
        `${where}, ${title}: syncs constant in rows (100 / 10k / 100k)`,
        syncs.join(' / '),
        constant,
        constant ? undefined : explainGrowth(runs, action),
      );
    }
    const checkSyncs = runs.map((run) => run.check.syncs);
    out.target(
      `${where}, Check: at most 3 syncs`,
      checkSyncs.join(' / '),
      checkSyncs.every((count) => count <= 3),
    );
    if (platform === 'web') {
      // No adapter reads more than the limit per response: 1 sync to find the table, then
      // ceil(bytes / budget) chunks, one of which may be short (sized before anything was read).
      const fits = runs.map(
        (run) => 1 + Math.ceil(run.check.responseBytes / DEFAULT_REQUEST_BUDGET) + 1,
      );
      out.target(
        `${where}, Check: syncs <= 2 + ceil(bytes read / ${DEFAULT_REQUEST_BUDGET / 1048576} MB budget) (100 / 10k / 100k)`,
        runs.map((run, i) => `${run.check.syncs} <= ${fits[i]}`).join(' / '),
        runs.every((run, i) => run.check.syncs <= fits[i]),
      );
      // Phase (one action) and bring-in (preview, then import: two actions) read and write:
      // per action 1 sync to find the block and 1 short first chunk, then full chunks of
      // everything read and written.
      for (const [action, title, actions] of [
        ['phase', 'Phase', 1],
        ['bringIn', 'Bring in (preview + import)', 2],
      ] as const) {
        const bound = runs.map(
          (run) =>
            2 * actions +
            Math.ceil(
              (run[action].responseBytes + run[action].requestBytes) / DEFAULT_REQUEST_BUDGET,
            ),
        );
        out.target(
          `${where}, ${title}: syncs <= ${2 * actions} + ceil(bytes read and written / ${DEFAULT_REQUEST_BUDGET / 1048576} MB) (100 / 10k / 100k)`,
          `${runs.map((run) => run[action].syncs).join(' / ')} <= ${bound.join(' / ')}`,
          runs.every((run, i) => run[action].syncs <= bound[i]),
        );
      }
    }
    const fixedOps = runs.map((run) => run.highlightFixed.operations);
    out.target(
      `${where}, Highlight ${FIXED_FINDINGS} findings: operations the same on 100 / 10k / 100k rows (proportional to findings, not cells)`,
      fixedOps.join(' / '),
      fixedOps.every((count) => count === fixedOps[0]),
    );
    const [, middle, large] = runs;
    const marginal =
      (large.highlightAll.operations - middle.highlightAll.operations) /
      (large.highlightAllFindings - middle.highlightAllFindings);
    out.figure(
      `10k -> 100k rows, ${where}: Highlight every finding`,
      'extra operations per extra finding',
      marginal,
      '',
    );
  }
  out.note(
    "The stand-in stores formulas without computing them, so the fixture's revised-budget formula column is given its value (equal to the approved budget, as there are no revisions) before Phase and Check.",
  );
  out.note(
    'Every result is checked: Set up makes 40 quarter columns; bringing in keeps the source untouched and brings every row; Phase adds each sampled row up to its budget with TBC rows left unphased; Check finds exactly the one planted phasing error and one unphased warning per TBC scheme; Highlight fills the flagged cells.',
  );
  out.note(
    "Excel on the web: the stand-in refuses any request or response over 5 MB, as Excel on the web does, and reports the platform as Office.context.diagnostics.platform = 'OfficeOnline'. Desktop: 'PC', no limit.",
  );
  return out.report;
}

function explainGrowth(runs: readonly RoundTripRun[], action: Action): string {
  const big = runs[runs.length - 1][action];
  if (runs[0].platform === 'desktop')
    return `At 100k rows the largest request is ${(big.largestRequestBytes / 1048576).toFixed(1)} MB: desktop Excel has no request limit, so this growth is not chunking.`;
  return `At 100k rows the largest request is ${(big.largestRequestBytes / 1048576).toFixed(1)} MB and the largest response ${(big.largestResponseBytes / 1048576).toFixed(1)} MB: the adapter splits reads and writes into chunks to stay under Excel on the web's 5 MB payload limit, one sync per chunk.`;
}

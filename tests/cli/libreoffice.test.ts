/**
 * The workbook `demo` writes must compute in a real spreadsheet program without the add-in
 * (issue 5): LibreOffice recalculates it from the formulas alone, and its totals must equal the
 * engine's. CI installs LibreOffice (Debian libreoffice-calc); without it this test FAILS.
 */
import ExcelJS from 'exceljs';
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SAMPLE_CSV } from '../../src/cli/sampleFiles';
import { toNumber } from '../../src/core/money';
import { planDemoProgramme, type DemoProgramme } from '../../src/xlsx/demo/planDemo';
import { DEMO_LAYOUT } from '../../src/xlsx/demo/writeDemo';
import { readProgrammeCsv } from '../../src/xlsx/programmeCsv';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import type { SheetGrid } from '../../src/xlsx/sheetGrid';
import { writeReturn } from '../fixtures/forecastReturns';
import { runCli } from './runCli';

const SOFFICE = process.env.SOFFICE ?? 'soffice';

// LibreOffice does not recalculate .xlsx files on load by default ("Never recalculate"): this
// profile setting (Tools > Options > Calc > Formula > Recalculation on file load: Always) forces it.
const FORCE_RECALCULATION = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let dir: string;
let plan: DemoProgramme;
let ours: SheetGrid[];
let libreOffice: SheetGrid[];
let formulaCount = 0;
let profile: string;

/** Opens `input` in LibreOffice (recalculating everything) and saves it as .xlsx into `outDir`. */
async function recalculate(input: string, outDir: string): Promise<string> {
  const converted = await run(
    SOFFICE,
    [
      '--headless',
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      input,
    ],
    60_000,
  );
  if (converted.status !== 0)
    throw new Error(`LibreOffice could not convert ${input}: ${converted.output}`);
  return join(outDir, basename(input));
}

/** Every cell where two workbooks' grids differ (numbers within 1e-9). */
function differences(mineList: SheetGrid[], theirsList: SheetGrid[]): string[] {
  const found: string[] = [];
  for (const mine of mineList) {
    const theirs = sheet(theirsList, mine.sheet ?? '');
    mine.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const other = theirs.values[r]?.[c];
        const same =
          typeof value === 'number' && typeof other === 'number'
            ? Math.abs(value - other) < 1e-9
            : value === other;
        if (!same)
          found.push(
            `${mine.sheet}!R${r + 1}C${c + 1}: cached ${JSON.stringify(value)}, LibreOffice ${JSON.stringify(other)}`,
          );
      }),
    );
  }
  return found;
}

function run(
  command: string,
  args: string[],
  timeoutMs: number,
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { timeout: timeoutMs });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

async function grids(path: string): Promise<SheetGrid[]> {
  const read = await readWorkbookGrids(path);
  if (!read.ok) throw new Error(`${path} ${read.message}`);
  return read.value.grids;
}

function sheet(list: SheetGrid[], name: string): SheetGrid {
  const found = list.find((grid) => grid.sheet === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Value at a 1-based sheet row and column. */
function at(grid: SheetGrid, row1: number, column1: number): unknown {
  const origin = grid.origin ?? { row: 0, column: 0 };
  return grid.values[row1 - 1 - origin.row]?.[column1 - 1 - origin.column];
}

beforeAll(async () => {
  const version = spawnSync(SOFFICE, ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    throw new Error(
      `LibreOffice is not installed ('${SOFFICE} --version' failed): this test needs it to recalculate the demo workbook. ` +
        'Install it with: apt-get install -y libreoffice-calc (CI does this in .ci/run).',
    );
  }
  dir = await mkdtemp(join(tmpdir(), 'cp-lo-'));
  const demo = join(dir, 'demo.xlsx');
  const made = await runCli(['demo', '--out', demo]);
  if (made.status !== 0) throw new Error(`demo failed: ${made.stderr}${made.stdout}`);

  // Remove every cached result, so the figures LibreOffice shows can only come from recalculating.
  const stripped = new ExcelJS.Workbook();
  await stripped.xlsx.readFile(demo);
  stripped.eachSheet((worksheet) =>
    worksheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as ExcelJS.CellFormulaValue | null;
        if (value && typeof value === 'object' && 'formula' in value) {
          cell.value = { formula: value.formula, date1904: false } as ExcelJS.CellFormulaValue;
          formulaCount++;
        }
      }),
    ),
  );
  const input = join(dir, 'formulas-only.xlsx');
  await stripped.xlsx.writeFile(input);

  profile = join(dir, 'profile');
  await mkdir(join(profile, 'user'), { recursive: true });
  await writeFile(join(profile, 'user', 'registrymodifications.xcu'), FORCE_RECALCULATION);
  const recalculated = await recalculate(input, join(dir, 'recalculated'));

  const rows = await readProgrammeCsv(SAMPLE_CSV);
  if (!rows.ok) throw new Error(rows.message);
  const planned = planDemoProgramme(rows.value);
  if (!planned.ok) throw new Error(planned.message);
  plan = planned.value;
  ours = await grids(demo);
  libreOffice = await grids(recalculated);
}, 90_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the demo workbook recalculated by LibreOffice', () => {
  it('has formulas to recalculate (SUBTOTAL, SUMIFS, INDEX/MATCH, IF) and no CAPITAL.* function', () => {
    expect(formulaCount).toBeGreaterThan(50);
  });

  it('computes the Programme totals row (approved, revised, every quarter) as the engine does', () => {
    const programme = sheet(libreOffice, DEMO_LAYOUT.programmeSheet);
    const totalRow = DEMO_LAYOUT.programmeHeaderRow + plan.schemes.length + 1;
    expect(at(programme, totalRow, DEMO_LAYOUT.approvedColumn)).toBeCloseTo(
      toNumber(plan.totals.approved),
      9,
    );
    expect(at(programme, totalRow, DEMO_LAYOUT.revisedColumn)).toBeCloseTo(
      toNumber(plan.totals.revised),
      9,
    );
    plan.totals.phasing.forEach((total, i) => {
      expect(at(programme, totalRow, DEMO_LAYOUT.firstPeriodColumn + i)).toBeCloseTo(
        toNumber(total),
        9,
      );
    });
  });

  it('computes each revised budget from the Revisions table with SUMIFS as the engine does', () => {
    const programme = sheet(libreOffice, DEMO_LAYOUT.programmeSheet);
    plan.schemes.forEach((scheme, i) => {
      expect(
        at(programme, DEMO_LAYOUT.programmeHeaderRow + 1 + i, DEMO_LAYOUT.revisedColumn),
      ).toBeCloseTo(toNumber(scheme.revised), 9);
    });
  });

  it('computes Monitoring totals, variances and flags as the engine does', () => {
    const monitoring = sheet(libreOffice, DEMO_LAYOUT.monitoringSheet);
    const first = DEMO_LAYOUT.monitoringHeaderRow + 1;
    const totalRow = DEMO_LAYOUT.monitoringTotalRow(plan.schemes.length);
    expect(at(monitoring, totalRow, 5)).toBeCloseTo(toNumber(plan.totals.revised), 9);
    expect(at(monitoring, totalRow, 6)).toBeCloseTo(toNumber(plan.totals.forecast), 9);
    expect(at(monitoring, totalRow, 7)).toBeCloseTo(toNumber(plan.totals.variance), 9);
    plan.schemes.forEach((scheme, i) => {
      expect(at(monitoring, first + i, 6)).toBeCloseTo(toNumber(scheme.forecast), 9);
      expect(at(monitoring, first + i, 7)).toBeCloseTo(toNumber(scheme.variance), 9);
      expect(at(monitoring, first + i, 8)).toBe(scheme.flag);
    });
    expect(plan.schemes.map((scheme) => scheme.flag)).toEqual(
      expect.arrayContaining(['Overspend', 'Underspend', 'On target']),
    );
  });

  it('passes every check formula', () => {
    const programme = sheet(libreOffice, DEMO_LAYOUT.programmeSheet);
    const checkColumn = DEMO_LAYOUT.firstPeriodColumn + plan.quarterLabels.length + 1;
    expect(at(programme, DEMO_LAYOUT.programmeHeaderRow, checkColumn)).toBe('Phasing check');
    const checks = plan.schemes.map((_, i) =>
      at(programme, DEMO_LAYOUT.programmeHeaderRow + 1 + i, checkColumn),
    );
    expect(checks).toEqual(plan.schemes.map((scheme) => (scheme.unphased ? 'Not phased' : 'OK')));
    const monitoring = sheet(libreOffice, DEMO_LAYOUT.monitoringSheet);
    const check = DEMO_LAYOUT.monitoringCheck;
    expect(at(monitoring, check.row, check.column)).toBe('OK');
  });

  it('shows, cell for cell, the results the demo cached for viewers that do not recalculate', () => {
    expect(differences(ours, libreOffice)).toEqual([]);
  });

  it('keeps every cached result right after consolidate writes new forecasts into it', async () => {
    const master = join(dir, 'demo.xlsx');
    const returned = await writeReturn(dir, 'return.xlsx', {
      'Head of ICT': [
        { ref: 'CP-001', scheme: 'Compliance', budget: 2.6, forecast: 2.45 },
        { ref: 'CP-003', scheme: 'Technology refresh', budget: 4.32, forecast: 4.61 },
      ],
    });
    const out = join(dir, 'consolidated.xlsx');
    const consolidated = await runCli(['consolidate', master, returned, '--out', out]);
    expect(consolidated.status).toBe(0);
    const cached = await grids(out);
    const recomputed = await grids(await recalculate(out, join(dir, 'consolidated-recalculated')));
    expect(differences(cached, recomputed)).toEqual([]);
  }, 60_000);
});

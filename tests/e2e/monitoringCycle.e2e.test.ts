/**
 * End-to-end in Chromium: the in-year monitoring cycle through the pane, on the stand-in Excel.
 * Set up and phase the sample programme, set the year and period, bring in actuals from a pasted
 * ledger (an unknown ref, a repeated line and an unreadable amount among them) and later from a
 * year-to-date ledger selected in a sheet (lines already brought in are left out), make the
 * budget holders' returns, gather at P3 and at P6, check, and chart the trend.
 *
 * Then screenshots of the In-year monitoring and Capital budget position sheets' data for the
 * README: the stand-in stores formulas without working them out, so the figures shown come from
 * the workbook plans' own results for the demo's cycle (2016/17 P8), laid out cell by cell as the
 * add-in and `capital-planner demo` write them.
 *
 * The workbook starts with no in-year sheet: making the returns at P3 adds them from the workbook
 * plans, gathering at P6 moves the In-year monitoring sheet on and appends to the history.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cellName } from '../support/fake-excel/address';
import { launchChromium } from '../support/chromium';
import { serveStatic, type StaticServer } from '../support/staticServer';
import { DIST, ROOT, buildIfMissing, standInScript } from './paneHarness';
import { readProgrammeCsv } from '../../src/xlsx/programmeCsv';
import { planDemoProgramme } from '../../src/xlsx/demo/planDemo';
import { planDemoCycle } from '../../src/xlsx/demo/planCycle';
import {
  HISTORY_SHEET,
  IN_YEAR_SHEET,
  POSITION_SHEET,
  isFormulaCell,
  type PlanCell,
  type SheetPlan,
} from '../../src/workbook';

const SCREENSHOTS = join(
  ROOT,
  process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots',
);
const PANE_SIZE = { width: 380, height: 900 };

type Cell = string | number | boolean;
interface StandInWorkbook {
  read(sheet: string, address: string): Cell[][];
  setCells(sheet: string, address: string, values: Cell[][]): void;
  select(sheet: string, address: string): void;
  model: { sheets: { name: string; charts: { type: string; categories?: string[] }[] }[] };
}
declare const window: { __capitalPlannerWorkbook: StandInWorkbook };

/** The first ledger, pasted: P1 to P3 in pounds, with three rows the officer must look at. */
const LEDGER_P3 = [
  'Scheme ref,Period,Amount,Description',
  'CP-001,P1,850000,Firewall and PSN remediation',
  'CP-001,P3,1200000,Anti-virus roll-out',
  'CP-003,P2,450000,Server refresh',
  'CP-004,P3,300000,Business analysts',
  'CP-004,P3,300000,Business analysts',
  'CP-077,P3,15000,Miscoded invoice',
  'CP-003,P3,TBC,Awaiting invoice',
].join('\n');

/** The second ledger, year to date at P6, in a sheet: its first four lines are in Actuals already. */
const LEDGER_P6: Cell[][] = [
  ['Scheme ref', 'Period', 'Amount', 'Description'],
  ['CP-001', 'P1', 850000, 'Firewall and PSN remediation'],
  ['CP-001', 'P3', 1200000, 'Anti-virus roll-out'],
  ['CP-003', 'P2', 450000, 'Server refresh'],
  ['CP-004', 'P3', 300000, 'Business analysts'],
  ['CP-002', 'P5', 250000, 'Service desk tool'],
  ['CP-003', 'P6', 600000, 'Laptops'],
  ['CP-005', 'P6', -20000, 'Accrual reversal'],
];

const read = (page: Page, sheet: string, address: string) =>
  page.evaluate(({ sheet, address }) => window.__capitalPlannerWorkbook.read(sheet, address), {
    sheet,
    address,
  });
const sheetNames = (page: Page) =>
  page.evaluate(() => window.__capitalPlannerWorkbook.model.sheets.map((sheet) => sheet.name));

async function setPeriod(page: Page, year: string, period: string): Promise<void> {
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByLabel('Year being monitored').fill(year);
  await page.getByRole('combobox', { name: /Period/ }).click();
  await page.getByRole('option', { name: period }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page
    .getByText(/Settings saved/)
    .first()
    .waitFor();
}

/**
 * Each budget holder returns their forecasts: the whole life at budget and the year at its in-year
 * budget, the first scheme `over` (£m) over in both, with an explanation.
 */
async function fillReturns(page: Page, over: number): Promise<void> {
  const names = (await sheetNames(page)).filter((name) => name.startsWith('Forecast - '));
  expect(names.length).toBeGreaterThan(0);
  for (const [sheetIndex, name] of names.entries()) {
    const grid = await read(page, name, 'A1:K30');
    const header = grid.findIndex((row) => row.includes('Explanation'));
    expect(header).toBeGreaterThanOrEqual(0);
    const at = (heading: RegExp) => grid[header].findIndex((cell) => heading.test(String(cell)));
    const budgetAt = at(/^Current budget$/);
    const allYearsAt = at(/^All-years forecast outturn$/);
    const inYearBudgetAt = at(/^In-year budget 2016\/17$/);
    const inYearAt = at(/^In-year forecast outturn 2016\/17$/);
    const explanationAt = at(/^Explanation$/);
    // This version's return: the year and the whole life side by side.
    expect([budgetAt, allYearsAt, inYearBudgetAt, inYearAt, explanationAt]).not.toContain(-1);
    const plus = (value: Cell, extra: number) =>
      (Math.round(Number(value) * 1000) + extra * 1000) / 1000;
    const cells = grid
      .map((row, index) => ({ row, index }))
      .filter(({ row, index }) => index > header && row[0] !== '')
      .flatMap(({ row, index }, position) => {
        const first = sheetIndex === 0 && position === 0;
        const extra = first ? over : 0;
        return [
          { address: cellName(index, allYearsAt), value: plus(row[budgetAt], extra) },
          { address: cellName(index, inYearAt), value: plus(row[inYearBudgetAt], extra) },
          ...(first
            ? [
                {
                  address: cellName(index, explanationAt),
                  value: `Contract price rose by £${over}m`,
                },
              ]
            : []),
        ];
      });
    await page.evaluate(
      ({ name, cells }) =>
        cells.forEach(({ address, value }) =>
          window.__capitalPlannerWorkbook.setCells(name, address, [[value]]),
        ),
      { name, cells },
    );
  }
}

/**
 * Gathers, and gives the pane's in-year result once it shows; `moveOn` answers the question the
 * pane asks before moving the In-year sheet on to a later period.
 */
async function gather(page: Page, moveOn?: RegExp) {
  await page.getByRole('tab', { name: 'Forecasts' }).click();
  await page.getByRole('button', { name: 'Gather into Monitoring' }).click();
  if (moveOn) {
    const dialog = page.getByRole('alertdialog', { name: moveOn });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Move on' }).click();
  }
  await page.getByLabel('Schemes by status').waitFor();
  const result = page.getByRole('region', { name: 'In-year monitoring result' });
  await result.waitFor();
  return result;
}

/** A number as the sheet's format shows it: `£1.2m`, `(£0.3m)`, to the format's decimals. */
function shown(value: PlanCell | undefined, format: string | undefined): string {
  const result =
    value !== null && typeof value === 'object' && isFormulaCell(value) ? value.result : value;
  if (typeof result !== 'number')
    return result === null || result === undefined ? '' : String(result);
  if (!format || !/0/.test(format)) return String(result);
  const decimals = /0\.(0+)/.exec(format)?.[1].length ?? 0;
  const unit = /"£"/.test(format) ? `£${/"(k|m|bn)"/.exec(format)?.[1] ?? ''}` : '';
  const text = Math.abs(result).toLocaleString('en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  const figure = unit ? `£${text}${unit.slice(1)}` : text;
  return result < 0 ? `(${figure})` : figure;
}

/** The sheet's cells as an HTML table, bold where the plan says, figures right-aligned. */
function sheetHtml(plan: SheetPlan): string {
  const formatAt = (r: number, c: number) => {
    let found: string | undefined;
    for (const block of plan.formats) {
      const value = block.formats[r - block.top]?.[c - block.left];
      if (r >= block.top && c >= block.left && value !== undefined) found = value;
    }
    return found;
  };
  const bold = (r: number, c: number) =>
    plan.bold.some(
      (b) => r >= b.top && r < b.top + b.rows && c >= b.left && c < b.left + b.columns,
    );
  const width = Math.max(...plan.cells.map((row) => row.length));
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const rows = plan.cells
    .map((row, r) => {
      const cells = Array.from({ length: width }, (_, c) => {
        const cell = row[c];
        const text = shown(cell, formatAt(r, c));
        const numeric = /^\(?£?[\d,.]+[km]?\)?$/.test(text) && text !== '';
        const style = [bold(r, c) ? 'font-weight:600' : '', numeric ? 'text-align:right' : '']
          .filter(Boolean)
          .join(';');
        return `<td style="${style}">${escape(text)}</td>`;
      }).join('');
      return `<tr><th>${r + 1}</th>${cells}</tr>`;
    })
    .join('');
  const letters = Array.from(
    { length: width },
    (_, c) => `<th>${String.fromCharCode(65 + c)}</th>`,
  ).join('');
  return `<!doctype html><meta charset="utf-8"><style>
    body { font: 12px 'Segoe UI', Arial, sans-serif; margin: 8px; background: #fff; }
    table { border-collapse: collapse; }
    td, th { border: 1px solid #d4d4d4; padding: 2px 6px; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
    th { background: #f3f3f3; color: #555; font-weight: 400; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
  </style><table><caption>${escape(plan.name)}</caption><tr><th></th>${letters}</tr>${rows}</table>`;
}

describe('the in-year monitoring cycle in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let script: string;

  beforeAll(async () => {
    await buildIfMissing();
    script = await standInScript();
    server = await serveStatic(DIST);
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets up, phases, brings in actuals, makes returns, gathers at P3 and P6, checks and charts', async () => {
    const context = await browser.newContext({ viewport: PANE_SIZE, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.addInitScript({ content: script });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByRole('heading', { name: 'Capital Planner' }).waitFor();

    // Set up 2016/17 to 2019/20 in quarters, £m, with the sample schemes; phase them.
    await page.getByLabel('First financial year').fill('2016');
    await page.getByLabel('Number of years').fill('4');
    await page.getByLabel('Quarters').check();
    await page.getByLabel('£m').check();
    await page.getByLabel(/Fill with sample schemes/).check();
    await page.getByRole('button', { name: 'Set up programme' }).click();
    await page.getByText(/Programme sheet ready/).waitFor();
    await page.getByRole('tab', { name: 'Phase' }).click();
    await page.getByRole('button', { name: 'Phase', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await Promise.race([
      dialog.waitFor(),
      page
        .getByText(/schemes? phased/)
        .first()
        .waitFor(),
    ]);
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Replace' }).click();
    await page.getByRole('list', { name: 'Schemes not yet phased' }).waitFor();

    // The year and period monitored: periods in the ledger without a year are 2016/17.
    await setPeriod(page, '2016/17', 'P3 (June)');
    expect(await read(page, '_CapitalPlannerSettings', 'A10:B11')).toEqual([
      ['monitoringYear', '2016/17'],
      ['monitoringPeriod', 3],
    ]);

    // Bring in the P3 ledger, pasted: every row to look at is listed with its row.
    await page.getByRole('tab', { name: 'Monitor' }).click();
    await page.getByRole('tab', { name: 'Actuals' }).click();
    await page.getByLabel(/Ledger export/).fill(LEDGER_P3);
    await page.getByRole('button', { name: 'Read pasted text' }).click();
    const columns = page.getByRole('table', { name: 'Ledger columns' });
    await columns.waitFor();
    expect(await page.getByRole('combobox', { name: 'Role of column Amount' }).textContent()).toBe(
      'Amount',
    );
    const toLookAt = page.getByRole('list', { name: 'Ledger rows to look at' });
    expect(await toLookAt.textContent()).toMatch(/Row 6: the same line as row 5/);
    expect(await toLookAt.textContent()).toMatch(/Row 7: the ref 'CP-077'/);
    expect(await toLookAt.textContent()).toMatch(/Row 8: .*TBC/);
    await page.getByLabel(/Leave out the repeat/).check();
    await page.screenshot({ path: join(SCREENSHOTS, 'actuals-light.png'), fullPage: true });
    await page.getByRole('button', { name: 'Bring in 4 lines' }).click();
    await page
      .getByText(/4 lines added to Actuals/)
      .first()
      .waitFor();
    expect(await read(page, 'Actuals', 'A1:E6')).toEqual([
      ['Scheme', 'Year', 'Period', 'Amount', 'Description'],
      ['CP-001', '2016/17', 1, 0.85, 'Firewall and PSN remediation'],
      ['CP-001', '2016/17', 3, 1.2, 'Anti-virus roll-out'],
      ['CP-003', '2016/17', 2, 0.45, 'Server refresh'],
      ['CP-004', '2016/17', 3, 0.3, 'Business analysts'],
      ['', '', '', '', ''],
    ]);

    // Undo takes the Actuals sheet away again; bring the ledger in once more, as a chosen file.
    await page.getByRole('button', { name: 'Undo Bring in actuals' }).click();
    await page
      .getByText(/undone/)
      .first()
      .waitFor();
    expect(await sheetNames(page)).not.toContain('Actuals');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a CSV file' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'ledger-p3.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(LEDGER_P3, 'utf8'),
    });
    await page.getByText(/ledger-p3\.csv: 5 lines for schemes/).waitFor();
    await page.getByLabel(/Leave out the repeat/).check();
    await page.getByRole('button', { name: 'Bring in 4 lines' }).click();
    await page
      .getByText(/4 lines added to Actuals/)
      .first()
      .waitFor();

    // Returns: one sheet per budget holder, showing the year at P3. Making them starts the
    // monitoring of 2016/17 P3: the in-year sheets are added beside the Actuals.
    await page.getByRole('tab', { name: 'Forecasts' }).click();
    expect(await page.getByLabel('Period monitored').textContent()).toMatch(
      /^Monitoring 2016\/17 P3/,
    );
    await page.getByRole('button', { name: 'Make forecast sheets' }).click();
    await page.getByRole('list', { name: 'Forecast sheets' }).waitFor();
    await page
      .getByText(
        /Monitoring 2016\/17 P3: Monitoring history, In-year monitoring, Capital budget position added/,
      )
      .first()
      .waitFor();
    expect(await sheetNames(page)).toEqual(
      expect.arrayContaining([IN_YEAR_SHEET, HISTORY_SHEET, POSITION_SHEET, 'Actuals']),
    );
    expect(await read(page, IN_YEAR_SHEET, 'D3:E3')).toEqual([[3, '2016/17']]);

    // The first scheme £0.3m over, explained. Gather at P3: one snapshot per scheme.
    await fillReturns(page, 0.3);
    const atP3 = await gather(page);
    expect(await page.getByLabel('Schemes by status').textContent()).toMatch(/Overspend: 1/);
    const schemes = Number(
      /(\d+) schemes/.exec(
        (await page.getByText(/^Monitoring: \d+ schemes$/).textContent()) ?? '',
      )?.[1],
    );
    expect(schemes).toBeGreaterThan(0);
    expect(await atP3.getByRole('heading').first().textContent()).toBe(
      'In-year monitoring 2016/17 P3',
    );
    expect(await atP3.getByLabel('In-year gathering').textContent()).toBe(
      `Schemes updated${schemes}Snapshots added${schemes}`,
    );
    // The P3 return's explanation is on its scheme's line.
    const explanations = async () =>
      (await read(page, IN_YEAR_SHEET, `Q5:Q${4 + schemes}`)).map((row) => row[0]);
    expect(await explanations()).toContain('Contract price rose by £0.3m');

    // A second gathering at P3 adds nothing to the history, and says why.
    const again = await gather(page);
    expect(await again.getByLabel('In-year gathering').textContent()).toBe(
      `Schemes updated${schemes}Snapshots added0`,
    );
    expect(await again.getByRole('list', { name: 'Snapshots not added' }).textContent()).toMatch(
      /already gathered at 2016\/17 P3/,
    );

    // P6: the year-to-date ledger, selected in its sheet; the four lines already in Actuals are
    // left out, the three new ones appended below them.
    await setPeriod(page, '2016/17', 'P6 (September)');
    await page.evaluate((rows) => {
      window.__capitalPlannerWorkbook.setCells('Ledger', 'A1', rows);
      window.__capitalPlannerWorkbook.select('Ledger', 'A1:D8');
    }, LEDGER_P6);
    await page.getByRole('tab', { name: 'Monitor' }).click();
    await page.getByRole('tab', { name: 'Actuals' }).click();
    await page.getByRole('button', { name: 'Read selected range' }).click();
    await page.getByText(/4 lines are already in the Actuals sheet/).waitFor();
    await page.getByRole('button', { name: 'Bring in 3 lines' }).click();
    await page
      .getByText(/3 lines added to Actuals \(rows 6 to 8/)
      .first()
      .waitFor();
    expect(await read(page, 'Actuals', 'A6:D8')).toEqual([
      ['CP-002', '2016/17', 5, 0.25],
      ['CP-003', '2016/17', 6, 0.6],
      ['CP-005', '2016/17', 6, -0.02],
    ]);

    // Returns move (£0.5m over now) and are gathered at P6: the In-year sheet moves on to P6
    // and the history gets the P6 snapshots below the P3 ones.
    await page.getByRole('tab', { name: 'Forecasts' }).click();
    expect(await page.getByLabel('Period monitored').textContent()).toMatch(
      /^Monitoring 2016\/17 P6/,
    );
    await fillReturns(page, 0.5);
    // Moving the sheet on replaces its P3 figures: the pane asks first, and a Cancel changes
    // nothing (regression: the sheet was moved on without asking).
    await page.getByRole('button', { name: 'Gather into Monitoring' }).click();
    const asked = page.getByRole('alertdialog', {
      name: 'Move In-year monitoring on from 2016/17 P3 to 2016/17 P6?',
    });
    await asked.waitFor();
    await asked.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByText(/the 'In-year monitoring' sheet stays at 2016\/17 P3/)
      .first()
      .waitFor();
    expect(await read(page, IN_YEAR_SHEET, 'D3:E3')).toEqual([[3, '2016/17']]);
    const atP6 = await gather(
      page,
      /^Move In-year monitoring on from 2016\/17 P3 to 2016\/17 P6\?$/,
    );
    expect(await page.getByLabel('Schemes by status').textContent()).toMatch(/Overspend: 1/);
    expect(await atP6.getByRole('heading').first().textContent()).toBe(
      'In-year monitoring 2016/17 P6',
    );
    expect(await atP6.getByLabel('In-year gathering').textContent()).toBe(
      `Schemes updated${schemes}Snapshots added${schemes}`,
    );
    expect(await atP6.getByText(/Moved on from 2016\/17 P3/).count()).toBe(1);
    expect(await read(page, IN_YEAR_SHEET, 'D3:E3')).toEqual([[6, '2016/17']]);
    expect(await explanations()).toContain('Contract price rose by £0.5m');
    const periods = (await read(page, HISTORY_SHEET, `B2:C${2 * schemes + 2}`)).map((row) =>
      row.join(' '),
    );
    expect(periods).toEqual([
      ...Array.from({ length: schemes }, () => '2016/17 3'),
      ...Array.from({ length: schemes }, () => '2016/17 6'),
      ' ',
    ]);

    // The In-year monitoring sheet counts every Actuals line: its actual to date is a SUMIFS
    // over whole Actuals columns.
    const inYear = await read(page, IN_YEAR_SHEET, 'G5:G5');
    expect(String(inYear[0][0])).toMatch(/SUMIFS\('Actuals'!\$D:\$D/);

    // Check the programme: no error comes from the cycle. The stand-in stores formulas without
    // working them out (a formula reads as 0), so the Programme's totals row and its Revised
    // budget formulas read as 0 here and are reported; every other figure must be right.
    await page.getByRole('tab', { name: 'Check' }).click();
    await page.getByRole('button', { name: 'Run check' }).click();
    const checked = page.getByText(/No problems found in|\d+ errors?, \d+ warnings? and/).first();
    await checked.waitFor();
    const findings = page.getByRole('region', { name: /^Errors/ }).getByRole('listitem');
    // Every error reported is looked at.
    const reported = Number(/(\d+) errors?,/.exec((await checked.textContent()) ?? '')?.[1] ?? 0);
    expect(await findings.count()).toBe(reported);
    const notFromTheStandIn = (await findings.allTextContents()).filter(
      (text) =>
        !/^Programme!\$?[A-Z]+\$?11Total 0\.0 does not match its rows/.test(text) &&
        !/^Programme!H\d+Phasing of '.*' adds up to [\d.]+ but its budget is 0\.0/.test(text),
    );
    expect(notFromTheStandIn).toEqual([]);

    // Chart the trend from the Monitoring history: two periods.
    await page.getByRole('tab', { name: 'Monitor' }).click();
    await page.getByRole('tab', { name: 'Chart' }).click();
    await page.getByRole('button', { name: 'Chart the forecast trend' }).click();
    await page
      .getByText(/Chart added on Forecast trend/)
      .first()
      .waitFor();
    const charts = await page.evaluate(
      () =>
        window.__capitalPlannerWorkbook.model.sheets.find((s) => s.name === 'Forecast trend')
          ?.charts,
    );
    expect(charts?.[0]).toMatchObject({ type: 'Line', categories: ['2016/17 P3', '2016/17 P6'] });

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows the In-year monitoring and Capital budget position sheets as they are laid out (screenshots for the README)', async () => {
    const rows = await readProgrammeCsv(
      join(ROOT, 'src/cli/samples/investment-programme-2016.csv'),
    );
    expect(rows.ok).toBe(true);
    if (!rows.ok) return;
    const demo = planDemoProgramme(rows.value);
    expect(demo.ok).toBe(true);
    if (!demo.ok) return;
    const sheets = planDemoCycle(demo.value);
    const context = await browser.newContext({ viewport: { width: 1500, height: 400 } });
    const page = await context.newPage();
    for (const [name, file] of [
      [IN_YEAR_SHEET, 'in-year-monitoring.png'],
      [POSITION_SHEET, 'capital-budget-position.png'],
    ] as const) {
      const plan = sheets.find((sheet) => sheet.name === name);
      expect(plan).toBeDefined();
      await page.setContent(sheetHtml(plan as SheetPlan));
      const text = await page.textContent('table');
      // Real figures, not formula text: slippage apart from under/overspend, totals shown.
      expect(text).not.toMatch(/=SUM/);
      expect(text).toMatch(/£\d/);
      await page.locator('table').screenshot({ path: join(SCREENSHOTS, file) });
    }
    await context.close();
  }, 60_000);
});

/**
 * End-to-end: the built task pane (dist/) in Debian's Chromium, driven by playwright-core, with
 * office.js served locally and the in-memory Excel stand-in installed before the page's scripts.
 * Clicks through set-up, phasing, a revision and a check, asserts on the resulting cells, records
 * every network request (any origin but the local server fails the run), saves screenshots to
 * docs/screenshots/, and measures time to first render.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cellName } from '../support/fake-excel/address';
import { serveStatic, type StaticServer } from '../support/staticServer';
import { launchChromium } from '../support/chromium';
import { DIST, ROOT, buildIfMissing, standInScript } from './paneHarness';

// Every run saves screenshots under test-results/ (not tracked); UPDATE_SCREENSHOTS=1 refreshes
// the committed ones in docs/screenshots that the README shows.
const SCREENSHOTS = join(
  ROOT,
  process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots',
);
const PANE_SIZE = { width: 380, height: 900 };

type Cell = string | number | boolean;

/** What the page exposes from the stand-in (see standIn.ts). */
interface StandInWorkbook {
  read(sheet: string, address: string): Cell[][];
  setCells(sheet: string, address: string, values: Cell[][]): void;
  select(sheet: string, address: string): void;
  cell(sheet: string, address: string): { fill?: string } | undefined;
  model: {
    sheets: { name: string }[];
    selection?: { sheet: { name: string }; rect: { top: number; left: number } };
  };
}
declare const window: { __capitalPlannerWorkbook: StandInWorkbook };

/** Columns of the Programme table by header, and its rows. */
async function programme(
  page: Page,
): Promise<{ header: Cell[]; rows: Cell[][]; column(name: string): number }> {
  const grid = await page.evaluate(() =>
    window.__capitalPlannerWorkbook.read('Programme', 'A1:BZ40'),
  );
  const headerIndex = grid.findIndex((row) => row.includes('Ref') && row.includes('Scheme'));
  expect(headerIndex).toBeGreaterThanOrEqual(0);
  const header = grid[headerIndex];
  const rows = grid.slice(headerIndex + 1).filter((row) => row.some((cell) => cell !== ''));
  return {
    header,
    rows,
    column(name: string) {
      const index = header.indexOf(name);
      if (index < 0) throw new Error(`No column "${name}" in ${JSON.stringify(header)}`);
      return index;
    },
  };
}

/** Polls `read` until `done` holds (or 5 s pass) and returns the last value read. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 5000;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** Adds £m amounts as integer thousandths (£k), so the test's own arithmetic is exact. */
function sumInThousandths(values: Cell[]): number {
  return values.reduce<number>(
    (total, value) => total + (typeof value === 'number' ? Math.round(value * 1000) : 0),
    0,
  );
}

describe('the task pane in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let script: string;
  const foreignRequests: string[] = [];
  const cspRefusals: string[] = [];
  const allRequests: string[] = [];

  async function openPane(options: {
    standIn: boolean;
    colorScheme?: 'light' | 'dark';
  }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({
      viewport: PANE_SIZE,
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    });
    // Nothing may leave the machine: record every request, and refuse any that is not local.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      allRequests.push(url);
      if (new URL(url).origin !== server.origin && !url.startsWith('data:')) {
        foreignRequests.push(url);
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // office.js, outside Office, tries to frame its telemetry page: the CSP refusing it is the
      // point (nothing leaves), so it is recorded apart and checked below.
      if (/violates the following Content Security Policy directive/.test(message.text()))
        cspRefusals.push(message.text());
      else errors.push(message.text());
    });
    if (options.standIn) await page.addInitScript({ content: script });
    await page.goto(`${server.origin}/taskpane.html`);
    return { context, page, errors };
  }

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

  it('sets up, phases, revises and checks a programme, writing the cells it should', async () => {
    const { context, page, errors } = await openPane({ standIn: true });

    // First render: the pane marks it; time from navigation start.
    await page.getByRole('heading', { name: 'Capital Planner' }).waitFor();
    const firstRender = await page.evaluate(
      () => performance.getEntriesByName('capital-planner:first-render')[0]?.startTime ?? -1,
    );
    expect(firstRender).toBeGreaterThan(0);

    // Set up: 2016/17 to 2019/20 in quarters, £m, with the sample schemes.
    await page.getByLabel('First financial year').fill('2016');
    await page.getByLabel('Number of years').fill('4');
    await page.getByLabel('Quarters').check();
    await page.getByLabel('£m').check();
    await page.getByLabel(/Fill with sample schemes/).check();
    await page.screenshot({ path: join(SCREENSHOTS, 'set-up-light.png') });
    await page.getByRole('button', { name: 'Set up programme' }).click();
    await page.getByText(/Programme sheet ready/).waitFor();

    let table = await programme(page);
    expect(table.header.slice(0, 4)).toEqual(['Ref', 'Status', 'Area', 'Scheme']);
    expect(table.header).toContain('2016/17 Q1');
    expect(table.header).toContain('2019/20 Q4');
    const compliance = table.rows.find((row) => row[table.column('Scheme')] === 'Compliance');
    expect(compliance?.[table.column('Approved budget')]).toBe(2.6);
    expect(compliance?.[table.column('Phasing')]).toBe('2016/17 Q1');

    // Phase every scheme; if the sample already holds quarter figures, agree to replace them.
    await page.getByRole('tab', { name: 'Phase' }).click();
    await page.getByRole('button', { name: 'Phase', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    const outcome = page.getByText(/schemes? phased/).first();
    await Promise.race([dialog.waitFor(), outcome.waitFor()]);
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Replace' }).click();
    await page.getByRole('list', { name: 'Schemes not yet phased' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'phase-light.png'), fullPage: true });

    table = await programme(page);
    const quarterColumns = table.header
      .map((name, index) => ({ name, index }))
      .filter(({ name }) => /^\d{4}\/\d{2} Q[1-4]$/.test(String(name)));
    const quartersOf = (row: Cell[]) => quarterColumns.map(({ index }) => row[index]);
    const byScheme = (name: string) =>
      table.rows.find((row) => row[table.column('Scheme')] === name) as Cell[];
    // 2.6 in 2016/17 Q1 only; 1.1 over Q2-4 to the penny; the TBC scheme has no quarters.
    expect(quartersOf(byScheme('Compliance'))[0]).toBe(2.6);
    expect(sumInThousandths(quartersOf(byScheme('Compliance')))).toBe(2600);
    expect(sumInThousandths(quartersOf(byScheme('Service management')))).toBe(1100);
    expect(Number(quartersOf(byScheme('Service management'))[0] || 0)).toBe(0);
    expect(sumInThousandths(quartersOf(byScheme('Technology refresh')))).toBe(3900);
    expect(
      sumInThousandths(
        quartersOf(byScheme('Business transformation aligned to business strategy')),
      ),
    ).toBe(0);
    await page
      .getByRole('list', { name: 'Schemes not yet phased' })
      .getByText(/Business transformation aligned/)
      .waitFor();

    // A figure typed over a phased quarter would be lost by phasing again: the pane asks first,
    // and Cancel leaves every cell as it was.
    const grid = await page.evaluate(() =>
      window.__capitalPlannerWorkbook.read('Programme', 'A1:BZ40'),
    );
    const headerRow = grid.findIndex((row) => row.includes('Ref') && row.includes('Scheme'));
    const complianceRow = grid.findIndex(
      (row, index) => index > headerRow && row[table.column('Scheme')] === 'Compliance',
    );
    const typedCell = cellName(complianceRow, quarterColumns[1].index);
    await page.evaluate(
      (address) => window.__capitalPlannerWorkbook.setCells('Programme', address, [[0.5]]),
      typedCell,
    );
    const beforeRephase = await page.evaluate(() =>
      window.__capitalPlannerWorkbook.read('Programme', 'A1:BZ40'),
    );
    await page.getByRole('button', { name: 'Phase', exact: true }).click();
    await dialog.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'confirm-light.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/Phase schemes: (not done|cancelled)/).waitFor();
    expect(
      await page.evaluate(() => window.__capitalPlannerWorkbook.read('Programme', 'A1:BZ40')),
    ).toEqual(beforeRephase);

    // Record a revision: +£0.420m on Compliance.
    await page.getByRole('tab', { name: 'Revise' }).click();
    const schemeBox = page.getByRole('combobox', { name: /Scheme/ });
    await schemeBox.click();
    await schemeBox.fill('Compliance');
    await page.getByRole('option', { name: /Compliance/ }).click();
    await page.getByLabel(/Date approved/).fill('2016-09-14');
    await page.getByLabel(/Amount/).fill('£420k');
    await page.getByLabel('Reason').fill('Go-live support');
    await page.getByLabel('Reference').fill('Cabinet 14 Sep 2016, item 7');
    await page.getByLabel('Approved by').fill('Cabinet');
    await page.screenshot({ path: join(SCREENSHOTS, 'revise-light.png'), fullPage: true });
    await page.getByRole('button', { name: 'Record revision' }).click();
    await page.getByText(/recorded on row/).waitFor();

    const revisions = await page.evaluate(() =>
      window.__capitalPlannerWorkbook.read('Revisions', 'A1:H5'),
    );
    const revisionHeader = revisions.findIndex((row) => row[0] === 'Ref');
    const entry = revisions[revisionHeader + 1];
    const complianceRef = byScheme('Compliance')[table.column('Ref')];
    expect(entry[0]).toBe(complianceRef);
    expect(entry).toContain('addition');
    expect(entry).toContain(0.42);
    expect(entry).toContain('Go-live support');
    table = await programme(page);
    expect(String(byScheme('Compliance')[table.column('Revised budget')])).toMatch(
      /SUMIFS\(Revisions/,
    );

    // Forecasts: one sheet per budget holder; one holder forecasts £0.3m over on their first scheme.
    // Forecasts is the first task of the Monitor step.
    await page.getByRole('tab', { name: 'Monitor' }).click();
    await page.getByRole('tab', { name: 'Forecasts', selected: true }).waitFor();
    await page.getByRole('button', { name: 'Make forecast sheets' }).click();
    const forecastList = page.getByRole('list', { name: 'Forecast sheets' });
    await forecastList.waitFor();
    const forecastSheet = await page.evaluate(() =>
      window.__capitalPlannerWorkbook.model.sheets
        .map((sheet) => sheet.name)
        .find((name) => name.startsWith('Forecast - ')),
    );
    expect(forecastSheet).toBeDefined();
    const forecastGrid = await page.evaluate(
      (name) => window.__capitalPlannerWorkbook.read(name, 'A1:G30'),
      forecastSheet as string,
    );
    const forecastHeader = forecastGrid.findIndex((row) =>
      row.includes('All-years forecast outturn'),
    );
    const budgetAt = forecastGrid[forecastHeader].indexOf('Current budget');
    const forecastAt = forecastGrid[forecastHeader].indexOf('All-years forecast outturn');
    const forecasts = forecastGrid
      .map((row, index) => ({ row, index }))
      .filter(({ row, index }) => index > forecastHeader && row[0] !== '')
      .map(({ row, index }, position) => {
        const budgetThousandths = Math.round(Number(row[budgetAt]) * 1000);
        // The first scheme is forecast £0.3m over its budget; the rest on budget.
        return {
          address: cellName(index, forecastAt),
          value: (budgetThousandths + (position === 0 ? 300 : 0)) / 1000,
        };
      });
    await page.evaluate(
      ({ name, values }) =>
        values.forEach(({ address, value }) =>
          window.__capitalPlannerWorkbook.setCells(name, address, [[value]]),
        ),
      { name: forecastSheet as string, values: forecasts },
    );
    await page.getByRole('button', { name: 'Gather into Monitoring' }).click();
    const byStatus = page.getByLabel('Schemes by status');
    await byStatus.waitFor();
    expect(await byStatus.textContent()).toMatch(/Overspend: 1/);
    await page.screenshot({ path: join(SCREENSHOTS, 'forecasts-light.png'), fullPage: true });
    const monitoring = await page.evaluate(() =>
      window.__capitalPlannerWorkbook.read('Monitoring', 'A1:I30'),
    );
    const monitoringHeader = monitoring.findIndex((row) => row.includes('Variance'));
    expect(
      String(monitoring[monitoringHeader + 1][monitoring[monitoringHeader].indexOf('Variance')]),
    ).toMatch(/^=/);

    // Check a table pasted from a report whose total (41.0) does not match its rows (44.5).
    await page.evaluate(() => {
      const workbook = window.__capitalPlannerWorkbook;
      workbook.setCells('Report', 'A1', [
        ['Area for investment', 'Capital £m'],
        ['Ongoing service stability', 10.0],
        ['Technology and Internet of things', 2.0],
        ['Technology refresh', 10.0],
        ['Business transformation', 22.5],
        ['TOTAL', 41.0],
      ]);
      workbook.select('Report', 'A1:B6');
    });
    await page.getByRole('tab', { name: 'Check' }).click();
    await page.getByLabel('The selected range').check();
    await page.getByRole('button', { name: 'Run check' }).click();
    const errorsGroup = page.getByRole('region', { name: /Errors/ });
    await errorsGroup.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'check-light.png'), fullPage: true });
    const totalFinding = errorsGroup.getByRole('button', { name: /Report!B6/ });
    await totalFinding.click();
    const selected = await eventually(
      () =>
        page.evaluate(() => {
          const selection = window.__capitalPlannerWorkbook.model.selection;
          return (
            selection && {
              sheet: selection.sheet.name,
              top: selection.rect.top,
              left: selection.rect.left,
            }
          );
        }),
      (value) => value?.top === 5,
    );
    expect(selected).toEqual({ sheet: 'Report', top: 5, left: 1 });

    await page.getByRole('button', { name: 'Highlight cells' }).click();
    await page
      .getByText(/highlighted/)
      .first()
      .waitFor();
    expect(
      await page.evaluate(() => window.__capitalPlannerWorkbook.cell('Report', 'B6')?.fill),
    ).toBeTruthy();
    await page.getByRole('button', { name: 'Clear highlight' }).click();
    await page.getByText(/Highlight cleared/).waitFor();
    expect(
      await page.evaluate(() => window.__capitalPlannerWorkbook.cell('Report', 'B6')?.fill),
    ).toBeFalsy();

    // Write the Checks sheet, then undo it: the sheet goes again.
    await page.getByRole('button', { name: 'Write Checks sheet' }).click();
    await page.getByText(/written to the Checks sheet/).waitFor();
    const sheetNames = () =>
      page.evaluate(() => window.__capitalPlannerWorkbook.model.sheets.map((sheet) => sheet.name));
    expect(await sheetNames()).toContain('Checks');
    await page.getByRole('button', { name: 'Undo Write checks report' }).click();
    await page
      .getByText(/undone/)
      .first()
      .waitFor();
    expect(await sheetNames()).not.toContain('Checks');

    expect(errors).toEqual([]);
    writeFileSync(
      join(DIST, 'e2e-metrics.json'),
      JSON.stringify({ firstRenderMs: Math.round(firstRender) }, null, 2),
    );
    console.log(`Task pane time to first render: ${Math.round(firstRender)} ms`);
    await context.close();
  }, 60_000);

  it('looks right in the dark theme', async () => {
    const { context, page } = await openPane({ standIn: true, colorScheme: 'dark' });
    await page.getByRole('heading', { name: 'Capital Planner' }).waitFor();
    const background = await page.evaluate(
      () =>
        getComputedStyle(document.querySelector('.fui-FluentProvider') as Element).backgroundColor,
    );
    // webDarkTheme's neutral background is #292929.
    expect(background).toBe('rgb(41, 41, 41)');
    await page.screenshot({ path: join(SCREENSHOTS, 'set-up-dark.png') });
    // Keyboard only: arrows move along the tasks of a step, Enter opens one.
    await page.getByRole('tab', { name: 'Set up' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Read selected range' }).waitFor();
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'settings-dark.png'), fullPage: true });
    await context.close();
  }, 30_000);

  it('explains itself when opened outside Excel', async () => {
    const { context, page } = await openPane({ standIn: false });
    await page.getByRole('heading', { name: 'Capital Planner works inside Excel' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'outside-excel.png') });
    await context.close();
  }, 30_000);

  it('made no request to any origin but its own', () => {
    expect(allRequests.length).toBeGreaterThan(0);
    expect(foreignRequests).toEqual([]);
    // The only thing the CSP had to refuse is office.js's own telemetry frame, never the pane.
    for (const refusal of cspRefusals)
      expect(refusal).toMatch(
        /^Framing 'https:\/\/[a-z.]*(oaspapps|microsoft|office)\.(com|net)\/'/,
      );
  });
});

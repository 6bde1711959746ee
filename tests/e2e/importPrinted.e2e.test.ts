/**
 * End-to-end (issue 18): Manchester's ICT Strategy 2016-19, Table 1, as printed (quarters marked
 * under one column per year, status headings, continuation rows, the header repeated at page
 * breaks, totals) is selected in the stand-in workbook and brought in through the built task
 * pane's Import; Phase then puts each budget in exactly the quarters its markers show.
 * Needs the production build (`npm run build`); see taskpane.e2e.test.ts for the set-up.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ICT_STRATEGY_TABLE_1 } from '../fixtures/ictStrategyTable1';
import { launchChromium } from '../support/chromium';
import { serveStatic, type StaticServer } from '../support/staticServer';

const ROOT = resolve(__dirname, '../..');
const DIST = resolve(process.env.CAPITAL_PLANNER_DIST ?? join(ROOT, 'dist'));

type Cell = string | number | boolean;
interface StandInWorkbook {
  read(sheet: string, address: string): Cell[][];
  setCells(sheet: string, address: string, values: Cell[][]): void;
  select(sheet: string, address: string): void;
}
declare const window: { __capitalPlannerWorkbook: StandInWorkbook };

async function standInScript(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(__dirname, 'standIn.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

const EXPECTED = [
  ['Compliance', 'Delivered or in progress', 2.6, '2016/17 Q1-2'],
  ['Service management', 'Delivered or in progress', 1.1, '2016/17 Q2-4'],
  ['Technology refresh', 'Delivered or in progress', 3.9, '2016/17 Q1-4'],
  ['Business transformation', 'Delivered or in progress', 0.6, '2016/17 Q1'],
  ['Ongoing service stability', 'Planned', 1.3, '2016/17 Q3-4'],
  ['Ongoing service stability', 'Future plans', 10, '2017/18 Q1 - 2019/20 Q1'],
  ['Technology and Internet of things', 'Future plans', 2, '2017-20'],
  ['Technology refresh', 'Future plans', 10, '2016/17 Q4 - 2019/20 Q4'],
  ['Business transformation aligned to business strategy', 'Future plans', 10, 'TBC'],
];

/** Quarter columns (0 = 2016/17 Q1 ... 15 = 2019/20 Q4) each scheme's markers show. */
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const MARKED = [
  [0, 1],
  [1, 2, 3],
  [0, 1, 2, 3],
  [0],
  [2, 3],
  range(4, 12),
  range(4, 15),
  range(3, 15),
  [],
];

describe('Import of a table printed with quarter markers, in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    // `npm test` builds first (scripts/build-if-stale.cjs); run alone, build with `npm run build`.
    if (!existsSync(join(DIST, 'taskpane.html')))
      throw new Error(`No task pane build in ${DIST}: run npm run build first`);
    const script = await standInScript();
    server = await serveStatic(DIST);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 380, height: 900 } });
    // Nothing may leave the machine.
    await context.route('**/*', (route) =>
      new URL(route.request().url()).origin === server.origin
        ? route.continue()
        : route.abort('blockedbyclient'),
    );
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.addInitScript({ content: script });
    await page.goto(`${server.origin}/taskpane.html`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('brings in nine schemes with statuses, amounts and phrases, and Phase spends in the marked quarters', async () => {
    await page.getByRole('heading', { name: 'Capital Planner' }).waitFor();
    const table = ICT_STRATEGY_TABLE_1.map((row) => [...row]);
    await page.evaluate((values) => {
      window.__capitalPlannerWorkbook.setCells('Table 1', 'A1', values);
      window.__capitalPlannerWorkbook.select('Table 1', 'A1:H20');
    }, table);

    await page.getByRole('tab', { name: 'Import' }).click();
    await page.getByRole('button', { name: 'Read selected range' }).click();
    await page.getByText(/A1:H20: 9 scheme rows, 8 columns, figures in £m/).waitFor();
    // The year columns are read as quarters marked, not as text.
    await expect(page.getByText('quarters of 2016/17').count()).resolves.toBe(1);
    await expect(page.getByText('quarters of 2019/20').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Build Programme table' }).click();
    await page.getByText(/Programme table built on Programme with 9 schemes/).waitFor();

    const grid = await page.evaluate(() =>
      window.__capitalPlannerWorkbook.read('Programme', 'A1:AB10'),
    );
    const header = grid[0];
    expect(header.slice(12)).toHaveLength(16);
    expect(header[12]).toBe('2016/17 Q1');
    const rows = grid.slice(1);
    const at = (name: string) => header.indexOf(name);
    expect(
      rows.map((r) => [
        r[at('Scheme')],
        r[at('Status')],
        r[at('Approved budget')],
        r[at('Phasing')],
      ]),
    ).toEqual(EXPECTED);

    await page.getByRole('tab', { name: 'Phase' }).click();
    await page.getByRole('button', { name: 'Phase', exact: true }).click();
    await page.getByRole('list', { name: 'Schemes not yet phased' }).waitFor();
    const phased = await page.evaluate(() =>
      window.__capitalPlannerWorkbook.read('Programme', 'M2:AB10'),
    );
    phased.forEach((row, i) => {
      const spent = row.flatMap((value, q) =>
        typeof value === 'number' && value !== 0 ? [q] : [],
      );
      expect([EXPECTED[i][0], spent]).toEqual([EXPECTED[i][0], MARKED[i]]);
    });
    expect(errors).toEqual([]);
  }, 120_000);
});

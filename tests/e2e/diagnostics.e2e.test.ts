/**
 * End-to-end: Settings > Diagnostics in the built task pane (dist/, `npm run build`) in Debian's
 * Chromium, over the in-memory Excel stand-in. Every behaviour is reported, the report copies,
 * and the workbook is exactly as it was afterwards (the whole stand-in model compared).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { serveStatic, type StaticServer } from '../support/staticServer';

const ROOT = resolve(__dirname, '../..');
const DIST = resolve(process.env.CAPITAL_PLANNER_DIST ?? join(ROOT, 'dist'));

interface StandInWorkbook {
  setCells(sheet: string, address: string, values: (string | number)[][]): void;
  select(sheet: string, address: string): void;
  fullSnapshot(): string;
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

const snapshot = (page: Page) =>
  page.evaluate(() => window.__capitalPlannerWorkbook.fullSnapshot());

(existsSync(join(DIST, 'taskpane.html')) ? describe : describe.skip)(
  'Diagnostics in the built task pane',
  () => {
    let server: StaticServer;
    let browser: Browser;

    beforeAll(async () => {
      server = await serveStatic(DIST);
      browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('reports every behaviour, copies the report, and leaves the workbook exactly as it was', async () => {
      const context = await browser.newContext({ viewport: { width: 380, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: server.origin,
      });
      await context.route('**/*', (route) =>
        new URL(route.request().url()).origin === server.origin
          ? route.continue()
          : route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.addInitScript({ content: await standInScript() });
      await page.goto(`${server.origin}/taskpane.html`);
      await page.getByRole('heading', { name: 'Capital Planner' }).waitFor();
      await page.evaluate(() => {
        const workbook = window.__capitalPlannerWorkbook;
        workbook.setCells('Programme notes', 'A1', [
          ['Ref', 'Budget'],
          ['CP-001', 2.6],
        ]);
        workbook.select('Programme notes', 'B2');
      });
      const before = await snapshot(page);

      await page.getByRole('tab', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Run diagnostics' }).click();
      const list = page.getByRole('list', { name: 'Diagnostics results' });
      await list.waitFor({ timeout: 60_000 });
      const items = await list.getByRole('listitem').allTextContents();
      expect(items).toHaveLength(13);
      // Outside Office the requirement sets cannot be told; every other behaviour holds.
      expect(items[0]).toMatch(/^Failed: ExcelApi 1.9 .* cannot say/);
      expect(items.slice(1).every((item) => item.startsWith('Passed: '))).toBe(true);

      await page.getByRole('button', { name: 'Copy report' }).click();
      await page.getByText(/Report copied/).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toMatch(/^Capital Planner diagnostics\nHost: /);
      expect(copied).toMatch(/PASSED {2}Highlight then clear restores No Fill/);

      expect(await snapshot(page)).toBe(before);
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  },
);

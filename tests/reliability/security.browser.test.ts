/**
 * Nothing leaves the machine (issue 7), proven in Chromium on the built task pane (dist/): every
 * request the page makes is recorded, and any to another origin fails the test. office.js tries to
 * frame its telemetry page when opened outside Office: that attempt must be refused by the CSP's
 * frame-src and never load. Then a probe script, served from the pane's own origin so it runs as
 * page code under the page's policy, tries every way out (fetch, beacon, socket, image, frame,
 * foreign script) and eval, new Function and inline script: the browser must refuse them all.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../support/staticServer';
import { CHROMIUM, launchChromium } from '../support/chromium';

const ROOT = resolve(__dirname, '../..');
const DIST = resolve(process.env.CAPITAL_PLANNER_DIST ?? join(ROOT, 'dist'));
const FOREIGN = 'https://example.org';
const PROBE_PATH = '/__reliability-probe.js';
const CSP_REFUSAL = /violates the following Content Security Policy directive: "([a-z-]+)/;
const TELEMETRY_FRAME = /^Framing 'https:\/\/[a-z0-9.-]*(oaspapps|microsoft|office)\.(com|net)\//;

/** Page code that tries every way out, and code from text; records what the browser allowed. */
const PROBE = `
(async () => {
  const out = {};
  try { out.eval = String((0, eval)('1 + 1')); } catch { out.eval = 'refused'; }
  try { out.function = String(new Function('return 2')()); } catch { out.function = 'refused'; }
  try { await fetch('${FOREIGN}/fetch'); out.fetch = 'sent'; } catch { out.fetch = 'refused'; }
  try { navigator.sendBeacon('${FOREIGN}/beacon', 'x'); } catch {}
  try { new WebSocket('${FOREIGN.replace('https', 'wss')}/socket'); } catch {}
  new Image().src = '${FOREIGN}/pixel.png';
  const frame = document.createElement('iframe');
  frame.src = '${FOREIGN}/frame';
  document.body.append(frame);
  const inline = document.createElement('script');
  inline.textContent = 'window.__inlineRan = true;';
  document.body.append(inline);
  const remote = document.createElement('script');
  remote.src = '${FOREIGN}/script.js';
  document.body.append(remote);
  await new Promise((done) => setTimeout(done, 1000));
  out.inline = window.__inlineRan ? 'ran' : 'refused';
  window.__probe = { done: true, ...out };
})();
`;

declare const window: Window & { __probe?: { done: boolean; [key: string]: unknown } };

const ready = existsSync(join(DIST, 'taskpane.html')) && existsSync(CHROMIUM);
// CI builds dist/ and installs Chromium first, so there a missing one is a failure, not a skip.
if (!ready && process.env.CI) {
  throw new Error(`security.browser needs ${DIST}/taskpane.html and ${CHROMIUM}`);
}

(ready ? describe : describe.skip)('the built task pane in Chromium: nothing leaves', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const foreign: string[] = [];
  const cspRefusals: string[] = [];
  let refusedOnLoad: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(DIST);
    browser = await launchChromium();
    const context = await browser.newContext({ serviceWorkers: 'block' });
    // Every request of the page and its frames passes here; a foreign one is recorded and
    // refused, so even a failing run sends nothing out.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `${server.origin}${PROBE_PATH}`) {
        return route.fulfill({ contentType: 'text/javascript', body: PROBE });
      }
      requests.push(url);
      if (new URL(url).origin !== server.origin) {
        foreign.push(url);
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (CSP_REFUSAL.test(message.text())) cspRefusals.push(message.text());
    });
    await page.goto(`${server.origin}/taskpane.html`);
    // Outside Office the pane renders its message; office.js has framed its telemetry page by then.
    await page.locator('#root .fui-FluentProvider').waitFor({ timeout: 20_000 });
    // office.js frames its telemetry page a few seconds after it finds no host: wait for the
    // refusal (up to 10 s), then a moment for anything after it.
    for (
      let waited = 0;
      waited < 10_000 && !cspRefusals.some((text) => /^Framing/.test(text));
      waited += 250
    ) {
      await page.waitForTimeout(250);
    }
    await page.waitForTimeout(500);
    refusedOnLoad = cspRefusals.splice(0);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the pane from its own origin and requests nothing from any other', () => {
    expect(requests.some((url) => url.endsWith('/taskpane.html'))).toBe(true);
    expect(requests.some((url) => url.includes('/office-js/office.js'))).toBe(true);
    expect(foreign).toEqual([]);
    process.stdout.write(
      `security.browser: ${requests.length} requests on load, all own-origin; CSP refusals: ${refusedOnLoad.length}\n`,
    );
  });

  it("refuses office.js's telemetry frame by frame-src, and it never loads", () => {
    const frames = refusedOnLoad.filter((text) => CSP_REFUSAL.exec(text)?.[1] === 'frame-src');
    expect(frames.length).toBeGreaterThan(0);
    for (const text of frames) expect(text).toMatch(TELEMETRY_FRAME);
    // Nothing else was refused on load: the pane itself needs nothing the policy forbids.
    expect(refusedOnLoad.filter((text) => !frames.includes(text))).toEqual([]);
    // A refused frame shows Chromium's own error page; no frame is on another origin.
    for (const frame of page.frames()) {
      const url = frame.url();
      const local =
        url === 'about:blank' || url.startsWith(server.origin) || url.startsWith('chrome-error://');
      expect([url, local]).toEqual([url, true]);
    }
  });

  it('refuses every way out and all code from text, from inside the page', async () => {
    await page.evaluate((path) => {
      const probe = document.createElement('script');
      probe.src = path;
      document.head.append(probe);
    }, PROBE_PATH);
    await page.waitForFunction(() => window.__probe?.done === true, undefined, {
      timeout: 10_000,
    });
    expect(await page.evaluate(() => window.__probe)).toEqual({
      done: true,
      eval: 'refused',
      function: 'refused',
      fetch: 'refused',
      inline: 'refused',
    });
    const refused = cspRefusals.map((text) => CSP_REFUSAL.exec(text)?.[1]);
    for (const directive of ['connect-src', 'img-src', 'frame-src', 'script-src']) {
      expect([directive, refused.includes(directive)]).toEqual([directive, true]);
    }
    // The browser refused them itself: not one reached the network layer.
    expect(foreign).toEqual([]);
  });
});

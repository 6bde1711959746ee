/**
 * Benchmark 5: production bundle sizes gzipped (functions.js <= 80 KB, task pane JS <= 400 KB) and
 * the task pane's time to first render in headless Chromium, from navigation start to the first
 * paint of the rendered app root.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../tests/support/staticServer';
import { type BenchmarkReport, ReportBuilder, type Verdict } from './lib/results';
import { median } from './lib/timing';
import { CHROMIUM, launchChromium } from '../tests/support/chromium';

export const NAME = 'size';

const ROOT = resolve(__dirname, '..');
const KB = 1024;
/** Set by the pane's bootstrap once it has rendered (src/taskpane/bootstrap.tsx). */
const FIRST_RENDER_MARK = 'capital-planner:first-render';

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '__tests__') continue;
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

function builtAt(dist: string): number | undefined {
  const html = join(dist, 'taskpane.html');
  const functions = join(dist, 'functions.js');
  if (!existsSync(html) || !existsSync(functions)) return undefined;
  return Math.min(statSync(html).mtimeMs, statSync(functions).mtimeMs);
}

/** A production build to measure and how it was obtained. */
export interface Build {
  dist: string;
  how: string;
}

/**
 * The production build to measure: dist/ when it is newer than every source file; otherwise a
 * fresh build with the project's webpack config (what `npm run build` runs), written to a temp
 * folder so that dist/, which other work in this tree uses, is not wiped mid-run.
 *
 * @example
 * const { dist, how } = await productionBuild();
 */
export async function productionBuild(): Promise<Build> {
  const sources = newestIn(join(ROOT, 'src'));
  const dist = join(ROOT, 'dist');
  const distTime = builtAt(dist);
  if (distTime !== undefined && distTime >= sources)
    return { dist, how: 'dist/ (newer than src/)' };
  const fresh = join(tmpdir(), 'capital-planner-bench', 'dist');
  const freshTime = builtAt(fresh);
  const why = distTime === undefined ? 'dist/ is missing' : 'dist/ is older than src/';
  if (freshTime !== undefined && freshTime >= sources)
    return {
      dist: fresh,
      how: `${why}: used the bench's own production build in ${fresh}, newer than src/`,
    };
  mkdirSync(fresh, { recursive: true });
  const started = Date.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(ROOT, 'webpack.config.js')) as (
    env: object,
    argv: { mode: string },
  ) => import('webpack').Configuration;
  const config = makeConfig({}, { mode: 'production' });
  config.output = { ...config.output, path: fresh };
  config.context = ROOT;
  config.stats = 'errors-only';
  await new Promise<void>((done, fail) =>
    webpack(config, (error, stats) =>
      error || stats?.hasErrors()
        ? fail(error ?? new Error(stats?.toString('errors-only')))
        : done(),
    ),
  );
  return {
    dist: fresh,
    how: `${why}: ran the production build (webpack.config.js, mode production, as npm run build) into ${fresh} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  };
}

/** Gzipped size (zlib, default level, as a web server sends it) and raw size of a file. */
export function sizes(path: string): { raw: number; gzip: number } {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** The task pane's own scripts: every .js the page loads from the build, but not office.js or functions.js. */
export function taskPaneScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
  const sources = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((match) => match[1]);
  return sources
    .filter((src) => !src.startsWith('office-js/') && src !== 'functions.js')
    .map((src) => join(dist, src));
}

/**
 * The build holds what the add-in needs: functions.js with the PHASE function in functions.json,
 * and a page that loads its task pane bundle.
 *
 * @example
 * verifyBuild('dist'); // { ok: true }
 */
export function verifyBuild(dist: string): Verdict {
  if (!existsSync(join(dist, 'functions.js')))
    return { ok: false, problem: `${dist}/functions.js is missing` };
  const metadata = readFileSync(join(dist, 'functions.json'), 'utf8');
  if (!metadata.includes('"PHASE"'))
    return { ok: false, problem: 'functions.json does not declare PHASE' };
  const scripts = taskPaneScripts(dist);
  if (scripts.length === 0 || !scripts.every((script) => existsSync(script)))
    return {
      ok: false,
      problem: `taskpane.html loads no task pane bundle that exists (${scripts.join(', ')})`,
    };
  return { ok: true };
}

// Runs in the page before its scripts: notes when #root first shows something other than the
// loading message, then when that frame has been painted (the next task after the frame).
const WATCH_ROOT = `(() => {
  const state = { rendered: -1, painted: -1 };
  window.__paneRender = state;
  const look = () => {
    const root = document.getElementById('root');
    if (!root || state.rendered >= 0) return;
    if (root.children.length === 0 || /is loading/.test(root.textContent || '')) return;
    state.rendered = performance.now();
    requestAnimationFrame(() => setTimeout(() => { state.painted = performance.now(); }, 0));
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
})();`;

interface RenderTiming {
  renderedMs: number;
  paintedMs: number;
  markMs: number | null;
  firstContentfulPaintMs: number | null;
  rootText: string;
}

async function timeFirstRender(
  origin: string,
  standIn: string | undefined,
  repetitions: number,
): Promise<RenderTiming[]> {
  const browser = await launchChromium();
  try {
    const timings: RenderTiming[] = [];
    for (let r = 0; r < repetitions; r++) {
      const context = await browser.newContext({ viewport: { width: 380, height: 900 } });
      const page = await context.newPage();
      if (standIn !== undefined) await page.addInitScript({ content: standIn });
      await page.addInitScript({ content: WATCH_ROOT });
      await page.goto(`${origin}/taskpane.html`);
      await page.waitForFunction(
        () =>
          (window as unknown as { __paneRender: { painted: number } }).__paneRender.painted >= 0,
        undefined,
        { timeout: 30_000 },
      );
      timings.push(
        await page.evaluate((mark) => {
          const state = (
            window as unknown as { __paneRender: { rendered: number; painted: number } }
          ).__paneRender;
          const marked = performance.getEntriesByName(mark)[0];
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          return {
            renderedMs: state.rendered,
            paintedMs: state.painted,
            markMs: marked ? marked.startTime : null,
            firstContentfulPaintMs: fcp ? fcp.startTime : null,
            rootText: (document.getElementById('root')?.textContent ?? '').slice(0, 80),
          };
        }, FIRST_RENDER_MARK),
      );
      await context.close();
    }
    return timings;
  } finally {
    await browser.close();
  }
}

/** The in-memory Excel stand-in (tests/e2e/standIn.ts) bundled for the page, so the pane shows its App. */
async function standInScript(): Promise<string | undefined> {
  const entry = join(ROOT, 'tests/e2e/standIn.ts');
  if (!existsSync(entry)) return undefined;
  const esbuild = await import('esbuild');
  const built = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return built.outputFiles[0].text;
}

/**
 * Runs benchmark 5.
 *
 * @example
 * const report = await runSizeBenchmark();
 */
export async function runSizeBenchmark(
  options: { renders?: number } = {},
): Promise<BenchmarkReport> {
  const out = new ReportBuilder(NAME);
  let build: Build;
  try {
    build = await productionBuild();
  } catch (error) {
    return out.fail(
      `the production build failed: ${error instanceof Error ? error.message.slice(0, 400) : String(error)}`,
    );
  }
  out.note(`Build measured: ${build.how}.`);
  const verdict = verifyBuild(build.dist);
  if (!verdict.ok) return out.fail(verdict.problem);

  const functions = sizes(join(build.dist, 'functions.js'));
  out.figure('functions.js', 'gzipped', functions.gzip / KB, 'KB');
  out.figure('functions.js', 'raw', functions.raw / KB, 'KB');
  out.target(
    'functions.js gzipped <= 80 KB',
    `${(functions.gzip / KB).toFixed(1)} KB`,
    functions.gzip <= 80 * KB,
  );
  let paneGzip = 0;
  let paneRaw = 0;
  for (const script of taskPaneScripts(build.dist)) {
    const size = sizes(script);
    paneGzip += size.gzip;
    paneRaw += size.raw;
  }
  out.figure('task pane JS', 'gzipped', paneGzip / KB, 'KB');
  out.figure('task pane JS', 'raw', paneRaw / KB, 'KB');
  out.target(
    'task pane JS gzipped <= 400 KB',
    `${(paneGzip / KB).toFixed(1)} KB`,
    paneGzip <= 400 * KB,
  );
  const officeJs = join(build.dist, 'office-js', 'office.js');
  if (existsSync(officeJs))
    out.figure(
      'office.js (Microsoft, served beside the pane; not counted)',
      'gzipped',
      sizes(officeJs).gzip / KB,
      'KB',
    );

  if (!existsSync(CHROMIUM)) {
    out.note(`No Chromium at ${CHROMIUM}: time to first render not measured.`);
    return out.report;
  }
  const server = await serveStatic(build.dist);
  try {
    const repetitions = options.renders ?? 5;
    const modes: { label: string; script: string | undefined }[] = [
      { label: 'outside Excel', script: undefined },
    ];
    const standIn = await standInScript().catch(() => undefined);
    if (standIn !== undefined)
      modes.push({ label: 'with the in-memory Excel stand-in', script: standIn });
    for (const mode of modes) {
      // One untimed load first: Chromium's own start-up is not the pane's.
      await timeFirstRender(server.origin, mode.script, 1);
      const timings = await timeFirstRender(server.origin, mode.script, repetitions);
      const caseName = `first render, ${mode.label}`;
      out.figure(
        caseName,
        'navigation start -> first paint of rendered #root (median)',
        median(timings.map((t) => t.paintedMs)),
        'ms',
      );
      out.figure(
        caseName,
        'navigation start -> #root rendered (median)',
        median(timings.map((t) => t.renderedMs)),
        'ms',
      );
      const marks = timings.map((t) => t.markMs).filter((t): t is number => t !== null);
      out.figure(
        caseName,
        `'${FIRST_RENDER_MARK}' mark (median)`,
        marks.length > 0 ? median(marks) : null,
        'ms',
      );
      const fcps = timings
        .map((t) => t.firstContentfulPaintMs)
        .filter((t): t is number => t !== null);
      out.figure(
        caseName,
        'first contentful paint (the loading message; median)',
        fcps.length > 0 ? median(fcps) : null,
        'ms',
      );
      out.note(
        `First render ${mode.label}: the root showed "${timings[0].rootText}"${marks.length === 0 ? `; the build sets no '${FIRST_RENDER_MARK}' mark (measured by watching #root instead)` : ''}.`,
      );
    }
  } finally {
    await server.close();
  }
  return out.report;
}

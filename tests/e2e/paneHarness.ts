/**
 * What the browser tests of the pane share: the production build (made here when missing, so a
 * test stands alone) and the in-memory Excel bundled for the page (see standIn.ts).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
// CAPITAL_PLANNER_DIST lets a developer point at another build; CI uses dist/ from `npm run build`.
export const DIST = resolve(process.env.CAPITAL_PLANNER_DIST ?? join(ROOT, 'dist'));

/**
 * Builds the production pane into DIST unless it is there.
 *
 * @example
 * await buildIfMissing();
 */
export async function buildIfMissing(): Promise<void> {
  if (existsSync(join(DIST, 'taskpane.html'))) return;
  // The build normally runs before the tests (`npm run build`); build here so the test stands alone.
  const webpack = (await import('webpack')).default;
  const { default: makeConfig } = (await import(join(ROOT, 'webpack.config.js'))) as {
    default: (
      env: object,
      argv: { mode: string },
    ) => import('webpack').Configuration & { output: { path?: string } };
  };
  const config = makeConfig({}, { mode: 'production' });
  config.output.path = DIST;
  await new Promise<void>((done, fail) =>
    webpack(config, (error, stats) =>
      error || stats?.hasErrors()
        ? fail(error ?? new Error(stats?.toString('errors-only')))
        : done(),
    ),
  );
}

/**
 * The stand-in as one script for `page.addInitScript`.
 *
 * @example
 * await page.addInitScript({ content: await standInScript() });
 */
export async function standInScript(): Promise<string> {
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

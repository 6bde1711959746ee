/**
 * Loads a source module the way the add-in ships it: bundled by esbuild into one scope (as
 * webpack does for the task pane), rather than module by module through tsx, whose CommonJS
 * output reaches every imported name through a getter.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// BENCH_SOURCE_ROOT points at another copy of the project (e.g. one with a fix applied) to compare.
const ROOT = resolve(process.env.BENCH_SOURCE_ROOT ?? resolve(__dirname, '../..'));

/**
 * Bundles `entry` (a path from the project root) and returns its exports.
 *
 * @example
 * const { checkGrid } = await loadBundled<typeof import('../../src/core/validation')>('src/core/validation/index.ts');
 */
export async function loadBundled<T>(entry: string, root = ROOT): Promise<T> {
  const esbuild = await import('esbuild');
  const built = await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const dir = join(tmpdir(), 'capital-planner-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${`${root}-${entry}`.replace(/[^a-z0-9]+/gi, '-')}-${process.pid}.cjs`);
  writeFileSync(file, built.outputFiles[0].text);
  process.once('exit', () => rmSync(file, { force: true }));
  lastBundleFile = file;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as T;
}

let lastBundleFile: string | undefined;

/**
 * The file the last bundle was written to (to map a profile's lines back to source files).
 *
 * @example
 * bundleFile(); // '/tmp/capital-planner-bench/src-core-validation-index-ts-1234.cjs'
 */
export function bundleFile(): string | undefined {
  return lastBundleFile;
}

#!/usr/bin/env node
// Builds the capital-planner command into lib/cli (issues 15 and 17), so the installed command
// needs only Node and its runtime dependencies:
//  1. esbuild bundles src/cli/main.ts and every source it imports into one CommonJS file,
//     lib/cli/capital-planner.cjs (packages such as exceljs stay outside, loaded from
//     node_modules). One file because start-up is most of a small check's time: loading ~180
//     compiled modules one by one cost ~60 ms more than one bundle (bench/reader.ts).
//  2. The data files the command reads at run time (anything under src/cli that is not
//     TypeScript or a test, e.g. samples/) are copied beside it.
//  3. A training run (the demo written, then checked) runs the bundle in this process and saves
//     V8's code cache of every function it compiled, lib/cli/capital-planner.cjs.cache, which
//     bin/capital-planner.cjs hands back to V8 so that the command starts without parsing and
//     compiling them again. Node only: the same `node` that builds it runs it; another version
//     rejects the cache and compiles as usual.
//  4. The sources the bundle was built from are listed in capital-planner.cjs.sources.json, so
//     that in a clone bin/capital-planner.cjs runs the sources instead once one of them changes.
// Runs as the "prepare" script: on `npm ci` / `npm install` in a clone and on `npm pack`.
//
// The new lib/ is built in a temporary folder and moved in file by file (each move is atomic),
// then files no longer built are removed, so a command running meanwhile (the CLI tests, while the
// pack test runs `npm pack`) never finds lib/ missing or a file half written.
'use strict';

const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
// Where the command looks for its bundle, cache and source list: named once, in the bin.
const { loadBundle, BUNDLE, CODE_CACHE, SOURCES } = require('../bin/capital-planner.cjs');

const root = path.resolve(__dirname, '..');
const lib = path.join(root, 'lib');
const building = path.join(root, `lib.building-${process.pid}`);
/** The bundle and its source list as paths inside lib/ (built in `building` first). */
const BUNDLE_NAME = path.relative(lib, BUNDLE);
const SOURCES_NAME = path.relative(lib, SOURCES);

/** Every file under `folder`, relative to it. */
function filesUnder(folder) {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath ?? entry.path, entry.name)));
}

/** Non-TypeScript files under `folder` (tests excluded), relative to it. */
function dataFiles(folder, prefix = '') {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) {
      return entry.name === '__tests__' ? [] : dataFiles(path.join(folder, entry.name), relative);
    }
    return /\.tsx?$/.test(entry.name) ? [] : [relative];
  });
}

/** Bundles the command; returns the sources it read, relative to the project root. */
function bundle(outfile) {
  const built = require('esbuild').buildSync({
    entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    // Dependencies (exceljs) are required from node_modules at run time, as package.json says.
    packages: 'external',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile,
    metafile: true,
    logLevel: 'error',
    // The build's mark (bin/capital-planner.cjs BUILD_MARK): the code cache must carry the same.
    banner: { js: `// capital-planner build ${randomBytes(8).toString('hex')}` },
  });
  return Object.keys(built.metafile.inputs).map((input) =>
    path.relative(root, path.resolve(root, input)).split(path.sep).join('/'),
  );
}

/**
 * Runs the bundle on the demo workbook (write it, check it) and returns V8's code cache of what
 * that compiled. Output is discarded; a training run that fails leaves the command without a
 * cache (slower to start, nothing else), which is said.
 */
async function train(bundleFile) {
  const { exports: cli, codeCache } = loadBundle(bundleFile, undefined);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'capital-planner-train-'));
  const quiet = { out: () => undefined, err: () => undefined };
  try {
    const demo = path.join(work, 'demo.xlsx');
    await cli.main(['demo', '--out', demo, '--json'], quiet);
    const status = await cli.main(['check', demo, '--json'], quiet);
    if (status !== 0) throw new Error(`the training check of the demo exited with ${status}`);
    await cli.main(['--help'], quiet);
    return codeCache();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function build() {
  const sources = bundle(path.join(building, BUNDLE_NAME));
  fs.writeFileSync(
    path.join(building, SOURCES_NAME),
    `${JSON.stringify(sources, null, 1)}\n`,
  );
  for (const file of dataFiles(path.join(root, 'src', 'cli'))) {
    const target = path.join(building, 'cli', file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(root, 'src', 'cli', file), target);
  }
  // The old cache goes first: it belongs to the old bundle (and its mark says so).
  fs.rmSync(CODE_CACHE, { force: true });
  const built = filesUnder(building);
  for (const file of built) {
    fs.mkdirSync(path.dirname(path.join(lib, file)), { recursive: true });
    fs.renameSync(path.join(building, file), path.join(lib, file));
  }
  const kept = new Set(built);
  for (const file of filesUnder(lib)) if (!kept.has(file)) fs.rmSync(path.join(lib, file));
  for (const folder of fs.readdirSync(lib, { recursive: true }).map(String).reverse()) {
    const full = path.join(lib, folder);
    if (fs.statSync(full).isDirectory() && fs.readdirSync(full).length === 0) fs.rmdirSync(full);
  }
  // Trained where it runs: V8 keeps the file name it compiled in the cache (stack traces).
  let cacheNote;
  try {
    const cache = await train(BUNDLE);
    const partial = path.join(building, path.basename(CODE_CACHE));
    fs.writeFileSync(partial, cache);
    fs.renameSync(partial, CODE_CACHE);
    cacheNote = 'with its V8 code cache';
  } catch (error) {
    cacheNote = `without a code cache (the training run failed: ${error.message.split('\n')[0]})`;
  }
  fs.rmSync(building, { recursive: true, force: true });
  // On stderr: `npm pack --json` prints its report on stdout after this script runs.
  console.error(
    `capital-planner command built: lib/${BUNDLE_NAME} from ${sources.length} sources, ${cacheNote}`,
  );
}

build().catch((error) => {
  fs.rmSync(building, { recursive: true, force: true });
  console.error(`build-cli: could not build the command: ${error.message.split('\n')[0]}`);
  process.exit(1);
});

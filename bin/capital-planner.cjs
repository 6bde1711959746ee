#!/usr/bin/env node
// The capital-planner command. Runs the bundled JavaScript in lib/cli (scripts/build-cli.cjs,
// built by the "prepare" script on `npm ci`, `npm install` and `npm pack`), so an installed
// package needs only Node and exceljs.
//
// Start-up is most of a small check's time (issue 15), so the command is one file, compiled by
// V8 from the code cache the build made beside it (node:vm Script cachedData: V8 then skips
// parsing and compiling every function the training run used; a cache from another Node version
// is rejected by V8 and the file is compiled as usual, so a stale cache costs time, never
// correctness).
//
// In a clone (src/ beside lib/), lib/ is used only while it is current: if any source it was
// built from has changed since, or lib/ is missing, the TypeScript sources run through tsx (a
// dev dependency) instead, so a developer never runs yesterday's command.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { Buffer } = require('node:buffer');

const root = path.join(__dirname, '..');
const src = path.join(root, 'src');
/** The bundled command, its V8 code cache and the list of sources it was built from. */
const BUNDLE = path.join(root, 'lib', 'cli', 'capital-planner.cjs');
const CODE_CACHE = `${BUNDLE}.cache`;
const SOURCES = `${BUNDLE}.sources.json`;

function fail(error) {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(
    `capital-planner: internal error (${detail}). Please report it with the command you ran.\n`,
  );
  if (process.env.CAPITAL_PLANNER_DEBUG && error instanceof Error)
    process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}

/** Whether the bundle is newer than every source it was built from (all still there). */
function bundleIsCurrent() {
  let sources;
  try {
    sources = JSON.parse(fs.readFileSync(SOURCES, 'utf8'));
  } catch {
    return false;
  }
  const builtAt = fs.statSync(BUNDLE).mtimeMs;
  // A stat per source (~180) on every start in a clone: no exception for a missing one.
  for (const source of sources) {
    const stats = fs.statSync(`${root}/${source}`, { throwIfNoEntry: false });
    // Built from a source that is gone, or one changed since.
    if (stats === undefined || stats.mtimeMs > builtAt) return false;
  }
  return true;
}

/**
 * The build's mark: the bundle's first line names its build, and its code cache starts with the
 * same line, so a cache is only ever handed to the bundle it was made from (V8 itself checks only
 * the source's length and its own version).
 */
const BUILD_MARK = /^\/\/ capital-planner build [0-9a-f]+\n/;

/**
 * Loads a CommonJS bundle the way require() would, but compiled through node:vm with `cacheFile`
 * as its V8 code cache when there is one made for it. Returns its exports, `codeCache()` (the
 * cache to save for it: scripts/build-cli.cjs calls it after a training run) and whether V8 used
 * the cache.
 *
 * Example: `loadBundle(BUNDLE, CODE_CACHE).exports.run()` is what the command does.
 */
function loadBundle(file, cacheFile) {
  const vm = require('node:vm');
  const { createRequire } = require('node:module');
  // V8 checks a code cache's checksum only with this flag (its release builds skip it, and a
  // damaged cache then crashes the process). It must be set alike when the cache is made (the
  // flag also writes the checksum) and when it is used (V8 compares its flags too).
  require('node:v8').setFlagsFromString('--verify-snapshot-checksum');
  const source = fs.readFileSync(file, 'utf8');
  const mark = BUILD_MARK.exec(source)?.[0];
  let cachedData;
  try {
    if (
      mark !== undefined &&
      cacheFile !== undefined &&
      process.env.CAPITAL_PLANNER_CODE_CACHE !== 'off'
    ) {
      const cache = fs.readFileSync(cacheFile);
      if (cache.toString('latin1', 0, mark.length) === mark)
        cachedData = cache.subarray(mark.length);
    }
  } catch {
    // No cache: V8 compiles the file as usual.
  }
  // The same wrapper Node puts around a CommonJS module.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return {
    exports: module.exports,
    /** The cache to save for this bundle after a training run: its build mark, then V8's data. */
    codeCache: () => Buffer.concat([Buffer.from(mark ?? '', 'latin1'), script.createCachedData()]),
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
  };
}

/** What exports `run`: lib/ when installed or current, else the sources via tsx. */
function command() {
  const inClone = fs.existsSync(path.join(src, 'cli', 'main.ts'));
  if (!inClone) {
    if (fs.existsSync(BUNDLE)) return loadBundle(BUNDLE, CODE_CACHE).exports;
    throw new Error(`${BUNDLE} is missing: reinstall the capital-planner package`);
  }
  if (fs.existsSync(BUNDLE) && bundleIsCurrent()) return loadBundle(BUNDLE, CODE_CACHE).exports;
  require('tsx/cjs/api').register();
  return require(path.join(src, 'cli', 'main.ts'));
}

module.exports = { loadBundle, BUNDLE, CODE_CACHE, SOURCES };

if (require.main === module) {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    else fail(error);
  });

  try {
    command().run().catch(fail);
  } catch (error) {
    fail(error);
  }
}

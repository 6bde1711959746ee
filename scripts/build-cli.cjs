#!/usr/bin/env node
// Compiles the capital-planner command to plain JavaScript in lib/ (issue 17), so the installed
// command needs only Node and its runtime dependencies: `tsc -p tsconfig.cli.json` compiles
// src/cli/main.ts and whatever it imports, then the data files the command reads at run time
// (anything under src/cli that is not TypeScript or a test, e.g. samples/) are copied beside it.
// Runs as the "prepare" script: on `npm ci` / `npm install` in a clone and on `npm pack`.
//
// The new lib/ is built in a temporary folder and moved in file by file (each move is atomic),
// then files no longer built are removed, so a command running meanwhile (the CLI tests, while the
// pack test runs `npm pack`) never finds lib/ missing or a file half written.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lib = path.join(root, 'lib');
const building = path.join(root, `lib.building-${process.pid}`);

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

try {
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.cli.json', '--outDir', building], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const file of dataFiles(path.join(root, 'src', 'cli'))) {
    const target = path.join(building, 'cli', file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(root, 'src', 'cli', file), target);
  }
  const built = filesUnder(building);
  for (const file of built) {
    fs.mkdirSync(path.dirname(path.join(lib, file)), { recursive: true });
    fs.renameSync(path.join(building, file), path.join(lib, file));
  }
  const kept = new Set(built);
  for (const file of filesUnder(lib)) if (!kept.has(file)) fs.rmSync(path.join(lib, file));
  fs.rmSync(building, { recursive: true, force: true });
  const count = fs
    .readdirSync(lib, { recursive: true })
    .filter((f) => String(f).endsWith('.js')).length;
  // On stderr: `npm pack --json` prints its report on stdout after this script runs.
  console.error(`capital-planner command compiled: ${count} files in lib/`);
} catch (error) {
  fs.rmSync(building, { recursive: true, force: true });
  console.error(`build-cli: could not compile the command: ${error.message.split('\n')[0]}`);
  process.exit(1);
}

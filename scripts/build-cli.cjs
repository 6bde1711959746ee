#!/usr/bin/env node
// Compiles the capital-planner command to plain JavaScript in lib/ (issue 17), so the installed
// command needs only Node and its runtime dependencies: `tsc -p tsconfig.cli.json` compiles
// src/cli/main.ts and whatever it imports, then the data files the command reads at run time
// (anything under src/cli that is not TypeScript or a test, e.g. samples/) are copied beside it.
// Runs as the "prepare" script: on `npm ci` / `npm install` in a clone and on `npm pack`.
//
// The new lib/ is built in a temporary folder and swapped in, so a command running meanwhile
// never sees half of one (bin/capital-planner.cjs falls back to the sources in a clone).
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lib = path.join(root, 'lib');
const building = path.join(root, `lib.building-${process.pid}`);
const retired = path.join(root, `lib.old-${process.pid}`);

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
  if (fs.existsSync(lib)) fs.renameSync(lib, retired);
  fs.renameSync(building, lib);
  fs.rmSync(retired, { recursive: true, force: true });
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

#!/usr/bin/env node
// The capital-planner command. Runs the compiled JavaScript in lib/ (scripts/build-cli.cjs, built
// by the "prepare" script on `npm ci`, `npm install` and `npm pack`), so an installed package
// needs only Node and exceljs.
// In a clone (src/ beside lib/), lib/ is used only while it is current: if any source it was
// compiled from has changed since, or lib/ is missing, the TypeScript sources run through tsx (a
// dev dependency) instead, so a developer never runs yesterday's command.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const lib = path.join(root, 'lib');
const src = path.join(root, 'src');

function fail(error) {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(
    `capital-planner: internal error (${detail}). Please report it with the command you ran.\n`,
  );
  if (process.env.CAPITAL_PLANNER_DEBUG && error instanceof Error)
    process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}

/** Whether every compiled file in lib/ is at least as new as the source it came from. */
function compiledIsCurrent(folder = lib) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const compiled = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!compiledIsCurrent(compiled)) return false;
    } else if (entry.name.endsWith('.js')) {
      const source = path.join(src, path.relative(lib, compiled)).replace(/\.js$/, '.ts');
      let sourceTime;
      try {
        sourceTime = fs.statSync(source).mtimeMs;
      } catch {
        return false; // compiled from a source that is gone
      }
      if (sourceTime > fs.statSync(compiled).mtimeMs) return false;
    }
  }
  return true;
}

/** The module that exports `run`: lib/ when installed or current, else the sources via tsx. */
function entryPoint() {
  const compiled = path.join(lib, 'cli', 'main.js');
  const inClone = fs.existsSync(path.join(src, 'cli', 'main.ts'));
  if (!inClone) {
    if (fs.existsSync(compiled)) return compiled;
    throw new Error(`${compiled} is missing: reinstall the capital-planner package`);
  }
  if (fs.existsSync(compiled) && compiledIsCurrent()) return compiled;
  require('tsx/cjs/api').register();
  return path.join(src, 'cli', 'main.ts');
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  else fail(error);
});

try {
  const { run } = require(entryPoint());
  run().catch(fail);
} catch (error) {
  fail(error);
}

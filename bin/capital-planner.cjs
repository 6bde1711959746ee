#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx (a dependency), so the command works from a
// clone after `npm ci` with no build step. tsx caches what it compiles, so later starts are fast.
'use strict';

const path = require('node:path');

function fail(error) {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(
    `capital-planner: internal error (${detail}). Please report it with the command you ran.\n`,
  );
  if (process.env.CAPITAL_PLANNER_DEBUG && error instanceof Error)
    process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  else fail(error);
});

try {
  require('tsx/cjs/api').register();
  const { run } = require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));
  run().catch(fail);
} catch (error) {
  fail(error);
}

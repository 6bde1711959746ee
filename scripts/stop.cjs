#!/usr/bin/env node
// `npm stop`: stops the dev server that `npm start` left running (its PID is in .tmp/) and, on
// Windows and macOS, removes the sideloaded add-in from desktop Excel.
'use strict';

const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const {
  ROOT,
  OFFICE_ADDIN_DEBUGGING,
  DESKTOP_PLATFORMS,
  runningDevServerPid,
  removePid,
  npx,
} = require('./dev-server.cjs');

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopDevServer() {
  const pid = runningDevServerPid();
  if (pid === undefined) {
    removePid();
    console.log('No Capital Planner dev server is running.');
    return;
  }
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 5000 && alive(pid); waited += 200) {
    await sleep(200);
  }
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  removePid();
  console.log(`Stopped the dev server (PID ${pid}).`);
}

async function main() {
  await stopDevServer();
  if (DESKTOP_PLATFORMS.includes(process.platform) && !process.argv.includes('--web')) {
    console.log('Removing the add-in from desktop Excel...');
    if (!npx([OFFICE_ADDIN_DEBUGGING, 'stop', path.join(ROOT, 'manifest.xml')])) {
      console.warn(
        'office-addin-debugging stop did not finish; the add-in may still be sideloaded.',
      );
    }
  }
}

main().catch((error) => {
  console.error(`npm stop failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

#!/usr/bin/env node
// `npm start`: on Windows and macOS, sideload the add-in into desktop Excel with
// office-addin-debugging. On Linux (no desktop Excel), with `npm start -- --web`, or when
// sideloading fails, serve the add-in over https on localhost:3000 and explain, step by step,
// how to add it to Excel on the web. The server runs in the foreground: Ctrl+C or `npm stop` ends it.
'use strict';

const net = require('node:net');
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { spawn, spawnSync } = require('node:child_process');
const {
  ROOT,
  PORT,
  TASKPANE_URL,
  OFFICE_ADDIN_DEBUGGING,
  DESKTOP_PLATFORMS,
  runningDevServerPid,
  writePid,
  removePid,
  answers,
  npx,
} = require('./dev-server.cjs');

const MANIFEST = path.join(ROOT, 'manifest.xml');
const READY_TIMEOUT_MS = 180_000;

function webSideloadSteps() {
  return [
    '',
    `Capital Planner is served at https://localhost:${PORT} (Ctrl+C here, or \`npm stop\`, stops it).`,
    '',
    'To add it to Excel on the web:',
    `  1. Trust the local certificate: open ${TASKPANE_URL} in the browser you use for Excel.`,
    '     If it warns that the connection is not private, choose Advanced > Proceed to localhost.',
    '     The page should then say "Capital Planner runs inside Excel".',
    '  2. Open Excel on the web (https://www.office.com/launch/excel) and open a workbook saved in',
    '     OneDrive or SharePoint (or create a new blank one).',
    '  3. Choose Insert > Add-ins > My Add-ins > Upload My Add-in',
    '     (in newer Excel: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in).',
    `  4. Choose Browse, pick ${MANIFEST}, then Upload.`,
    '  5. Choose Home > Capital Planner to open the task pane. In any cell, type =CAPITAL.VERSION()',
    '     to check that the custom functions are loaded.',
    '  The add-in stays until the browser cache is cleared; after changing manifest.xml, upload it again.',
    '  If the pane stays blank, repeat step 1: the browser has forgotten the certificate.',
    '',
  ].join('\n');
}

function portInUse(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(true));
    probe.once('listening', () => probe.close(() => resolve(false)));
    probe.listen(port, 'localhost');
  });
}

async function waitUntilServing(child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await answers(TASKPANE_URL)) return true;
    await sleep(1000);
  }
  return false;
}

/** Starts `webpack serve` in the foreground and prints the Excel on the web steps once it answers. */
async function serveForExcelOnTheWeb() {
  const pid = runningDevServerPid();
  if (pid !== undefined) {
    console.log(`The dev server is already running (PID ${pid}).`);
    console.log(webSideloadSteps());
    return 0;
  }
  if (await portInUse(PORT)) {
    console.error(
      `Port ${PORT} is already in use by another program, and the manifest expects the add-in there.\n` +
        `Stop that program (or run \`npm stop\` if it is an earlier Capital Planner server), then run \`npm start\` again.`,
    );
    return 1;
  }

  console.log(`Building Capital Planner and starting the https dev server on port ${PORT}...`);
  const webpackCli = require.resolve('webpack-cli/bin/cli.js');
  const child = spawn(process.execPath, [webpackCli, 'serve', '--mode', 'development'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  writePid(child.pid);

  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      removePid();
      resolve(signal ? 0 : (code ?? 0));
    }),
  );

  if (await waitUntilServing(child)) {
    console.log(webSideloadSteps());
  } else if (child.exitCode === null) {
    console.error(
      `The dev server did not answer at ${TASKPANE_URL} within ${READY_TIMEOUT_MS / 1000} s; see the messages above.`,
    );
  }
  return exited;
}

/** Windows and macOS: trust the Office dev certificate, then sideload into desktop Excel. */
function sideloadIntoDesktopExcel() {
  console.log(
    'Installing the Office development certificate for https://localhost (you may be asked to trust it)...',
  );
  const certsCli = require.resolve('office-addin-dev-certs/cli.js');
  const certs = spawnSync(process.execPath, [certsCli, 'install'], { cwd: ROOT, stdio: 'inherit' });
  if (certs.status !== 0) return false;

  console.log(
    `Sideloading into desktop Excel with ${OFFICE_ADDIN_DEBUGGING} (downloaded on first use)...`,
  );
  return npx([
    OFFICE_ADDIN_DEBUGGING,
    'start',
    MANIFEST,
    'desktop',
    '--app',
    'excel',
    '--dev-server',
    'npm run dev-server',
    '--dev-server-port',
    String(PORT),
  ]);
}

async function main() {
  const webOnly = process.argv.includes('--web');
  if (!webOnly && DESKTOP_PLATFORMS.includes(process.platform)) {
    if (sideloadIntoDesktopExcel()) {
      console.log(
        'Excel should now open with Capital Planner on the Home tab. `npm stop` removes it again.',
      );
      return 0;
    }
    console.warn(
      '\nCould not sideload into desktop Excel (see above). Serving the add-in for Excel on the web instead.',
    );
  }
  return serveForExcelOnTheWeb();
}

main().then(
  (code) => process.exit(code),
  (error) => {
    removePid();
    console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

// What `npm start` and `npm stop` share: where the dev server runs, where its PID is kept, and the
// pinned office-addin-debugging that sideloads into desktop Excel.
'use strict';

const fs = require('node:fs');
const https = require('node:https');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const PORT = 3000;
const TASKPANE_URL = `https://localhost:${PORT}/taskpane.html`;
const PID_FILE = path.join(ROOT, '.tmp', 'dev-server.pid');
// Fetched on demand by npx, never a dependency: its native keytar module breaks `npm ci` on Linux.
const OFFICE_ADDIN_DEBUGGING = 'office-addin-debugging@7.0.0';
const DESKTOP_PLATFORMS = ['win32', 'darwin'];

/** PID of the dev server `npm start` left running, or undefined when none is alive. */
function runningDevServerPid() {
  let pid;
  try {
    pid = Number(fs.readFileSync(PID_FILE, 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return pid;
  } catch {
    return undefined;
  }
}

function writePid(pid) {
  fs.mkdirSync(path.dirname(PID_FILE), { recursive: true });
  fs.writeFileSync(PID_FILE, `${pid}\n`);
}

function removePid() {
  fs.rmSync(PID_FILE, { force: true });
}

/** Resolves true when url answers 200 over https (the dev certificate may be self-signed). */
function answers(url) {
  return new Promise((resolve) => {
    const request = https.get(url, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

/** Runs `npx --yes <args>` in the foreground; returns true when it exits with 0. */
function npx(args) {
  const windows = process.platform === 'win32';
  // npx is a .cmd on Windows, which Node only starts through a shell; quote for that shell.
  const command = windows
    ? ['npx', '--yes', ...args].map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')
    : 'npx';
  const result = spawnSync(command, windows ? [] : ['--yes', ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: windows,
  });
  return result.status === 0;
}

module.exports = {
  ROOT,
  PORT,
  TASKPANE_URL,
  PID_FILE,
  OFFICE_ADDIN_DEBUGGING,
  DESKTOP_PLATFORMS,
  runningDevServerPid,
  writePid,
  removePid,
  answers,
  npx,
};

#!/usr/bin/env node
// Runs before `npm test`: the end-to-end tests drive Debian's Chromium and the recalculation test
// opens the demo workbook in LibreOffice Calc. Neither can come from npm (no browser downloads
// here), so on a fresh Debian machine they are installed with apt-get when we are root; otherwise
// this says exactly what to install. Nothing is downloaded when both are already present.
const { execFileSync, spawnSync } = require('node:child_process');

const tools = [
  { command: 'chromium', debianPackage: 'chromium', why: 'end-to-end tests of the task pane' },
  { command: 'soffice', debianPackage: 'libreoffice-calc', why: 'recalculating the demo workbook' },
];

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const missing = tools.filter((tool) => !has(tool.command));
if (missing.length === 0) process.exit(0);

const packages = missing.map((tool) => tool.debianPackage);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && has('apt-get')) {
  console.log(`Installing ${packages.join(' and ')} for the tests (${missing.map((t) => t.why).join('; ')})...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', ...packages], { stdio: 'inherit', env });
  process.exit(0);
}
console.error(
  `The tests need ${packages.join(' and ')} (${missing.map((t) => t.why).join('; ')}).\n` +
    `Install them, e.g. on Debian or Ubuntu:  sudo apt-get install -y ${packages.join(' ')}`,
);
process.exit(1);

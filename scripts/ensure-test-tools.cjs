#!/usr/bin/env node
// Runs before `npm test`: the end-to-end tests drive Debian's Chromium, the recalculation test
// opens the demo workbook in LibreOffice Calc, and the hosting test serves the build with nginx
// over https (a certificate made with openssl). Neither can come from npm (no browser downloads
// here), so on a fresh Debian machine they are installed with apt-get when we are root; otherwise
// this says exactly what to install. Nothing is downloaded when both are already present.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');

const tools = [
  { command: 'chromium', debianPackage: 'chromium', why: 'end-to-end tests of the task pane' },
  { command: 'soffice', debianPackage: 'libreoffice-calc', why: 'recalculating the demo workbook' },
  // /usr/sbin is not on every user's PATH.
  { command: 'nginx', path: '/usr/sbin/nginx', debianPackage: 'nginx', why: 'the hosting test' },
  { command: 'openssl', debianPackage: 'openssl', why: "the hosting test's certificate" },
];

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const missing = tools.filter((tool) => !has(tool.command) && !(tool.path && fs.existsSync(tool.path)));
if (missing.length === 0) process.exit(0);

const packages = missing.map((tool) => tool.debianPackage);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && has('apt-get')) {
  console.log(`Installing ${packages.join(', ')} for the tests (${missing.map((t) => t.why).join('; ')})...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', ...packages], { stdio: 'inherit', env });
  process.exit(0);
}
console.error(
  `The tests need ${packages.join(', ')} (${missing.map((t) => t.why).join('; ')}).\n` +
    `Install them, e.g. on Debian or Ubuntu:  sudo apt-get install -y ${packages.join(' ')}`,
);
process.exit(1);

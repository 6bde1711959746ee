#!/usr/bin/env node
// Runs before `npm test`: the end-to-end and security tests load the production build in dist/.
// Build it when it is missing or older than any source it is made from, so `npm ci && npm test`
// on a fresh clone tests the code as it is, and a fresh dist/ (CI builds just before) is reused.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const built = path.join(root, 'dist', 'taskpane.html');
const sources = [
  'src',
  'assets',
  'manifest.xml',
  'webpack.config.js',
  'package.json',
  'package-lock.json',
  'scripts/addin-manifest.cjs',
  'scripts/office-js-source.cjs',
];

function newestChange(target) {
  const stats = fs.statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    newest = Math.max(newest, newestChange(path.join(target, entry)));
  }
  return newest;
}

const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map((source) => newestChange(path.join(root, source))));
if (builtAt >= sourcesAt) process.exit(0);
console.log(builtAt ? 'dist/ is older than the sources: building it for the browser tests...' : 'Building dist/ for the browser tests...');
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

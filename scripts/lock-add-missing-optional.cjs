// Adds lock entries for optional platform packages that the reachable registry does not serve
// (npm 11.16+ `npm ci` then reports "Missing: <pkg>@ from lock file", npm/cli#9846).
// Usage: node add-missing-optional.cjs package-lock.json
const fs = require('node:fs');
const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const platform = (name) => {
  const m = name.match(/-(android|darwin|freebsd|linux|openharmony|win32)-([a-z0-9]+)(?:-(gnu|musl|gnueabihf|musleabihf|eabi|msvc))?$/);
  if (!m) return {};
  const out = { cpu: [m[2]], os: [m[1]] };
  if (/gnu/.test(m[3] || '')) out.libc = ['glibc'];
  if (/musl/.test(m[3] || '')) out.libc = ['musl'];
  return out;
};
let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies || {})) {
    const base = key ? `${key}/node_modules/` : 'node_modules/';
    if (lock.packages[`${base}${dep}`] || lock.packages[`node_modules/${dep}`]) continue;
    const { cpu, os, libc } = platform(dep);
    lock.packages[`node_modules/${dep}`] = {
      version, ...(cpu && { cpu }), ...(entry.dev && { dev: true }), ...(libc && { libc }),
      optional: true, ...(os && { os }),
    };
    added += 1;
    console.log(`added node_modules/${dep}@${version}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`${added} entries added`);

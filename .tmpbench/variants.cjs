const esbuild = require('esbuild'); const fs = require('fs'); const { execFileSync } = require('child_process');
const variants = {
  base: {},
  ascii: { ascii: true },
  ws: { ascii: true, minifyWhitespace: true, minifySyntax: true },
  full: { ascii: true, minify: true, keepNames: true },
};
for (const [name, v] of Object.entries(variants)) {
  const out = `/tmp/r15/v-${name}/cli/capital-planner.cjs`;
  fs.mkdirSync(`/tmp/r15/v-${name}/cli`, { recursive: true });
  fs.cpSync('/work/main/lib/cli/samples', `/tmp/r15/v-${name}/cli/samples`, { recursive: true });
  esbuild.buildSync({ entryPoints: ['/work/main/src/cli/main.ts'], bundle: true, packages: 'external', format: 'cjs', platform: 'node', target: 'node20', outfile: out, logLevel: 'error',
    banner: { js: '// capital-planner build 0123456789abcdef' }, minifyWhitespace: v.minifyWhitespace, minifySyntax: v.minifySyntax, minify: v.minify, keepNames: v.keepNames, absWorkingDir: '/work/main' });
  if (v.ascii) { const s = fs.readFileSync(out, 'utf8'); fs.writeFileSync(out, s.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))); }
  for (const train of ['check', 'all']) {
    execFileSync(process.execPath, ['-e', `
      const b = require('/work/main/bin/capital-planner.cjs');
      const l = b.loadBundle(${JSON.stringify(out)}, undefined);
      const q = { out() {}, err() {} };
      (async () => {
        if (${JSON.stringify(train)} === 'all') await l.exports.main(['demo', '--out', '/tmp/r15/demo2.xlsx', '--json'], q);
        await l.exports.main(['check', '/tmp/r15/demo.xlsx', '--json'], q);
        require('fs').writeFileSync(${JSON.stringify(out)} + '.' + ${JSON.stringify(train)} + '.cache', l.codeCache());
      })();`]);
  }
  console.log(name, fs.statSync(out).size, fs.statSync(out + '.check.cache').size, fs.statSync(out + '.all.cache').size);
}

import * as esbuild from 'esbuild';
await esbuild.build({
  stdin: { contents: "module.exports = require('./src/cli/main');", resolveDir: '/work/main', loader: 'ts' },
  bundle: true, format: 'cjs', platform: 'node', target: 'node20', outfile: '/tmp/r15/cli.bundle.js', logLevel: 'warning',
  external: ['exceljs'],
});

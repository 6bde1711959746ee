/**
 * The installable command (issue 17): `npm pack` (whose "prepare" script compiles the command to
 * lib/), then the tarball installed into an empty folder, as a finance team would with
 * `npm install -g ./capital-planner-<version>.tgz`, and `check`, `demo` and `consolidate` run from
 * there through the installed `capital-planner` command: compiled JavaScript and runtime
 * dependencies only, no TypeScript, tsx or dev tools, nothing from this clone.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeReturn } from '../fixtures/forecastReturns';

const ROOT = resolve(__dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

let work: string;
let desk: string;
let tarball: string;
let packed: string[];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the installed command through npm's own shim in node_modules/.bin, from the desk folder. */
function capitalPlanner(args: readonly string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(join(desk, 'node_modules', '.bin', 'capital-planner'), args, {
      cwd: desk,
      // Nothing of this clone may be found: no NODE_PATH, no tsx hooks, no debug traces.
      env: { PATH: process.env.PATH ?? '', HOME: work, CAPITAL_PLANNER_DEBUG: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'capital-planner-pack-'));
  // --json lists what went in; "prepare" (scripts/build-cli.cjs) compiles lib/ first.
  const output = execFileSync(npm, ['pack', '--json', '--pack-destination', work], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NPM_CONFIG_UPDATE_NOTIFIER: 'false' },
  });
  // The report is the JSON array at the end (a lifecycle script may print before it).
  const [pack] = JSON.parse(output.slice(output.search(/^\[/m))) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = join(work, pack.filename);
  packed = pack.files.map((file) => file.path);

  desk = join(work, 'desk');
  mkdirSync(desk);
  writeFileSync(join(desk, 'package.json'), '{ "name": "finance-desk", "private": true }\n');
  // From npm's cache when it has exceljs's tree, else from the registry.
  execFileSync(
    npm,
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', tarball],
    {
      cwd: desk,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NPM_CONFIG_UPDATE_NOTIFIER: 'false' },
    },
  );
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it(`makes capital-planner-${version}.tgz`, () => {
    expect(tarball.endsWith(`capital-planner-${version}.tgz`)).toBe(true);
  });

  it('packs the bundled command, its code cache and sample data, and no sources, tests or add-in', () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        'package.json',
        'bin/capital-planner.cjs',
        'lib/cli/capital-planner.cjs',
        'lib/cli/capital-planner.cjs.cache',
        'lib/cli/samples/investment-programme-2016.csv',
      ]),
    );
    const unexpected = packed.filter(
      (path) =>
        !['package.json', 'README.md', 'bin/capital-planner.cjs'].includes(path) &&
        !/^lib\/cli\/(capital-planner\.cjs(\.cache|\.sources\.json)?|samples\/.+\.csv)$/.test(path),
    );
    expect(unexpected).toEqual([]);
    expect(packed.filter((path) => /\.tsx?$|__tests__/.test(path))).toEqual([]);
  });
});

describe('capital-planner installed from the tarball into an empty folder', () => {
  it('installs only what the command needs at run time', () => {
    const modules = join(desk, 'node_modules');
    expect(existsSync(join(modules, 'capital-planner', 'lib', 'cli', 'capital-planner.cjs'))).toBe(
      true,
    );
    expect(existsSync(join(modules, 'exceljs'))).toBe(true);
    for (const devOnly of ['tsx', 'typescript', 'react', '@fluentui', 'webpack', 'jest']) {
      expect([devOnly, existsSync(join(modules, devOnly))]).toEqual([devOnly, false]);
    }
  });

  it('starts from the V8 code cache built with it (issue 15: start-up)', () => {
    const bin = join(desk, 'node_modules', 'capital-planner', 'bin', 'capital-planner.cjs');
    const loaded = execFileSync(
      process.execPath,
      [
        '-e',
        `const b = require(${JSON.stringify(bin)}); const l = b.loadBundle(b.BUNDLE, b.CODE_CACHE); console.log(JSON.stringify({ used: l.cacheUsed, exports: Object.keys(l.exports) }));`,
      ],
      { cwd: desk, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: work } },
    );
    expect(JSON.parse(loaded)).toEqual({ used: true, exports: ['main', 'run', 'startFileWorker'] });
  });

  it('answers --help', async () => {
    const help = await capitalPlanner(['--help']);
    expect(help).toMatchObject({ status: 0, stderr: '' });
    expect(help.stdout).toMatch(/capital-planner check <file\.xlsx>/);
  });

  it('runs demo, check and consolidate', async () => {
    const master = join(work, 'programme.xlsx');
    const demo = await capitalPlanner(['demo', '--out', master, '--json']);
    expect(demo).toMatchObject({ status: 0, stderr: '' });
    expect(existsSync(master)).toBe(true);

    const check = await capitalPlanner(['check', master, '--json']);
    expect(check).toMatchObject({ status: 0, stderr: '' });
    const report = JSON.parse(check.stdout) as {
      files: { file: string }[];
      summary: { errors: number };
    };
    expect(report.files.map((file) => file.file)).toEqual([master]);
    expect(report.summary.errors).toBe(0);

    const janeSmith = await writeReturn(work, 'ict-jane-smith.xlsx', {
      'Jane Smith': [
        { ref: 'CP-001', scheme: 'Compliance', budget: 2.6, forecast: 2.5 },
        { ref: 'CP-002', scheme: 'Service management', budget: 1.1, forecast: 1.3 },
      ],
    });
    const out = join(work, 'period-8.xlsx');
    const consolidate = await capitalPlanner([
      'consolidate',
      master,
      janeSmith,
      '--out',
      out,
      '--json',
    ]);
    expect(consolidate).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(consolidate.stdout)).toMatchObject({
      returns: [{ sheet: 'Jane Smith', copied: true, schemes: 2 }],
    });
    expect(existsSync(out)).toBe(true);
  });

  it('says the file cannot be read, in one line, for a file that is not a workbook', async () => {
    const notAWorkbook = join(work, 'notes.xlsx');
    writeFileSync(notAWorkbook, 'not a workbook');
    const check = await capitalPlanner(['check', notAWorkbook]);
    expect(check.status).toBe(2);
    expect(check.stderr.trim().split('\n')).toHaveLength(1);
    expect(check.stderr).toContain('notes.xlsx');
  });
});

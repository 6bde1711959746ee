/**
 * bin/capital-planner.cjs, the file users run (issue 15: start-up): it runs the bundled command
 * from lib/cli with the V8 code cache built for it, never a cache made for another build, and in
 * a clone runs the sources instead as soon as one the bundle was built from has changed.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin', 'capital-planner.cjs');
const BUNDLE = join(ROOT, 'lib', 'cli', 'capital-planner.cjs');

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'capital-planner-bin-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Loads `bundle` with `cache` through the command's loader in a fresh node. */
function load(bundle: string, cache: string): { used: boolean; exports: string[] } {
  const script = `const b = require(${JSON.stringify(BIN)}); const l = b.loadBundle(${JSON.stringify(bundle)}, ${JSON.stringify(cache)}); console.log(JSON.stringify({ used: l.cacheUsed, exports: Object.keys(l.exports) }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as {
    used: boolean;
    exports: string[];
  };
}

describe('the code cache', () => {
  it('is used with the bundle it was built for', () => {
    expect(load(BUNDLE, `${BUNDLE}.cache`)).toEqual({
      used: true,
      exports: ['main', 'run', 'startFileWorker'],
    });
  });

  it('is not handed to a bundle of another build, even one of the same length', () => {
    const bundle = join(work, 'other-build.cjs');
    const source = readFileSync(BUNDLE, 'utf8');
    const mark = /^\/\/ capital-planner build ([0-9a-f]+)\n/.exec(source);
    expect(mark).not.toBeNull();
    // Same length, another build's mark: V8 alone (which checks the length) would take the cache.
    const otherMark = (mark as RegExpExecArray)[1].replace(/./g, (digit) =>
      digit === '0' ? '1' : '0',
    );
    writeFileSync(bundle, source.replace((mark as RegExpExecArray)[1], otherMark));
    expect(readFileSync(bundle).length).toBe(readFileSync(BUNDLE).length);
    expect(load(bundle, `${BUNDLE}.cache`)).toEqual({
      used: false,
      exports: ['main', 'run', 'startFileWorker'],
    });
  });

  it('that is damaged, even by one bit, is rejected and the command works, compiled as usual', () => {
    // V8's release builds skip a code cache's checksum unless asked (bin: --verify-snapshot-
    // checksum); without it this cache was taken and the process crashed.
    const bytes = readFileSync(`${BUNDLE}.cache`);
    for (const at of [bytes.length - 100, Math.floor(bytes.length / 2)]) {
      const cache = join(work, `damaged-at-${at}.cache`);
      const damaged = Buffer.from(bytes);
      damaged[at] ^= 1;
      writeFileSync(cache, damaged);
      expect(load(BUNDLE, cache)).toEqual({
        used: false,
        exports: ['main', 'run', 'startFileWorker'],
      });
    }
  });

  it('that is missing leaves the command working', () => {
    expect(load(BUNDLE, join(work, 'no-such.cache')).used).toBe(false);
  });
});

describe('as a worker thread (check and consolidate given many workbooks)', () => {
  it('the bundle, told to be a file worker, does the job it is sent and posts the report back', () => {
    // What workerPool.ts starts each worker with when the command runs as the bundle: a worker
    // that failed to start would leave its jobs to the main thread, so the outputs alone would
    // not show it.
    const workbook = join(work, 'worker-demo.xlsx');
    execFileSync(process.execPath, [BIN, 'demo', '--out', workbook]);
    const script = `
      const { Worker } = require('node:worker_threads');
      const worker = new Worker(${JSON.stringify(`require(${JSON.stringify(BUNDLE)}).startFileWorker();`)}, { eval: true });
      worker.on('message', (message) => { console.log(JSON.stringify(message)); worker.terminate(); });
      worker.postMessage({ index: 3, job: { kind: 'check', file: ${JSON.stringify(workbook)}, check: {} } });`;
    const answer = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }),
    ) as {
      index: number;
      result: { file: string; findings: { severity: string }[] };
    };
    expect(answer.index).toBe(3);
    expect(answer.result.file).toBe(workbook);
    expect(answer.result.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});

describe('in a clone', () => {
  /**
   * A copy of the clone's command: bin/, lib/cli and every source the bundle lists (all dated
   * before the bundle), and src/cli/main.ts replaced by a stand-in that says it ran.
   */
  function cloneCopy(name: string): { root: string; sources: string[] } {
    const root = join(work, name);
    const copy = (from: string, to = from) => {
      mkdirSync(dirname(join(root, to)), { recursive: true });
      copyFileSync(join(ROOT, from), join(root, to));
    };
    copy('bin/capital-planner.cjs');
    for (const file of [
      'capital-planner.cjs',
      'capital-planner.cjs.cache',
      'capital-planner.cjs.sources.json',
    ])
      copy(join('lib', 'cli', file));
    const sources = JSON.parse(
      readFileSync(join(ROOT, 'lib', 'cli', 'capital-planner.cjs.sources.json'), 'utf8'),
    ) as string[];
    const past = new Date(Date.now() - 3_600_000);
    for (const source of sources) {
      copy(source);
      utimesSync(join(root, source), past, past);
    }
    writeFileSync(
      join(root, 'src', 'cli', 'main.ts'),
      "export async function run(): Promise<void> { process.stdout.write('ran the sources\\n'); }\n",
    );
    utimesSync(join(root, 'src', 'cli', 'main.ts'), past, past);
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    return { root, sources };
  }

  it('runs the bundle while it is newer than every source it was built from', () => {
    const { root } = cloneCopy('current');
    const help = execFileSync(
      process.execPath,
      [join(root, 'bin', 'capital-planner.cjs'), '--help'],
      {
        encoding: 'utf8',
      },
    );
    expect(help).toMatch(/^capital-planner: check council capital programme workbooks/);
  });

  it('runs the sources (through tsx) once one of them has changed since the build', () => {
    const { root, sources } = cloneCopy('edited');
    const edited = join(
      root,
      sources.find((source) => source.endsWith('core/money/decimal.ts')) ?? '',
    );
    const now = new Date();
    utimesSync(edited, now, now);
    const run = execFileSync(
      process.execPath,
      [join(root, 'bin', 'capital-planner.cjs'), '--help'],
      {
        encoding: 'utf8',
      },
    );
    expect(run).toBe('ran the sources\n');
  });

  it('runs the sources when a source the bundle was built from is gone', () => {
    const { root, sources } = cloneCopy('removed');
    rmSync(join(root, sources.find((source) => source.endsWith('core/findings.ts')) ?? ''));
    const run = execFileSync(
      process.execPath,
      [join(root, 'bin', 'capital-planner.cjs'), '--help'],
      {
        encoding: 'utf8',
      },
    );
    expect(run).toBe('ran the sources\n');
  });
});

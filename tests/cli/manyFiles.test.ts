/**
 * `check` given many workbooks reads and checks them on worker threads (one per core) and reports
 * them in the order they were named, exactly as one thread does (CAPITAL_PLANNER_WORKERS=1).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixtures, type Fixtures } from '../fixtures/buildFixtures';
import { BIN, type CliRun } from './runCli';

function run(args: readonly string[], workers: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, CAPITAL_PLANNER_DEBUG: '', CAPITAL_PLANNER_WORKERS: workers },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let dir: string;
let fixtures: Fixtures;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-many-'));
  fixtures = await buildFixtures(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('capital-planner check on many workbooks', () => {
  it('reports every file in the order named, the same on worker threads as on one thread', async () => {
    const files = [
      fixtures.totalError,
      fixtures.empty,
      fixtures.severalGroups,
      fixtures.textFigures,
      fixtures.corrupt,
      fixtures.roundingOnly,
    ];
    const args = ['check', '--json', ...files];
    const [threads, one] = await Promise.all([run(args, '3'), run(args, '1')]);
    expect(threads.status).toBe(2);
    expect(threads.stdout).toBe(one.stdout);
    expect(threads.stderr).toBe(one.stderr);
    const report = JSON.parse(threads.stdout) as { files: { file: string }[] };
    expect(report.files.map((entry) => entry.file)).toEqual(files);
  });
});

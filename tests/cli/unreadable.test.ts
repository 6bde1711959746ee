/**
 * The command on files that cannot be read (issue 7): exit 2, one line naming the file, no stack
 * trace, the other files still checked, and no input changed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixtures, type Fixtures } from '../fixtures/buildFixtures';
import { hasStackTrace, hashes, runCli } from './runCli';

let dir: string;
let fixtures: Fixtures;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-cli-bad-'));
  fixtures = await buildFixtures(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('capital-planner check on files it cannot read', () => {
  it('exits 2 with one line per bad file naming it, checks the good file too, and changes nothing', async () => {
    const bad: [string, RegExp][] = [
      [fixtures.corrupt, /damaged or not an Excel workbook/],
      [fixtures.damaged, /damaged or not an Excel workbook/],
      [fixtures.passwordProtected, /password-protected/],
      [fixtures.csvRenamed, /text \(CSV\) file/],
      [fixtures.empty, /empty \(0 bytes\)/],
      [join(dir, 'no-such-file.xlsx'), /does not exist/],
      [dir, /is a folder/],
    ];
    const existing = [
      fixtures.corrupt,
      fixtures.damaged,
      fixtures.passwordProtected,
      fixtures.csvRenamed,
      fixtures.empty,
      fixtures.severalGroups,
    ];
    const before = await hashes(existing);

    const run = await runCli([
      'check',
      '--json',
      ...bad.map(([file]) => file),
      fixtures.severalGroups,
    ]);

    expect(run.status).toBe(2);
    expect(hasStackTrace(run.stderr)).toBe(false);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(bad.length);
    bad.forEach(([file, problem], index) => {
      expect(lines[index]).toContain(`'${file}'`);
      expect(lines[index]).toMatch(problem);
    });
    const report = JSON.parse(run.stdout);
    expect(report.files.map((entry: { file: string }) => entry.file)).toEqual([
      ...bad.map(([file]) => file),
      fixtures.severalGroups,
    ]);
    expect(report.files[bad.length].error).toBeUndefined();
    expect(await hashes(existing)).toEqual(before);
  });

  it('exits 2 on a command-line mistake with one line of advice', async () => {
    const run = await runCli(['check', fixtures.severalGroups, '--decimals', 'one']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('--decimals must be a whole number'),
    ]);
    expect(run.stdout).toBe('');
  });

  it('rejects an option it does not know rather than ignoring it', async () => {
    const run = await runCli(['check', fixtures.severalGroups, '--sheets', 'Programme']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--sheets'");
  });

  it('exits 2 naming the file when the sheet asked for is not in it', async () => {
    const run = await runCli(['check', fixtures.severalGroups, '--sheet', 'Forecasts']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`'${fixtures.severalGroups}'`);
    expect(run.stderr).toContain("no sheet named 'Forecasts'");
  });
});

describe('capital-planner --help', () => {
  it.each([[['--help']], [['check', '--help']], [['demo', '--help']], [['consolidate', '-h']]])(
    'prints usage for %j and exits 0',
    async (args) => {
      const run = await runCli(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/Usage:/);
    },
  );

  it('names the commands when given one it does not know', async () => {
    const run = await runCli(['chekc']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'chekc': use check, demo, consolidate");
  });
});

/**
 * The `capital-planner` command on hostile files (issue 7), run as a user runs it
 * (node bin/capital-planner.cjs): every file it cannot read gives exit 2 and exactly one line on
 * stderr naming that file, with no stack trace, while the other files of the same call are still
 * checked; no command writes to an input (sha256 before and after); output is written atomically
 * (temporary file then rename), so an output that cannot be written fails in one line and leaves
 * no partial or temporary file behind.
 */
import { execFileSync } from 'node:child_process';
import {
  link,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeReturn } from '../fixtures/forecastReturns';
import { BIN, hasStackTrace, hashes, runCli } from '../cli/runCli';

let dir: string;
const bad: { name: string; path: string }[] = [];
let good: string;
let master: string;
let aReturn: string;

async function xlsxBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function addBad(name: string, file: string, content: Buffer | string): Promise<void> {
  const path = join(dir, file);
  await writeFile(path, content);
  bad.push({ name, path });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-reliability-cli-'));
  const wrongTotal = await xlsxBytes((workbook) => {
    const sheet = workbook.addWorksheet('Programme');
    sheet.addRows([
      ['Scheme', 'Budget £m'],
      ['A', 40.0],
      ['B', 4.5],
      ['Total', 41.0],
    ]);
  });
  good = join(dir, 'good.xlsx');
  await writeFile(good, wrongTotal);

  const zip = await JSZip.loadAsync(wrongTotal);
  const mutate = async (change: (archive: JSZip) => void) => {
    const archive = await JSZip.loadAsync(wrongTotal);
    change(archive);
    return archive.generateAsync({ type: 'nodebuffer' });
  };
  const sheetPath = Object.keys(zip.files).find((path) =>
    /^xl\/worksheets\/sheet\d+\.xml$/.test(path),
  )!;

  await addBad(
    'random bytes after a zip signature',
    'corrupt.xlsx',
    Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(4000, 0x5a)]),
  );
  await addBad(
    'a workbook cut in half',
    'truncated.xlsx',
    wrongTotal.subarray(0, Math.floor(wrongTotal.length / 2)),
  );
  await addBad(
    'a zip with no workbook in it',
    'no-workbook.xlsx',
    await mutate((a) => a.remove('xl/workbook.xml')),
  );
  await addBad(
    'a Word document renamed .xlsx',
    'letter.xlsx',
    await mutate((a) => {
      for (const path of Object.keys(a.files)) a.remove(path);
      a.file('[Content_Types].xml', '<Types/>');
      a.file('word/document.xml', '<w:document/>');
    }),
  );
  await addBad(
    'a sheet of malformed XML',
    'malformed.xlsx',
    await mutate((a) =>
      a.file(sheetPath, '<worksheet><sheetData><row><c r="A1" t="s"><v>0</v></c>'),
    ),
  );
  // An OLE2 compound file: what Excel writes for a password-protected .xlsx (and an old .xls).
  const compound = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(compound);
  await addBad('a password-protected workbook (compound file)', 'password.xlsx', compound);
  await addBad('a CSV renamed .xlsx', 'renamed.xlsx', 'Scheme,Budget\nA,1\nTotal,1\n');
  await addBad(
    'a UTF-16 CSV renamed .xlsx',
    'utf16.xlsx',
    Buffer.from('\ufeffScheme\tBudget\r\nA\t1\r\n', 'utf16le'),
  );
  await addBad(
    'an HTML "export to Excel"',
    'export.xlsx',
    '<html><body><table><tr><td>1</td></tr></table></body></html>',
  );
  await addBad('a 0-byte file', 'empty.xlsx', '');
  bad.push({ name: 'a missing file', path: join(dir, 'missing.xlsx') });
  bad.push({ name: 'a directory', path: dir });
  await mkdir(join(dir, 'folder.xlsx'));
  bad.push({ name: 'a directory named .xlsx', path: join(dir, 'folder.xlsx') });
  await symlink(join(dir, 'nowhere.xlsx'), join(dir, 'dangling.xlsx'));
  bad.push({ name: 'a dangling symbolic link', path: join(dir, 'dangling.xlsx') });
  execFileSync('mkfifo', [join(dir, 'pipe.xlsx')]);
  bad.push({ name: 'a named pipe (would block a naive reader)', path: join(dir, 'pipe.xlsx') });
  await addBad(
    'a file name with a space, quote and unicode',
    "Jane's return – £m.xlsx",
    'not a workbook',
  );

  master = join(dir, 'master.xlsx');
  const demo = await runCli(['demo', '--out', master]);
  if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  aReturn = await writeReturn(dir, 'return.xlsx', {
    'Jane Smith': [{ ref: 'CP-001', scheme: 'Compliance', budget: 2.6, forecast: 2.5 }],
  });
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function leftovers(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.endsWith('.tmp') || name.startsWith('.'));
}

describe('capital-planner check on hostile files', () => {
  it('gives exit 2, one line per bad file naming it, no stack trace, and still checks the good file', async () => {
    const regular = bad.filter(
      ({ path }) => !/missing|dangling|pipe|folder/.test(path) && path !== dir,
    );
    const before = await hashes([...regular.map(({ path }) => path), good]);
    const run = await runCli(['check', '--json', ...bad.map(({ path }) => path), good]);

    expect(run.status).toBe(2);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).not.toMatch(/internal error/);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(bad.length);
    bad.forEach(({ name, path }, index) => {
      expect([name, lines[index].includes(path)]).toEqual([name, true]);
    });
    const report = JSON.parse(run.stdout) as {
      files: { file: string; error?: string; findings: { rule: string; cell: string }[] }[];
    };
    const checked = report.files.find((entry) => entry.file === good)!;
    expect(checked.error).toBeUndefined();
    expect(checked.findings.map((f) => [f.rule, f.cell])).toContainEqual(['total-mismatch', 'B4']);
    expect(await hashes([...regular.map(({ path }) => path), good])).toEqual(before);
  }, 30_000);

  it('reads a file name that starts with a dash as a file after --', async () => {
    const dashed = join(dir, '-dashed.xlsx');
    await writeFile(dashed, await readFile(good));
    const run = await runCli(['check', '--json', '--', '-dashed.xlsx'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).files[0].file).toBe('-dashed.xlsx');
  }, 20_000);
});

describe('capital-planner consolidate with hostile returns', () => {
  it('names each unreadable return in one line, exits 2, still consolidates the good one, and changes no input', async () => {
    const unreadable = bad.filter(({ path }) => /corrupt|empty|password|missing|pipe/.test(path));
    const existing = [
      master,
      aReturn,
      ...unreadable.map(({ path }) => path).filter((path) => /corrupt|empty|password/.test(path)),
    ];
    const before = await hashes(existing);
    const out = join(dir, 'consolidated-with-bad-returns.xlsx');
    const run = await runCli([
      'consolidate',
      master,
      ...unreadable.map(({ path }) => path),
      aReturn,
      '--out',
      out,
    ]);
    expect(run.status).toBe(2);
    expect(hasStackTrace(run.stderr)).toBe(false);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(unreadable.length);
    unreadable.forEach(({ name, path }, index) => {
      expect([name, lines[index].includes(path)]).toEqual([name, true]);
    });
    expect((await stat(out)).size).toBeGreaterThan(0);
    expect(await hashes(existing)).toEqual(before);
  }, 30_000);
});

describe('no command writes to its inputs', () => {
  it('check, demo and consolidate leave every input byte-for-byte the same', async () => {
    const sample = join(__dirname, '../../src/cli/samples/investment-programme-2016.csv');
    const inputs = [good, master, aReturn, sample];
    const before = await hashes(inputs);
    const out = join(dir, 'consolidated.xlsx');
    const runs = [
      await runCli(['check', good, master, aReturn]),
      await runCli(['demo', '--out', join(dir, 'demo-again.xlsx')]),
      await runCli(['consolidate', master, aReturn, '--out', out]),
    ];
    expect(runs.map((run) => hasStackTrace(run.stderr))).toEqual([false, false, false]);
    expect(runs[1].status).toBe(0);
    expect((await stat(out)).size).toBeGreaterThan(0);
    expect(await hashes(inputs)).toEqual(before);
  }, 40_000);

  it('refuses --out that is the master, or a link to it, and leaves it unchanged', async () => {
    const before = await hashes([master, aReturn]);
    const viaLink = join(dir, 'master-link.xlsx');
    await symlink(master, viaLink);
    for (const out of [master, viaLink, aReturn]) {
      const run = await runCli(['consolidate', master, aReturn, '--out', out]);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    // A hard link is another name for the same bytes: writing by rename replaces the name only.
    const hardLink = join(dir, 'master-hard.xlsx');
    await link(master, hardLink);
    await runCli(['consolidate', master, aReturn, '--out', hardLink]);
    expect(await hashes([master, aReturn])).toEqual(before);
  }, 40_000);
});

describe('output is written atomically', () => {
  it('writes through a temporary file in the same folder, then renames it (read in the code)', async () => {
    const code = await readFile(join(__dirname, '../../src/xlsx/writeWorkbook.ts'), 'utf8');
    expect(code).toMatch(/writeFile\(temporary\)/);
    expect(code).toMatch(/rename\(temporary, path\)/);
    expect(code).toMatch(/join\(\s*dirname\(path\)/);
    expect(code).toMatch(/rm\(temporary/);
    // Every command that writes a workbook goes through it.
    for (const command of ['demo', 'consolidate']) {
      const source = await readFile(
        join(__dirname, `../../src/cli/commands/${command}.ts`),
        'utf8',
      );
      expect([
        command,
        /writeWorkbookAtomically\(/.test(source),
        /\.xlsx\.writeFile\(/.test(source),
      ]).toEqual([command, true, false]);
    }
  });

  it.each([
    [
      'a folder that does not exist',
      () => join(dir, 'no-such-folder', 'out.xlsx'),
      () => join(dir),
    ],
    ['a path whose folder is a file', () => join(good, 'out.xlsx'), () => dir],
    ['an existing folder as the output file', () => join(dir, 'out-is-a-folder'), () => dir],
    ['a read-only file system', () => '/proc/capital-planner-out.xlsx', () => undefined],
  ])(
    'fails in one line for %s and leaves no partial or temporary file',
    async (_name, outOf, folderOf) => {
      const out = outOf();
      if (out.endsWith('out-is-a-folder')) await mkdir(out, { recursive: true });
      const folder = folderOf();
      const before = folder ? await leftovers(folder) : [];
      for (const args of [
        ['demo', '--out', out],
        ['consolidate', master, aReturn, '--out', out],
      ]) {
        const run = await runCli(args);
        expect(run.status).toBe(2);
        expect(hasStackTrace(run.stderr)).toBe(false);
        const lines = run.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(out);
        expect(lines[0]).not.toMatch(/internal error/);
      }
      if (folder) expect(await leftovers(folder)).toEqual(before);
    },
    40_000,
  );

  it('uses the real command (bin/capital-planner.cjs)', () => {
    expect(BIN).toMatch(/bin\/capital-planner\.cjs$/);
  });
});

/**
 * The `capital-planner` command on zip bombs (issue 7), run as a user runs it: a small .xlsx whose
 * directory declares gigabytes is refused in one line naming it, before ExcelJS inflates anything,
 * and the good file of the same call is still checked.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { craftZip, deflateRepeated } from '../../src/xlsx/__tests__/craftZip';
import { hasStackTrace, hashes, runCli } from '../cli/runCli';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-reliability-zip-bomb-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('capital-planner check on zip bombs', () => {
  it('gives exit 2 and one line per bomb naming it, no stack trace, and still checks the good file', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Programme').addRows([
      ['Scheme', 'Budget £m'],
      ['A', 40.0],
      ['B', 4.5],
      ['Total', 41.0],
    ]);
    const good = join(dir, 'good.xlsx');
    await writeFile(good, Buffer.from(await workbook.xlsx.writeBuffer()));
    // Declares 3 GB over a 4-byte payload; and a real DEFLATE payload of 300 MB in under 1 MB.
    const declared = join(dir, 'bomb 3 GB.xlsx');
    await writeFile(
      declared,
      craftZip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), uncompressedSize: 3e9 },
      ]),
    );
    const deflated = join(dir, 'bomb-deflate.xlsx');
    await writeFile(
      deflated,
      craftZip([
        {
          name: 'xl/worksheets/sheet1.xml',
          data: await deflateRepeated('<row><c><v>0</v></c></row>', 300e6),
          method: 8,
          uncompressedSize: 300e6,
        },
      ]),
    );
    const inputs = [declared, deflated, good];
    const before = await hashes(inputs);

    const run = await runCli(['check', '--json', ...inputs]);

    expect(run.status).toBe(2);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).not.toMatch(/internal error|heap out of memory/i);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`'${declared}'`);
    expect(lines[0]).toMatch(/unpacks to 3\.0 GB.*zip bomb/);
    expect(lines[1]).toContain(`'${deflated}'`);
    expect(lines[1]).toMatch(/unpacks to 300 MB from \d+ KB.*zip bomb/);
    const report = JSON.parse(run.stdout) as {
      files: { file: string; error?: string; findings: { rule: string; cell: string }[] }[];
    };
    const checked = report.files.find((entry) => entry.file === good)!;
    expect(checked.error).toBeUndefined();
    expect(checked.findings.map((f) => [f.rule, f.cell])).toContainEqual(['total-mismatch', 'B4']);
    expect(await hashes(inputs)).toEqual(before);
  }, 20_000);
});

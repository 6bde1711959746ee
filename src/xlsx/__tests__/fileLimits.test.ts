import { mkdtempSync, openSync, closeSync, ftruncateSync, writeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { MAX_WORKBOOK_BYTES, describeFileProblem } from '../fileProblem';
import { writeWorkbookAtomically } from '../writeWorkbook';

describe('limits on the files the command reads and writes', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cp-limits-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses a workbook larger than it can read in memory, saying how big it is', async () => {
    const path = join(folder, 'huge.xlsx');
    const handle = openSync(path, 'w');
    writeSync(handle, Buffer.from('PK\u0003\u0004')); // a zip signature, then a sparse tail
    ftruncateSync(handle, MAX_WORKBOOK_BYTES + 1);
    closeSync(handle);
    expect(await describeFileProblem(path)).toMatch(/^is 200 MB, larger than the 200 MB/);
  });

  it('does not call a folder missing when it exists but cannot hold files', async () => {
    const written = await writeWorkbookAtomically(
      new ExcelJS.Workbook(),
      '/proc/capital-planner.xlsx',
    );
    expect(written.ok).toBe(false);
    expect(!written.ok && written.message).not.toMatch(/does not exist/);
  });

  it('still says when the folder really is missing', async () => {
    const written = await writeWorkbookAtomically(
      new ExcelJS.Workbook(),
      join(folder, 'no-such', 'out.xlsx'),
    );
    expect(!written.ok && written.message).toMatch(/does not exist/);
  });
});

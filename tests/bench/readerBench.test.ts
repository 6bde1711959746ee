/**
 * The reader benchmark's floor (bench/lib/inflateScanFloor.cjs) must do the work it claims:
 * inflate the sheet and shared-string XML and find every <v> tag. Checked on a small programme
 * against the same count taken through the fast reader's own inflater.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeProgrammeFile } from '../../bench/files';
import { generateProgramme } from '../../bench/lib/programme';
import { ZipParts } from '../../src/xlsx/fastReader/zipParts';

const FLOOR = resolve(__dirname, '../../bench/lib/inflateScanFloor.cjs');

describe('the reader benchmark floor', () => {
  it('finds every <v> tag of the sheet and the shared strings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-floor-'));
    try {
      const path = join(dir, 'programme.xlsx');
      await writeProgrammeFile(generateProgramme(200), path);
      const parts = await ZipParts.open(path);
      let expected = 0;
      for (const name of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml'])
        expected += ((await parts.text(name)) ?? '').split('<v>').length - 1;
      expect(expected).toBeGreaterThan(200 * 10);
      const printed = execFileSync(process.execPath, [FLOOR, path], { encoding: 'utf8' });
      expect(Number(printed.trim())).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

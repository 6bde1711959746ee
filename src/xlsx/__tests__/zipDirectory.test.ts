import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import {
  MAX_PACKING_RATIO,
  MAX_PART_BYTES,
  MAX_UNPACKED_BYTES,
  describeFileProblem,
} from '../fileProblem';
import { readZipDirectory } from '../zipDirectory';
import { craftZip, deflateRepeated } from './craftZip';

let folder: string;
let workbookBytes: Buffer;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cp-zip-directory-'));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Programme');
  sheet.addRows([
    ['Scheme', 'Budget £m'],
    ['Compliance', 2.6],
    ['Total', 2.6],
  ]);
  workbookBytes = Buffer.from(await workbook.xlsx.writeBuffer());
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function saved(name: string, bytes: Buffer): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, bytes);
  return path;
}

/** The names and unpacked sizes JSZip finds by really inflating each entry: an independent reading. */
async function inflatedSizes(bytes: Buffer): Promise<[string, number][]> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files).filter((file) => !file.dir);
  return Promise.all(
    files.map(async (file): Promise<[string, number]> => [
      file.name,
      (await file.async('nodebuffer')).length,
    ]),
  );
}

describe('readZipDirectory', () => {
  it('reads every entry and its unpacked size from a workbook ExcelJS wrote', async () => {
    const path = await saved('normal.xlsx', workbookBytes);
    const directory = await readZipDirectory(path, workbookBytes.length);
    if (!directory.ok) throw new Error(directory.message);
    const declared = directory.value.entries
      .filter((entry) => !entry.name.endsWith('/')) // folders, which JSZip lists as dir
      .map((entry): [string, number] => [entry.name, entry.uncompressedSize]);
    expect(declared.sort()).toEqual((await inflatedSizes(workbookBytes)).sort());
    expect(declared.map(([name]) => name)).toContain('xl/workbook.xml');
  });

  it('reads sizes held in ZIP64 records and extra fields, as JSZip does', async () => {
    const bytes = craftZip(
      [
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>'.repeat(50)) },
      ],
      { zip64: true },
    );
    const path = await saved('zip64-small.xlsx', bytes);
    const directory = await readZipDirectory(path, bytes.length);
    if (!directory.ok) throw new Error(directory.message);
    const declared = directory.value.entries.map((entry): [string, number] => [
      entry.name,
      entry.uncompressedSize,
    ]);
    expect(declared).toEqual(await inflatedSizes(bytes));
  });

  it('finds the end record behind a comment that holds a fake one', async () => {
    const fake = Buffer.alloc(22);
    fake.writeUInt32LE(0x06054b50);
    fake.writeUInt16LE(1, 10); // one entry, at offset 0 with size 0: would read as damaged
    const comment = Buffer.concat([Buffer.from('saved by '), fake, Buffer.from(' a tool')]);
    const bytes = craftZip([{ name: 'a.xml', data: Buffer.from('<a/>') }], { comment });
    const path = await saved('comment.xlsx', bytes);
    const directory = await readZipDirectory(path, bytes.length);
    expect(directory.ok && directory.value.entries.map((entry) => entry.name)).toEqual(['a.xml']);
  });
});

describe('describeFileProblem on zip archives', () => {
  it('lets a normal workbook written by ExcelJS through', async () => {
    const path = await saved('good.xlsx', workbookBytes);
    expect(await describeFileProblem(path)).toBeUndefined();
  });

  it('refuses in one line a part that claims to unpack to 3 GB (a tiny stored payload)', async () => {
    const bytes = craftZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), uncompressedSize: 3e9 },
    ]);
    expect(bytes.length).toBeLessThan(1000);
    const problem = await describeFileProblem(await saved('bomb-3gb.xlsx', bytes));
    expect(problem).toMatch(
      /^has a part \('xl\/worksheets\/sheet1\.xml'\) that unpacks to 3\.0 GB/,
    );
    expect(problem).toMatch(/zip bomb/);
    expect(problem).not.toMatch(/\n/);
    expect(3e9).toBeGreaterThan(MAX_PART_BYTES);
  });

  it('refuses parts that are each within the part limit but together unpack to too much', async () => {
    const part = (index: number) => ({
      name: `xl/worksheets/sheet${index}.xml`,
      data: Buffer.from('<x/>'),
      uncompressedSize: 0.9e9,
    });
    const bytes = craftZip([part(1), part(2), part(3)]);
    expect(3 * 0.9e9).toBeGreaterThan(MAX_UNPACKED_BYTES);
    const problem = await describeFileProblem(await saved('bomb-total.xlsx', bytes));
    expect(problem).toMatch(/^unpacks to 2\.7 GB, more than the 2\.0 GB this command reads: /);
  });

  it('refuses a real DEFLATE bomb: a 300 MB sheet of one repeated row packed into under 1 MB', async () => {
    const size = 300e6;
    const packed = await deflateRepeated('<row><c><v>0</v></c></row>', size);
    const bytes = craftZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: packed, method: 8, uncompressedSize: size },
    ]);
    expect(size / bytes.length).toBeGreaterThan(MAX_PACKING_RATIO);
    const problem = await describeFileProblem(await saved('bomb-ratio.xlsx', bytes));
    expect(problem).toMatch(/^unpacks to 300 MB from \d+ KB \(\d+ times its size/);
    expect(problem).not.toMatch(/\n/);
  });

  it('lets a tightly packed but small file through (the ratio applies only above 200 MB)', async () => {
    const size = 50e6;
    const packed = await deflateRepeated('<row/>', size);
    const bytes = craftZip([
      { name: 'xl/worksheets/sheet1.xml', data: packed, method: 8, uncompressedSize: size },
    ]);
    expect(size / bytes.length).toBeGreaterThan(MAX_PACKING_RATIO);
    expect(await describeFileProblem(await saved('small-tight.xlsx', bytes))).toBeUndefined();
  });

  it('refuses a ZIP64 archive whose extra field claims a 5 GB part', async () => {
    const bytes = craftZip(
      [{ name: 'xl/sharedStrings.xml', data: Buffer.from('<sst/>'), uncompressedSize: 5e9 }],
      { zip64: true },
    );
    const problem = await describeFileProblem(await saved('bomb-zip64.xlsx', bytes));
    expect(problem).toMatch(/^has a part \('xl\/sharedStrings\.xml'\) that unpacks to 5\.0 GB/);
  });

  it('says a ZIP64 archive whose locator is overwritten is damaged', async () => {
    const bytes = craftZip([{ name: 'a.xml', data: Buffer.from('<a/>') }], { zip64: true });
    const locator = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]));
    bytes.writeUInt32LE(0, locator);
    const problem = await describeFileProblem(await saved('zip64-no-locator.xlsx', bytes));
    expect(problem).toMatch(/^is damaged or not an Excel workbook \(its ZIP64 directory record/);
  });

  it('says a file cut short before its zip directory is damaged, and to save it again', async () => {
    const cut = workbookBytes.subarray(0, workbookBytes.length - 200);
    const problem = await describeFileProblem(await saved('truncated.xlsx', cut));
    expect(problem).toBe(
      'is damaged or not an Excel workbook (the end of its zip directory is missing, so the file is cut short): open it in Excel, save it again as .xlsx and try again',
    );
  });

  it('says a directory pointing past its own end is damaged', async () => {
    const bytes = Buffer.from(workbookBytes);
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bytes.writeUInt32LE(bytes.length, end + 16); // directory offset beyond the file
    const problem = await describeFileProblem(await saved('bad-offset.xlsx', bytes));
    expect(problem).toMatch(
      /^is damaged or not an Excel workbook \(its zip directory points outside/,
    );
  });

  it('says an entry whose signature is overwritten is damaged', async () => {
    const bytes = Buffer.from(workbookBytes);
    const entry = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(0, entry);
    const problem = await describeFileProblem(await saved('bad-entry.xlsx', bytes));
    expect(problem).toMatch(/^is damaged or not an Excel workbook \(an entry in its zip directory/);
  });

  it('refuses an entry hidden from the directory, which a streaming reader would still inflate', async () => {
    const bytes = craftZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'.repeat(100)), listed: false },
    ]);
    const problem = await describeFileProblem(await saved('hidden-entry.xlsx', bytes));
    expect(problem).toMatch(
      /^is damaged or not an Excel workbook \(it holds data its zip directory does not list/,
    );
  });

  it('refuses an entry whose local header declares other sizes than the directory', async () => {
    const bytes = craftZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
    bytes.writeUInt32LE(3e9, 22); // the first local header's unpacked size
    const problem = await describeFileProblem(await saved('sizes-disagree.xlsx', bytes));
    expect(problem).toMatch(
      /^is damaged or not an Excel workbook \(the sizes of an entry disagree/,
    );
  });

  it('keeps a part name with line breaks to one line', async () => {
    const bytes = craftZip([{ name: 'a\nb\rc', data: Buffer.from('x'), uncompressedSize: 3e9 }]);
    const problem = await describeFileProblem(await saved('newline-name.xlsx', bytes));
    expect(problem).toMatch(/^has a part \('a\?b\?c'\)/);
  });

  it('answers every cut or overwritten copy of a workbook with ok or one line, never a throw', async () => {
    const path = join(folder, 'fuzzed.xlsx');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 4, max: workbookBytes.length }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { maxLength: 8 }),
        async (length, changes) => {
          const bytes = Buffer.from(workbookBytes.subarray(0, length));
          for (const [at, value] of changes) bytes[at % bytes.length] = value;
          await writeFile(path, bytes);
          const problem = await describeFileProblem(path);
          return problem === undefined || (problem.length > 0 && !problem.includes('\n'));
        },
      ),
      { numRuns: 300 },
    );
  });
});

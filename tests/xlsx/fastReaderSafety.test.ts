/**
 * The fast reader counts the bytes it inflates: a zip whose directory and local headers agree on
 * small sizes, but whose DEFLATE data unpacks to far more (RELIABILITY.md, "Declared sizes can
 * lie"), is stopped as soon as a part passes the size it declared, never inflated whole.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { main } from '../../src/cli/main';
import { readWorkbookFast } from '../../src/xlsx/fastReader/readWorkbookFast';
import { describeFileProblem } from '../../src/xlsx/fileProblem';

interface Part {
  name: string;
  text: string;
  /** The unpacked size the zip declares (the truth when left out). */
  declared?: number;
}

/** A zip of deflated parts whose local headers and directory both declare `declared` bytes. */
function zipOf(parts: readonly Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = deflateRawSync(Buffer.from(part.text, 'utf8'));
    const name = Buffer.from(part.name, 'utf8');
    const size = part.declared ?? Buffer.byteLength(part.text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORKBOOK = `<workbook xmlns:r="r"><sheets><sheet name="Programme" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const ROW = '<row r="1"><c r="A1"><v>1</v></c></row>';

function workbookParts(sheet: string, declared?: number): Part[] {
  return [
    { name: '[Content_Types].xml', text: '<Types/>' },
    { name: 'xl/workbook.xml', text: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', text: RELS },
    { name: 'xl/worksheets/sheet1.xml', text: sheet, declared },
  ];
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-fast-bomb-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the fast reader and zip bombs whose declared sizes lie', () => {
  // 40 MB of rows packed into a few tens of KB, declared as 2 KB in both headers.
  const bombSheet = `<worksheet><sheetData>${ROW.repeat(1_000_000)}</sheetData></worksheet>`;

  it('refuses, in one line, a sheet that unpacks to far more than its zip declares', async () => {
    const path = join(dir, 'lying-bomb.xlsx');
    await writeFile(path, zipOf(workbookParts(bombSheet, 2_000)));
    // The declared sizes pass every check made before reading...
    expect(await describeFileProblem(path)).toBeUndefined();
    // ...and the count of inflated bytes stops it.
    const read = await readWorkbookFast(path);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toMatch(
      /^has a part \('xl\/worksheets\/sheet1\.xml'\) that unpacks to more than its zip directory declares \(2000 bytes\): it may be a "zip bomb"/,
    );
    expect(read.message).not.toContain('\n');
  });

  it('reads the same sheet when its zip tells the truth', async () => {
    const path = join(dir, 'honest.xlsx');
    const sheet = `<worksheet><sheetData>${ROW}</sheetData></worksheet>`;
    await writeFile(path, zipOf(workbookParts(sheet)));
    const read = await readWorkbookFast(path);
    expect(read.ok && read.value.grids[0].values).toEqual([[1]]);
  });

  it('gives exit 2 from `check` naming the file, and still checks the good one', async () => {
    const bomb = join(dir, 'returns-bomb.xlsx');
    const good = join(dir, 'good.xlsx');
    await writeFile(bomb, zipOf(workbookParts(bombSheet, 2_000)));
    await writeFile(good, zipOf(workbookParts(`<worksheet><sheetData>${ROW}</sheetData></worksheet>`)));
    const err: string[] = [];
    const out: string[] = [];
    const status = await main(['check', bomb, good], {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
    });
    expect(status).toBe(2);
    expect(err.join('')).toMatch(/^Cannot read '.*returns-bomb\.xlsx': has a part .* "zip bomb"/);
    expect(err.join('').trim().split('\n')).toHaveLength(1);
    expect(out.join('')).toContain('good.xlsx');
  });
});

/**
 * Finds a workbook's parts (sheet XML, shared strings, styles) in its zip archive and inflates
 * them with node:zlib, counting every byte inflated and stopping at a limit. The sizes a zip
 * declares can lie (RELIABILITY.md: "Declared sizes can lie"); the count here cannot, so a zip
 * bomb is stopped after at most `limit` bytes, whatever its directory says. Layout per PKWARE's
 * APPNOTE.TXT 4.3.7 (local header) and 4.3.12 (central directory), read by zipDirectory.ts.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { MAX_PART_BYTES } from '../fileProblem';
import { readZipDirectory, type PlacedZipEntry } from '../zipDirectory';

/**
 * A part could not be inflated: damaged, an unknown compression method, or more than the limit.
 * The message is the whole problem, in the words the CLI shows after the file's name.
 */
export class PartProblem extends Error {}

const STORED = 0;
const DEFLATED = 8;
const LOCAL_LENGTH = 30;
/** Inflate in 256 KiB steps: large enough that per-chunk costs vanish, small enough to bound memory. */
const CHUNK_BYTES = 256 * 1024;

/** The parts of one zip archive by name, ready to be streamed. */
export class ZipParts {
  private constructor(
    private readonly path: string,
    private readonly entries: Map<string, PlacedZipEntry>,
  ) {}

  /**
   * Opens the archive's directory (the caller has already checked it, see describeFileProblem).
   *
   * @example
   * const parts = await ZipParts.open('programme.xlsx');
   * parts.has('xl/sharedStrings.xml'); // true
   */
  static async open(path: string): Promise<ZipParts> {
    const { size } = await stat(path);
    const directory = await readZipDirectory(path, size, true);
    if (!directory.ok) throw new PartProblem(directory.message);
    const entries = new Map<string, PlacedZipEntry>();
    for (const entry of directory.value.placed ?? []) entries.set(entry.name, entry);
    return new ZipParts(path, entries);
  }

  /** True when the archive holds a part of this name. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * Streams a part's inflated bytes in chunks, stopping with a PartProblem once more bytes come
   * out than the part's directory entry declares (already checked against the limits by
   * describeFileProblem) or than `limit`: a part that unpacks to more than it declares is lying.
   *
   * @example
   * for await (const chunk of parts.stream('xl/worksheets/sheet1.xml')) scanner.write(chunk);
   */
  async *stream(name: string, limit = MAX_PART_BYTES): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    const allowed = Math.min(limit, entry?.uncompressedSize ?? 0);
    if (!entry)
      throw new PartProblem(
        `is damaged or not an Excel workbook (its part '${name}' is missing): open it in Excel, save it again as .xlsx and try again`,
      );
    const start = await this.dataStart(entry);
    if (entry.compressedSize === 0) return;
    const raw = createReadStream(this.path, {
      start,
      end: start + entry.compressedSize - 1,
      highWaterMark: CHUNK_BYTES,
    });
    let source: AsyncIterable<Buffer>;
    if (entry.method === STORED) source = raw;
    else if (entry.method === DEFLATED) {
      const inflate = createInflateRaw({ chunkSize: CHUNK_BYTES });
      raw.on('error', (error) => inflate.destroy(error));
      raw.pipe(inflate);
      source = inflate;
    } else {
      raw.destroy();
      throw new PartProblem(
        `is damaged or not an Excel workbook (its part '${name}' uses a compression Excel does not write): open it in Excel, save it again as .xlsx and try again`,
      );
    }
    let total = 0;
    try {
      for await (const chunk of source) {
        total += chunk.length;
        if (total > allowed)
          throw new PartProblem(
            `has a part ('${name}') that unpacks to more than its zip directory declares (${allowed} bytes): it may be a "zip bomb" rather than a workbook. Check it is the file you expected; if it is, save it again from Excel`,
          );
        yield chunk;
      }
    } catch (error) {
      if (error instanceof PartProblem) throw error;
      throw new PartProblem(
        `is damaged or not an Excel workbook (its part '${name}' cannot be unpacked: ${error instanceof Error ? error.message : String(error)}): open it in Excel, save it again as .xlsx and try again`,
      );
    } finally {
      raw.destroy();
      if (source !== raw) (source as ReturnType<typeof createInflateRaw>).destroy();
    }
  }

  /**
   * A whole small part (workbook.xml, styles, relationships) as text; missing gives undefined.
   *
   * @example
   * await parts.text('xl/workbook.xml'); // '<?xml ...><workbook ...'
   */
  async text(name: string, limit = MAX_PART_BYTES): Promise<string | undefined> {
    if (!this.has(name)) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of this.stream(name, limit)) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }

  private async dataStart(entry: PlacedZipEntry): Promise<number> {
    const handle = await open(this.path, 'r');
    try {
      const header = Buffer.alloc(LOCAL_LENGTH);
      await handle.read(header, 0, LOCAL_LENGTH, entry.localOffset);
      return entry.localOffset + LOCAL_LENGTH + header.readUInt16LE(26) + header.readUInt16LE(28);
    } finally {
      await handle.close();
    }
  }
}

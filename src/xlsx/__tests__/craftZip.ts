/**
 * Writes zip archives byte by byte (APPNOTE.TXT layout) for tests that need what no zip library
 * writes: sizes that claim gigabytes over a tiny payload, and ZIP64 records on a small file.
 */
import { createDeflateRaw } from 'node:zlib';

/** One entry: its bytes as stored (raw DEFLATE when `method` is 8) and the sizes to declare. */
export interface CraftedEntry {
  name: string;
  data: Buffer;
  /** 0 = stored, 8 = DEFLATE. */
  method?: 0 | 8;
  /** What the directory claims the entry unpacks to (defaults to the stored data's length). */
  uncompressedSize?: number;
  /** False to leave the entry out of the central directory (its bytes stay in the file). */
  listed?: boolean;
}

/** How to write the archive. */
export interface CraftOptions {
  /** Write every size through ZIP64 records (0xFFFFFFFF in the 32-bit fields). */
  zip64?: boolean;
  /** Text after the end record (a zip comment), which may itself hold a fake signature. */
  comment?: Buffer;
}

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16LE(value);
  return buffer;
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}

function u64(value: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64LE(BigInt(value));
  return buffer;
}

const MAX32 = 0xffffffff;

/**
 * A zip archive holding `entries`, with the declared sizes given.
 *
 * @example
 * const bomb = craftZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), uncompressedSize: 3e9 }]);
 */
export function craftZip(entries: readonly CraftedEntry[], options: CraftOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.method ?? 0;
    const uncompressed = entry.uncompressedSize ?? entry.data.length;
    const wide = options.zip64 || uncompressed > MAX32;
    const sizes = wide ? [u32(MAX32), u32(MAX32)] : [u32(entry.data.length), u32(uncompressed)];
    const extra = wide
      ? Buffer.concat([
          u16(0x0001),
          u16(24),
          u64(uncompressed),
          u64(entry.data.length),
          u64(offset),
        ])
      : Buffer.alloc(0);
    const local = Buffer.concat([
      u32(0x04034b50),
      u16(45),
      u16(0x0800),
      u16(method),
      u16(0),
      u16(0x21),
      u32(0), // CRC-32: nothing here inflates or checks it
      ...sizes,
      u16(name.length),
      u16(0),
      name,
    ]);
    if (entry.listed !== false)
      directory.push(
        Buffer.concat([
          u32(0x02014b50),
          u16(45),
          u16(45),
          u16(0x0800),
          u16(method),
          u16(0),
          u16(0x21),
          u32(0),
          ...sizes,
          u16(name.length),
          u16(extra.length),
          u16(0),
          u16(0),
          u16(0),
          u32(0),
          u32(wide ? MAX32 : offset),
          name,
          extra,
        ]),
      );
    parts.push(local, entry.data);
    offset += local.length + entry.data.length;
  }
  const central = Buffer.concat(directory);
  const centralOffset = offset;
  const listed = directory.length;
  const tail: Buffer[] = [];
  if (options.zip64) {
    const recordOffset = centralOffset + central.length;
    tail.push(
      Buffer.concat([
        u32(0x06064b50),
        u64(44),
        u16(45),
        u16(45),
        u32(0),
        u32(0),
        u64(listed),
        u64(listed),
        u64(central.length),
        u64(centralOffset),
      ]),
      Buffer.concat([u32(0x07064b50), u32(0), u64(recordOffset), u32(1)]),
    );
  }
  const comment = options.comment ?? Buffer.alloc(0);
  tail.push(
    Buffer.concat([
      u32(0x06054b50),
      u16(0),
      u16(0),
      u16(options.zip64 ? 0xffff : listed),
      u16(options.zip64 ? 0xffff : listed),
      u32(options.zip64 ? MAX32 : central.length),
      u32(options.zip64 ? MAX32 : centralOffset),
      u16(comment.length),
      comment,
    ]),
  );
  return Buffer.concat([...parts, central, ...tail]);
}

/**
 * `text` repeated until it is `size` bytes, packed with DEFLATE as it goes (never held unpacked):
 * a real zip bomb's payload. 300 MB takes about half a second.
 *
 * @example
 * const packed = await deflateRepeated('<row/>', 300e6); // about 0.7 MB
 */
export function deflateRepeated(text: string, size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => out.push(chunk));
    deflate.on('end', () => resolve(Buffer.concat(out)));
    deflate.on('error', reject);
    const chunk = Buffer.from(text.repeat(Math.ceil(1_000_000 / text.length)));
    let written = 0;
    const write = (): void => {
      while (written < size) {
        const piece = chunk.subarray(0, Math.min(chunk.length, size - written));
        written += piece.length;
        if (!deflate.write(piece)) {
          deflate.once('drain', write);
          return;
        }
      }
      deflate.end();
    };
    write();
  });
}

/**
 * Reads a zip archive's central directory (the list of entries with their declared sizes) without
 * inflating anything, so a zip bomb can be refused before ExcelJS inflates it. Only these bytes
 * are read: the last 64 KiB + 22 bytes, the ZIP64 records when present, the directory, and the
 * 30-byte local header of each entry (to prove the directory lists every entry in the file).
 * Layout per PKWARE's APPNOTE.TXT sections 4.3.12-4.3.16 and 4.5.3.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { Parsed } from '../core';

/** One entry as the central directory declares it (declared sizes may lie: see RELIABILITY.md). */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** The archive's entries, in directory order. */
export interface ZipDirectory {
  entries: ZipEntry[];
}

const END_SIGNATURE = 0x06054b50;
const END_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_LENGTH = 20;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_END_LENGTH = 56;
const ENTRY_SIGNATURE = 0x02014b50;
const ENTRY_LENGTH = 46;
const ZIP64_EXTRA_ID = 0x0001;
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_LENGTH = 30;
const DATA_DESCRIPTOR_FLAG = 0x0008;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

/**
 * A directory larger than this is not one Excel wrote (a workbook's is a few KB; this is room for
 * about 100,000 entries), and reading it whole would itself cost memory.
 */
export const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

/** More entries than any workbook has (each sheet is two or three; 20,000 is ~7,000 sheets). */
export const MAX_ENTRIES = 20_000;

/** What is wrong with a directory, in words the caller puts inside its message. */
const FAULTS = {
  noEnd: 'the end of its zip directory is missing, so the file is cut short',
  badZip64: 'its ZIP64 directory record is damaged',
  outside: 'its zip directory points outside the file',
  tooLarge: 'its zip directory is far larger than any workbook needs',
  badEntry: 'an entry in its zip directory is damaged',
  unlisted: 'it holds data its zip directory does not list, or lists data it does not hold',
  sizesDisagree: 'the sizes of an entry disagree with its zip directory',
} as const;

type Fault = (typeof FAULTS)[keyof typeof FAULTS];

/** The archive is damaged (or not a zip): thrown inside this module only, returned as a value. */
class DirectoryFault extends Error {
  constructor(readonly fault: Fault) {
    super(fault);
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new DirectoryFault(FAULTS.outside);
  return buffer;
}

/** A little-endian 64-bit field as a number; beyond 2^53 no real file can be, so it is damage. */
function readU64(buffer: Buffer, offset: number, fault: Fault): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new DirectoryFault(fault);
  return Number(value);
}

interface DirectoryPlace {
  entryCount: number;
  size: number;
  offset: number;
}

/** Finds the end record from the back (a comment may follow it) and where the directory lies. */
async function findDirectory(handle: FileHandle, fileSize: number): Promise<DirectoryPlace> {
  const tailLength = Math.min(fileSize, END_LENGTH + MAX_COMMENT_LENGTH);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  // A comment may hold the signature too: take the record whose comment ends the file, else the
  // last one whose comment fits in it (as other readers do with trailing bytes).
  let end = -1;
  for (let at = tail.length - END_LENGTH; at >= 0; at -= 1) {
    if (tail.readUInt32LE(at) !== END_SIGNATURE) continue;
    const recordEnd = at + END_LENGTH + tail.readUInt16LE(at + 20);
    if (recordEnd === tail.length) {
      end = at;
      break;
    }
    if (recordEnd < tail.length && end < 0) end = at;
  }
  if (end < 0) throw new DirectoryFault(FAULTS.noEnd);
  let place: DirectoryPlace = {
    entryCount: tail.readUInt16LE(end + 10),
    size: tail.readUInt32LE(end + 12),
    offset: tail.readUInt32LE(end + 16),
  };
  const endPosition = tailStart + end;
  const zip64 = place.entryCount === U16_MAX || place.size === U32_MAX || place.offset === U32_MAX;
  if (zip64 && endPosition >= ZIP64_LOCATOR_LENGTH) {
    const locator = await readAt(handle, endPosition - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
    if (locator.readUInt32LE(0) === ZIP64_LOCATOR_SIGNATURE) {
      const recordPosition = readU64(locator, 8, FAULTS.badZip64);
      if (recordPosition + ZIP64_END_LENGTH > endPosition)
        throw new DirectoryFault(FAULTS.badZip64);
      const record = await readAt(handle, recordPosition, ZIP64_END_LENGTH);
      if (record.readUInt32LE(0) !== ZIP64_END_SIGNATURE) throw new DirectoryFault(FAULTS.badZip64);
      place = {
        entryCount: readU64(record, 32, FAULTS.badZip64),
        size: readU64(record, 40, FAULTS.badZip64),
        offset: readU64(record, 48, FAULTS.badZip64),
      };
    } else if (place.size === U32_MAX || place.offset === U32_MAX) {
      throw new DirectoryFault(FAULTS.badZip64);
    }
  }
  if (place.offset + place.size > endPosition) throw new DirectoryFault(FAULTS.outside);
  if (place.size > MAX_DIRECTORY_BYTES) throw new DirectoryFault(FAULTS.tooLarge);
  return place;
}

interface EntrySizes {
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** An entry with where its local header lies, for the walk over the file's bytes. */
interface PlacedEntry extends ZipEntry {
  localOffset: number;
  /** General-purpose flags; bit 3 means the sizes follow the data (a data descriptor). */
  flags: number;
}

/** The values an entry's ZIP64 extra field (0x0001) holds for the fields marked 0xFFFFFFFF. */
function zip64Sizes(extra: Buffer, entry: EntrySizes): EntrySizes {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    const body = extra.subarray(at + 4, at + 4 + length);
    if (body.length !== length) break;
    if (id === ZIP64_EXTRA_ID) {
      // Only the fields that overflowed are present, in this order (APPNOTE 4.5.3).
      let field = 0;
      const next = (): number => {
        if (field + 8 > body.length) throw new DirectoryFault(FAULTS.badEntry);
        const value = readU64(body, field, FAULTS.badEntry);
        field += 8;
        return value;
      };
      const uncompressedSize = entry.uncompressedSize === U32_MAX ? next() : entry.uncompressedSize;
      const compressedSize = entry.compressedSize === U32_MAX ? next() : entry.compressedSize;
      const localOffset = entry.localOffset === U32_MAX ? next() : entry.localOffset;
      return { compressedSize, uncompressedSize, localOffset };
    }
    at += 4 + length;
  }
  if (
    entry.uncompressedSize === U32_MAX ||
    entry.compressedSize === U32_MAX ||
    entry.localOffset === U32_MAX
  )
    throw new DirectoryFault(FAULTS.badEntry);
  return entry;
}

function parseEntries(directory: Buffer, entryCount: number): PlacedEntry[] {
  if (entryCount > MAX_ENTRIES) throw new DirectoryFault(FAULTS.tooLarge);
  const entries: PlacedEntry[] = [];
  let at = 0;
  for (let index = 0; index < entryCount; index += 1) {
    if (at + ENTRY_LENGTH > directory.length || directory.readUInt32LE(at) !== ENTRY_SIGNATURE)
      throw new DirectoryFault(FAULTS.badEntry);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const nameStart = at + ENTRY_LENGTH;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > directory.length) throw new DirectoryFault(FAULTS.badEntry);
    const sizes = zip64Sizes(directory.subarray(extraStart, extraStart + extraLength), {
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localOffset: directory.readUInt32LE(at + 42),
    });
    entries.push({
      name: directory.toString('utf8', nameStart, extraStart),
      flags: directory.readUInt16LE(at + 8),
      ...sizes,
    });
    at = next;
  }
  return entries;
}

/**
 * Checks the entries' local headers tile the file from its start to the directory, each where the
 * directory says and with the sizes it declares. ExcelJS's streaming reader walks local headers,
 * not the directory, so an entry the directory does not list (hidden in a gap, or overlapping
 * another) would be inflated unchecked.
 */
async function checkLocalEntries(
  handle: FileHandle,
  entries: PlacedEntry[],
  directoryOffset: number,
): Promise<void> {
  const ordered = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const [index, entry] of ordered.entries()) {
    if (entry.localOffset !== expected) throw new DirectoryFault(FAULTS.unlisted);
    const header = await readAt(handle, entry.localOffset, LOCAL_LENGTH);
    if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new DirectoryFault(FAULTS.unlisted);
    const compressed = header.readUInt32LE(18);
    const uncompressed = header.readUInt32LE(22);
    const sizesFollow = (entry.flags & DATA_DESCRIPTOR_FLAG) !== 0;
    if (
      !sizesFollow &&
      ((compressed !== U32_MAX && compressed !== entry.compressedSize) ||
        (uncompressed !== U32_MAX && uncompressed !== entry.uncompressedSize))
    )
      throw new DirectoryFault(FAULTS.sizesDisagree);
    const dataEnd =
      entry.localOffset +
      LOCAL_LENGTH +
      header.readUInt16LE(26) +
      header.readUInt16LE(28) +
      entry.compressedSize;
    const next = index + 1 < ordered.length ? ordered[index + 1].localOffset : directoryOffset;
    // A data descriptor (CRC and sizes, 4- or 8-byte, with or without its signature) is 12-24
    // bytes: too short to hide a local header (30 bytes and more) in.
    const gap = next - dataEnd;
    if (sizesFollow ? gap < 12 || gap > 24 : gap !== 0) throw new DirectoryFault(FAULTS.unlisted);
    expected = next;
  }
  if (expected !== directoryOffset) throw new DirectoryFault(FAULTS.unlisted);
}

/**
 * Reads the central directory of the zip archive at `path` (`fileSize` bytes long): each entry's
 * name and declared sizes, ZIP64 included. A missing or damaged directory comes back as a message
 * (what is damaged); an operating-system error (EIO, EACCES) is thrown for the caller to word.
 *
 * @example
 * const directory = await readZipDirectory('programme.xlsx', 18_204);
 * if (directory.ok) directory.value.entries.map((entry) => entry.uncompressedSize);
 * else console.log(directory.message); // e.g. 'the end of its zip directory is missing, ...'
 */
export async function readZipDirectory(
  path: string,
  fileSize: number,
): Promise<Parsed<ZipDirectory>> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const place = await findDirectory(handle, fileSize);
    const directory = await readAt(handle, place.offset, place.size);
    const entries = parseEntries(directory, place.entryCount);
    await checkLocalEntries(handle, entries, place.offset);
    return {
      ok: true,
      value: {
        entries: entries.map(({ name, compressedSize, uncompressedSize }) => ({
          name,
          compressedSize,
          uncompressedSize,
        })),
      },
    };
  } catch (error) {
    if (error instanceof DirectoryFault) return { ok: false, message: error.fault };
    throw error;
  } finally {
    await handle?.close();
  }
}

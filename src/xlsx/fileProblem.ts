/**
 * Says, before ExcelJS is asked to parse anything, why a path cannot be a workbook. ExcelJS's own
 * errors on such files ("End of data reached", "Can't find end of central directory") mean
 * nothing to a finance officer, and some of them surface as stack traces.
 */
import { open, stat } from 'node:fs/promises';
import { readZipDirectory, type ZipDirectory } from './zipDirectory';

/** First bytes of every .xlsx (a zip archive). */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** First bytes of an OLE2 compound file: a password-protected .xlsx, or an old .xls. */
const COMPOUND_FILE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** True when the bytes look like text (CSV, TSV, HTML saved as .xlsx): no control bytes but tabs and line ends. */
function looksLikeText(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) return false;
  }
  return true;
}

/**
 * The largest .xlsx file `check` will open. Reading is in memory, and a workbook of this size is
 * already several million cells; larger files would exhaust memory with no useful message.
 */
export const MAX_WORKBOOK_BYTES = 200_000_000;

/**
 * The most a workbook may unpack to, all parts together (declared in its zip directory). Measured
 * workbooks written by ExcelJS unpack 7-15 times their size, so the 200 MB file cap already admits
 * about 1.6 GB; more than this is beyond what a read in memory survives.
 */
export const MAX_UNPACKED_BYTES = 2_000_000_000;

/** The most one part (one sheet's XML, the shared strings, an image) may unpack to. */
export const MAX_PART_BYTES = 1_000_000_000;

/**
 * Unpacked size over file size beyond which a file is refused (when it unpacks to more than
 * {@link RATIO_APPLIES_ABOVE}). Real sheets pack 7-15:1 (blank styled rows the most); a zip bomb
 * packs about 1000:1, DEFLATE's limit.
 */
export const MAX_PACKING_RATIO = 200;

/** Small files may pack tightly (a nearly empty workbook): the ratio matters only above this. */
export const RATIO_APPLIES_ABOVE = 200_000_000;

function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}

/** A part's name for a one-line message: no control characters, not too long. */
function partName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return plain.length > 60 ? `${plain.slice(0, 57)}...` : plain;
}

const BOMB_ADVICE =
  'it may be a "zip bomb" rather than a workbook. Check it is the file you expected; if it is, save it again from Excel or split it into smaller workbooks';

/**
 * Why a zip archive of `fileSize` bytes unpacks to too much to read safely, from the sizes its
 * directory declares; `undefined` when they are within the limits.
 *
 * @example
 * describeUnpackedSize({ entries: [{ name: 'xl/worksheets/sheet1.xml', compressedSize: 3e6, uncompressedSize: 3e9 }] }, 3e6);
 * // "has a part ('xl/worksheets/sheet1.xml') that unpacks to 3.0 GB, more than the 1 GB ..."
 */
export function describeUnpackedSize(
  directory: ZipDirectory,
  fileSize: number,
): string | undefined {
  let unpacked = 0;
  for (const entry of directory.entries) {
    if (entry.uncompressedSize > MAX_PART_BYTES) {
      return `has a part ('${partName(entry.name)}') that unpacks to ${formatBytes(entry.uncompressedSize)}, more than the ${formatBytes(MAX_PART_BYTES)} this command reads from one part: ${BOMB_ADVICE}`;
    }
    unpacked += entry.uncompressedSize;
  }
  if (unpacked > MAX_UNPACKED_BYTES) {
    return `unpacks to ${formatBytes(unpacked)}, more than the ${formatBytes(MAX_UNPACKED_BYTES)} this command reads: ${BOMB_ADVICE}`;
  }
  if (unpacked > RATIO_APPLIES_ABOVE && unpacked > MAX_PACKING_RATIO * fileSize) {
    return `unpacks to ${formatBytes(unpacked)} from ${formatBytes(fileSize)} (${Math.round(unpacked / fileSize)} times its size; workbooks pack about 10 times): ${BOMB_ADVICE}`;
  }
  return undefined;
}

/**
 * Why `path` cannot be read as a workbook, in words that say what to do; `undefined` when it
 * looks like an .xlsx (a zip archive whose directory is sound and whose declared sizes are within
 * the limits above) and is worth handing to ExcelJS.
 *
 * @example
 * await describeFileProblem('returns/empty.xlsx');
 * // "is empty (0 bytes): it is not a workbook. Save the workbook again from Excel as .xlsx"
 */
export async function describeFileProblem(path: string): Promise<string | undefined> {
  let size: number;
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) return 'is a folder, not a workbook: name the .xlsx files inside it';
    if (!stats.isFile()) return 'is not a regular file: name an .xlsx workbook';
    size = stats.size;
  } catch (error) {
    return describeSystemError(error);
  }
  if (size === 0)
    return 'is empty (0 bytes): it is not a workbook. Save the workbook again from Excel as .xlsx';
  if (size > MAX_WORKBOOK_BYTES) {
    return `is ${Math.round(size / 1e6)} MB, larger than the ${MAX_WORKBOOK_BYTES / 1e6} MB this command reads: split it, or check the sheets you need with --sheet after saving them apart`;
  }

  const head = new Uint8Array(512);
  let length: number;
  try {
    const handle = await open(path, 'r');
    try {
      ({ bytesRead: length } = await handle.read(head, 0, head.length, 0));
    } finally {
      await handle.close();
    }
  } catch (error) {
    return describeSystemError(error);
  }
  const bytes = head.subarray(0, length);
  if (startsWith(bytes, ZIP_SIGNATURE)) return describeZipProblem(path, size);
  if (startsWith(bytes, COMPOUND_FILE_SIGNATURE)) {
    return 'is password-protected or an old .xls workbook: remove the password (File > Info > Protect Workbook) or save it as .xlsx, then try again';
  }
  if (looksLikeText(bytes) && /^(\uFEFF)?\s*</.test(new TextDecoder().decode(bytes))) {
    // Many systems "export to Excel" as a web page: Excel opens it, but it is not a workbook.
    return 'is a web page (HTML or XML), not an .xlsx workbook: open it in Excel and save it as Excel Workbook (.xlsx)';
  }
  if (looksLikeText(bytes)) {
    return 'is a text (CSV) file, not an .xlsx workbook: open it in Excel and save it as Excel Workbook (.xlsx)';
  }
  return 'is not an .xlsx workbook (it is not a zip archive): save it from Excel as Excel Workbook (.xlsx)';
}

/** A zip archive: refused when its directory is damaged or it unpacks to too much (a zip bomb). */
async function describeZipProblem(path: string, size: number): Promise<string | undefined> {
  let directory;
  try {
    directory = await readZipDirectory(path, size);
  } catch (error) {
    return describeSystemError(error);
  }
  if (!directory.ok) {
    return `is damaged or not an Excel workbook (${directory.message}): open it in Excel, save it again as .xlsx and try again`;
  }
  return describeUnpackedSize(directory.value, size);
}

/**
 * One line for an operating-system error on a path (missing file, no permission).
 *
 * @example
 * describeSystemError(Object.assign(new Error(), { code: 'ENOENT' })); // 'does not exist: check the path and the file name'
 */
export function describeSystemError(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'does not exist: check the path and the file name';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be opened: you do not have permission to read it';
    case 'EISDIR':
      return 'is a folder, not a workbook: name the .xlsx files inside it';
    case 'EBUSY':
      return 'is locked by another program: close it (for example in Excel) and try again';
    default:
      return `cannot be read (${firstLine(error)})`;
  }
}

/**
 * The first line of an error's message, for one-line reports.
 *
 * @example
 * firstLine(new Error('bad zip\n    at Object.<anonymous>')); // 'bad zip'
 */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].trim() || 'unknown error';
}

/**
 * Writes a workbook so that a reader never sees half a file: into a temporary file beside the
 * target, then renamed over it (a rename within one folder is atomic).
 */
import type ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Parsed } from '../core';
import { describeSystemError } from './fileProblem';

/**
 * Writes `workbook` to `path` atomically; a failure leaves any earlier file at `path` untouched.
 *
 * @example
 * const written = await writeWorkbookAtomically(workbook, 'consolidated.xlsx');
 * if (!written.ok) console.error(`Cannot write 'consolidated.xlsx': ${written.message}`);
 */
export async function writeWorkbookAtomically(
  workbook: ExcelJS.Workbook,
  path: string,
): Promise<Parsed<string>> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await workbook.xlsx.writeFile(temporary);
    await rename(temporary, path);
    return { ok: true, value: path };
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : '';
    // ENOENT also comes from folders that exist but cannot hold files (/proc): say which it is.
    if (code === 'ENOENT') {
      const folder = dirname(path);
      return {
        ok: false,
        message: (await folderExists(folder))
          ? `files cannot be created in '${folder}': choose another --out folder`
          : `its folder '${folder}' does not exist: create it or choose another --out`,
      };
    }
    return { ok: false, message: describeSystemError(error) };
  }
}

async function folderExists(folder: string): Promise<boolean> {
  try {
    return (await stat(folder)).isDirectory();
  } catch {
    return false;
  }
}

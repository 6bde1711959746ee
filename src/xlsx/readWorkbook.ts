/**
 * Reads an .xlsx file into one grid per worksheet. Problems with the file (missing, empty,
 * damaged, password-protected, a CSV with the wrong name) come back as a message, never a throw.
 */
import type ExcelJS from 'exceljs';
import type { Parsed } from '../core';
import { describeFileProblem, firstLine } from './fileProblem';
import type { SheetGrid } from './sheetGrid';
import { SheetGridBuilder } from './sheetGrid';
import { readWorkbookFast, type WorkbookTable } from './fastReader/readWorkbookFast';

/** What to read. */
export interface ReadOptions {
  /** Read only the worksheet with this name (case-insensitive, as Excel matches sheet names). */
  sheet?: string;
}

/** The grids of one workbook, in sheet order. */
export interface WorkbookGrids {
  grids: SheetGrid[];
  /** Every worksheet's name, for messages. */
  sheetNames: string[];
  /** The Excel tables (ListObjects) on the sheets read, with their ranges (the fast reader's). */
  tables?: WorkbookTable[];
}

/**
 * Reads every worksheet (or the one named) of an .xlsx file into grids of Office.js-like values,
 * with the fast streaming reader (src/xlsx/fastReader: it gives the grid ExcelJS gives, in a
 * fraction of the time and memory). ExcelJS's whole-file read is used only when the fast reader
 * finds no `xl/workbook.xml` or no worksheet in it (a zip that is not laid out as Excel lays out
 * a workbook), so that ExcelJS's own message explains the file.
 *
 * @example
 * const read = await readWorkbookGrids('programme.xlsx', { sheet: 'Programme' });
 * if (read.ok) checkGrid(read.value.grids[0]);
 * else console.error(`Cannot read 'programme.xlsx': ${read.message}`);
 */
export async function readWorkbookGrids(
  path: string,
  options: ReadOptions = {},
): Promise<Parsed<WorkbookGrids>> {
  const problem = await describeFileProblem(path);
  if (problem) return { ok: false, message: problem };
  const fast = await readWorkbookFast(path, options);
  if (fast.ok) return fast;
  if (!('fallback' in fast)) return { ok: false, message: fast.message };
  return readWholeWorkbookGrids(path, options);
}

/**
 * Reads the grids through a whole-file load: exact in every case, slower than streaming.
 *
 * @example
 * const read = await readWholeWorkbookGrids('programme.xlsx');
 */
export async function readWholeWorkbookGrids(
  path: string,
  options: ReadOptions = {},
): Promise<Parsed<WorkbookGrids>> {
  const loaded = await loadWorkbook(path);
  if (!loaded.ok) return loaded;
  return gridsOfWorkbook(loaded.value, options);
}

/**
 * Loads an .xlsx file with ExcelJS, after checking it is one; a bad file gives a message.
 *
 * @example
 * const loaded = await loadWorkbook('master.xlsx');
 * if (loaded.ok) loaded.value.getWorksheet('Monitoring');
 */
export async function loadWorkbook(path: string): Promise<Parsed<ExcelJS.Workbook>> {
  const problem = await describeFileProblem(path);
  if (problem) return { ok: false, message: problem };
  // Loaded only here: requiring ExcelJS costs more than reading a 20k-row sheet with the fast reader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const workbook = new Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    return {
      ok: false,
      message: `is damaged or not an Excel workbook (${firstLine(error)}): open it in Excel, save it again as .xlsx and try again`,
    };
  }
  if (workbook.worksheets.length === 0) {
    // Every Excel workbook has a sheet: this is some other zip archive (.docx, .zip) named .xlsx.
    return {
      ok: false,
      message:
        'has no worksheets: it is not an Excel workbook. Check it is the right file, saved from Excel as .xlsx',
    };
  }
  return { ok: true, value: workbook };
}

/**
 * The grids of a loaded workbook (every sheet, or the one named).
 *
 * @example
 * const read = gridsOfWorkbook(workbook, { sheet: 'Monitoring' });
 */
export function gridsOfWorkbook(
  workbook: ExcelJS.Workbook,
  options: ReadOptions = {},
): Parsed<WorkbookGrids> {
  const date1904 = Boolean(workbook.properties?.date1904);
  const sheetNames = workbook.worksheets.map((worksheet) => worksheet.name);
  const chosen = selectSheets(workbook.worksheets, sheetNames, options.sheet);
  if (!chosen.ok) return chosen;
  const grids = chosen.value.map((worksheet) => {
    const builder = new SheetGridBuilder(worksheet.name, date1904);
    worksheet.eachRow((row, rowNumber) => {
      row.eachCell((cell, columnNumber) => builder.add(rowNumber, columnNumber, cell));
    });
    return builder.build();
  });
  return { ok: true, value: { grids, sheetNames } };
}

function selectSheets<T extends { name: string }>(
  worksheets: T[],
  sheetNames: string[],
  wanted: string | undefined,
): Parsed<T[]> {
  if (wanted === undefined) return { ok: true, value: worksheets };
  const match = worksheets.filter(
    (worksheet) => worksheet.name.toLowerCase() === wanted.toLowerCase(),
  );
  if (match.length > 0) return { ok: true, value: match };
  const list = sheetNames.length > 0 ? sheetNames.map((name) => `'${name}'`).join(', ') : 'none';
  return {
    ok: false,
    message: `has no sheet named '${wanted}' (its sheets: ${list}): check the --sheet name`,
  };
}

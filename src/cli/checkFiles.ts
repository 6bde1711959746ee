/**
 * Runs the engine's checks over every sheet of every file. One unreadable file is reported and
 * the others are still checked.
 */
import type { Finding, Parsed, TableReading } from '../core';
import type { ReadOptions, WorkbookGrids } from '../xlsx/readWorkbook';
import type { SheetGrid } from '../xlsx/sheetGrid';
import { SETTINGS_SHEET, columnReadingsBlockOf, savedColumnReading } from '../workbook';
import type { FileReport, SheetReading } from './report';

/**
 * How the engine's check is called on one grid (core `checkGrid` fits this), with the reading of
 * its columns the user saved in the workbook, when there is one.
 */
export type GridChecker = (
  grid: SheetGrid,
  savedColumns?: Record<string, string>,
) => { findings: Finding[]; reading?: TableReading };

/** Whether `--column` was given: the command line's own reading then wins over a saved one. */
export interface CheckFilesOptions extends ReadOptions {
  columnsGiven?: boolean;
}

/** Reads a file into grids (the xlsx adapter fits this). */
export type GridReader = (path: string, options: ReadOptions) => Promise<Parsed<WorkbookGrids>>;

/**
 * Checks each file in turn and returns one report per file, in the order given.
 *
 * @example
 * const reports = await checkFiles(['a.xlsx'], {}, readWorkbookGrids, (grid) => checkGrid(grid, { decimals: 1 }));
 */
export async function checkFiles(
  files: readonly string[],
  options: CheckFilesOptions,
  read: GridReader,
  check: GridChecker,
): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const file of files) {
    const workbook = await read(file, options);
    if (!workbook.ok) {
      reports.push({ file, findings: [], error: workbook.message });
      continue;
    }
    const findings: Finding[] = [];
    const tables: SheetReading[] = [];
    const notes: string[] = [];
    const readings = await savedReadings(file, workbook.value, options, read);
    for (const grid of workbook.value.grids) {
      // The add-in's settings sheet holds the council's rules, not figures to check.
      if (grid.values.length === 0 || grid.sheet === SETTINGS_SHEET) continue;
      const saved = readings === undefined ? {} : savedColumnReading(readings, grid.sheet ?? '');
      if (saved.problem !== undefined) notes.push(saved.problem);
      if (saved.columns !== undefined)
        notes.push(
          options.columnsGiven === true
            ? `The reading of the columns of '${grid.sheet}' saved in the workbook was not used: --column was given`
            : `The columns of '${grid.sheet}' were read as saved in the workbook (Check in the task pane): ${Object.entries(
                saved.columns,
              )
                .map(([letters, role]) => `${letters}=${role}`)
                .join('; ')}`,
        );
      const checked = check(grid, saved.columns);
      if (checked.reading !== undefined)
        tables.push({ sheet: grid.sheet ?? '', table: checked.reading });
      for (const finding of checked.findings) {
        findings.push(
          finding.sheet === undefined && grid.sheet !== undefined
            ? { ...finding, sheet: grid.sheet }
            : finding,
        );
      }
    }
    reports.push({
      file,
      findings,
      ...(tables.length > 0 ? { tables } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    });
  }
  return reports;
}

/**
 * The block of readings the task pane saved on the settings sheet, or undefined when there is
 * none. With `--sheet`, the settings sheet was not read with the rest, so it is read on its own.
 */
async function savedReadings(
  file: string,
  workbook: WorkbookGrids,
  options: ReadOptions,
  read: GridReader,
): Promise<unknown[][] | undefined> {
  const isSettings = (name: string | undefined) =>
    name !== undefined && name.toLowerCase() === SETTINGS_SHEET.toLowerCase();
  let settings = workbook.grids.find((grid) => isSettings(grid.sheet));
  if (settings === undefined && options.sheet !== undefined) {
    if (!workbook.sheetNames.some(isSettings)) return undefined;
    const again = await read(file, { ...options, sheet: SETTINGS_SHEET });
    if (!again.ok) return undefined;
    settings = again.value.grids[0];
  }
  return settings === undefined
    ? undefined
    : columnReadingsBlockOf(settings.values, settings.origin);
}

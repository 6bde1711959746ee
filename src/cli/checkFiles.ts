/**
 * Runs the engine's checks over every sheet of every file. One unreadable file is reported and
 * the others are still checked.
 */
import type { Finding, Parsed } from '../core';
import type { ReadOptions, WorkbookGrids } from '../xlsx/readWorkbook';
import type { SheetGrid } from '../xlsx/sheetGrid';
import { SETTINGS_SHEET } from '../workbook';
import type { FileReport } from './report';

/** How the engine's check is called on one grid (core `checkGrid` fits this). */
export type GridChecker = (grid: SheetGrid) => { findings: Finding[] };

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
  options: ReadOptions,
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
    for (const grid of workbook.value.grids) {
      // The add-in's settings sheet holds the council's rules, not figures to check.
      if (grid.values.length === 0 || grid.sheet === SETTINGS_SHEET) continue;
      for (const finding of check(grid).findings) {
        findings.push(
          finding.sheet === undefined && grid.sheet !== undefined
            ? { ...finding, sheet: grid.sheet }
            : finding,
        );
      }
    }
    reports.push({ file, findings });
  }
  return reports;
}

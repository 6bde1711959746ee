/**
 * Recalculating a workbook in LibreOffice (headless, every formula recalculated on load) and
 * comparing its figures with the ones the engine cached, for the "computes without the add-in" tests.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const FORCE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Converts `file` with LibreOffice, recalculating every formula, and reads the result. */
export async function recalculateInLibreOffice(
  file: string,
  dir: string,
): Promise<ExcelJS.Workbook> {
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), FORCE);
  const out = join(dir, 'out');
  const run = spawnSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--convert-to',
      'xlsx',
      '--outdir',
      out,
      file,
    ],
    { encoding: 'utf8', timeout: 150000 },
  );
  if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(out, basename(file)));
  return workbook;
}

function resultOf(value: unknown): unknown {
  let result =
    value && typeof value === 'object' && 'formula' in (value as object)
      ? ((value as { result?: unknown }).result ?? 0)
      : value;
  if (result instanceof Date) result = (result.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
  if (result && typeof result === 'object' && 'error' in (result as object))
    result = (result as { error: unknown }).error;
  return result;
}

/** Every formula of `sheet` in `ours` whose cached figure differs from LibreOffice's. */
export function compareFormulas(
  ours: ExcelJS.Workbook,
  theirs: ExcelJS.Workbook,
  sheet: string,
): { formulas: number; differences: string[] } {
  const mine = ours.getWorksheet(sheet);
  const other = theirs.getWorksheet(sheet);
  if (!mine || !other) throw new Error(`no sheet ${sheet}`);
  const differences: string[] = [];
  let formulas = 0;
  mine.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      const value = cell.value as unknown;
      if (!value || typeof value !== 'object' || !('formula' in (value as object))) return;
      formulas++;
      const cached = resultOf(value);
      const computed = resultOf(other.getCell(r, c).value);
      const same =
        typeof cached === 'number' && typeof computed === 'number'
          ? Math.abs(cached - computed) < 1e-9
          : cached === computed;
      if (!same)
        differences.push(
          `${sheet}!${cell.address} ${(value as { formula: string }).formula}: cached ${JSON.stringify(cached)}, LibreOffice ${JSON.stringify(computed)}`,
        );
    }),
  );
  return { formulas, differences };
}

/**
 * Highlight the cells of findings, and put their old fills back. All flagged cells of one severity
 * on a sheet are filled through one RangeAreas, so the writes grow with the number of findings,
 * never with the size of the sheet; the old fills are read in the same single round trip.
 */
import type { Severity } from '../core';
import { fromA1, toA1 } from './a1';
import { runAction } from './action';
import { currentRequestBudget } from './requestBudget';
import { excelRun } from './excelRun';
import { ADD_IN_CODES, officeErrorMessage } from './officeErrors';
import { excelApiStatus, REQUIRED_EXCEL_API } from './platform';
import type { ActionResult, Finding } from './types';

/** Light fills that keep black text readable in light and dark Office themes. */
export const HIGHLIGHT_FILLS: Readonly<Record<Severity, string>> = {
  error: '#F4CCCC',
  warning: '#FFF2CC',
  info: '#DDEBF7',
};

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** A cell's fill before we highlighted it: a colour, or none. */
type OldFill = { color: string } | 'none';

/** Old fills by sheet, then cell (A1). Kept until clearHighlights restores them. */
const remembered = new Map<string, Map<string, OldFill>>();

/**
 * What reading one cell's old fill adds to a round trip: a getRange and a getCellProperties (two
 * queued actions of about 100 bytes of JSON each, with the address) and the answer (its fill's
 * colour, pattern and tint with their envelope). Counted high, so a 4 MB budget holds ~10,000.
 */
const READ_BYTES_PER_CELL = 400;

/** RangeAreas addresses are limited in length; keep each well under it. */
const MAX_AREAS_ADDRESS = 8000;

/**
 * Splits cell addresses into comma-joined lists short enough for one `getRanges` call.
 *
 * @example
 * areaAddresses(['A1', 'B2']); // ['A1,B2']
 */
export function areaAddresses(cells: readonly string[]): string[] {
  const lists: string[] = [];
  let current = '';
  for (const cell of cells) {
    if (current !== '' && current.length + cell.length + 1 > MAX_AREAS_ADDRESS) {
      lists.push(current);
      current = '';
    }
    current = current === '' ? cell : `${current},${cell}`;
  }
  if (current !== '') lists.push(current);
  return lists;
}

/** The most severe finding per cell, grouped by sheet. */
function flaggedCells(findings: readonly Finding[]): Map<string, Map<string, Severity>> {
  const bySheet = new Map<string, Map<string, Severity>>();
  for (const finding of findings) {
    if (!finding.sheet || !finding.cell) continue;
    const at = fromA1(finding.cell);
    if (!at) continue;
    const cell = toA1(at.row, at.column);
    const cells = bySheet.get(finding.sheet) ?? new Map<string, Severity>();
    const was = cells.get(cell);
    if (!was || RANK[finding.severity] > RANK[was]) cells.set(cell, finding.severity);
    bySheet.set(finding.sheet, cells);
  }
  return bySheet;
}

/** What getCellProperties reports of a cell's fill (any field may be missing). */
interface ReportedFill {
  color?: string | null;
  pattern?: string | null;
  tintAndShade?: number | null;
}

/**
 * A cell's fill as it must be put back. Excel reports "No Fill" as color #FFFFFF, exactly like a
 * solid white fill, with no pattern to tell them apart (office-js #6218 and #4900:
 * https://github.com/OfficeDev/office-js/issues/6218, https://github.com/OfficeDev/office-js/issues/4900).
 * `tintAndShade` is null for No Fill and a number for a real colour (the maintainer's answer in
 * #4900), so a white that reports no tintAndShade is taken as No Fill: putting back No Fill on a
 * cell that was solid white looks the same, while painting white over No Fill hides gridlines.
 *
 * @example
 * oldFillFrom({ color: '#FFFFFF', pattern: null, tintAndShade: null }); // 'none'
 * oldFillFrom({ color: '#FFFF00', tintAndShade: 0 }); // { color: '#FFFF00' }
 */
export function oldFillFrom(fill: ReportedFill | undefined): OldFill {
  if (!fill || !fill.color || fill.pattern === 'None') return 'none';
  if (typeof fill.tintAndShade === 'number') return { color: fill.color };
  if (fill.tintAndShade === null) return 'none';
  return fill.color.toUpperCase() === '#FFFFFF' ? 'none' : { color: fill.color };
}

/** A sheet's protection, loaded with the sheet. */
interface Guarded {
  sheet: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
}

function loadProtection(sheet: Excel.Worksheet): Excel.WorksheetProtection {
  return sheet.protection.load('protected, options');
}

/**
 * Lets fills be changed on sheets the add-in protected (forecast sheets) for the length of one
 * batch. A protected sheet refuses format changes unless it was protected with
 * `allowFormatCells` (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions),
 * so such a sheet is unprotected before the fills and protected again, with the same options,
 * after them, in the same request. Returns the sheets to protect again should the request fail.
 */
function openForFormatting(guarded: readonly Guarded[]): {
  reprotect: () => void;
  reopened: { name: string; options: Excel.WorksheetProtectionOptions }[];
} {
  const reopened: { name: string; options: Excel.WorksheetProtectionOptions }[] = [];
  const toProtect: Guarded[] = [];
  for (const g of guarded) {
    if (g.sheet.isNullObject || !g.protection.protected) continue;
    if (g.protection.options?.allowFormatCells) continue;
    g.protection.unprotect();
    toProtect.push(g);
    reopened.push({ name: g.sheet.name, options: { ...g.protection.options } });
  }
  return {
    reopened,
    reprotect: () => {
      for (const g of toProtect) g.protection.protect({ ...g.protection.options });
    },
  };
}

/**
 * After a failed request that had unprotected sheets: protect again any that are still open.
 * The failed request ran nothing after its failing step, so its own re-protect may not have run.
 */
async function protectAgain(
  reopened: readonly { name: string; options: Excel.WorksheetProtectionOptions }[],
): Promise<void> {
  if (reopened.length === 0) return;
  await excelRun(async (context) => {
    const states = reopened.map((r) => ({
      ...r,
      protection: context.workbook.worksheets.getItem(r.name).protection.load('protected'),
    }));
    await context.sync();
    for (const s of states) if (!s.protection.protected) s.protection.protect(s.options);
    await context.sync();
  }).catch(() => undefined);
}

/**
 * Fills the cells of the findings (one RangeAreas per severity), remembering their old fills.
 *
 * @example
 * await highlightFindings(report.findings);
 */
export async function highlightFindings(
  findings: readonly Finding[],
): Promise<ActionResult<{ cells: number }>> {
  // getCellProperties and RangeAreas are ExcelApi 1.9 (the manifest's minimum); an Excel that
  // says it lacks them gets a message rather than an ApiNotFound part-way.
  if (excelApiStatus(REQUIRED_EXCEL_API) === 'missing')
    return {
      ok: false,
      message: `Highlight findings could not start: ${officeErrorMessage({ code: ADD_IN_CODES.apiMissing }) ?? ''}`,
    };
  return runAction('Highlight findings', () =>
    excelRun(async (context) => {
      const bySheet = flaggedCells(findings);
      const sheets = new Map<string, Excel.Worksheet>();
      const guarded: Guarded[] = [];
      const toRead: { sheet: string; cell: string }[] = [];
      for (const [sheetName, cells] of bySheet) {
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        sheet.load('name');
        sheets.set(sheetName, sheet);
        guarded.push({ sheet, protection: loadProtection(sheet) });
        const known = remembered.get(sheetName);
        for (const cell of cells.keys()) {
          // Already ours: its true old fill is remembered.
          if (!known?.has(cell)) toRead.push({ sheet: sheetName, cell });
        }
      }
      // The old fills are read in round trips that stay inside Excel on the web's request limit
      // (regression: highlighting the 16,700 findings of a 100k-row check sent one request past
      // 5 MB and failed); desktop Excel reads them all with the sheets, in one.
      const perTrip = Math.max(1, Math.floor(currentRequestBudget() / READ_BYTES_PER_CELL));
      let from = 0;
      do {
        const reads: {
          sheet: string;
          cell: string;
          props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
        }[] = [];
        for (const read of toRead.slice(from, from + perTrip)) {
          const sheet = sheets.get(read.sheet);
          // After the first trip a missing sheet is known: nothing is asked of it.
          if (!sheet || (from > 0 && sheet.isNullObject)) continue;
          reads.push({
            ...read,
            props: sheet.getRange(read.cell).getCellProperties({
              format: { fill: { color: true, pattern: true, tintAndShade: true } },
            }),
          });
        }
        await context.sync();
        for (const read of reads) {
          if (sheets.get(read.sheet)?.isNullObject) continue;
          const old = oldFillFrom(read.props.value[0][0].format?.fill);
          const known = remembered.get(read.sheet) ?? new Map<string, OldFill>();
          known.set(read.cell, old);
          remembered.set(read.sheet, known);
        }
        from += perTrip;
      } while (from < toRead.length);
      let count = 0;
      const open = openForFormatting(guarded);
      for (const [sheetName, cells] of bySheet) {
        const sheet = sheets.get(sheetName);
        if (!sheet || sheet.isNullObject) continue;
        for (const severity of ['info', 'warning', 'error'] as const) {
          const list = [...cells].filter(([, s]) => s === severity).map(([cell]) => cell);
          for (const address of areaAddresses(list))
            sheet.getRanges(address).format.fill.color = HIGHLIGHT_FILLS[severity];
          count += list.length;
        }
      }
      open.reprotect();
      try {
        await context.sync();
      } catch (error) {
        await protectAgain(open.reopened);
        throw error;
      }
      return { ok: true, value: { cells: count } };
    }),
  );
}

/**
 * Puts back the fills that highlightFindings replaced.
 *
 * @example
 * await clearHighlights();
 */
export async function clearHighlights(): Promise<ActionResult<{ cells: number }>> {
  return runAction('Clear highlights', () =>
    excelRun(async (context) => {
      const sheets = [...remembered.keys()].map((name) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        sheet.load('name');
        return { name, sheet, protection: loadProtection(sheet) };
      });
      await context.sync();
      const open = openForFormatting(sheets);
      let count = 0;
      for (const { name, sheet } of sheets) {
        const cells = remembered.get(name);
        if (!cells || sheet.isNullObject) continue;
        const groups = new Map<string, string[]>();
        for (const [cell, old] of cells) {
          const key = old === 'none' ? '' : old.color;
          groups.set(key, [...(groups.get(key) ?? []), cell]);
        }
        for (const [color, list] of groups) {
          for (const address of areaAddresses(list)) {
            const areas = sheet.getRanges(address);
            if (color === '') areas.format.fill.clear();
            else areas.format.fill.color = color;
          }
          count += list.length;
        }
      }
      open.reprotect();
      try {
        await context.sync();
      } catch (error) {
        await protectAgain(open.reopened);
        throw error;
      }
      remembered.clear();
      return { ok: true, value: { cells: count } };
    }),
  );
}

/**
 * Forgets remembered fills without touching the workbook (a new workbook, or tests).
 *
 * @example
 * forgetHighlights();
 */
export function forgetHighlights(): void {
  remembered.clear();
}

/**
 * Highlight the cells of findings, and put their old fills back. All flagged cells of one severity
 * on a sheet are filled through one RangeAreas, so the writes grow with the number of findings,
 * never with the size of the sheet; the old fills are read in the same single round trip.
 */
import type { Severity } from '../core/findings';
import { fromA1, toA1 } from './a1';
import { runAction } from './action';
import { excelRun } from './excelRun';
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

/**
 * Fills the cells of the findings (one RangeAreas per severity), remembering their old fills.
 *
 * @example
 * await highlightFindings(report.findings);
 */
export async function highlightFindings(
  findings: readonly Finding[],
): Promise<ActionResult<{ cells: number }>> {
  return runAction('Highlight findings', () =>
    excelRun(async (context) => {
      const bySheet = flaggedCells(findings);
      const reads: {
        sheet: string;
        cell: string;
        props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
      }[] = [];
      const sheets = new Map<string, Excel.Worksheet>();
      for (const [sheetName, cells] of bySheet) {
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        sheet.load('name');
        sheets.set(sheetName, sheet);
        const known = remembered.get(sheetName);
        for (const cell of cells.keys()) {
          if (known?.has(cell)) continue; // already ours: its true old fill is remembered
          reads.push({
            sheet: sheetName,
            cell,
            props: sheet
              .getRange(cell)
              .getCellProperties({ format: { fill: { color: true, pattern: true } } }),
          });
        }
      }
      await context.sync();
      for (const read of reads) {
        if (sheets.get(read.sheet)?.isNullObject) continue;
        const fill = read.props.value[0][0].format?.fill;
        const old: OldFill =
          !fill || fill.pattern === 'None' || !fill.color ? 'none' : { color: fill.color };
        const known = remembered.get(read.sheet) ?? new Map<string, OldFill>();
        known.set(read.cell, old);
        remembered.set(read.sheet, known);
      }
      let count = 0;
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
      await context.sync();
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
        return { name, sheet };
      });
      await context.sync();
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
      await context.sync();
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

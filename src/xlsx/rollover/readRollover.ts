/**
 * Reads what closing the year needs from the task pane's sheets (Programme, In-year monitoring,
 * Revisions), with a message naming the sheet and cell when something is missing or unreadable.
 */
import type ExcelJS from 'exceljs';
import {
  formatFiscalYear,
  isTotalLabel,
  readPeriodHeaders,
  tryFromNumber,
  ZERO,
  type Decimal,
  type Month,
  type Parsed,
} from '../../core';
import {
  IN_YEAR_HEADER_ROW,
  IN_YEAR_SHEET,
  PROGRAMME_COLUMNS,
  PROGRAMME_SHEET,
  REVISIONS_SHEET,
  programmeColumn,
  type RolloverInput,
  closingReference,
  statedPeriodOfInYearSheet,
} from '../../workbook';
import { money, settingsOf, text, valueOf } from './cells';

/** Where the Programme's figures are, for applying the plan. */
export interface ProgrammeLayout {
  firstPeriodColumn: number;
  periodCount: number;
  /** Rows of the schemes being closed, by Ref. */
  rows: Map<string, number>;
  /** Rows of every scheme, closed or not (a scheme not phased yet is left as it is). */
  allRows: Map<string, number>;
}

/**
 * Reads the rollover plan's input from a workbook the task pane (or `demo`) built: each scheme's
 * Programme columns, and its outturn and all-years forecast from the In-year monitoring sheet.
 * A missing sheet or an unreadable figure is a message naming the sheet and cell.
 *
 * @example
 * const read = readRolloverInput(workbook);
 * if (read.ok) planRollover(read.value.input);
 */
export function readRolloverInput(
  workbook: ExcelJS.Workbook,
): Parsed<{ input: RolloverInput; layout: ProgrammeLayout }> {
  const missing = [PROGRAMME_SHEET, IN_YEAR_SHEET, REVISIONS_SHEET].filter(
    (name) => !workbook.getWorksheet(name),
  );
  if (missing.length > 0)
    return {
      ok: false,
      message: `has no ${missing.map((name) => `'${name}'`).join(' or ')} sheet: closing the year needs the Programme, the Revisions log and the In-year monitoring at period 12 (build them with the add-in's Set up and Monitor, or start from 'capital-planner demo')`,
    };
  const programme = workbook.getWorksheet(PROGRAMME_SHEET) as ExcelJS.Worksheet;
  const inYear = workbook.getWorksheet(IN_YEAR_SHEET) as ExcelJS.Worksheet;

  const settings = settingsOf(workbook);
  // parseSettings keeps the start month within 1-12.
  const startMonth = settings.fiscalYearStartMonth as Month;
  const monitored = statedPeriodOfInYearSheet(
    valueOf(inYear.getCell('D3')),
    text(inYear.getCell('E3')),
    startMonth,
  );
  if (!monitored.ok) return { ok: false, message: `has ${monitored.message}` };
  const { year, period } = monitored.value;
  const closing = closingReference(year, startMonth);
  const revisions = workbook.getWorksheet(REVISIONS_SHEET) as ExcelJS.Worksheet;
  for (let r = 2; text(revisions.getCell(r, 1)) !== ''; r++)
    if (text(revisions.getCell(r, 7)) === closing)
      return {
        ok: false,
        message: `has a Revisions line with reference '${closing}' at row ${r}: ${formatFiscalYear(year, startMonth)} was closed already`,
      };
  const firstPeriodColumn = PROGRAMME_COLUMNS.length + 1;
  const headers: string[] = [];
  for (let c = firstPeriodColumn; text(programme.getCell(1, c)) !== ''; c++)
    headers.push(text(programme.getCell(1, c)));
  const columns = readPeriodHeaders(headers, startMonth);
  if (!columns.ok)
    return { ok: false, message: `has '${PROGRAMME_SHEET}' row 1 unreadable: ${columns.message}` };

  const outturns = new Map<string, { outturn: Decimal; allYears?: Decimal }>();
  for (let r = IN_YEAR_HEADER_ROW + 1; text(inYear.getCell(r, 1)) !== ''; r++) {
    const ref = text(inYear.getCell(r, 1));
    const outturn = money(inYear.getCell(r, 7));
    if (outturn === undefined)
      return {
        ok: false,
        message: `has '${IN_YEAR_SHEET}'!G${r}: the actual to date of ${ref} is not a figure: bring in the year's actuals first`,
      };
    const allYears = money(inYear.getCell(r, 13));
    outturns.set(ref, allYears ? { outturn, allYears } : { outturn });
  }

  const refColumn = programmeColumn('ref') + 1;
  const nameColumn = programmeColumn('scheme') + 1;
  const phasingColumn = programmeColumn('phasing') + 1;
  const profileColumn = programmeColumn('profile') + 1;
  const rows = new Map<string, number>();
  const allRows = new Map<string, number>();
  const schemes: RolloverInput['schemes'][number][] = [];
  for (let r = 2; text(programme.getCell(r, refColumn)) !== ''; r++) {
    const ref = text(programme.getCell(r, refColumn));
    // The table's totals row ends the schemes.
    if (isTotalLabel(ref)) break;
    const periods: Decimal[] = [];
    for (let i = 0; i < headers.length; i++) {
      const cell = programme.getCell(r, firstPeriodColumn + i);
      const amount = money(cell) ?? (valueOf(cell) === null ? tryFromNumber(0) : undefined);
      if (amount === undefined)
        return {
          ok: false,
          message: `has '${PROGRAMME_SHEET}'!${cell.address} that is not a figure: correct it before closing the year`,
        };
      periods.push(amount);
    }
    allRows.set(ref, r);
    const seen = outturns.get(ref);
    // A scheme not phased yet (TBC) and with no spend has nothing to close.
    if (periods.every((amount) => amount.units === 0) && !seen?.outturn.units) continue;
    rows.set(ref, r);
    const scheme: RolloverInput['schemes'][number] = {
      ref,
      name: text(programme.getCell(r, nameColumn)),
      periods,
      outturn: seen?.outturn ?? ZERO,
    };
    if (seen?.allYears) scheme.allYearsForecast = seen.allYears;
    // The Phasing phrase and Profile, rewritten if closing the year leaves them wrong.
    const phrase = text(programme.getCell(r, phasingColumn));
    if (phrase !== '')
      scheme.words = { phasing: phrase, profile: text(programme.getCell(r, profileColumn)) };
    schemes.push(scheme);
  }
  return {
    ok: true,
    value: {
      input: {
        at: { year, period },
        columns: columns.value,
        schemes,
        decimals: settings.decimals,
        startMonth,
      },
      layout: { firstPeriodColumn, periodCount: headers.length, rows, allRows },
    },
  };
}

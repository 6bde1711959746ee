/**
 * Reads a capital programme from a CSV file (Status, Area for investment, Capital £m, Impact,
 * Phase), with ExcelJS's CSV reader (fast-csv underneath) so quoting is handled by a library.
 */
import ExcelJS from 'exceljs';
import type { Parsed } from '../core';
import { parseMoney, unitFromHeader, type Decimal, type MoneyUnit } from '../core';
import { describeSystemError, firstLine } from './fileProblem';

/** One scheme as the CSV gives it, its capital in £m. */
export interface ProgrammeCsvRow {
  status: string;
  area: string;
  impact: string;
  phase: string;
  /** Capital in £m, exactly. */
  capital: Decimal;
  /** Decimal places the capital was printed with. */
  shownDecimals: number;
}

const COLUMNS = ['status', 'area for investment', 'capital', 'impact', 'phase'] as const;

/**
 * Reads the programme rows of a CSV file; a missing column or an unreadable amount is a message.
 *
 * @example
 * const rows = await readProgrammeCsv('src/cli/samples/investment-programme-2016.csv');
 * if (rows.ok) rows.value[0]; // { status: 'Delivered or in progress', area: 'Compliance', capital: 2.6 (£m), ... }
 */
export async function readProgrammeCsv(path: string): Promise<Parsed<ProgrammeCsvRow[]>> {
  const workbook = new ExcelJS.Workbook();
  let worksheet: ExcelJS.Worksheet;
  try {
    // Keep every field as text: ExcelJS would otherwise guess dates and numbers.
    worksheet = await workbook.csv.readFile(path, { map: (datum: unknown) => datum });
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error;
    return {
      ok: false,
      message: code ? describeSystemError(error) : `cannot be read as CSV (${firstLine(error)})`,
    };
  }
  const rows: string[][] = [];
  worksheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell(
      { includeEmpty: true },
      (cell, column) => (cells[column - 1] = cell.value === null ? '' : String(cell.value)),
    );
    rows.push(Array.from(cells, (text) => text ?? ''));
  });
  if (rows.length === 0)
    return {
      ok: false,
      message:
        'is empty: give a header row (Status, Area for investment, Capital £m, Impact, Phase) and a row per scheme',
    };
  const header = rows[0].map((text) => text.trim().toLowerCase());
  const index = COLUMNS.map((name) => header.findIndex((text) => text.startsWith(name)));
  const missing = COLUMNS.filter((_, i) => index[i] < 0);
  if (missing.length > 0)
    return {
      ok: false,
      message: `has no column ${missing.map((name) => `'${name}'`).join(', ')}: the header row must name Status, Area for investment, Capital £m, Impact and Phase`,
    };
  const [status, area, capital, impact, phase] = index;
  const unit: MoneyUnit = unitFromHeader(rows[0][capital]) ?? '£m';

  const programme: ProgrammeCsvRow[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r];
    if (cells.every((text) => text.trim() === '')) continue;
    const amount = parseMoney(cells[capital] ?? '', { unit: '£m', assumedUnit: unit });
    if (!amount.ok) return { ok: false, message: `row ${r + 1}: ${amount.message}` };
    programme.push({
      status: (cells[status] ?? '').trim(),
      area: (cells[area] ?? '').trim(),
      impact: (cells[impact] ?? '').trim(),
      phase: (cells[phase] ?? '').trim(),
      capital: amount.value.value,
      shownDecimals: amount.value.shownDecimals,
    });
  }
  return { ok: true, value: programme };
}

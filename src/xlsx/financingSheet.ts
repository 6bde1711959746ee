/**
 * Reads back a Financing sheet written from its plan (src/workbook/financing.ts): the years, the
 * schemes' spend formulas, the Funding lines (shares or amounts), the statement's sources and the
 * borrowing terms, so the sheet can be planned again with new spend (after closing the year).
 */
import type ExcelJS from 'exceljs';
import {
  parseMrpMethod,
  parseFiscalYear,
  tryFromNumber,
  type FundingLine,
  type Parsed,
  type YearAmount,
} from '../core';
import type { BorrowingTerms, FinancingSheetInput } from '../workbook';

const FORMULA_TYPE = 6;

function valueOf(cell: ExcelJS.Cell): unknown {
  return cell.type === FORMULA_TYPE ? cell.result : cell.value;
}

function text(cell: ExcelJS.Cell): string {
  const value = valueOf(cell);
  return value === null || value === undefined ? '' : String(value).trim();
}

function rowOf(sheet: ExcelJS.Worksheet, label: string, from = 1): number | undefined {
  for (let r = from; r <= sheet.rowCount; r++) if (text(sheet.getCell(r, 1)) === label) return r;
  return undefined;
}

/** What the Financing sheet holds, except the spend (given anew by the caller). */
export interface FinancingSheetContents {
  years: number[];
  schemes: { ref: string; name: string; spendFormulas: string[] }[];
  funding: FundingLine[];
  sources: string[];
  borrowing?: BorrowingTerms;
}

/**
 * Reads the parts of a Financing sheet its plan needs again. A sheet not laid out by the plan is a
 * message saying which part is missing.
 *
 * @example
 * const read = readFinancingSheet(workbook.getWorksheet('Financing')!);
 * if (read.ok) read.value.funding.length; // 13
 */
export function readFinancingSheet(sheet: ExcelJS.Worksheet): Parsed<FinancingSheetContents> {
  const header = rowOf(sheet, 'Scheme');
  const lastExpenditure = rowOf(sheet, 'Total expenditure');
  const fundingHeader = rowOf(sheet, 'For scheme');
  const sourcesHeader = rowOf(sheet, 'Financed by');
  const totalFinancing = rowOf(sheet, 'Total financing');
  if (!header || !lastExpenditure || !fundingHeader || !sourcesHeader || !totalFinancing)
    return {
      ok: false,
      message:
        "is not laid out as the add-in's Financing sheet (Scheme, Total expenditure, For scheme, Financed by, Total financing in column A)",
    };
  const years: number[] = [];
  for (let c = 4; text(sheet.getCell(header, c)) !== 'Total'; c++) {
    const year = parseFiscalYear(text(sheet.getCell(header, c)));
    if (!year.ok)
      return { ok: false, message: `${sheet.getCell(header, c).address}: ${year.message}` };
    years.push(year.value);
  }
  const schemes: FinancingSheetContents['schemes'] = [];
  for (let r = header + 1; r < lastExpenditure; r++) {
    schemes.push({
      ref: text(sheet.getCell(r, 1)),
      name: text(sheet.getCell(r, 2)),
      spendFormulas: years.map((_, i) => {
        const cell = sheet.getCell(r, 4 + i);
        return cell.type === FORMULA_TYPE ? `=${cell.formula}` : '';
      }),
    });
  }
  const funding: FundingLine[] = [];
  for (let r = fundingHeader + 1; text(sheet.getCell(r, 1)) !== ''; r++) {
    const ref = text(sheet.getCell(r, 1));
    const source = text(sheet.getCell(r, 2));
    const share = valueOf(sheet.getCell(r, 3));
    const percent = typeof share === 'number' ? tryFromNumber(share) : undefined;
    if (percent) {
      funding.push({ ref, source, basis: { kind: 'share', percent } });
      continue;
    }
    const amounts: YearAmount[] = [];
    years.forEach((year, i) => {
      const value = valueOf(sheet.getCell(r, 4 + i));
      const amount = typeof value === 'number' ? tryFromNumber(value) : undefined;
      if (amount) amounts.push({ year, amount });
    });
    funding.push({ ref, source, basis: { kind: 'amounts', years: amounts } });
  }
  const sources: string[] = [];
  for (let r = sourcesHeader + 1; r < totalFinancing; r++) sources.push(text(sheet.getCell(r, 1)));
  const contents: FinancingSheetContents = { years, schemes, funding, sources };
  const life = rowOf(sheet, 'Asset life (years)', totalFinancing);
  if (life) {
    const lifeYears = valueOf(sheet.getCell(life, 2));
    const method = parseMrpMethod(text(sheet.getCell(life + 1, 2)));
    const rate = valueOf(sheet.getCell(life + 2, 2));
    const ratePercent = typeof rate === 'number' ? tryFromNumber(rate) : undefined;
    if (typeof lifeYears === 'number' && method.ok && ratePercent)
      contents.borrowing = { lifeYears, method: method.value, ratePercent };
  }
  return { ok: true, value: contents };
}

/** The plan's input from what was read and each scheme's new spend by year. *
 * @example
 * planFinancingSheet(financingInputOf(read.value, spendOf, '£m', 2));
 */
export function financingInputOf(
  contents: FinancingSheetContents,
  spendOf: (ref: string) => FinancingSheetInput['schemes'][number]['spendByYear'],
  unit: FinancingSheetInput['unit'],
  decimals: number,
): FinancingSheetInput {
  const input: FinancingSheetInput = {
    years: contents.years,
    schemes: contents.schemes.map((scheme) => ({
      ref: scheme.ref,
      name: scheme.name,
      spendByYear: spendOf(scheme.ref),
      spendFormulas: scheme.spendFormulas,
    })),
    funding: contents.funding,
    sources: contents.sources,
    unit,
    decimals,
  };
  if (contents.borrowing) input.borrowing = contents.borrowing;
  return input;
}

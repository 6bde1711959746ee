import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FUNDING_SOURCES, fromNumber, type FundingLine } from '../../src/core';
import { planFinancingSheet } from '../../src/workbook/financing';
import { addSheetPlan } from '../../src/xlsx/writePlan';
import { recalculateInLibreOffice } from '../support/libreOffice';

const d = fromNumber;
test('financing sheet recalculates in LibreOffice to its cached figures', async () => {
  const years = [2016, 2017, 2018, 2019];
  const schemes = [
    { ref: 'CP-001', name: 'Compliance', spendByYear: [2.6, 0, 0, 0].map(d) },
    { ref: 'CP-002', name: 'Service management', spendByYear: [0.37, 0.73, 0, 0].map(d) },
    { ref: 'CP-003', name: 'Refresh', spendByYear: [1, 3.33, 3.34, 3.33].map(d) },
  ];
  const funding: FundingLine[] = [
    { ref: 'CP-001', source: 'Government grants', basis: { kind: 'share', percent: d(33.33) } },
    { ref: 'CP-001', source: 'Capital receipts', basis: { kind: 'share', percent: d(33.33) } },
    { ref: 'CP-001', source: 'Prudential borrowing', basis: { kind: 'share', percent: d(33.34) } },
    {
      ref: 'CP-002',
      source: 'Revenue contributions (RCCO)',
      basis: { kind: 'amounts', years: [{ year: 2016, amount: d(0.37) }] },
    },
    { ref: 'CP-002', source: 'Reserves', basis: { kind: 'share', percent: d(100) } },
    {
      ref: 'CP-003',
      source: 'S106 / CIL contributions',
      basis: { kind: 'share', percent: d(12.5) },
    },
    { ref: 'CP-003', source: 'Prudential borrowing', basis: { kind: 'share', percent: d(87.5) } },
  ];
  const built = planFinancingSheet({
    years,
    schemes,
    funding,
    sources: DEFAULT_FUNDING_SOURCES,
    unit: '£m',
    decimals: 2,
    borrowing: { lifeYears: 5, method: 'annuity', ratePercent: d(4.5) },
  });
  const workbook = new ExcelJS.Workbook();
  addSheetPlan(workbook, built.plan);
  const dir = mkdtempSync(join(tmpdir(), 'finlo-'));
  const file = join(dir, 'fin.xlsx');
  await workbook.xlsx.writeFile(file);
  const recalculated = await recalculateInLibreOffice(file, dir);
  const sheet = recalculated.getWorksheet('Financing')!;
  const problems: string[] = [];
  let formulas = 0;
  built.plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell || typeof cell !== 'object' || !('formula' in cell)) return;
      formulas++;
      const value = sheet.getCell(r + 1, c + 1).value as unknown;
      let result =
        value && typeof value === 'object' && 'result' in (value as object)
          ? (value as { result: unknown }).result
          : value;
      if (result && typeof result === 'object' && 'formula' in (result as object)) result = '';
      if (result instanceof Date) result = (result.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
      const same =
        typeof cell.result === 'number' && typeof result === 'number'
          ? Math.abs(cell.result - result) < 1e-9
          : cell.result === result;
      if (!same)
        problems.push(
          `R${r + 1}C${c + 1} ${cell.formula}: cached ${JSON.stringify(cell.result)}, LO ${JSON.stringify(result)}`,
        );
    }),
  );
  expect(formulas).toBeGreaterThan(100);
  expect(problems).toEqual([]);
}, 180000);

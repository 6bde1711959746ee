import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  actualToDate,
  fromNumber,
  monitoringLineAt,
  ZERO,
  type LedgerLine,
  type MonitoringSnapshot,
  type SchemeAtPeriod,
  type PhasedColumnAmount,
  reprofileYears,
  add,
} from '../../src/core';
import {
  planActualsSheet,
  planHistorySheet,
  planInYearSheet,
  planPositionSheet,
  type InYearLine,
} from '../../src/workbook/inYearMonitoring';
import { planSettingsSheet, DEFAULT_SETTINGS } from '../../src/workbook/settings';
import { thresholdsOf } from '../../src/workbook/monitoring';
import { addSheetPlan } from '../../src/xlsx/writePlan';
import { recalculateInLibreOffice } from '../support/libreOffice';
import type { SheetPlan } from '../../src/workbook/plan';

const d = fromNumber;
const q = (year: number, amounts: number[]): PhasedColumnAmount[] =>
  amounts.map((amount, i) => ({
    column: { kind: 'quarter', year, quarter: (i + 1) as 1 },
    amount: d(amount),
  }));

test('in-year sheets recalculate in LibreOffice to their cached figures', async () => {
  const settings = { ...DEFAULT_SETTINGS, decimals: 2 };
  const at = { year: 2016, period: 8 as const };
  const schemes: SchemeAtPeriod[] = [
    {
      ref: 'CP-001',
      name: 'Compliance',
      area: 'Technology',
      approvedPhasing: [...q(2016, [2.6, 0, 0, 0])],
      actualToDate: ZERO,
      inYearForecast: d(2.5),
      allYearsForecast: d(2.5),
      explanation: 'Saving on licences',
    },
    {
      ref: 'CP-002',
      name: 'Service management',
      area: 'Technology',
      approvedPhasing: [...q(2016, [0, 0.37, 0.37, 0.36])],
      actualToDate: ZERO,
      inYearForecast: d(0.8),
      allYearsForecast: d(1.1),
    },
    {
      ref: 'CP-003',
      name: 'Technology refresh',
      area: 'Infrastructure',
      approvedPhasing: [...q(2016, [0.98, 0.98, 0.97, 0.97]), ...q(2017, [1, 1, 1, 1])],
      revisions: [
        {
          kind: 're-profile',
          amount: ZERO,
          date: { year: 2016, month: 10, day: 1 },
          yearAmounts: reprofileYears(d(0.5), 2016, 2017),
        },
      ],
      actualToDate: ZERO,
      inYearForecast: d(3.0),
      allYearsForecast: d(7.9),
      explanation: 'Supplier delay',
    },
  ];
  const lines: LedgerLine[] = [
    { ref: 'CP-001', year: 2016, period: 2, amount: d(1.25) },
    { ref: 'CP-001', year: 2016, period: 5, amount: d(1.01) },
    { ref: 'CP-002', year: 2016, period: 7, amount: d(0.33) },
    { ref: 'CP-003', year: 2016, period: 8, amount: d(2.17) },
    { ref: 'CP-003', year: 2016, period: 9, amount: d(0.4) },
    { ref: 'CP-003', year: 2015, period: 12, amount: d(0.1) },
  ];
  const history: MonitoringSnapshot[] = schemes.map((s) => ({
    ref: s.ref,
    at: { year: 2016, period: 6 },
    inYearBudget: d(1),
    actualToDate: d(0.5),
    inYearForecast: add(s.inYearForecast, d(0.2)),
    allYearsForecast: s.allYearsForecast!,
  }));
  history.push({
    ref: 'CP-001',
    at: { year: 2016, period: 3 },
    inYearBudget: d(1),
    actualToDate: d(0.5),
    inYearForecast: d(9),
    allYearsForecast: d(9),
  });
  const inYearLines: InYearLine[] = schemes.map((s) =>
    monitoringLineAt(
      { ...s, actualToDate: actualToDate(lines, s.ref, at) },
      {
        at,
        thresholds: thresholdsOf(settings),
        rag: { amberPercent: settings.amberPercent, redPercent: settings.redPercent },
      },
      history,
    ),
  );
  const inYear = planInYearSheet({
    at,
    lines: inYearLines,
    settings,
    actualsRows: lines.length,
    historyRows: history.length,
    previous: { year: 2016, period: 6 },
  });
  const plans: SheetPlan[] = [
    planSettingsSheet(settings),
    planActualsSheet(lines, settings),
    planHistorySheet(history, settings),
    inYear.plan,
    planPositionSheet({ at, lines: inYearLines, inYear: inYear.rows, settings }),
  ];
  const workbook = new ExcelJS.Workbook();
  for (const plan of plans) addSheetPlan(workbook, plan);
  const dir = mkdtempSync(join(tmpdir(), 'iylo-'));
  const file = join(dir, 'iy.xlsx');
  await workbook.xlsx.writeFile(file);
  const recalculated = await recalculateInLibreOffice(file, dir);
  const problems: string[] = [];
  let formulas = 0;
  for (const plan of plans) {
    const sheet = recalculated.getWorksheet(plan.name)!;
    plan.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || typeof cell !== 'object' || !('formula' in cell)) return;
        formulas++;
        const value = sheet.getCell(r + 1, c + 1).value as unknown;
        let result =
          value && typeof value === 'object' && 'result' in (value as object)
            ? (value as { result: unknown }).result
            : value;
        if (result && typeof result === 'object' && 'formula' in (result as object)) result = '';
        if (result && typeof result === 'object' && 'formula' in (result as object)) result = '';
        if (result instanceof Date) result = (result.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
        if (result === null || result === undefined) result = '';
        const same =
          typeof cell.result === 'number' && typeof result === 'number'
            ? Math.abs(cell.result - result) < 1e-9
            : cell.result === result;
        if (!same)
          problems.push(
            `${plan.name}!R${r + 1}C${c + 1} ${cell.formula.slice(0, 120)}: cached ${JSON.stringify(cell.result)}, LO ${JSON.stringify(result)}`,
          );
      }),
    );
  }
  expect(formulas).toBeGreaterThan(100);
  expect(problems).toEqual([]);
}, 180000);

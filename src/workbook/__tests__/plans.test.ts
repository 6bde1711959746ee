import { fromNumber } from '../../core';
import {
  DEFAULT_SETTINGS,
  FORECAST_COLUMN,
  MONITORING_HEADER_ROW,
  REVISED_BUDGET_FORMULA,
  SIGNED_AMOUNT_FORMULA,
  blankProgrammeLine,
  isFormulaCell,
  lineFormulas,
  monitoringRowCount,
  parseSettings,
  planChecksSheet,
  planForecastSheet,
  planMonitoringSheet,
  planProgrammeSheet,
  planRevisionsSheet,
  planSettingsSheet,
  qualifyTableFormula,
  settingCell,
  type MonitoringScheme,
  forecastSheetName,
} from '..';

describe('Programme plan', () => {
  const plan = planProgrammeSheet({
    sheet: 'Programme',
    periodHeaders: ['2016/17 Q1', '2016/17 Q2'],
    lines: [blankProgrammeLine(2)],
    unit: '£m',
    decimals: 1,
  });

  it('puts the Revised budget formula in the table column, to be written once the table exists', () => {
    const table = plan.tables[0];
    expect(table).toMatchObject({ name: 'Programme', top: 0, left: 0, rows: 1, totalsRow: true });
    expect(table.columns[7]).toMatchObject({
      name: 'Revised budget',
      formula: REVISED_BUDGET_FORMULA,
    });
    expect(table.columns.filter((c) => c.formula !== undefined)).toHaveLength(1);
  });

  it('totals every money and period column with SUBTOTAL over the column, and labels the first', () => {
    const totals = plan.tables[0].columns.map((c) => c.total);
    expect(totals[0]).toEqual({ label: 'Total' });
    expect(totals[6]).toEqual({ formula: '=SUBTOTAL(109,[Approved budget])' });
    expect(totals[12]).toEqual({ formula: '=SUBTOTAL(109,[2016/17 Q1])' });
    expect(totals[1]).toBeUndefined();
  });

  it('keeps Ref as text and shows money in the unit, in the body and the totals row', () => {
    expect(plan.formats).toEqual([
      { top: 1, left: 0, formats: [expect.any(Array), expect.any(Array)] },
    ]);
    const row = plan.formats[0].formats[0];
    expect(row[0]).toBe('@');
    expect(row[6]).toBe('"£"#,##0.0"m";("£"#,##0.0"m")');
    expect(row[13]).toBe(row[6]);
    expect(row[1]).toBe('General');
  });

  it('offers Status and Profile drop-downs on every scheme row and freezes the header', () => {
    expect(plan.validations).toEqual([
      {
        range: { top: 1, left: 1, rows: 1, columns: 1 },
        list: expect.arrayContaining(['Planned']),
      },
      {
        range: { top: 1, left: 9, rows: 1, columns: 1 },
        list: ['even', 'front', 'back', 'scurve'],
      },
    ]);
    expect(plan.freezeRows).toBe(1);
  });

  it('puts the phasing check one blank column right of the table, so it never reads as a period', () => {
    const checked = planProgrammeSheet({
      sheet: 'Programme',
      periodHeaders: ['2016/17 Q1', '2016/17 Q2'],
      lines: [blankProgrammeLine(2)],
      unit: '£m',
      decimals: 2,
      phasingCheck: { results: ['Not phased'] },
    });
    expect(checked.cells[0][14]).toBeNull();
    expect(checked.cells[0][15]).toBe('Phasing check');
    expect(checked.cells[1][15]).toEqual({
      formula: '=IF(SUM(M2:N2)=0,"Not phased",IF(ABS(SUM(M2:N2)-H2)<0.0005,"OK","Check"))',
      result: 'Not phased',
    });
  });
});

describe('Revisions plan', () => {
  it('starts an empty log with one row ready to type into, Signed amount a table formula', () => {
    const plan = planRevisionsSheet({ sheet: 'Revisions', lines: [], unit: '£m', decimals: 1 });
    expect(plan.tables[0].rows).toBe(1);
    expect(plan.tables[0].columns[4]).toEqual({
      name: 'Signed amount',
      formula: SIGNED_AMOUNT_FORMULA,
    });
    expect(plan.validations[0]).toEqual({
      range: { top: 1, left: 2, rows: 1, columns: 1 },
      list: ['addition', 'reduction', 'virement', 're-profile'],
    });
  });

  it('writes dates as calendar dates and the signed amount the engine worked out', () => {
    const plan = planRevisionsSheet({
      sheet: 'Revisions',
      unit: '£m',
      decimals: 2,
      lines: [
        {
          ref: 'CP-005',
          date: { year: 2017, month: 1, day: 12 },
          kind: 'reduction',
          amount: 0.15,
          signedAmount: -0.15,
          reason: 'Re-tendered',
          reference: 'DD/2017/004',
        },
      ],
    });
    expect(plan.cells[1]).toEqual([
      'CP-005',
      { date: { year: 2017, month: 1, day: 12 } },
      'reduction',
      0.15,
      { formula: SIGNED_AMOUNT_FORMULA, result: -0.15 },
      'Re-tendered',
      'DD/2017/004',
      '',
      '',
      '',
    ]);
  });
});

describe('forecast sheet plan', () => {
  const plan = planForecastSheet({
    sheet: 'Forecast - Head of ICT',
    holder: 'Head of ICT',
    unit: '£m',
    decimals: 1,
    lines: [
      { ref: 'CP-001', scheme: 'Compliance', area: 'ICT', approvedBudget: 2.6, currentBudget: 2.6 },
      { ref: 'CP-002', scheme: 'Service', area: 'ICT', approvedBudget: 1.1, currentBudget: null },
    ],
  });

  it('opens only the all-years and in-year forecast and explanation cells, shaded, and protects the rest without a password', () => {
    expect(plan.unlocked).toEqual([
      { top: 4, left: FORECAST_COLUMN, rows: 2, columns: 1 },
      { top: 4, left: 8, rows: 2, columns: 2 },
    ]);
    expect(plan.fills).toEqual(plan.unlocked.map((range) => ({ range, color: '#FFF9DB' })));
    expect(plan.protection).toMatchObject({ allowSort: false, allowInsertRows: false });
  });

  it('lists the schemes under the header on row 4, with blanks where a budget is unknown', () => {
    expect(plan.cells[3][5]).toBe('All-years forecast outturn');
    expect(plan.cells[5]).toEqual([
      'CP-002',
      'Service',
      'ICT',
      1.1,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(plan.validations.map((v) => v.range.left)).toEqual([FORECAST_COLUMN, 8]);
    expect(plan.validations[0]).toMatchObject({ decimalAtLeast: 0 });
  });
});

describe('forecast sheet plan for a year monitored', () => {
  const plan = planForecastSheet({
    sheet: 'Forecast - Head of ICT',
    holder: 'Head of ICT',
    unit: '£m',
    decimals: 2,
    year: '2016/17',
    period: 'P8',
    lines: [
      {
        ref: 'CP-003',
        scheme: 'Technology refresh',
        area: 'ICT',
        approvedBudget: 3.9,
        currentBudget: 4.32,
        inYearBudget: 4.32,
        actualToDate: 2.59,
        forecast: 4.32,
        inYearForecast: 3.92,
        comment: 'Slips to April',
      },
    ],
  });

  it("heads the year's columns with the year and the actuals with the period, and shows the holder's actual to date", () => {
    expect(plan.cells[3]).toEqual([
      'Ref',
      'Scheme',
      'Area',
      'Approved budget',
      'Current budget',
      'All-years forecast outturn',
      'In-year budget 2016/17',
      'Actual to date P8',
      'In-year forecast outturn 2016/17',
      'Explanation',
    ]);
    expect(plan.cells[4]).toEqual([
      'CP-003',
      'Technology refresh',
      'ICT',
      3.9,
      4.32,
      4.32,
      4.32,
      2.59,
      3.92,
      'Slips to April',
    ]);
  });
});

describe('Monitoring plan', () => {
  const schemes: MonitoringScheme[] = [
    {
      ref: 'CP-001',
      area: 'ICT',
      scheme: 'Compliance',
      budgetHolder: 'Jo',
      budget: fromNumber(2.6),
      forecast: fromNumber(2.5),
      forecastCell: { sheet: 'Forecast - Jo', row: 4 },
    },
    {
      ref: 'CP-002',
      area: 'ICT',
      scheme: 'Service',
      budgetHolder: 'Jo',
      budget: fromNumber(1.1),
      forecast: fromNumber(1.5),
      forecastCell: { sheet: 'Forecast - Jo', row: 5 },
    },
    {
      ref: 'CP-003',
      area: 'Transformation',
      scheme: 'Change',
      budgetHolder: 'Al',
      budget: fromNumber(0.6),
    },
  ];
  const monitoring = planMonitoringSheet({ schemes, settings: DEFAULT_SETTINGS });

  it('rounds before comparing with a threshold, so float noise cannot flag a variance', () => {
    const { flag, rag } = lineFormulas(5);
    expect(flag).toContain(`ROUND(ABS(F5-E5),6)>${settingCell('thresholdAbsolute')}`);
    expect(flag).toContain(`ROUND(ABS(F5-E5)*100,6)>${settingCell('thresholdPercent')}*ABS(E5)`);
    expect(rag).toContain(`ROUND((F5-E5)*100,6)>${settingCell('redPercent')}*ABS(E5)`);
  });

  it('lays out schemes, the by-area block and the total as the row count says', () => {
    expect(monitoring.plan.cells).toHaveLength(monitoringRowCount(3, 2));
    expect(monitoring.plan.cells[MONITORING_HEADER_ROW - 1][8]).toBe('RAG');
    expect(monitoring.rows).toEqual({ firstScheme: 4, total: 11 });
    expect(monitoring.plan.cells[11][0]).toBe('Total');
    expect(monitoring.plan.cells[11][4]).toEqual({ formula: '=SUM(E10:E11)', result: 4.3 });
  });

  it("links each forecast to its holder's sheet and carries the engine's figures as results", () => {
    const line = monitoring.plan.cells[5];
    expect(line[5]).toEqual({
      formula: `=IF(ISBLANK('Forecast - Jo'!F6),"",'Forecast - Jo'!F6)`,
      result: 1.5,
    });
    expect(line.slice(6).map((cell) => (isFormulaCell(cell) ? cell.result : cell))).toEqual([
      -0.4,
      'Overspend',
      'Red',
    ]);
    expect(monitoring.plan.cells[6][5]).toBeNull();
    expect(monitoring.schemes[2]).toMatchObject({ ref: 'CP-003', status: 'No forecast' });
    expect(monitoring.total).toMatchObject({ budget: 4.3, forecast: 4, status: 'Underspend' });
  });

  it('without the by-area block, totals the schemes straight above', () => {
    const plain = planMonitoringSheet({ schemes, settings: DEFAULT_SETTINGS, byArea: false });
    expect(plain.plan.cells).toHaveLength(monitoringRowCount(3, 'no area block'));
    expect(plain.plan.cells[7][4]).toEqual({ formula: '=SUM(E5:E7)', result: 4.3 });
  });
});

describe('settings, checks and table formulas', () => {
  it('reads back what the settings plan writes', () => {
    const settings = { ...DEFAULT_SETTINGS, decimals: 2, thresholdAbsolute: null };
    const plan = planSettingsSheet(settings);
    expect(plan.hidden).toBe(true);
    expect(parseSettings(plan.cells.map((row) => row.map((cell) => cell ?? '')))).toEqual(settings);
  });

  it('links each finding to its cell with a native HYPERLINK', () => {
    const plan = planChecksSheet([
      { rule: 'unphased', severity: 'warning', sheet: "Bob's", cell: 'I10', message: 'Not phased' },
    ]);
    expect(plan.cells[1][3]).toEqual({
      formula: `=HYPERLINK("#'Bob''s'!I10","I10")`,
      result: 'I10',
    });
  });

  it.each([
    [
      '=[@[Approved budget]]+SUMIFS(Revisions[Signed amount],Revisions[Ref],[@Ref])',
      'Programme[[#This Row],[Approved budget]]+SUMIFS(Revisions[Signed amount],Revisions[Ref],Programme[[#This Row],[Ref]])',
    ],
    ['=SUBTOTAL(109,[2016/17 Q1])', 'SUBTOTAL(109,Programme[2016/17 Q1])'],
    ["=SUBTOTAL(109,[Q1 '[draft'] '#1])", "SUBTOTAL(109,Programme[Q1 '[draft'] '#1])"],
    [
      '=IF([@Kind]="reduction",-ABS([@Amount]),0)',
      'IF(Programme[[#This Row],[Kind]]="reduction",-ABS(Programme[[#This Row],[Amount]]),0)',
    ],
  ])('spells %s in a file as %s', (formula, file) => {
    expect(qualifyTableFormula(formula, 'Programme')).toBe(file);
  });
});

describe('forecast sheet names', () => {
  it.each([
    ['Head of ICT', 'Forecast - Head of ICT'],
    ['Head of Transformation', 'Forecast - Head Transformation'],
    ['Director of Children and Families Services', 'Forecast - Director Children…'],
    ['Supercalifragilisticexpialidociousness', 'Forecast - Supercalifragilisti…'],
  ])("names %s's sheet %s: 31 characters at most, never cut mid-word unmarked", (holder, name) => {
    expect(forecastSheetName(holder)).toBe(name);
    expect(forecastSheetName(holder).length).toBeLessThanOrEqual(31);
  });
});

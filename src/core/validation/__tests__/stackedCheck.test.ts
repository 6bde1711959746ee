import { splitStackedTables, stackedTableStarts } from '../../grid/stacked';
import { checkStackedTables } from '../stackedCheck';

// A published layout: expenditure, then `Financed by` under it with the same year columns.
const SHEET = [
  ['Capital programme (£m)'],
  ['Scheme', '2025/26', '2026/27', 'Total'],
  ['Schools', 2.5, 1.0, 3.5],
  ['Highways', 1.5, 2.0, 3.5],
  ['Total expenditure', 4.0, 3.0, 7.0],
  [],
  ['Financed by', '2025/26', '2026/27', 'Total'],
  ['Prudential borrowing', 2.0, 1.0, 3.0],
  ['Government grants', 2.0, 2.0, 4.0],
  ['Total financing', 4.0, 3.0, 7.0],
];

describe('stacked tables on one sheet', () => {
  it('starts a table at a repeated row of year headings, with its title', () => {
    expect(stackedTableStarts({ values: SHEET })).toEqual([6]);
    const titled = [...SHEET.slice(0, 6), ['Resources'], ...SHEET.slice(6)];
    expect(stackedTableStarts({ values: titled })).toEqual([6]);
    const parts = splitStackedTables({ values: SHEET, sheet: 'S', origin: { row: 2, column: 1 } });
    expect(parts.map((part) => [part.origin, part.values.length, part.sheet])).toEqual([
      [{ row: 2, column: 1 }, 6, 'S'],
      [{ row: 8, column: 1 }, 4, 'S'],
    ]);
  });

  it('leaves a one-table sheet and a two-row header alone', () => {
    expect(stackedTableStarts({ values: SHEET.slice(0, 5) })).toEqual([]);
    const twoRows = [
      ['Scheme', '2025/26', '2025/26'],
      ['', 'Q1', 'Q2'],
      ['A', 1, 2],
    ];
    expect(stackedTableStarts({ values: twoRows })).toEqual([]);
  });

  it('checks a clean statement with no error (regression: the year headings of `Financed by` were read as figures)', () => {
    const { findings, reading } = checkStackedTables({ values: SHEET, sheet: 'Financing' });
    expect(findings).toEqual([]);
    expect(reading.blocks).toContain(7);
    expect(reading.checked.wrong).toBe(0);
    expect(reading.totals.length).toBeGreaterThanOrEqual(2);
  });

  it('finds financing that differs from the expenditure above it at the financing total', () => {
    const values = SHEET.map((row) => [...row]);
    values[8] = ['Government grants', 2.0, 2.5, 4.5];
    values[9] = ['Total financing', 4.0, 3.5, 7.5];
    const { findings } = checkStackedTables({ values, sheet: 'Financing' });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'funding-mismatch',
        severity: 'error',
        sheet: 'Financing',
        cell: 'C10',
        expected: '3.0',
        actual: '3.5',
      }),
    ]);
    expect(findings[0].message).toContain('over-financed');
  });
});

import { recogniseTable } from '../recognise';
import { monitoringTable, programmeTable } from '../../validation/__tests__/tables';

describe('recognising a table with no prior knowledge of its layout', () => {
  it('finds the columns of the capital programme table', () => {
    const table = recogniseTable({ values: programmeTable() });
    expect(table?.headerRows).toEqual([0]);
    expect(table?.columns.map((column) => column.role)).toEqual([
      'label',
      'budget',
      'text',
      'phasing',
    ]);
    expect(table?.columns[1]).toMatchObject({ unit: '£m', figures: true, decimals: 1 });
    expect(table?.labelColumn).toBe(0);
  });

  it('tells heading, detail and total rows apart', () => {
    const kinds = recogniseTable({ values: programmeTable() })?.rowKinds;
    expect(kinds?.slice(0, 9)).toEqual([
      'header',
      'heading',
      'detail',
      'detail',
      'detail',
      'detail',
      'heading',
      'detail',
      'total',
    ]);
    expect(kinds?.[14]).toBe('total');
  });

  it('skips title rows above the header and reads continuation rows', () => {
    const table = recogniseTable({ values: monitoringTable() });
    expect(table?.headerRows).toEqual([2]);
    expect(table?.firstDataRow).toBe(3);
    expect(table?.rowKinds.slice(0, 5)).toEqual([
      'title',
      'title',
      'header',
      'detail',
      'continuation',
    ]);
    expect(table?.columns.map((column) => column.role)).toEqual([
      'label',
      'budget',
      'budget',
      'forecast',
      'variance',
      'all-years-budget',
      'all-years-forecast',
    ]);
    expect(table?.columns[2]).toMatchObject({ budgetKind: 'revised', unit: '£k' });
  });

  it('joins two header rows: a year over its quarters', () => {
    const table = recogniseTable({
      values: [
        ['', '', '2016/17', '', '', '', '2017/18'],
        ['Scheme', 'Budget', 'Q1', 'Q2', 'Q3', 'Q4', ''],
        ['Depot roof', 8, 2, 2, 2, 2, 0],
      ],
    });
    expect(table?.headerRows).toEqual([0, 1]);
    expect(table?.columns.slice(2, 6).map((column) => column.period)).toEqual(
      [1, 2, 3, 4].map((quarter) => ({ kind: 'quarter', year: 2016, quarter })),
    );
    expect(table?.columns[6].period).toEqual({ kind: 'year', year: 2017 });
  });

  it('gives column letters on the sheet when the table does not start at A1', () => {
    const table = recogniseTable({ values: programmeTable(), origin: { row: 4, column: 2 } });
    expect(table?.columns.map((column) => column.letters)).toEqual(['C', 'D', 'E', 'F']);
  });

  it('takes decimals from the number format before the figures', () => {
    const values = [
      ['Scheme', 'Budget'],
      ['A', 2],
      ['B', 3],
    ];
    const numberFormats = [
      ['General', 'General'],
      ['General', '#,##0.00'],
      ['General', '#,##0.00'],
    ];
    expect(recogniseTable({ values })?.columns[1].decimals).toBe(0);
    expect(recogniseTable({ values, numberFormats })?.columns[1].decimals).toBe(2);
  });

  it('looks past a first figure in General format for the column number format', () => {
    const values = [
      ['Scheme', 'Budget'],
      ['A', 2],
      ['B', 3],
      ['C', 4],
    ];
    const numberFormats = [
      ['General', 'General'],
      ['General', 'General'],
      ['General', '0.000'],
      ['General', '0.000'],
    ];
    expect(recogniseTable({ values, numberFormats })?.columns[1].decimals).toBe(3);
  });

  it('recognises figures under a header that names no role', () => {
    const table = recogniseTable({
      values: [
        ['Scheme', 'Notes', 'Sum'],
        ['A', 'new', 4],
        ['B', 'old', 5],
      ],
    });
    expect(table?.columns.map((column) => column.role)).toEqual(['label', 'text', 'amount']);
  });

  it('finds no table in a grid without figures', () => {
    expect(recogniseTable({ values: [['Notes'], ['Nothing to add up here']] })).toBeUndefined();
  });
});

import { dateToSerial, toOfficeValue } from '../cellValue';

describe('toOfficeValue', () => {
  it.each([
    ['a number', 2.6, 2.6],
    ['text', 'Compliance', 'Compliance'],
    ['a boolean', true, true],
    ['an empty cell', null, ''],
    ['an unset cell', undefined, ''],
    ['a formula, as its cached result', { formula: 'SUM(C4:C8)', result: 9.5 }, 9.5],
    ['a shared formula, as its cached result', { sharedFormula: 'C4', result: 1.1 }, 1.1],
    ['a formula never calculated, as empty', { formula: 'SUM(C4:C8)' }, ''],
    ['a formula with a text result', { formula: 'IF(A1,"OK","Check")', result: 'Check' }, 'Check'],
    [
      'a formula with an error result, as its error text',
      { formula: '1/0', result: { error: '#DIV/0!' } },
      '#DIV/0!',
    ],
    [
      'rich text, as plain text',
      { richText: [{ text: 'Technology ' }, { font: { bold: true }, text: 'refresh' }] },
      'Technology refresh',
    ],
    ['an error cell, as its error text', { error: '#N/A' }, '#N/A'],
    [
      'a hyperlink, as its text',
      { text: 'Business case', hyperlink: 'https://example.org' },
      'Business case',
    ],
  ])('gives %s as Office.js does', (_what, value, expected) => {
    expect(toOfficeValue(value)).toEqual(expected);
  });

  it('gives a date as its Excel serial number', () => {
    // 1 April 2016 is serial 42461 in Excel's 1900 date system.
    expect(toOfficeValue(new Date(Date.UTC(2016, 3, 1)))).toBe(42461);
  });

  it('keeps the time of day as the fraction of a serial', () => {
    expect(toOfficeValue(new Date(Date.UTC(2016, 3, 1, 18, 0, 0)))).toBe(42461.75);
  });

  it('counts from 1904 in a workbook that uses the 1904 date system', () => {
    expect(dateToSerial(new Date(Date.UTC(2016, 3, 1)), true)).toBe(42461 - 1462);
  });

  it('gives a formula result that is a date as its serial', () => {
    expect(
      toOfficeValue({ formula: 'DATE(2016,4,1)', result: new Date(Date.UTC(2016, 3, 1)) }),
    ).toBe(42461);
  });
});

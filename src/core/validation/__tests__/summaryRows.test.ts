/**
 * Rows that state a result of other rows without saying Total, and layouts the first corpus lacked
 * (issue 12): running balances, totals of subtotals, totals that leave a row out, a variance column
 * signed differently in each block, a code column left of the names. Each is checked, said so in
 * the reading, a wrong figure is found at its cell, and a look-alike that is not one is left alone.
 */
import { checkGridWithReading } from '..';

function errorsOf(values: unknown[][]): string[] {
  return checkGridWithReading({ values })
    .findings.filter((f) => f.severity === 'error')
    .map((f) => f.cell ?? '');
}

describe('a running balance: a closing figure = the opening one plus the movements', () => {
  const table = (closing: string): unknown[][] => [
    ['', '2023/24 £000', '2024/25 £000'],
    ['Opening balance', '1,200', '1,450'],
    ['Receipts in year', '600', '300'],
    ['Applied to finance capital', '(350)', '(900)'],
    ['Closing balance', closing, '850'],
  ];

  it('is checked in every column and the reading says what it adds up', () => {
    const { reading, findings } = checkGridWithReading({ values: table('1,450') });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(reading.totals).toEqual([
      expect.objectContaining({
        row: 5,
        over: 'row 2 plus rows 3 to 4 (a running balance)',
        checked: 2,
        exact: 2,
      }),
    ]);
  });

  it('finds a wrong closing figure at its cell', () => {
    expect(errorsOf(table('1,540'))).toEqual(['B5']);
  });

  it('leaves alone a one-column row that merely equals the total above plus the rows since', () => {
    const values = [
      ['Scheme', 'Budget £000'],
      ['Roofs', 100],
      ['Windows', 50],
      ['Total', 150],
      ['Depot', 30],
      ['Library', 180],
    ];
    const { reading, findings } = checkGridWithReading({ values });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(reading.totals.map((t) => t.row)).toEqual([4]);
  });
});

describe('a total of subtotals whose label does not say Total', () => {
  const table = (all: number): unknown[][] => [
    ['Service', 'Budget £000', 'Forecast £000'],
    ['EXPENDITURE', '', ''],
    ['Highways', '', ''],
    ['Resurfacing', 400, 380],
    ['Bridges', 200, 210],
    ['Total Highways', 600, 590],
    ['Schools', '', ''],
    ['Roofs', 300, 300],
    ['Kitchens', 100, 90],
    ['Total Schools', 400, 390],
    ['', '', ''],
    ['Gross Expenditure', all, 980],
  ];

  it('is read from the figures, in every column', () => {
    const { reading } = checkGridWithReading({ values: table(1000) });
    expect(reading.totals.find((t) => t.row === 12)?.over).toBe(
      'the subtotals at rows 6 and 10 (a total of subtotals; its label does not say Total)',
    );
  });

  it('with a typo it is still read (its label names the heading above) and found at its cell', () => {
    expect(errorsOf(table(1100))).toEqual(['B12']);
  });
});

describe('a total that leaves out the row its label names', () => {
  it('is checked against the rows above less that one, and the next total against them all', () => {
    const values = [
      ['Funding', '2024/25 £'],
      ['Precept', 3500],
      ['Grants', 400],
      ['Interest', 20],
      ['Total (not including Precept)', 420],
      ['Total (including Precept)', 3920],
    ];
    const { reading, findings } = checkGridWithReading({ values });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(reading.totals.map((t) => `${t.row} ${t.over}`)).toEqual([
      "5 rows 2 to 4 less row 2 (its label leaves out 'Precept')",
      '6 rows 2 to 5 (all the rows above it)',
    ]);
    values[4][1] = 520;
    expect(errorsOf(values)).toEqual(['B5']);
  });
});

describe('a variance column signed differently for income and for expenditure', () => {
  const table = (grants: number): unknown[][] => [
    ['Line', 'Budget £', 'Actual £', 'Variance £'],
    ['Income', '', '', ''],
    ['Precept', 5000, 5000, 0],
    ['Grants', 200, 450, grants],
    ['Interest', 10, 35, 25],
    ['Rents', 100, 130, 30],
    ['Expenditure', '', '', ''],
    ['Salaries', 3000, 3100, -100],
    ['Insurance', 400, 350, 50],
    ['Repairs', 900, 600, 300],
  ];

  it('is checked block by block (actual less budget, then budget less actual)', () => {
    const { reading, findings } = checkGridWithReading({ values: table(250) });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(reading.relations.map((r) => `${r.formula} ${r.words}`)).toEqual([
      'D = C - B Actual £ less Budget £, in rows 3 to 6',
      'D = B - C Budget £ less Actual £, in rows 8 to 10',
    ]);
  });

  it('finds a wrong variance at its cell', () => {
    expect(errorsOf(table(350))).toEqual(['D4']);
  });
});

describe('a code column left of the names', () => {
  it('is read as references, not figures, and a bare Expenditure row as the total', () => {
    const values = [
      ['', '', 'Budget', 'Actual'],
      ['100', 'Staff', '', ''],
      ['4000', 'Salaries', '43,100', '28,911'],
      ['4010', 'Training', '2,500', '1,632'],
      ['', 'Expenditure', '45,600', '30,543'],
      ['110', 'Premises', '', ''],
      ['4000', 'Rates', '5,000', '5,000'],
      ['4010', 'Repairs', '1,000', '250'],
      ['', 'Expenditure', '6,000', '5,250'],
    ];
    const { reading, findings } = checkGridWithReading({ values });
    expect(reading.columns[0]).toEqual(expect.objectContaining({ column: 'A', role: 'ref' }));
    expect(reading.totals.map((t) => t.row)).toEqual([5, 9]);
    // The same account code in another cost centre is not a duplicate scheme ref.
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

/**
 * Issue 12: the words and layouts councils print. Each grid is laid out as the issue quotes the
 * published tables (headings, units rows, groups, non-sum rows, financing blocks).
 */
import type { Finding } from '../../findings';
import { checkGridWithReading } from '../checkGrid';

const errors = (findings: Finding[]) =>
  findings.filter((finding) => finding.severity === 'error').map((finding) => finding.cell);

/** A small monitor: budget 100/50/20, comparator 90/60/20, and the variance in `convention`. */
function monitor(budget: string, comparator: string, variance: string, overspendPositive: boolean) {
  const sign = overspendPositive ? 1 : -1;
  return [
    ['Scheme', budget, comparator, variance],
    ['Roads', 100, 90, sign * -10],
    ['Schools', 50, 60, sign * 10],
    ['Libraries', 20, 20, 0],
    ['Depots', 30, 45, sign * 15],
    ['Total', 200, 215, sign * 15],
  ];
}

describe('variance headings councils print', () => {
  it.each([
    ['(Under) / Over Spend', true],
    ['Over or (under) spend', true],
    ['Variation to Latest Programme', true],
    ['Variation to Original', false],
    ['Rephasing', false],
    ['Slippage', false],
    ['Difference', true],
    ['Variance', false],
  ])(
    '%s: checks every row, and finds a wrong variance at its cell',
    (heading, overspendPositive) => {
      const values = monitor('Latest Budget', 'Actual', heading, overspendPositive);
      const right = checkGridWithReading({ values });
      expect(errors(right.findings)).toEqual([]);
      expect(right.reading.relations).toEqual([
        expect.objectContaining({ kind: 'variance', checked: 5, exact: 5, wrong: 0 }),
      ]);
      expect(right.reading.columns[3]).toEqual(
        expect.objectContaining({ role: 'variance', checked: true }),
      );
      values[2][3] = 25;
      expect(errors(checkGridWithReading({ values }).findings)).toContain('D3');
    },
  );

  it('reads `Over/(Under)` split over two header rows as a variance', () => {
    const values = [
      ['', 'Revised', 'Provisional', 'Over/'],
      ['Scheme', 'Budget', 'Outturn', '(Under)'],
      ['Roads', 100, 90, -10],
      ['Schools', 50, 60, 10],
      ['Libraries', 20, 20, 0],
    ];
    const { reading } = checkGridWithReading({ values });
    expect(reading.columns.map((column) => column.role)).toEqual([
      'label',
      'revised budget',
      'forecast',
      'variance',
    ]);
    expect(reading.relations[0]).toEqual(expect.objectContaining({ formula: 'D = C - B' }));
  });

  it.each([
    'Actual',
    'Actual Spend to 31st March',
    'Outturn',
    'Provisional Outturn',
    'Year End Forecast',
    'Projected Outturn',
    'Forecast',
  ])('compares the budget with `%s`', (comparator) => {
    const values = monitor('Revised Budget', comparator, 'Variance', true);
    values[4][3] = 3;
    const { findings, reading } = checkGridWithReading({ values });
    expect(errors(findings).sort()).toEqual(['D5', 'D6']);
    expect(reading.checked.wrong).toBe(2);
  });

  it('checks two variance columns against two different budgets, with opposite conventions', () => {
    const values = [
      [
        'Scheme',
        'Original Budget',
        'Latest Budget',
        'Actual',
        'Variation to Original',
        'Variation to Latest',
      ],
      ['Roads', 100, 110, 90, -10, 20],
      ['Schools', 50, 40, 60, 10, -20],
      ['Libraries', 20, 25, 20, 0, 5],
      ['Depots', 30, 30, 45, 15, -15],
    ];
    const right = checkGridWithReading({ values });
    expect(errors(right.findings)).toEqual([]);
    expect(right.reading.relations.map((relation) => relation.formula)).toEqual([
      'E = D - B',
      'F = C - D',
    ]);
    values[3][5] = 9;
    values[4][4] = 19;
    expect(errors(checkGridWithReading({ values }).findings)).toEqual(['F4', 'E5']);
  });

  it('finds a variance from the figures alone when its heading says nothing', () => {
    const values = [
      ['Scheme', 'Budget', 'Spend', 'Column 4'],
      ['Roads', 100, 90, 10],
      ['Schools', 50, 60, -10],
      ['Libraries', 20, 20, 0],
      ['Depots', 30, 45, -15],
    ];
    const { reading } = checkGridWithReading({ values });
    expect(reading.relations[0]).toEqual(
      expect.objectContaining({ formula: 'D = B - C', checked: 4, exact: 4 }),
    );
  });
});

describe('budget headings councils print', () => {
  const outturn = () => [
    [
      'Scheme',
      'Programme as approved Dec 2004',
      'Additions/Reductions to Programme',
      'Revised Programme',
      'Actual',
    ],
    ['Transport', 6357, 84, 6441, 6123],
    ['Education', 18265, 527, 18792, 13517],
    ['Corporate', 150, '', 150, 135],
    ['Total', 24772, 611, 25383, 19775],
  ];

  it('reads every money column and checks revised = approved + additions', () => {
    const { findings, reading } = checkGridWithReading({ values: outturn() });
    expect(errors(findings)).toEqual([]);
    expect(reading.columns.map((column) => [column.role, column.checked])).toEqual([
      ['label', false],
      ['approved budget', true],
      ['additions', true],
      ['revised budget', true],
      ['actual', true],
    ]);
    expect(reading.relations).toEqual([
      expect.objectContaining({ kind: 'revised', formula: 'D = B + C', checked: 4, wrong: 0 }),
    ]);
  });

  it('finds a revised programme that is not approved plus additions at its cell', () => {
    const values = outturn();
    values[2][3] = 18892;
    values[4][3] = 25483;
    const found = checkGridWithReading({ values }).findings.filter((f) => f.severity === 'error');
    expect(found).toEqual([
      expect.objectContaining({ rule: 'revision-mismatch', cell: 'D3', expected: '18792' }),
      expect.objectContaining({ rule: 'revision-mismatch', cell: 'D5', expected: '25383' }),
    ]);
  });

  it('reads `Latest Capital Programme` as the revised budget', () => {
    const { reading } = checkGridWithReading({
      values: [
        ['Scheme', 'Latest Capital Programme'],
        ['A', 1],
        ['B', 2],
        ['Total', 3],
      ],
    });
    expect(reading.columns[1].role).toBe('revised budget');
  });
});

describe('units rows, percentages and years', () => {
  it('reads a units row that holds a period label (`Jun-05`) and `%` over a percentage column', () => {
    const values = [
      ['Portfolio', 'Budget', 'Actual', 'Spent'],
      ['Jun-05', "£'000", "£'000", '%'],
      ['Transport', 6358, 1973, 31],
      ['Education', 18265, 5767, 32],
      ['Total', 24623, 7740, 31],
    ];
    const { findings, reading } = checkGridWithReading({ values });
    expect(errors(findings)).toEqual([]);
    expect(reading.headerRows).toEqual([1, 2]);
    expect(reading.columns[3]).toEqual(
      expect.objectContaining({
        role: 'percentage',
        checked: false,
        reason: 'a percentage: never added up',
      }),
    );
  });

  it("reads `2013 / 14 £'000s` as a year and checks a row total across the years", () => {
    const values = [
      ['Scheme', "2013 / 14 £'000s", "2014 / 15 £'000s", "2015 / 16 £'000s", 'Total'],
      ['Roads', 100, 200, 300, 600],
      ['Schools', 50, 0, 25, 75],
      ['Libraries', 10, 20, 30, 60],
      ['Total', 160, 220, 355, 735],
    ];
    const { findings, reading } = checkGridWithReading({ values });
    expect(errors(findings)).toEqual([]);
    expect(reading.columns.slice(1, 4).map((column) => column.role)).toEqual([
      'year',
      'year',
      'year',
    ]);
    expect(reading.columns[4].role).toBe('row total');
    values[3][4] = 85;
    // The row total is wrong, and so the column's total no longer adds up.
    expect(errors(checkGridWithReading({ values }).findings).sort()).toEqual(['E4', 'E5']);
  });
});

describe('groups, non-sum rows, notes and financing blocks', () => {
  it("starts a group at a portfolio's name on its first scheme row", () => {
    const values = [
      ['Executive Portfolio', 'Service', 'Budget'],
      ['Transport', 'Roads', 100],
      ['', 'Bridges', 50],
      ['Resources', 'Property', 30],
      ['', 'ICT', 20],
      ['', 'Sub-Total', 50],
    ];
    const { findings, reading } = checkGridWithReading({ values });
    expect(errors(findings)).toEqual([]);
    expect(reading.groups).toEqual([
      { row: 2, name: 'Transport' },
      { row: 4, name: 'Resources' },
    ]);
    expect(reading.totals[0].over).toContain('rows 4 to 5');
  });

  it('leaves `TOTAL ESTIMATED PROGRAMME RESOURCES` unchecked and says so, never an error', () => {
    const values = [
      ['Scheme', 'Budget'],
      ['Roads', 100],
      ['Schools', 50],
      ['Total', 150],
      ['TOTAL ESTIMATED PROGRAMME RESOURCES', 400],
    ];
    const { findings, reading } = checkGridWithReading({ values });
    expect(errors(findings)).toEqual([]);
    expect(reading.unchecked).toEqual([
      expect.objectContaining({ row: 5, reason: expect.stringContaining('not checked') }),
    ]);
  });

  it('reads a notes column holding `Rephased`, `3/4` and `5/6` as words', () => {
    const values = [
      ['Scheme', 'Budget', 'Note'],
      ['Roads', 100, 'Rephased'],
      ['Schools', 50, '3/4'],
      ['Depots', 30, '5/6'],
      ['Total', 180, ''],
    ];
    const { findings, reading } = checkGridWithReading({ values });
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(reading.columns[2]).toEqual(expect.objectContaining({ role: 'notes', checked: false }));
  });

  it('checks a `Financed by` block with an unlabelled total as a table of its own', () => {
    const values = [
      ['Scheme', 'Budget'],
      ['Roads', 100],
      ['Schools', 50],
      ['Total', 150],
      ['Financed by:', ''],
      ['Grants', 90],
      ['Borrowing', 60],
      ['', 150],
    ];
    const right = checkGridWithReading({ values });
    expect(errors(right.findings)).toEqual([]);
    expect(right.reading.blocks).toEqual([5]);
    expect(right.reading.totals.map((total) => total.row)).toEqual([4, 8]);
    values[6][1] = 70;
    values[7][1] = 160;
    const wrong = checkGridWithReading({ values });
    expect(errors(wrong.findings)).toEqual([]);
    values[7][1] = 150;
    // Two columns of figures: one right, one wrong, is a total with a mistake.
  });

  it('checks a surplus/shortfall row as resources less expenditure, and finds a wrong one', () => {
    // Laid out as Oxfordshire's capital payments and funding statement (tests/corpus).
    const values = [
      ['', '2003/04', '2004/05', 'After 2004/05'],
      ['', '£m', '£m', '£m'],
      ['Gross Payments', 104.9, 81.6, 24.4],
      ['Transfer to / from Reserve', 6.0, -0.3, 0.6],
      ['Total Payments', 110.9, 81.3, 25.0],
      ['Funded by:', '', '', ''],
      ['Credit Approval', 40.7, 49.6, 24.9],
      ['Grants & Contributions', 68.8, 34.8, 32.5],
      ['Total Funding', 109.5, 84.4, 57.4],
      ['Balance Surplus/Deficit (-)', -1.4, 3.1, 32.4],
    ];
    const right = checkGridWithReading({ values });
    expect(errors(right.findings)).toEqual([]);
    expect(right.reading.relations).toEqual([
      expect.objectContaining({ kind: 'difference', formula: 'row 10 = row 9 - row 5', exact: 3 }),
    ]);
    values[9][2] = 4.1;
    expect(errors(checkGridWithReading({ values }).findings)).toEqual(['C10']);
  });
});

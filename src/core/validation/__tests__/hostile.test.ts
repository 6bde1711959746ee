import { recogniseTable } from '../../grid/recognise';
import type { Grid } from '../../grid/types';
import { RULE_IDS } from '../../findings';
import { checkGrid } from '../checkGrid';

const wide = (columns: number, fill: (c: number) => unknown) =>
  Array.from({ length: columns }, (_, c) => fill(c));

const hostile: [string, Grid][] = [
  ['an empty grid', { values: [] }],
  ['a grid of empty rows', { values: [[], [], []] }],
  ['one cell', { values: [[42]] }],
  ['one text cell', { values: [['Total']] }],
  [
    'all text',
    {
      values: [
        ['Project', 'Budget'],
        ['A', 'lots'],
        ['B', 'some'],
        ['Total', 'all'],
      ],
    },
  ],
  [
    'ragged rows',
    {
      values: [
        ['Scheme', 'Budget', 'Forecast', 'Variance'],
        ['A', 1],
        ['B', 2, 3, 4, 5, 6],
        [],
        ['Total', 3, 3],
      ],
    },
  ],
  [
    'totals above their rows',
    {
      values: [
        ['Scheme', 'Budget'],
        ['Total', 5],
        ['A', 2],
        ['B', 3],
      ],
    },
  ],
  [
    'a total row with no rows',
    {
      values: [
        ['Scheme', 'Budget'],
        ['Sub-total', 4],
        ['Grand total', 4],
      ],
    },
  ],
  [
    'a total row with no figures',
    {
      values: [
        ['Scheme', 'Budget'],
        ['A', 2],
        ['Total', ''],
      ],
    },
  ],
  [
    'merged-looking layout',
    {
      values: [
        ['Capital programme', '', '', ''],
        ['', '2016/17', '', ''],
        ['Scheme', 'Q1', 'Q2', ''],
        ['', '', '', ''],
        ['A', 1, 2, ''],
        ['', '', '', 'note'],
        ['Total', 1, 2, ''],
      ],
    },
  ],
  [
    '100k columns',
    {
      values: [
        wide(100_000, (c) => (c === 0 ? 'Scheme' : `Budget ${c}`)),
        wide(100_000, (c) => (c === 0 ? 'A' : c % 7)),
        wide(100_000, (c) => (c === 0 ? 'Total' : c % 7)),
      ],
    },
  ],
  [
    'NaN, Infinity, booleans, null and error objects in figure cells',
    {
      values: [
        ['Scheme', 'Budget', 'Forecast', 'Variance'],
        ['A', NaN, Infinity, -Infinity],
        ['B', true, false, null],
        ['C', { error: '#REF!' }, '#DIV/0!', undefined],
        ['D', Object.create(null), [1, 2], () => 3],
        ['E', 1e308, -1e308, Number.MAX_VALUE],
        ['F', 5e-324, -0, 1e-20],
        ['Total', { formula: 'SUM(B2:B7)', result: 1 }, Symbol('x'), BigInt(3)],
      ],
    },
  ],
  [
    'rows that are not arrays',
    {
      values: [
        ['Scheme', 'Budget'],
        null,
        'row',
        7,
        ['A', 1],
        ['Total', 1],
      ] as unknown as unknown[][],
    },
  ],
  ['a values field that is not an array', { values: 'not a grid' as unknown as unknown[][] }],
  [
    'hostile number formats and origin',
    {
      values: [
        ['Scheme', 'Budget'],
        ['A', 1.25],
        ['Total', 1.2],
      ],
      numberFormats: [[null, 5], 'x'] as unknown as string[][],
      origin: { row: -3, column: NaN },
    },
  ],
  [
    '10,000-character strings',
    {
      values: [
        ['Scheme', 'Budget'],
        ['x'.repeat(10_000), '9'.repeat(10_000)],
        ['Total '.repeat(2000), 1],
      ],
    },
  ],
  [
    'figures with absurd decimals',
    {
      values: [
        ['Scheme', 'Budget'],
        ['A', 0.1 + 0.2],
        ['B', 1 / 3],
        ['C', 123456789.12345679],
        ['Total', 123456789.7901234],
      ],
    },
  ],
];

describe('hostile grids give findings or nothing, never a crash', () => {
  it.each(hostile)('%s', (_name, grid) => {
    const result = checkGrid(grid);
    expect(Array.isArray(result.findings)).toBe(true);
    for (const finding of result.findings) {
      expect(RULE_IDS).toContain(finding.rule);
      expect(typeof finding.message).toBe('string');
      if (finding.cell !== undefined) expect(finding.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
    }
    expect(() => recogniseTable(grid)).not.toThrow();
  });

  it('reports each unreadable figure of the hostile row as not-a-number', () => {
    const [, grid] = hostile.find(([name]) => name.startsWith('NaN'))!;
    const cells = checkGrid(grid)
      .findings.filter((finding) => finding.rule === 'not-a-number')
      .map((finding) => finding.cell);
    // Row 7's tiny figures are figures; the ExcelJS formula object in B8 reads as its result.
    expect(cells).toEqual([
      'B2',
      'C2',
      'D2',
      'B3',
      'C3',
      'B4',
      'C4',
      'B5',
      'C5',
      'D5',
      'B6',
      'C6',
      'D6',
      'C8',
      'D8',
    ]);
  });

  it('does not check a total that has no rows above it', () => {
    expect(
      checkGrid({
        values: [
          ['Scheme', 'Budget'],
          ['Total', 5],
          ['A', 2],
          ['B', 3],
        ],
      }).findings,
    ).toEqual([]);
  });

  it('summarises rather than lists thousands of text figures', () => {
    const values = [
      ['Scheme', 'Budget'],
      ...Array.from({ length: 1000 }, (_, i) => [`S${i}`, String(i)]),
    ];
    const findings = checkGrid({ values }).findings.filter(
      (finding) => finding.rule === 'number-as-text',
    );
    expect(findings).toHaveLength(101);
    expect(findings[100].message).toContain('900 more');
  });
});

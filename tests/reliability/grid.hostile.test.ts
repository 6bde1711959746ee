/**
 * The grid analysis on hostile grids (issue 7): `checkGrid` and `recogniseTable` return findings
 * or nothing, never throw, and every finding is well formed: a known rule, a severity, a message,
 * and a cell that lies inside the grid (respecting its origin). Complements the grid owner's
 * src/core/validation/__tests__/hostile.test.ts with sizes (50k rows, 100k columns), merged
 * layouts, garbage number formats, hostile options, and 10,000 random grids.
 */
import fc from 'fast-check';
import { RULE_IDS, type Finding } from '../../src/core/findings';
import { recogniseTable, type Grid } from '../../src/core/grid';
import { type CheckOptions, checkGrid } from '../../src/core/validation';
import { decimal } from '../../src/core/money';

const SEVERITIES = ['error', 'warning', 'info'];

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n - 1;
}

/** Why a finding is malformed for this grid, or undefined. */
function findingProblem(finding: Finding, grid: Grid): string | undefined {
  if (!RULE_IDS.includes(finding.rule)) return `unknown rule ${String(finding.rule)}`;
  if (!SEVERITIES.includes(finding.severity)) return `unknown severity ${String(finding.severity)}`;
  if (typeof finding.message !== 'string' || finding.message.trim() === '') return 'no message';
  if (finding.cell === undefined) return undefined;
  const match = /^([A-Z]+)([1-9]\d*)$/.exec(finding.cell);
  if (!match) return `cell ${finding.cell} is not an A1 address`;
  const origin = grid.origin ?? { row: 0, column: 0 };
  const row = Number(match[2]) - 1 - origin.row;
  const column = columnNumber(match[1]) - origin.column;
  const rows = grid.values.length;
  const width = Math.max(
    0,
    ...grid.values.slice(0, 1000).map((r) => (Array.isArray(r) ? r.length : 0)),
  );
  if (row < 0 || row >= rows || column < 0 || column >= Math.max(width, 1)) {
    return `cell ${finding.cell} lies outside the ${rows} x ${width} grid at ${JSON.stringify(origin)}`;
  }
  return undefined;
}

function problemsOf(grid: Grid, options?: CheckOptions): string[] {
  const result = checkGrid(grid, options);
  if (!Array.isArray(result.findings)) return ['findings is not an array'];
  recogniseTable(grid);
  return result.findings
    .map((f) => findingProblem(f, grid))
    .filter((p): p is string => p !== undefined);
}

const rows = (count: number, make: (r: number) => unknown[]) =>
  Array.from({ length: count }, (_, r) => make(r));

const HOSTILE_GRIDS: [string, () => Grid][] = [
  ['empty', () => ({ values: [] })],
  ['one empty row', () => ({ values: [[]] })],
  ['one blank cell', () => ({ values: [['']] })],
  ['one number', () => ({ values: [[41]] })],
  ['one header alone', () => ({ values: [['Budget']] })],
  ['header row only', () => ({ values: [['Scheme', 'Budget', 'Forecast', 'Variance']] })],
  ['all text', () => ({ values: rows(20, (r) => [`Scheme ${r}`, 'lots', 'TBC', 'n/a']) })],
  [
    'merged-looking: values repeated across a merged header and label',
    () => ({
      values: [
        ['Capital programme 2016/17', 'Capital programme 2016/17', 'Capital programme 2016/17'],
        ['Scheme', 'Budget £m', 'Budget £m'],
        ['Schools', 1.2, 1.2],
        ['Schools', 2.6, 2.6],
        ['Total', 3.8, 3.8],
      ],
    }),
  ],
  [
    'merged-looking: blanks where cells are merged',
    () => ({
      values: [
        ['', 'Budget', '', 'Forecast', ''],
        ['Scheme', '2016/17', '2017/18', '2016/17', '2017/18'],
        ['Roads', 1, 2, 1, 2],
        ['', 3, '', 3, ''],
        ['Total', 4, 2, 4, 2],
      ],
    }),
  ],
  [
    'totals above their rows',
    () => ({
      values: [
        ['Scheme', 'Budget'],
        ['Total', 9],
        ['A', 4],
        ['B', 5],
      ],
    }),
  ],
  [
    'a total row with no rows',
    () => ({
      values: [
        ['Scheme', 'Budget'],
        ['Total', 9],
      ],
    }),
  ],
  [
    'only total rows',
    () => ({
      values: [
        ['Scheme', 'Budget'],
        ['Total', 1],
        ['Sub-total', 2],
        ['Grand total', 3],
      ],
    }),
  ],
  [
    'every kind of junk in figure cells',
    () => ({
      values: [
        ['Ref', 'Scheme', 'Budget', 'Forecast', 'Variance'],
        ['CP-1', 'A', NaN, Infinity, -Infinity],
        ['CP-1', 'B', true, false, null],
        ['CP-2', 'C', { code: '#REF!' }, '#DIV/0!', undefined],
        ['CP-3', 'D', {}, [[1]], Symbol('s')],
        ['CP-4', 'E', 1e308, -1e308, 5e-324],
        ['CP-5', 'F', -0, '−0.3', '\u00a01\u00a0250'],
        ['', 'Total', 1e308, 1e308, 1e308],
      ],
    }),
  ],
  [
    'garbage number formats of every shape',
    () => ({
      values: [
        ['Scheme', 'Budget'],
        ['A', 1.25],
        ['B', 2.5],
        ['Total', 3.75],
      ],
      numberFormats: [
        ['General', '"£"#,##0.0,,"m";[Red]-"£"#,##0.0,,"m"'],
        ['@', '0.0.0.0'],
        [';;;', '[$-809]dd/mm/yyyy'],
        [undefined, 'x'.repeat(10_000)],
      ],
    }),
  ],
  [
    'number formats of the wrong shape',
    () => ({
      values: [
        ['Scheme', 'Budget'],
        ['A', 1],
        ['Total', 1],
      ],
      numberFormats: [['0.00'], [], [null, null, null, '0.0']] as unknown as string[][],
    }),
  ],
  [
    'origin at the bottom-right of the sheet',
    () => ({
      values: [
        ['Scheme', 'Budget'],
        ['A', 1],
        ['Total', 2],
      ],
      origin: { row: 1_048_573, column: 16_382 },
    }),
  ],
  [
    '50,000 rows with a wrong total at the end',
    () => ({
      values: [
        ['Ref', 'Scheme', 'Budget £k', 'Forecast £k', 'Variance £k'],
        ...rows(50_000, (r) => [`CP-${r}`, `Scheme ${r}`, r % 97, r % 89, (r % 97) - (r % 89)]),
        ['', 'Total', 1, 2, 3],
      ],
    }),
  ],
  [
    '100,000 columns of periods',
    () => {
      const period = (c: number) =>
        `${2016 + (c % 50)}/${String((17 + (c % 50)) % 100).padStart(2, '0')} Q${(c % 4) + 1}`;
      return {
        values: [
          Array.from({ length: 100_000 }, (_, c) => (c === 0 ? 'Scheme' : period(c))),
          Array.from({ length: 100_000 }, (_, c) => (c === 0 ? 'A' : c % 3)),
          Array.from({ length: 100_000 }, (_, c) => (c === 0 ? 'Total' : (c % 3) + 1)),
        ],
      };
    },
  ],
];

describe('checkGrid on hostile grids', () => {
  it.each(HOSTILE_GRIDS)('%s: findings or nothing, never a crash', (_name, make) => {
    const grid = make();
    expect(problemsOf(grid)).toEqual([]);
  });

  it('still finds the wrong total at the end of 50,000 rows', () => {
    const grid = HOSTILE_GRIDS.find(([name]) => name.startsWith('50,000'))![1]();
    const findings = checkGrid(grid).findings.filter((f) => f.rule === 'total-mismatch');
    expect(findings.map((f) => f.cell)).toEqual(expect.arrayContaining(['C50002']));
  });

  it.each<[string, CheckOptions]>([
    ['decimals NaN', { decimals: NaN }],
    ['decimals -1', { decimals: -1 }],
    ['decimals 100', { decimals: 100 }],
    ['decimals 2.5', { decimals: 2.5 }],
    ['an unknown convention', { convention: 'upside-down' as never }],
    ['thresholds of NaN and negative', { thresholds: { percent: NaN, absolute: decimal(-5) } }],
    ['thresholds of Infinity', { thresholds: { percent: Infinity } }],
  ])('survives hostile options: %s', (_name, options) => {
    const grid: Grid = {
      values: [
        ['Scheme', 'Budget', 'Forecast', 'Variance'],
        ['A', 10, 12, -2],
        ['B', 5, 4, 1],
        ['Total', 15, 16, -1],
      ],
    };
    expect(problemsOf(grid, options)).toEqual([]);
  });
});

describe('checkGrid on 10,000 random small grids', () => {
  const WORDS = [
    'Ref',
    'Scheme',
    'Project',
    'Budget',
    'Approved budget £m',
    'Revised budget',
    'Forecast outturn',
    'Variance',
    'Actual',
    'Phasing',
    'Status',
    'Total',
    'Sub-total',
    'Grand total',
    'Total ICT',
    '2016/17 Q1',
    '2016/17 Q2',
    '2016/17',
    '2017/18',
    'Capital £k',
    "£'000",
    'Impact',
    'CP-1',
    'CP-1',
    'TBC',
    '2016/17 Q2-4',
    '',
    '',
  ];
  const cell = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 4, arbitrary: fc.integer({ min: -500, max: 500 }) },
    {
      weight: 2,
      arbitrary: fc
        .double({ min: -1e4, max: 1e4, noNaN: true })
        .map((n) => Math.round(n * 100) / 100),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        NaN,
        Infinity,
        -0,
        1e308,
        true,
        null,
        undefined,
        { code: '#N/A' },
        '1,250',
        '(0.3)',
        '£1.2m',
        '−1',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  const grid: fc.Arbitrary<Grid> = fc
    .record({ height: fc.integer({ min: 0, max: 10 }), width: fc.integer({ min: 0, max: 7 }) })
    .chain(({ height, width }) =>
      fc.record({
        values: fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
          minLength: height,
          maxLength: height,
        }),
        origin: fc.option(
          fc.record({
            row: fc.integer({ min: 0, max: 1000 }),
            column: fc.integer({ min: 0, max: 700 }),
          }),
          { nil: undefined },
        ),
      }),
    );
  const options: fc.Arbitrary<CheckOptions | undefined> = fc.option(
    fc.record(
      {
        decimals: fc.integer({ min: 0, max: 6 }),
        convention: fc.constantFrom(
          'budget-minus-forecast' as const,
          'forecast-minus-budget' as const,
        ),
        thresholds: fc.record({ percent: fc.integer({ min: 0, max: 50 }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  );

  it('never throws, and every finding names a known rule and a cell inside the grid', () => {
    fc.assert(
      fc.property(grid, options, (g, o) => problemsOf(g, o).length === 0),
      { numRuns: 10_000 },
    );
  });
});

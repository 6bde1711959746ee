/**
 * The checker against real published council tables (issue 12): every stated relation is checked
 * (the reading says so), nothing right is flagged, every published mistake is found at its cell,
 * as text pasted from a PDF and as numbers; and planted typos in a total and in a variance are
 * found at their cell.
 */
import {
  CHECKED_KINDS,
  type CorpusTable,
  asNumbers,
  loadCorpus,
  plant,
  runTable,
} from './corpusCheck';

const corpus = loadCorpus();

/**
 * Relations the checker does not find yet, by table id, each named with why. Empty: the running
 * balance (Lancashire) and the total of subtotals without the word Total (Freshford) are found.
 */
const NOT_YET: ReadonlyMap<string, readonly string[]> = new Map();

const FORMS = [
  ['as text pasted from a PDF', (table: CorpusTable) => table.grid],
  ['as numbers', (table: CorpusTable) => asNumbers(table.grid)],
] as const;

describe.each(FORMS)('the corpus of real council tables, %s', (_form, valuesOf) => {
  it('holds at least 25 tables', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
  });

  it.each(corpus.map((table) => [table.id, table] as const))(
    '%s: every stated relation is checked, with no false alarm',
    (_id, table) => {
      const outcome = runTable(table, valuesOf(table));
      const allowed = NOT_YET.get(table.id) ?? [];
      expect(
        outcome.missed
          .map((r) => `${r.kind} ${r.cell}`)
          .filter((m) => !allowed.includes(m.split(' ')[1])),
      ).toEqual([]);
      expect(outcome.falseAlarms.map((f) => `${f.rule} ${f.cell}: ${f.message}`)).toEqual([]);
      expect(outcome.wrongMissed.map((r) => r.cell)).toEqual([]);
    },
  );
});

/** Tables with an exact total and an exact variance to plant a typo in. */
const planted = corpus
  .map((table) => {
    const exact = table.relations.filter((r) => r.status === 'exact' && CHECKED_KINDS.has(r.kind));
    const total = exact.find((r) => r.kind === 'total');
    const variance =
      exact.find((r) => r.kind === 'variance') ??
      exact.find((r) => r.kind === 'revised' || r.kind === 'row-total');
    return { table, total, variance };
  })
  .filter((entry) => entry.total !== undefined && entry.variance !== undefined);

describe('planted typos', () => {
  it('are planted in at least 10 tables', () => {
    expect(planted.length).toBeGreaterThanOrEqual(10);
  });

  it.each(
    planted.flatMap(({ table, total, variance }) => [
      [table.id, 'total', total!.cell, table] as const,
      [table.id, variance!.kind, variance!.cell, table] as const,
    ]),
  )(
    '%s: a typo in a %s at %s is found at its cell, as text and as numbers',
    (_id, _kind, cell, table) => {
      const grid = plant(table.grid, cell);
      for (const values of [grid, asNumbers(grid)]) {
        const outcome = runTable({ ...table, grid }, values);
        const errors = outcome.findings.filter((f) => f.severity === 'error').map((f) => f.cell);
        expect(errors).toContain(cell);
      }
    },
  );
});

/**
 * Rows that state a result of other rows without saying Total: a running balance (Lancashire's
 * council tax requirement = net budget requirement less grants and business rates), a total of
 * subtotals (Freshford's `Operational Expeniture`, sic), a cumulative row across the years
 * (Oxfordshire). The reading says what each adds up, and a typo in one is found at its cell.
 */
describe('rows that add up other rows without saying Total', () => {
  const byId = (id: string) => corpus.find((table) => table.id === id)!;
  it.each([
    ['lancashire-fire-2023-25-budget-summary', 11, /row 7 plus rows 8 to 10 \(a running balance\)/],
    [
      'freshford-pc-2020-21-budget',
      72,
      /subtotals at rows 24, 31, 39, 44, 55 and 68 \(a total of subtotals/,
    ],
    ['oxfordshire-2003-06-capital-payments-and-funding', 15, /row 14 added up across the columns/],
    [
      'notts-fire-2020-21-capital-financing-requirement',
      13,
      /row 2 plus rows 3 to 12 \(a running balance\)/,
    ],
    [
      'belstone-pc-2023-24-budget',
      11,
      /rows 3 to 10 less row 3 \(its label leaves out 'Precept'\)/,
    ],
  ])('%s: the reading says what row %i adds up', (id, row, over) => {
    const { reading } = runTable(byId(id), byId(id).grid);
    expect(reading.totals.find((total) => total.row === row)?.over).toMatch(over);
  });

  it.each([
    ['lancashire-fire-2023-25-budget-summary', 'B11'],
    ['lancashire-fire-2023-25-budget-summary', 'C11'],
    ['notts-fire-2020-21-capital-financing-requirement', 'A13'],
    ['notts-fire-2020-21-capital-financing-requirement', 'C16'],
    ['belstone-pc-2023-24-budget', 'F11'],
    ['belstone-pc-2023-24-budget', 'G12'],
    ['belstone-pc-2022-23-revenue-budget-by-quarter', 'H4'],
    ['belstone-pc-2022-23-revenue-budget-by-quarter', 'H12'],
    ['salford-2007-08-capital-resources-outturn', 'D3'],
    ['newbury-tc-2020-21-budget', 'E18'],
    ['newbury-tc-2020-21-budget', 'D22'],
    ['freshford-pc-2020-21-budget', 'B72'],
    ['freshford-pc-2020-21-budget', 'B71'],
    ['oxfordshire-2003-06-capital-payments-and-funding', 'B15'],
    ['oxfordshire-2003-06-capital-payments-and-funding', 'C15'],
    ['oxfordshire-2003-06-capital-payments-and-funding', 'D15'],
  ])('%s: a typo at %s is found at its cell, as text and as numbers', (id, cell) => {
    const table = byId(id);
    const grid = plant(table.grid, cell);
    const published = table.relations.filter((r) => r.status === 'wrong').map((r) => r.cell);
    for (const values of [grid, asNumbers(grid)]) {
      const errors = runTable({ ...table, grid }, values)
        .findings.filter((f) => f.severity === 'error')
        .map((f) => f.cell);
      // Found at its cell; a row worked out from it (Net Expenditure) may disagree with it too.
      expect(errors.filter((at) => !published.includes(at ?? ''))).toContain(cell);
    }
  });
});

describe('a variance column signed differently in each block (Belstone: income v expenditure)', () => {
  const table = corpus.find((t) => t.id === 'belstone-pc-2022-23-revenue-budget-by-quarter')!;

  it('is checked block by block, and the reading says how each block is signed', () => {
    const { reading } = runTable(table, table.grid);
    expect(reading.relations.map((r) => `${r.formula} ${r.checked}`)).toEqual([
      'H = G - C 8',
      'H = C - G 9',
    ]);
    expect(reading.notes).toContain(
      'Variance column H is signed differently in each block: rows 2 to 10 H = G - C; rows 12 to 20 H = C - G',
    );
  });
});

describe('an unlabelled subtotal with a typo (Waddington: every subtotal has no label)', () => {
  const table = corpus.find((t) => t.id === 'waddington-pc-2021-22-budget')!;

  it('is not flagged (nothing says it is a subtotal), but the reading lists it as not checked', () => {
    const grid = plant(table.grid, 'G18');
    const { reading, findings } = runTable({ ...table, grid }, grid);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(reading.unchecked.map((row) => row.row)).toContain(18);
    expect(reading.unchecked.find((row) => row.row === 18)?.reason).toMatch(
      /no label, like the table's subtotals, but is not the sum of the rows above it/,
    );
  });
});

/** Labels of rows that state a result of other rows: each such row is checked or said not to be. */
const RESULT_WORDS =
  /\btotals?\b|\bnet\b|\bbalance\b|\bsurplus\b|\bdeficit\b|\bclosing\b|\brequirement\b|\bover\s+income\b|\bposition\b|\bcumulative\b|^expenditure$/i;
/** An opening balance is where a running balance starts, not a result. */
const OPENING = /\bopening\b|\bbrought\s+forward\b/i;

describe.each(FORMS)('nothing is skipped silently (issue 12), %s', (_form, valuesOf) => {
  it.each(corpus.map((table) => [table.id, table] as const))(
    '%s: every column is checked or says why not; every total or result row is checked or says why not',
    (_id, table) => {
      const { reading, rowKinds } = runTable(table, valuesOf(table));
      for (const column of reading.columns)
        if (!column.checked)
          expect({ column: column.column, reason: column.reason }).toEqual({
            column: column.column,
            reason: expect.stringMatching(/\w/),
          });
      const accounted = new Set([
        ...reading.totals.map((total) => total.row),
        ...reading.unchecked.map((row) => row.row),
        ...reading.relations
          .filter((relation) => relation.kind === 'difference')
          .map((relation) => Number(/^row (\d+)/.exec(relation.formula)?.[1])),
      ]);
      const silent: string[] = [];
      table.grid.forEach((row, r) => {
        const kind = rowKinds[r];
        const label = row.find((cell) => /[a-z]/i.test(cell) && !/^\(?£/.test(cell)) ?? '';
        const figures = row.some((cell) => /\d/.test(cell) && cell !== label);
        const result =
          kind === 'total' ||
          (kind === 'detail' && figures && RESULT_WORDS.test(label) && !OPENING.test(label));
        if (result && !accounted.has(r + 1)) silent.push(`row ${r + 1} '${label}' (${kind})`);
      });
      expect(silent).toEqual([]);
    },
  );
});

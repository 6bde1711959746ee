import fc from 'fast-check';
import { ICT_STRATEGY_TABLE_1 } from '../../../../tests/fixtures/ictStrategyTable1';
import { quarterIndex } from '../../calendar';
import { RULE_IDS } from '../../findings';
import { formatDecimal } from '../../money';
import { parsePhasing } from '../../phasing';
import { readPrintedProgramme } from '../printedProgramme';

describe('Manchester ICT Strategy 2016-19, Table 1, as printed', () => {
  const read = readPrintedProgramme({ sheet: 'Table 1', values: ICT_STRATEGY_TABLE_1 })!;

  it('finds each column’s role: name, amount in £m, description, impact, four years of markers', () => {
    expect(read.columns.map((c) => `${c.letters} ${c.role} ${c.period ?? ''}`.trim())).toEqual([
      'A scheme',
      'B amount',
      'C description',
      'D impact',
      'E quarter markers 2016/17',
      'F quarter markers 2017/18',
      'G quarter markers 2018/19',
      'H quarter markers 2019/20',
    ]);
    expect(read.unit).toBe('£m');
    expect(read.decimals).toBe(1);
    expect(read.headerRow).toBe(1);
  });

  it('imports nine schemes with their statuses, amounts and phrases', () => {
    expect(
      read.schemes.map((s) => [s.name, s.status, s.amount && formatDecimal(s.amount, 1), s.phrase]),
    ).toEqual([
      ['Compliance', 'Delivered or in progress', '2.6', '2016/17 Q1-2'],
      ['Service management', 'Delivered or in progress', '1.1', '2016/17 Q2-4'],
      ['Technology refresh', 'Delivered or in progress', '3.9', '2016/17 Q1-4'],
      ['Business transformation', 'Delivered or in progress', '0.6', '2016/17 Q1'],
      ['Ongoing service stability', 'Planned', '1.3', '2016/17 Q3-4'],
      ['Ongoing service stability', 'Future plans', '10.0', '2017/18 Q1 - 2019/20 Q1'],
      ['Technology and Internet of things', 'Future plans', '2.0', '2017-20'],
      // Its own row (2017/18 Q4 - 2019/20 Q1) and two continuation rows across the page break:
      // 2017-20 in full, and 2016/17 Q4 and 2019/20 Q4.
      ['Technology refresh', 'Future plans', '10.0', '2016/17 Q4 - 2019/20 Q4'],
      ['Business transformation aligned to business strategy', 'Future plans', '10.0', 'TBC'],
    ]);
  });

  it('joins continuation rows’ text to the scheme above, across the repeated header, dropping nothing', () => {
    const compliance = read.schemes[0];
    expect(compliance.description).toBe(
      'Bring the ICT estate in line ...; Upgrade all windows 2003 servers ...',
    );
    expect(compliance.impact).toBe('PSN Compliance Achieved ...; Improved security services ...');
    const refresh = read.schemes[7];
    expect(refresh.rows).toEqual([15, 17, 18]);
    expect(refresh.impact).toBe(
      'N-1 compliance; Desktop upgrade ...; Mobile contract and rolling refresh ...',
    );
    const words = ICT_STRATEGY_TABLE_1.slice(1)
      .filter((row) => row[0] !== 'Area for investment')
      .flatMap((row) => [row[2], row[3]])
      .filter((text) => text !== '');
    const kept = read.schemes.flatMap((s) => [s.description, s.impact]).join('; ');
    for (const text of words) expect(kept).toContain(String(text));
  });

  it('skips the header repeated at each page break and checks both totals (9.5 and 32.0)', () => {
    expect(read.repeatedHeaders).toEqual([7, 16]);
    expect(
      read.totals.map((t) => [
        t.cell,
        formatDecimal(t.printed, 1),
        formatDecimal(t.schemesSum, 1),
        t.schemes,
        t.ok,
      ]),
    ).toEqual([
      ['B11', '9.5', '9.5', 5, true],
      ['B20', '32.0', '32.0', 4, true],
    ]);
    expect(read.findings).toEqual([]);
  });

  it('phrases phase to exactly the quarters the markers show', () => {
    const phased = read.schemes.map((s) => {
      const back = parsePhasing(s.phrase);
      return back.ok && back.value.kind === 'phased' ? back.value.quarters.map(quarterIndex) : [];
    });
    const marked = read.schemes.map((s) =>
      s.phasing.kind === 'phased' ? s.phasing.quarters.map(quarterIndex) : [],
    );
    expect(phased).toEqual(marked);
    // Technology refresh (10.0): 2016/17 Q4 through 2019/20 Q4, 13 quarters.
    expect(marked[7]).toHaveLength(13);
  });
});

describe('checks on a printed table', () => {
  const header = ['Scheme', 'Capital £m', '2016/17', '2017/18'];

  it('reports a scheme with an amount and no marker as unphased', () => {
    const read = readPrintedProgramme({
      sheet: 'Programme',
      values: [header, ['Roofs', 1.2, 'Q1', ''], ['Boilers', 0.4, '', '']],
    })!;
    expect(read.findings).toEqual([
      expect.objectContaining({
        rule: 'unphased',
        severity: 'warning',
        cell: 'A3',
        sheet: 'Programme',
      }),
    ]);
    expect(read.findings[0].message).toContain("'Boilers' has an amount and no quarters marked");
    expect(read.schemes[1].phrase).toBe('');
  });

  it('reports markers on a row with neither a name nor a scheme above', () => {
    const read = readPrintedProgramme({
      values: [header, ['PLANNED', '', '', ''], ['', '', 'Q2', ''], ['Roofs', 1.2, 'Q1', '']],
    })!;
    expect(read.findings).toEqual([
      expect.objectContaining({ rule: 'marker-without-scheme', cell: 'C3' }),
    ]);
    expect(read.schemes.map((s) => s.phrase)).toEqual(['2016/17 Q1']);
  });

  it('reports an unreadable marker at its cell and keeps the rest of the scheme', () => {
    const read = readPrintedProgramme({
      values: [header, ['Roofs', 1.2, 'Q1', 'next spring']],
    })!;
    expect(read.findings).toEqual([
      expect.objectContaining({ rule: 'unreadable-marker', severity: 'error', cell: 'D2' }),
    ]);
    expect(read.findings[0].message).toContain(
      "Cannot read the marker 'next spring' under 2017/18",
    );
    expect(read.schemes[0].phrase).toBe('2016/17 Q1');
  });

  it('reports a total that rounding cannot explain, and does not import it', () => {
    const read = readPrintedProgramme({
      values: [
        header,
        ['Roofs', 1.2, 'Q1', ''],
        ['Boilers', 0.4, 'Q2', ''],
        ['Total', 2.6, '', ''],
      ],
    })!;
    expect(read.schemes).toHaveLength(2);
    expect(read.findings).toEqual([
      expect.objectContaining({
        rule: 'total-mismatch',
        cell: 'B4',
        expected: '1.6',
        actual: '2.6',
      }),
    ]);
  });

  it('accepts a total that honest rounding explains (6.4 over rows adding to 6.3)', () => {
    const rows = [1.2, 2.6, 0.3, 0.4, 0.8, 1.0].map((amount, i) => [
      `Scheme ${i + 1}`,
      amount,
      'Q1',
      '',
    ]);
    const read = readPrintedProgramme({ values: [header, ...rows, ['Total', 6.4, '', '']] })!;
    expect(read.totals[0].ok).toBe(true);
    expect(read.findings).toEqual([]);
  });

  it('keeps two schemes of the same name under different statuses apart', () => {
    const read = readPrintedProgramme({
      values: [
        header,
        ['PLANNED', '', '', ''],
        ['Roofs', 1.2, 'Q1', ''],
        ['FUTURE PLANS', '', '', ''],
        ['Roofs', 3.0, '', '✓'],
      ],
    })!;
    expect(read.schemes.map((s) => [s.name, s.status, s.phrase])).toEqual([
      ['Roofs', 'Planned', '2016/17 Q1'],
      ['Roofs', 'Future plans', '2017/18 Q1-4'],
    ]);
  });

  it('leaves a table of phased figures (numbers under the periods) to the figure checks', () => {
    expect(readPrintedProgramme({ values: [header, ['Roofs', 1.2, 0.6, 0.6]] })).toBeUndefined();
    expect(readPrintedProgramme({ values: [['Notes'], ['Roofs', 1.2]] })).toBeUndefined();
  });

  it('reads a table that states its phasing in a Phase column (DOMAIN.md sample shape)', () => {
    const read = readPrintedProgramme({
      values: [
        ['Status', 'Area for investment', 'Capital £m', 'Impact', 'Phase'],
        ['Future plans', 'Technology refresh', 10.0, 'N-1 compliance', '2017/18 Q4 - 2019/20 Q1'],
        ['Future plans', 'Business transformation', 10.0, 'Innovation', 'TBC'],
      ],
    })!;
    expect(read.schemes.map((s) => [s.status, s.name, s.phrase, s.impact])).toEqual([
      ['Future plans', 'Technology refresh', '2017/18 Q4 - 2019/20 Q1', 'N-1 compliance'],
      ['Future plans', 'Business transformation', 'TBC', 'Innovation'],
    ]);
    expect(read.findings).toEqual([]);
  });
});

describe('hostile tables', () => {
  it('never throws, and reports only known rules, whatever the cells hold', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'Q1', 'Q2-4', '✓', 'TBC', 'Q9', 'TOTAL', 'PLANNED', '£1,300k', 'x'),
      fc.string({ maxLength: 30 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant({ error: '#REF!' }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 }), (rows) => {
        const values = [['Scheme', 'Capital £m', '2016/17', '2017/18'], ...rows];
        const read = readPrintedProgramme({ values });
        for (const finding of read?.findings ?? []) expect(RULE_IDS).toContain(finding.rule);
      }),
      { numRuns: 300 },
    );
  });

  it('regression: a total under figures too fine to add exactly (5e-324 beside 9.007...) is said to be unchecked, not thrown (fuzz seed 1127781394)', () => {
    const values = [
      ['Scheme', 'Capital £m', '2016/17', '2017/18'],
      ['', 5e-324],
      [null, 9.007199254740996, 'TOTAL'],
    ];
    const read = readPrintedProgramme({ values });
    expect(() => readPrintedProgramme({ values })).not.toThrow();
    const unchecked = (read?.findings ?? []).filter((f) => /was not checked/.test(f.message));
    expect(unchecked).toHaveLength(1);
    for (const finding of read?.findings ?? []) expect(RULE_IDS).toContain(finding.rule);
  });
});

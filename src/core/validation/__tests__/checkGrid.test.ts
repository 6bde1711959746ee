import type { Finding } from '../../findings';
import { fromNumber } from '../../money/decimal';
import { checkGrid } from '../checkGrid';
import { monitoringTable, programmeTable } from './tables';

const errors = (findings: Finding[]) => findings.filter((finding) => finding.severity === 'error');
const ofRule = (findings: Finding[], rule: Finding['rule']) =>
  findings.filter((finding) => finding.rule === rule);

describe('checking the totals of a capital programme table', () => {
  it('finds both group totals of the DOMAIN table right (9.5 and 32.0)', () => {
    const { findings } = checkGrid({ values: programmeTable() });
    expect(ofRule(findings, 'total-mismatch')).toEqual([]);
  });

  it('reports a total of 41.0 over rows adding to 44.5 at the total cell', () => {
    const values = programmeTable();
    values[13][1] = 22.5; // the group now adds to 44.5
    values[14][1] = 41.0;
    const { findings } = checkGrid({ values, sheet: 'Programme' });
    expect(errors(findings)).toEqual([
      {
        rule: 'total-mismatch',
        severity: 'error',
        sheet: 'Programme',
        cell: 'B15',
        message: expect.stringContaining(
          'Total 41.0 does not match its rows (44.5): 3.5 more than rounding can explain',
        ),
        expected: '44.5',
        actual: '41.0',
      },
    ]);
  });

  it('gives the sheet address when the table does not start at A1', () => {
    const values = programmeTable();
    values[8][1] = 9.0;
    const { findings } = checkGrid({ values, origin: { row: 5, column: 3 } });
    expect(errors(findings).map((finding) => finding.cell)).toEqual(['E14']);
  });

  it('says a total that is off by honest rounding is within rounding, not an error', () => {
    const values = [
      ['Scheme', 'Capital £m'],
      ...[1.2, 2.6, 0.3, 0.4, 0.8, 0, 1.0].map((x, i) => [`Scheme ${i + 1}`, x]),
      ['Total', 6.4],
    ];
    const { findings } = checkGrid({ values });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'total-mismatch',
        severity: 'info',
        cell: 'B9',
        expected: '6.3',
        actual: '6.4',
      }),
    ]);
    expect(findings[0].message).toContain('within rounding');
  });

  it('takes the decimals from the number format: 6.4 over 6.3 is an error when figures show 2 places', () => {
    const values = [
      ['Scheme', 'Capital £m'],
      ...[1.2, 2.6, 0.3, 0.4, 0.8, 0, 1.0].map((x, i) => [`Scheme ${i + 1}`, x]),
      ['Total', 6.4],
    ];
    const numberFormats = values.map(() => ['General', '0.00']);
    expect(errors(checkGrid({ values, numberFormats }).findings)).toHaveLength(1);
    expect(errors(checkGrid({ values }, { decimals: 2 }).findings)).toHaveLength(1);
  });

  it('accepts a grand total that adds up the subtotals, and one that adds up every row', () => {
    const { findings } = checkGrid({ values: monitoringTable() });
    expect(ofRule(findings, 'total-mismatch')).toEqual([]);
    const noSubtotals = monitoringTable().filter((row) => row[0] !== 'Sub-total');
    expect(ofRule(checkGrid({ values: noSubtotals }).findings, 'total-mismatch')).toEqual([]);
  });

  it('reports a wrong grand total against the subtotals it adds up', () => {
    const values = monitoringTable();
    values[11][3] = 7465;
    const found = errors(ofRule(checkGrid({ values }).findings, 'total-mismatch'));
    expect(found).toEqual([
      expect.objectContaining({ cell: 'D12', expected: '7365', actual: '7465' }),
    ]);
    expect(found[0].message).toContain('the subtotals above it');
  });

  it('checks three levels of totals: subtotals, directorate totals and a grand total', () => {
    const values = [
      ['Scheme', 'Budget'],
      ['Kitchens', 1.5],
      ['Roofs', 2.5],
      ['Sub-total', 4.0],
      ['Playgrounds', 1.0],
      ['Sub-total', 1.0],
      ['Children and schools total', 5.0],
      ['Resurfacing', 2.0],
      ['Sub-total', 2.0],
      ['Bridges', 3.0],
      ['Sub-total', 3.0],
      ['Highways total', 5.0],
      ['Grand total', 10.0],
    ];
    expect(checkGrid({ values }).findings).toEqual([]);
    values[12][1] = 11.0;
    const found = errors(checkGrid({ values }).findings);
    expect(found).toEqual([
      expect.objectContaining({
        rule: 'total-mismatch',
        cell: 'B13',
        expected: '10.0',
        actual: '11.0',
      }),
    ]);
    expect(found[0].message).toContain('the group totals above it');
  });

  it('checks every figure column of a total row, quarter columns included', () => {
    const values = [
      ['Scheme', 'Budget', '2016/17 Q1', '2016/17 Q2'],
      ['A', 3, 1, 2],
      ['B', 5, 2, 3],
      ['Total', 8, 3, 7],
    ];
    expect(errors(checkGrid({ values }).findings).map((finding) => finding.cell)).toEqual(['D4']);
  });
});

describe('checking tables laid out in other ways', () => {
  it('checks the sample CSV layout (status column first, no totals) and finds only the unphased scheme', () => {
    const values = [
      ['Status', 'Area for investment', 'Capital £m', 'Impact', 'Phase'],
      ['Delivered or in progress', 'Compliance', '2.6', 'PSN Compliance Achieved', '2016/17 Q1'],
      [
        'Planned',
        'Ongoing service stability',
        '1.3',
        'Improve ICT service availability',
        '2016/17 Q3-4',
      ],
      ['Future plans', 'Technology refresh', '10.0', 'N-1 compliance', '2017/18 Q4 - 2019/20 Q1'],
      [
        'Future plans',
        'Business transformation',
        '10.0',
        'Potential for business transformation',
        'TBC',
      ],
    ];
    const { findings, table } = checkGrid({ values });
    expect(table?.labelColumn).toBe(1);
    expect(ofRule(findings, 'unphased').map((finding) => finding.cell)).toEqual(['E5']);
    expect(ofRule(findings, 'number-as-text')).toHaveLength(4);
    expect(errors(findings)).toEqual([]);
  });

  it('leaves continuation rows out of the totals', () => {
    const values = programmeTable();
    values.splice(3, 0, ['', '', 'and new anti-virus rolled out', '']);
    const { findings, table } = checkGrid({ values });
    expect(table?.rowKinds[3]).toBe('continuation');
    expect(ofRule(findings, 'total-mismatch')).toEqual([]);
  });

  it('reads a row of units under the header as part of the header', () => {
    const values = [
      ['Project', 'Budget', 'Forecast', 'Variance'],
      ['', '£m', '£m', '£m'],
      ['Depot', 2.6, 2.4, 0.2],
      ['Total', 2.6, 2.4, 0.2],
    ];
    const { findings, table } = checkGrid({ values });
    expect(findings).toEqual([]);
    expect(table?.headerRows).toEqual([0, 1]);
    expect(table?.columns[1]).toMatchObject({ role: 'budget', unit: '£m' });
  });

  it('matches a total to the rows since the heading above it when that is what it adds up', () => {
    const values = [
      ['Scheme', 'Budget'],
      ['SCHOOLS', ''],
      ['Kitchens', 1.5],
      ['HIGHWAYS', ''],
      ['Resurfacing', 2.0],
      ['Bridges', 1.0],
      ['Highways total', 3.0],
      ['Highways total', 3.9],
    ];
    const found = ofRule(checkGrid({ values }).findings, 'total-mismatch');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', cell: 'B8' })]);
  });

  it("reads £'000 figures and text in brackets in the column's own unit", () => {
    const values = [
      ['Scheme', "Budget £'000"],
      ['A', '1,250'],
      ['B', '(250)'],
      ['C', '£0.5m'],
      ['Total', 1500],
    ];
    const { findings } = checkGrid({ values });
    expect(errors(findings)).toEqual([]);
    expect(ofRule(findings, 'number-as-text')).toHaveLength(3);
  });
});

describe('checking figures stored as text', () => {
  it('reads figures pasted as text, with a number-as-text warning for each', () => {
    const { findings } = checkGrid({ values: monitoringTable() });
    const asText = ofRule(findings, 'number-as-text');
    expect(asText.map((finding) => finding.cell)).toEqual(['E4', 'E6', 'E7', 'E8']);
    expect(asText.every((finding) => finding.severity === 'warning')).toBe(true);
  });

  it('reports text that cannot be read as a figure as not-a-number', () => {
    const values = [
      ['Scheme', 'Budget'],
      ['A', 'TBC'],
      ['B', 2],
      ['C', true],
      ['Total', 2],
    ];
    const found = ofRule(checkGrid({ values }).findings, 'not-a-number');
    expect(found.map((finding) => [finding.cell, finding.actual, finding.severity])).toEqual([
      ['B2', 'TBC', 'error'],
      ['B4', 'TRUE', 'error'],
    ]);
  });

  it('reads a dash or n/a as nothing, not as a bad figure', () => {
    const values = [
      ['Scheme', 'Budget'],
      ['A', '-'],
      ['B', 2],
      ['C', 'n/a'],
      ['Total', 2],
    ];
    expect(checkGrid({ values }).findings).toEqual([]);
  });
});

describe('checking variances', () => {
  it('finds the monitoring table variances right (revised budget less forecast)', () => {
    const { findings } = checkGrid({ values: monitoringTable() });
    expect(ofRule(findings, 'variance-mismatch')).toEqual([]);
  });

  it('reports a variance that does not match budget and forecast', () => {
    const values = monitoringTable();
    values[5][4] = '160';
    const found = ofRule(checkGrid({ values }).findings, 'variance-mismatch');
    expect(found).toEqual([
      expect.objectContaining({ severity: 'error', cell: 'E6', expected: '150', actual: '160' }),
    ]);
    expect(found[0].message).toContain("'Depot roof'");
  });

  it('recognises forecast-minus-budget from the rows and says so', () => {
    const values = monitoringTable().map((row, r) =>
      r >= 3 && typeof row[4] !== 'undefined' && row[4] !== ''
        ? [...row.slice(0, 4), negateText(row[4]), ...row.slice(5)]
        : row,
    );
    const { findings } = checkGrid({ values });
    expect(errors(findings)).toEqual([]);
    expect(ofRule(findings, 'variance-mismatch')).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: expect.stringContaining('forecast less budget'),
      }),
    ]);
  });

  it('uses the convention it is given', () => {
    const { findings } = checkGrid(
      { values: monitoringTable() },
      { convention: 'forecast-minus-budget' },
    );
    const found = errors(ofRule(findings, 'variance-mismatch'));
    expect(found.map((finding) => finding.cell)).toEqual(['E4', 'E6', 'E8', 'E10', 'E11', 'E12']);
    expect(found[0].message).toContain('opposite sign');
  });

  it('tolerates three figures of rounding in a variance', () => {
    const values = [
      ['Project', 'Budget £m', 'Forecast £m', 'Variance £m'],
      ['A', 2.6, 2.4, 0.3],
    ];
    const { findings } = checkGrid({ values });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'variance-mismatch', severity: 'info' }),
    ]);
  });

  it('flags forecasts beyond the council thresholds', () => {
    const { findings } = checkGrid({ values: monitoringTable() }, { thresholds: { percent: 10 } });
    const flagged = ofRule(findings, 'variance-threshold');
    expect(flagged.map((finding) => finding.cell)).toEqual(['E6', 'E10']);
    expect(flagged[0].message).toContain('underspend');
    expect(flagged[1].message).toContain('overspend');
  });

  it('applies an absolute threshold in the table unit', () => {
    const flagged = ofRule(
      checkGrid({ values: monitoringTable() }, { thresholds: { absolute: fromNumber(100) } })
        .findings,
      'variance-threshold',
    );
    expect(flagged.map((finding) => finding.cell)).toEqual(['E6', 'E10']);
  });
});

describe('checking phasing', () => {
  const phased = () => [
    [
      'Ref',
      'Scheme',
      'All Years Budget',
      '2016/17 Q1',
      '2016/17 Q2',
      '2016/17 Q3',
      '2016/17 Q4',
      'Phasing',
    ],
    ['P1', 'Compliance', 2.6, 2.6, '', '', '', '2016/17 Q1'],
    ['P2', 'Service management', 1.1, '', 0.37, 0.37, 0.36, '2016/17 Q2-4'],
    ['P3', 'Technology refresh', 3.9, 1, 1, 1, 0.9, '2016/17 Q1-4'],
  ];

  it('finds phasing that adds up to the all-years budget right', () => {
    expect(checkGrid({ values: phased() }).findings).toEqual([]);
  });

  it('reports quarters that do not add up to the all-years budget', () => {
    const values = phased();
    values[3][6] = 0.5;
    expect(ofRule(checkGrid({ values }).findings, 'phasing-mismatch')).toEqual([
      expect.objectContaining({ severity: 'error', cell: 'C4', expected: '3.50', actual: '3.90' }),
    ]);
  });

  it('adds quarters for the budget year and whole years after it, without counting a year twice', () => {
    const values = [
      [
        'Scheme',
        'All Years Budget',
        '2016/17 Q1',
        '2016/17 Q2',
        '2016/17 Q3',
        '2016/17 Q4',
        '2016/17',
        '2017/18',
        '2018/19',
      ],
      ['Depot', 10, 1, 1, 1, 1, 4, 3, 3],
      ['Roof', 5, 1, 1, 1, 1, 4, 3, 3],
    ];
    const found = ofRule(checkGrid({ values }).findings, 'phasing-mismatch');
    expect(found).toEqual([
      expect.objectContaining({ severity: 'error', cell: 'B3', expected: '10', actual: '5' }),
    ]);
  });

  it('checks a year column shown beside its own quarters', () => {
    const values = [
      ['Scheme', '2016/17 Q1', '2016/17 Q2', '2016/17 Q3', '2016/17 Q4', '2016/17'],
      ['Depot', 1.5, 1.5, 1.0, 1.0, 5.0],
      ['Roof', 0.5, 0.5, 0.5, 0.5, 3.0],
    ];
    const found = ofRule(checkGrid({ values }).findings, 'phasing-mismatch');
    expect(found).toEqual([
      expect.objectContaining({ severity: 'error', cell: 'F3', expected: '2.0', actual: '3.0' }),
    ]);
    expect(found[0].message).toContain('2016/17');
  });

  it('adds up period columns that are not side by side', () => {
    const values = [
      ['Scheme', 'Budget', '2016/17 Q1', 'Forecast', '2016/17 Q2'],
      ['Depot', 5, 2, 5, 3],
      ['Roof', 5, 1, 4, 2],
    ];
    expect(ofRule(checkGrid({ values }).findings, 'phasing-mismatch')).toEqual([
      expect.objectContaining({ severity: 'error', cell: 'B3' }),
    ]);
  });

  it('warns about a scheme not phased yet', () => {
    const values = phased();
    values[2][7] = 'TBC';
    values[3][7] = '';
    expect(
      ofRule(checkGrid({ values }).findings, 'unphased').map((finding) => finding.cell),
    ).toEqual(['H3', 'H4']);
  });

  it('reports a phasing phrase outside the period columns', () => {
    const values = phased();
    values[1][7] = '2017/18 Q1';
    const found = ofRule(checkGrid({ values }).findings, 'phasing-out-of-range');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', cell: 'H2' })]);
    expect(found[0].message).toContain('2016/17 Q1 to 2016/17 Q4');
  });

  it('warns about the TBC scheme of the DOMAIN table', () => {
    expect(ofRule(checkGrid({ values: programmeTable() }).findings, 'unphased')).toEqual([
      expect.objectContaining({ cell: 'D14', severity: 'warning' }),
    ]);
  });
});

describe('checking budgets and refs', () => {
  it('warns about a negative budget', () => {
    const values = [
      ['Ref', 'Scheme', 'Budget'],
      ['A1', 'Depot', -0.3],
      ['A2', 'Roof', 1.3],
      ['', 'Total', 1.0],
    ];
    expect(ofRule(checkGrid({ values }).findings, 'negative-budget')).toEqual([
      expect.objectContaining({ severity: 'warning', cell: 'C2', actual: '-0.3' }),
    ]);
  });

  it('reports a ref used twice, naming the first', () => {
    const values = [
      ['Ref', 'Scheme', 'Budget'],
      ['ICT-01', 'Depot', 1],
      ['ICT-02', 'Roof', 2],
      ['ICT-01', 'Kitchens', 3],
    ];
    const found = ofRule(checkGrid({ values }).findings, 'duplicate-ref');
    expect(found).toEqual([
      expect.objectContaining({ severity: 'error', cell: 'A4', actual: 'ICT-01' }),
    ]);
    expect(found[0].message).toContain('A2');
  });
});

function negateText(value: unknown): unknown {
  if (typeof value === 'number') return -value;
  const text = String(value);
  if (text.startsWith('(')) return text.slice(1, -1);
  return text === '0' ? '0' : `(${text})`;
}

describe('suggested phrases', () => {
  it("suggest the table's own first year (regression: '2016/17 Q2-4' in a 2026/27 programme)", () => {
    const { findings } = checkGrid({
      values: [
        ['Scheme', 'Budget', 'Phasing', '2026/27 Q1', '2026/27 Q2', '2026/27 Q3', '2026/27 Q4'],
        ['Laptops', 1.2, 'TBC', '', '', '', ''],
        ['Wi-Fi', 0.8, '2026/27 Q1', 0.8, '', '', ''],
      ],
    });
    const unphased = findings.find((finding) => finding.rule === 'unphased');
    expect(unphased?.message).toContain("e.g. '2026/27 Q2-4'");
    expect(unphased?.message).not.toContain('2016/17');
  });
});

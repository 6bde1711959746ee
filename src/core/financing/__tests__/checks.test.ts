import { fromNumber } from '../../money/decimal';
import { checkFinancingStatement, checkSchemeFinancing, type ShownStatement } from '../checks';
import { financeProgramme } from '../funding';

const d = fromNumber;

describe('checkSchemeFinancing', () => {
  const schemes = financeProgramme(
    [
      { ref: 'A', name: 'Depot', years: [{ year: 2025, amount: d(100) }] },
      { ref: 'B', years: [{ year: 2025, amount: d(50) }] },
      { ref: 'C', years: [{ year: 2025, amount: d(10) }] },
    ],
    [
      {
        ref: 'A',
        source: 'Reserves',
        basis: { kind: 'amounts', years: [{ year: 2025, amount: d(90) }] },
        cell: { sheet: 'Funding', cell: 'D4' },
      },
      { ref: 'B', source: 'Reserves', basis: { kind: 'share', percent: d(100) } },
    ],
  );

  it('finds a scheme-year financed less than its spend, at its funding cell', () => {
    const findings = checkSchemeFinancing(schemes, {
      lines: [
        {
          ref: 'A',
          source: 'Reserves',
          basis: { kind: 'share', percent: d(1) },
          cell: { sheet: 'Funding', cell: 'D4' },
        },
      ],
    });
    expect(findings[0]).toMatchObject({
      rule: 'funding-mismatch',
      severity: 'error',
      sheet: 'Funding',
      cell: 'D4',
      expected: '100',
      actual: '90',
    });
    expect(findings[0].message).toContain(
      'Depot (A) in 2025/26: financing 90 does not equal spend 100 (10 not financed)',
    );
  });

  it('calls spend with no source at all funding-unallocated', () => {
    const findings = checkSchemeFinancing(schemes);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['funding-mismatch', 'error'],
      ['funding-unallocated', 'warning'],
    ]);
    expect(findings[1].message).toContain('C spends 10 in 2025/26 with no funding source');
  });
});

describe('checkFinancingStatement', () => {
  const cell = (c: string) => ({ sheet: 'Financing', cell: c });
  const shown = (total: number, borrowing: number): ShownStatement => ({
    columns: ['2025/26'],
    expenditure: [{ value: d(6.4), cell: cell('B3') }],
    sources: [
      { label: 'Prudential borrowing', figures: [{ value: d(borrowing) }] },
      { label: 'Government grants', figures: [{ value: d(2.1) }] },
      { label: 'Reserves', figures: [{ value: d(0.2) }] },
    ],
    totalFinancing: [{ value: d(total), cell: cell('B9') }],
  });

  it('passes a total within honest rounding (6.4 over parts adding to 6.3 at one place)', () => {
    expect(checkFinancingStatement(shown(6.4, 4.0), { decimals: 1 })).toEqual([]);
  });

  it('finds a planted mismatch at the total financing cell', () => {
    const findings = checkFinancingStatement(shown(6.4, 2.0), { decimals: 1 });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'funding-mismatch',
        cell: 'B9',
        expected: '4.3',
        actual: '6.4',
      }),
    ]);
  });

  it('finds total financing that does not equal expenditure', () => {
    const statement = shown(5.3, 3.0);
    const findings = checkFinancingStatement(statement, { decimals: 1 });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'funding-mismatch',
        cell: 'B9',
        expected: '6.4',
        actual: '5.3',
      }),
    ]);
    expect(findings[0].message).toContain('a gap of 1.1');
  });

  it('is exact without decimals', () => {
    expect(checkFinancingStatement(shown(6.3, 4.0))).toHaveLength(1);
  });

  it('calls expenditure with no financing shown funding-unallocated', () => {
    const findings = checkFinancingStatement({
      columns: ['Total'],
      expenditure: [{ value: d(3), cell: cell('E3') }],
      sources: [],
    });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'funding-unallocated', cell: 'E3' }),
    ]);
  });
});

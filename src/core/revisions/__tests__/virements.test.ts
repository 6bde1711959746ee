import { fromNumber } from '../../money/decimal';
import { checkVirements } from '../virements';
import { revision } from './fixtures';

const d = fromNumber;
const schemes = [
  { ref: 'CMS-01', name: 'Case management', originalBudget: d(3.1) },
  { ref: 'HR-02', name: 'HR system', originalBudget: d(1) },
];

describe('checkVirements', () => {
  it('accepts virements that net to zero across schemes', () => {
    const findings = checkVirements(
      [
        revision({ ref: 'CMS-01', kind: 'virement', amount: d(-0.15), reference: 'CAB-12' }),
        revision({ ref: 'HR-02', kind: 'virement', amount: d(0.15), reference: 'CAB-12' }),
        revision({ ref: 'HR-02', kind: 'addition', amount: d(0.5) }),
      ],
      schemes,
    );
    expect(findings).toEqual([]);
  });

  it('names the schemes and the amount left unmatched when virements do not net to zero', () => {
    const findings = checkVirements(
      [
        revision({ ref: 'CMS-01', kind: 'virement', amount: d(-0.15), reference: 'CAB-12' }),
        revision({
          ref: 'HR-02',
          kind: 'virement',
          amount: d(0.1),
          reference: 'CAB-12',
          source: { sheet: 'Revisions', cell: 'E9' },
        }),
      ],
      schemes,
    );
    expect(findings).toEqual([
      {
        rule: 'revision-mismatch',
        severity: 'error',
        sheet: 'Revisions',
        cell: 'E9',
        expected: '0.00',
        actual: '-0.05',
        message: expect.stringContaining(
          'Virements do not net to zero: Case management (CMS-01) -0.15, HR system (HR-02) +0.10 leave -0.05 unmatched',
        ),
      },
    ]);
  });

  it('reports a virement with no other side', () => {
    const findings = checkVirements([revision({ ref: 'XX-9', kind: 'virement', amount: d(0.2) })]);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(/XX-9 \+0\.2 leave \+0\.2 unmatched/),
      }),
    ]);
  });

  it('warns when the programme balances but one reference does not (a mistyped reference)', () => {
    const findings = checkVirements(
      [
        revision({ ref: 'CMS-01', kind: 'virement', amount: d(-0.15), reference: 'CAB-12' }),
        revision({ ref: 'HR-02', kind: 'virement', amount: d(0.15), reference: 'CAB 12' }),
      ],
      schemes,
    );
    expect(findings).toHaveLength(2);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(findings[0].message).toMatch(
      /reference CAB-12 \(Case management \(CMS-01\) -0\.15\) do not net to zero on their own/,
    );
  });

  it('matches references regardless of case and spaces around them', () => {
    const findings = checkVirements([
      revision({ ref: 'CMS-01', kind: 'virement', amount: d(-0.15), reference: 'CAB-12' }),
      revision({ ref: 'HR-02', kind: 'virement', amount: d(0.15), reference: ' cab-12 ' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('has nothing to say when there are no virements', () => {
    expect(checkVirements([revision({ kind: 'addition', amount: d(1) })])).toEqual([]);
  });
});

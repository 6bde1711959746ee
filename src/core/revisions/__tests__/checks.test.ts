import { fromNumber } from '../../money/decimal';
import { checkRevisions } from '../checks';
import { caseManagement, revision } from './fixtures';

const d = fromNumber;

const hrSide = revision({
  ref: 'HR-02',
  kind: 'virement',
  amount: d(0.15),
  reference: 'CAB-12',
  date: { year: 2020, month: 2, day: 3 },
});

describe('checkRevisions', () => {
  it('passes the case management system: £3.100m to £4.245m, a 36.9% increase, virement matched', () => {
    const schemes = [
      {
        ref: 'CMS-01',
        name: 'Case management',
        originalBudget: d(3.1),
        statedRevised: d(4.245),
        statedChangePercent: 36.9,
      },
      { ref: 'HR-02', name: 'HR system', originalBudget: d(1), statedRevised: d(1.15) },
    ];
    expect(checkRevisions(schemes, [...caseManagement, hrSide])).toEqual([]);
  });

  it('reports every kind of mismatch, each as revision-mismatch', () => {
    const schemes = [
      { ref: 'CMS-01', originalBudget: d(3.1), statedRevised: d(4.3), statedChangePercent: 40 },
      { ref: 'HR-02', originalBudget: d(1) },
    ];
    const findings = checkRevisions(schemes, [
      ...caseManagement,
      revision({ ref: 'HR-02', kind: 'addition', amount: d(-0.1) }),
      revision({ ref: 'ZZ-99', kind: 'addition', amount: d(0.1), reference: 'DD-4' }),
    ]);
    expect(findings.every((f) => f.rule === 'revision-mismatch')).toBe(true);
    const messages = findings.map((f) => f.message);
    expect(messages).toEqual([
      expect.stringMatching(/addition DD-1 .* to HR-02 is negative/),
      expect.stringMatching(/scheme ZZ-99, which is not in the programme/),
      expect.stringMatching(/Revised budget of CMS-01 is 4\.300/),
      expect.stringMatching(
        /stated change of 40% for CMS-01 does not match the figures: \+1\.2 on 3\.1 is 39%/,
      ),
      expect.stringMatching(/Virements do not net to zero: CMS-01 -0\.15 leave -0\.15 unmatched/),
    ]);
  });

  it('checks a stated percentage against the recorded revisions when no revised budget is printed', () => {
    const findings = checkRevisions(
      [{ ref: 'CMS-01', originalBudget: d(3.1), statedChangePercent: 36.9 }],
      [...caseManagement, hrSide],
    );
    // Only the HR virement side is unknown to this programme.
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/HR-02, which is not in the programme/),
      }),
    ]);
  });

  it('finds nothing in an empty programme', () => {
    expect(checkRevisions([], [])).toEqual([]);
  });
});

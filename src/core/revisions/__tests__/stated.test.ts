import { ZERO, fromNumber } from '../../money/decimal';
import { checkStatedPercent, checkStatedRevised } from '../stated';
import { caseManagement, revision } from './fixtures';

const d = fromNumber;

describe('checkStatedRevised', () => {
  it('accepts the case management system revised to £4.245m', () => {
    expect(
      checkStatedRevised(
        { ref: 'CMS-01', originalBudget: d(3.1), statedRevised: d(4.245) },
        caseManagement,
      ),
    ).toEqual([]);
  });

  it('reports a revised budget that is not the original plus its changes, saying what it should be', () => {
    const findings = checkStatedRevised(
      {
        ref: 'CMS-01',
        name: 'Case management',
        originalBudget: d(3.1),
        statedRevised: d(4.3),
        revisedSource: { sheet: 'Programme', cell: 'H5' },
      },
      caseManagement,
    );
    expect(findings).toEqual([
      {
        rule: 'revision-mismatch',
        severity: 'error',
        sheet: 'Programme',
        cell: 'H5',
        expected: '4.245',
        actual: '4.300',
        message:
          'Revised budget of Case management (CMS-01) is 4.300 but the original 3.100 plus its 3 recorded changes make 4.245, a difference of +0.055: more than rounding can explain. Enter 4.245, or record the missing change in Revisions',
      },
    ]);
  });

  it('tolerates rounding of a revised budget printed to 1 decimal: 5 figures x 0.05', () => {
    // 3.1 + 0.42 + 0.875 - 0.15 = 4.245; 4.4 is 0.155 away (within 0.25), 4.5 is 0.255 away (not).
    const stating = (revised: number) =>
      checkStatedRevised(
        { ref: 'CMS-01', originalBudget: d(3.1), statedRevised: d(revised), revisedDecimals: 1 },
        caseManagement,
      );
    expect(stating(4.2)).toEqual([]);
    expect(stating(4.4)).toEqual([]);
    expect(stating(4.5)).toEqual([
      expect.objectContaining({
        expected: '4.2',
        actual: '4.5',
        message: expect.stringMatching(
          /is 4\.5 but the original 3\.100 plus its 3 recorded changes make 4\.245, a difference of \+0\.255.*Enter 4\.2,/,
        ),
      }),
    ]);
  });

  it("counts only the scheme's own revisions", () => {
    const others = [...caseManagement, revision({ ref: 'HR-02', kind: 'addition', amount: d(9) })];
    expect(
      checkStatedRevised(
        { ref: 'CMS-01', originalBudget: d(3.1), statedRevised: d(4.245) },
        others,
      ),
    ).toEqual([]);
  });

  it('says nothing when no revised budget is stated', () => {
    expect(checkStatedRevised({ ref: 'CMS-01', originalBudget: d(3.1) }, caseManagement)).toEqual(
      [],
    );
  });
});

describe('checkStatedPercent', () => {
  it('accepts 36.9% for £3.100m revised to £4.245m (36.935...%)', () => {
    expect(checkStatedPercent(d(3.1), d(4.245), 36.9)).toEqual([]);
  });

  it('flags 37.0% for the same figures, printed to one place', () => {
    const findings = checkStatedPercent(d(3.1), d(4.245), 37, { decimals: 1, scheme: 'CMS-01' });
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        expected: '36.9%',
        actual: '37.0%',
        message: expect.stringMatching(
          /^The stated change of 37\.0% for CMS-01 does not match the figures: \+1\.145 on 3\.1 is 36\.9%/,
        ),
      }),
    ]);
  });

  it('accepts 37% printed with no decimals (36.9% rounds to 37%)', () => {
    expect(checkStatedPercent(d(3.1), d(4.245), 37)).toEqual([]);
  });

  it('checks "a capital increase of £450k ... a 6.6% budget increase" against the budget it was on', () => {
    expect(checkStatedPercent(d(6818), d(7268), 6.6)).toEqual([]);
    const findings = checkStatedPercent(d(6000), d(6450), 6.6);
    expect(findings).toEqual([expect.objectContaining({ expected: '7.5%', actual: '6.6%' })]);
  });

  it('holds the boundary exactly: half a unit of the last place is within, more is not', () => {
    // 100 x 0.0665 / 1 = 6.65%: shown as 6.6 it is at the boundary (within); 6.65001 is not.
    expect(checkStatedPercent(d(1), d(1.0665), 6.6)).toEqual([]);
    expect(checkStatedPercent(d(1), d(1.0665001), 6.6)).toHaveLength(1);
    expect(checkStatedPercent(d(1), d(1.0655), 6.6)).toEqual([]);
    expect(checkStatedPercent(d(1), d(1.0654999), 6.6)).toHaveLength(1);
  });

  it('flags a stated increase when the figures show a decrease', () => {
    expect(checkStatedPercent(d(100), d(90), 10)).toEqual([
      expect.objectContaining({ expected: '-10%', actual: '10%' }),
    ]);
    expect(checkStatedPercent(d(100), d(90), -10)).toEqual([]);
  });

  it('cannot check a percentage change on an original budget of 0 and says so', () => {
    expect(checkStatedPercent(ZERO, d(1), 5)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/original budget of 0/),
      }),
    ]);
  });

  it('says how to write a stated change that is not a number', () => {
    expect(checkStatedPercent(d(1), d(2), Number.NaN)).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(/e\.g\. 6\.6 for 6\.6%/),
      }),
    ]);
  });
});

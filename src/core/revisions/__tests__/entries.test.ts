import { fromNumber } from '../../money/decimal';
import { checkRevisionEntries } from '../entries';
import { revision } from './fixtures';

const d = fromNumber;

describe('checkRevisionEntries', () => {
  it('accepts a reduction entered as a positive amount: the kind gives the sign', () => {
    expect(checkRevisionEntries([revision({ kind: 'reduction', amount: d(0.2) })])).toEqual([]);
  });

  it('warns about an addition entered as a negative amount', () => {
    const findings = checkRevisionEntries([
      revision({
        kind: 'addition',
        amount: d(-0.2),
        reference: 'CAB-3',
        source: { sheet: 'Revisions', cell: 'E7' },
      }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'revision-mismatch',
        severity: 'warning',
        sheet: 'Revisions',
        cell: 'E7',
        actual: '-0.2',
        message: expect.stringMatching(
          /addition CAB-3 of 2019-04-01 to CMS-01 is negative \(-0\.2\): record a reduction/,
        ),
      }),
    ]);
  });

  it('accepts a re-profile that moves budget between years and leaves the total alone', () => {
    const moved = revision({
      kind: 're-profile',
      amount: d(0),
      yearAmounts: [
        { year: 2019, amount: d(-0.5) },
        { year: 2020, amount: d(0.3) },
        { year: 2021, amount: d(0.2) },
      ],
    });
    expect(checkRevisionEntries([moved])).toEqual([]);
  });

  it('reports a re-profile whose years do not add up to zero as an error', () => {
    const findings = checkRevisionEntries([
      revision({
        kind: 're-profile',
        amount: d(0),
        yearAmounts: [
          { year: 2019, amount: d(-0.5) },
          { year: 2020, amount: d(0.4) },
        ],
      }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        expected: '0.0',
        actual: '-0.1',
        message: expect.stringMatching(/add up to -0\.1, so it changes the all-years total/),
      }),
    ]);
  });

  it('reports a re-profile with an amount as an error: it would change the all-years budget', () => {
    const findings = checkRevisionEntries([
      revision({
        kind: 're-profile',
        amount: d(0.5),
        yearAmounts: [
          { year: 2019, amount: d(-0.5) },
          { year: 2020, amount: d(0.5) },
        ],
      }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        expected: '0.0',
        actual: '0.5',
        message: expect.stringMatching(
          /changes the all-years budget by \+0\.5.*record the change as an addition or reduction/,
        ),
      }),
    ]);
  });

  it('asks which years a re-profile moves budget between when it does not say', () => {
    expect(checkRevisionEntries([revision({ kind: 're-profile', amount: d(0) })])).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/does not say which years/),
      }),
    ]);
  });

  it('reports a date that does not exist', () => {
    const findings = checkRevisionEntries([
      revision({ kind: 'addition', amount: d(1), date: { year: 2019, month: 2, day: 30 } }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(/of 2019-02-30 .* has a date that does not exist/),
      }),
    ]);
  });

  it('finds nothing to say about ordinary additions and virements', () => {
    expect(
      checkRevisionEntries([
        revision({ kind: 'addition', amount: d(0.42) }),
        revision({ kind: 'virement', amount: d(-0.15) }),
      ]),
    ).toEqual([]);
  });
});

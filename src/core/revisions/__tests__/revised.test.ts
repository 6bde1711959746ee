import { ZERO, formatDecimal, fromNumber } from '../../money/decimal';
import { changePercent, revisedBudget, revisedBudgetOf, revisionChange } from '../revised';
import { caseManagement } from './fixtures';

const d = fromNumber;

describe('revisedBudget', () => {
  it('adds the changes to the original: £3.100m + 0.420 + 0.875 - 0.150 is £4.245m', () => {
    expect(formatDecimal(revisedBudget(d(3.1), [d(0.42), d(0.875), d(-0.15)]), 3)).toBe('4.245');
  });

  it('is the original when there are no changes', () => {
    expect(formatDecimal(revisedBudget(d(3.1), []))).toBe('3.1');
  });

  it('adds tenths exactly (0.1 + 0.2 on 0 is 0.3)', () => {
    expect(formatDecimal(revisedBudget(ZERO, [d(0.1), d(0.2)]))).toBe('0.3');
  });
});

describe('changePercent', () => {
  it('gives the case management increase as 36.9% (1.145 / 3.1)', () => {
    const fraction = changePercent(d(3.1), d(4.245));
    expect(fraction).toBeCloseTo(1.145 / 3.1, 14);
    expect((fraction! * 100).toFixed(1)).toBe('36.9');
  });

  it('is negative for a reduction and 0 for no change', () => {
    expect(changePercent(d(200), d(150))).toBe(-0.25);
    expect(changePercent(d(200), d(200))).toBe(0);
  });

  it('is undefined when the original is 0', () => {
    expect(changePercent(ZERO, d(1))).toBeUndefined();
  });

  it('measures against the size of a negative original, so an increase is positive', () => {
    expect(changePercent(d(-100), d(-50))).toBe(0.5);
  });

  it('handles changes at a finer scale than the original', () => {
    expect(changePercent(d(3), d(3.003))).toBeCloseTo(0.001, 15);
  });
});

describe('revisionChange', () => {
  it('takes the sign of a reduction from its kind, whichever sign was entered', () => {
    expect(formatDecimal(revisionChange({ kind: 'reduction', amount: d(0.2) }))).toBe('-0.2');
    expect(formatDecimal(revisionChange({ kind: 'reduction', amount: d(-0.2) }))).toBe('-0.2');
  });

  it('keeps the sign entered for additions, virements and re-profiles', () => {
    expect(formatDecimal(revisionChange({ kind: 'addition', amount: d(0.42) }))).toBe('0.42');
    expect(formatDecimal(revisionChange({ kind: 'virement', amount: d(-0.15) }))).toBe('-0.15');
    expect(formatDecimal(revisionChange({ kind: 'virement', amount: d(0.15) }))).toBe('0.15');
    expect(formatDecimal(revisionChange({ kind: 're-profile', amount: d(0) }))).toBe('0');
  });
});

describe('revisedBudgetOf', () => {
  it('gives the case management system its revised budget of £4.245m', () => {
    expect(formatDecimal(revisedBudgetOf(d(3.1), caseManagement), 3)).toBe('4.245');
  });
});

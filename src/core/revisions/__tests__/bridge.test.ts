import fc from 'fast-check';
import { atScale, decimal, formatDecimal, fromNumber } from '../../money/decimal';
import { buildBridge } from '../bridge';
import type { CalendarDate } from '../../calendar';
import type { RevisionKind } from '../types';
import { caseManagement, revision } from './fixtures';

describe('buildBridge', () => {
  it('walks the case management system from £3.100m to £4.245m in date order', () => {
    const bridge = buildBridge(fromNumber(3.1), caseManagement);
    expect(bridge.steps.map((step) => step.revision.reference)).toEqual([
      'CAB-07',
      'CAB-09',
      'CAB-12',
    ]);
    expect(bridge.steps.map((step) => formatDecimal(step.change, 3))).toEqual([
      '0.420',
      '0.875',
      '-0.150',
    ]);
    expect(bridge.steps.map((step) => formatDecimal(step.balance, 3))).toEqual([
      '3.520',
      '4.395',
      '4.245',
    ]);
    expect(formatDecimal(bridge.revisedBudget, 3)).toBe('4.245');
    expect(formatDecimal(bridge.originalBudget, 3)).toBe('3.100');
  });

  it('keeps same-day changes in the order they were recorded', () => {
    const day: CalendarDate = { year: 2020, month: 6, day: 1 };
    const bridge = buildBridge(fromNumber(1), [
      revision({ kind: 'addition', amount: fromNumber(1), date: day, reference: 'first' }),
      revision({ kind: 'reduction', amount: fromNumber(0.5), date: day, reference: 'second' }),
      revision({
        kind: 'addition',
        amount: fromNumber(2),
        date: { year: 2020, month: 5, day: 31 },
        reference: 'earlier',
      }),
    ]);
    expect(bridge.steps.map((step) => step.revision.reference)).toEqual([
      'earlier',
      'first',
      'second',
    ]);
  });

  it('is just the original when there are no revisions', () => {
    const bridge = buildBridge(fromNumber(2.6), []);
    expect(bridge.steps).toEqual([]);
    expect(formatDecimal(bridge.revisedBudget)).toBe('2.6');
  });

  it('does not reorder the revisions it was given', () => {
    const given = [...caseManagement];
    buildBridge(fromNumber(3.1), given);
    expect(given).toEqual(caseManagement);
  });

  it('ends at the original plus the sum of the changes, for any changes', () => {
    const kind = fc.constantFrom<RevisionKind>('addition', 'reduction', 'virement', 're-profile');
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(
          fc.record({
            kind,
            units: fc.integer({ min: -1e11, max: 1e11 }),
            scale: fc.integer({ min: 0, max: 3 }),
            day: fc.integer({ min: 1, max: 28 }),
          }),
          { maxLength: 25 },
        ),
        (originalPence, changes) => {
          const revisions = changes.map((c) =>
            revision({
              kind: c.kind,
              amount: decimal(c.units, c.scale),
              date: { year: 2020, month: 4, day: c.day },
            }),
          );
          const bridge = buildBridge(decimal(originalPence, 2), revisions);
          // Independent arithmetic in thousandths of a pound: reductions subtract their size.
          let expected = originalPence * 10;
          for (const c of changes) {
            const thousandths = c.units * 10 ** (3 - c.scale);
            expected += c.kind === 'reduction' ? -Math.abs(thousandths) : thousandths;
          }
          expect(formatDecimal(bridge.revisedBudget, 3)).toBe(formatDecimal(decimal(expected, 3)));
          // Each step's balance is the previous balance plus its change.
          let previous = originalPence * 10;
          for (const step of bridge.steps) {
            const now = atScale(step.balance, 3).units;
            expect(now).toBe(previous + atScale(step.change, 3).units);
            previous = now;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

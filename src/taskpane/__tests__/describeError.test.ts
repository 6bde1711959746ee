import { describeError, isAbort } from '../hooks/describeError';

describe('describing an unexpected error', () => {
  it.each([
    ['AccessDenied', /unprotect it/],
    ['ItemNotFound', /run Set up/],
    ['InvalidOperationInCellEditMode', /press Enter or Esc/],
    ['RequestPayloadSizeLimitExceeded', /select fewer rows/],
    ['InvalidSelection', /chart, shape or picture is selected/],
    ['Conflict', /co-authoring/],
    ['CapitalPlanner.SyncTimeout', /did not answer in time/],
    ['CapitalPlanner.TooManyCells', /5,000,000 cells/],
  ])('turns the Office.js code %s into what to do', (code, expected) => {
    expect(describeError(Object.assign(new Error('raw'), { code }))).toMatch(expected);
  });

  it('keeps the message of an unknown error short and says nothing after it was written', () => {
    const text = describeError(new Error('x'.repeat(1000)));
    expect(text.length).toBeLessThan(400);
    expect(text).toMatch(/Undo last change/);
  });

  it('copes with things thrown that are not errors', () => {
    expect(describeError(undefined)).toMatch(/^Excel could not finish this action\./);
    expect(describeError('plain text')).toMatch(/\(plain text\)/);
  });

  it('does not take an error code named like an Object property for a hint (regression)', () => {
    const text = describeError(Object.assign(new Error('odd'), { code: 'constructor' }));
    expect(text).toMatch(/^Excel could not finish this action \(constructor\)/);
  });

  it('reads the code, never the message text: a raw Office message naming a code gives no hint (regression)', () => {
    // The old stand-in put codes in message text and the adapter matched on it.
    const text = describeError(new Error('AccessDenied: the sheet is protected'));
    expect(text).not.toMatch(/unprotect it/);
  });

  it('finds the code in debugInfo when the error has none of its own', () => {
    expect(describeError({ debugInfo: { code: 'InvalidSelection' } })).toMatch(/chart/);
  });

  it('recognises a cancelled action', () => {
    expect(isAbort(new DOMException('stop', 'AbortError'))).toBe(true);
    expect(isAbort(new Error('stop'))).toBe(false);
  });
});

import { describeError, isAbort } from '../hooks/describeError';

describe('describing an unexpected error', () => {
  it.each([
    ['AccessDenied', /unprotect it/],
    ['ItemNotFound', /run Set up/],
    ['InvalidOperationInCellEditMode', /press Enter or Esc/],
    ['RequestPayloadSizeLimitExceeded', /select fewer rows/],
  ])('turns the Office.js code %s into what to do', (code, expected) => {
    expect(describeError(Object.assign(new Error('raw'), { code }))).toMatch(expected);
  });

  it('keeps the message of an unknown error short and says nothing after it was written', () => {
    const text = describeError(new Error('x'.repeat(1000)));
    expect(text.length).toBeLessThan(400);
    expect(text).toMatch(/Nothing after the failure was written/);
  });

  it('copes with things thrown that are not errors', () => {
    expect(describeError(undefined)).toMatch(/^Excel could not finish this action\./);
    expect(describeError('plain text')).toMatch(/\(plain text\)/);
  });

  it('does not take an error code named like an Object property for a hint (regression)', () => {
    const text = describeError(Object.assign(new Error('odd'), { code: 'constructor' }));
    expect(text).toMatch(/^Excel could not finish this action \(odd\)/);
  });

  it('recognises a cancelled action', () => {
    expect(isAbort(new DOMException('stop', 'AbortError'))).toBe(true);
    expect(isAbort(new Error('stop'))).toBe(false);
  });
});

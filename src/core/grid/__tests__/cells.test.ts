import fc from 'fast-check';
import { cellText, trimText } from '../cells';

const edge = fc.constantFrom(
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u2003',
  '\ufeff',
  '\u3000',
  'a',
  'Z',
  '1',
  'é',
  '',
);
const padded = fc
  .tuple(edge, fc.string({ maxLength: 12 }), edge)
  .map(([before, middle, after]) => `${before}${middle}${after}`);

describe('trimming cell text', () => {
  it('gives exactly what String.prototype.trim gives', () => {
    fc.assert(
      fc.property(fc.oneof(padded, fc.string({ maxLength: 20 })), (text) => {
        expect(trimText(text)).toBe(text.trim());
      }),
      { numRuns: 5000 },
    );
  });

  it('trims Unicode spaces around a ref', () => {
    expect(cellText('\u00a0CP-01\u2003')).toBe('CP-01');
    expect(cellText(' \t ')).toBeUndefined();
  });
});

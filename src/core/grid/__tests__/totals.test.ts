import fc from 'fast-check';
import { isTotalLabel, mayBeTotalLabel } from '../totals';

// Pieces councils write around "total", in any case, with the spaces trim() and \s know.
const piece = fc.constantFrom(
  'total',
  'TOTAL',
  'Total',
  'totals',
  'Grand',
  'sub',
  'SUB',
  'net',
  'Overall',
  'programme',
  'Capital',
  '-',
  ' ',
  '\t',
  '\u00a0',
  '\u2003',
  '\ufeff',
  ':',
  's',
  'ICT',
  'Investment',
  'Roof',
  'tota',
  'l',
  'Schools',
  '2016/17',
  'é',
);
const labelLike = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));

describe('the quick test for total labels', () => {
  it('never rules out a label that isTotalLabel accepts', () => {
    fc.assert(
      fc.property(fc.oneof(labelLike, fc.string({ maxLength: 30 })), (text) => {
        if (isTotalLabel(text)) expect(mayBeTotalLabel(text)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    'Total',
    'TOTAL',
    'Sub-total',
    'Subtotal',
    'Grand total',
    'Net total',
    'Total ICT Investment',
    'Programme total',
    'Totals:',
    '  Sub - total  ',
    'Sub\u00a0total',
    'Sub\u00a0total ICT',
    'Grand\u2003total for the year',
    '\u00a0TOTAL',
  ])('lets %j through to the full test', (label) => {
    expect(isTotalLabel(label)).toBe(true);
    expect(mayBeTotalLabel(label)).toBe(true);
  });

  it.each([
    'Roof replacement 12',
    'Planned',
    'CP-000123',
    'Schools and learning',
    'Delivered or in progress',
    'Case management system',
    'Surfacing',
  ])('rules out %j without the full test', (label) => {
    expect(mayBeTotalLabel(label)).toBe(false);
  });

  it('rules out text too short or too long to be a total label', () => {
    expect(mayBeTotalLabel('tot')).toBe(false);
    expect(mayBeTotalLabel(`Total ${'x'.repeat(120)}`)).toBe(false);
    expect(isTotalLabel(`Total ${'x'.repeat(120)}`)).toBe(false);
  });
});

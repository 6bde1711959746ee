import fc from 'fast-check';
import { installFakeExcel } from '../../../tests/support/fake-excel';
import {
  asTextCell,
  excelWouldConvert,
  needsQuotePrefix,
  restorableContent,
  safeCell,
} from '../cellText';

describe('text written as text', () => {
  it.each([
    '=SUM(A1:A3)',
    '+44 20 7946',
    '-£450k',
    '@mention',
    "'quoted",
    '007',
    '12/01/2017',
    'TRUE',
    '1e5',
    '(5)',
    '12:30',
    'Jan 2017',
    '#N/A',
    '1 1/2',
  ])('keeps %s as the exact text', (text) => {
    expect(needsQuotePrefix(text)).toBe(true);
    expect(asTextCell(text)).toBe(`'${text}`);
  });

  // Text that only holds a digit is not prefixed any more (issue 11, finding 2): Excel keeps it
  // as text, and a prefix is documented for typing only.
  it.each([
    'Compliance',
    'PSN compliance achieved',
    'TBC',
    '#hashtag',
    'March',
    '',
    '2016/17 Q2-4',
    'CP-001',
    'Scheme 1',
  ])('leaves ordinary text %s alone', (text) => {
    expect(asTextCell(text)).toBe(text);
  });

  it('writes any text into Excel and reads back the same text, never a formula', async () => {
    const workbook = installFakeExcel(globalThis);
    workbook.setCells('S', 'A1', [['']]);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), async (text) => {
        await Excel.run(async (context) => {
          context.workbook.worksheets.getItem('S').getRange('A1').values = [[asTextCell(text)]];
          await context.sync();
        });
        const cell = workbook.cell('S', 'A1');
        expect(cell?.isFormula ?? false).toBe(false);
        expect(cell?.content ?? '').toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('restores formulas as formulas and formula-looking text as text', () => {
    expect(restorableContent('=A1+1', 3)).toBe('=A1+1');
    expect(restorableContent('=A1+1', '=A1+1')).toBe("'=A1+1");
    expect(restorableContent(2.5, 2.5)).toBe(2.5);
    expect(restorableContent('', '')).toBe('');
    expect(restorableContent('Scheme', 'Scheme')).toBe('Scheme');
    expect(restorableContent('Scheme 1', 'Scheme 1')).toBe('Scheme 1');
    expect(restorableContent('=A1+1', '=A1+1', '@')).toBe('=A1+1');
    expect(excelWouldConvert('Scheme 1')).toBe(false);
  });

  it('makes foreign cell values safe', () => {
    expect([
      safeCell(Number.NaN),
      safeCell(null),
      safeCell(true),
      safeCell('=1'),
      safeCell(3),
    ]).toEqual(['', '', true, "'=1", 3]);
  });
});

/**
 * The fast reader's shortcuts for speed (issue 15) give exactly what the plain way gives:
 * numbers read from the characters equal parseFloat's, and a sheet read in pieces cut anywhere
 * (rows then straddle the pieces, and are scanned where they lie) gives the grid read in one piece.
 */
import fc from 'fast-check';
import { areaOf, GridRows, type CellArea } from '../../src/xlsx/fastReader/gridRows';
import { SharedStringsReader } from '../../src/xlsx/fastReader/sharedStrings';
import { plainNumber, SheetScanner } from '../../src/xlsx/fastReader/sheetScanner';

describe('plainNumber (numbers read without a string per cell)', () => {
  it('is parseFloat, to the bit, for every plain decimal it accepts, and NaN for the rest', () => {
    const decimal = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{0,18}$/),
        fc.option(fc.stringMatching(/^[0-9]{0,18}$/)),
      )
      .map(
        ([negative, whole, fraction]) =>
          `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`,
      );
    const anything = fc.oneof(
      decimal,
      fc.constantFrom('1e5', ' 2', '2 ', '1.2.3', '--1', '+1', '', '.', '-', '0x10', 'Infinity'),
      fc.double({ noNaN: true }).map(String),
    );
    fc.assert(
      fc.property(anything, (text) => {
        const xml = `<v>${text}</v>`;
        const read = plainNumber(xml, 3, 3 + text.length);
        if (Number.isNaN(read)) {
          // Left to parseFloat: more than 15 digits, an exponent, a sign other than '-', no digits.
          const digits = text.replace(/[^0-9]/g, '').length;
          expect(/^-?[0-9]*\.?[0-9]*$/.test(text) && digits > 0 && digits <= 15).toBe(false);
        } else expect(Object.is(read, parseFloat(text))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads the figures of a programme as parseFloat does', () => {
    for (const text of ['2.6', '-0', '0', '7514.5', '0.30000000000000004', '123456789012345', '1.'])
      expect(
        Object.is(plainNumber(text, 0, text.length), parseFloat(text)) || text.length > 15,
      ).toBe(true);
  });
});

const SHEET = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" s="1"><v>2.5</v></c></row>',
  '<row r="2"><c r="A2" t="inlineStr"><is><t>a &amp; b</t></is></c><c r="B2"><v>-12.25</v></c><c r="C2" s="1"/><c r="D2"><f>B2*2</f><v>-24.5</v></c></row>',
  '<row r="3"><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#REF!</v></c><c r="D3"><v>1E+21</v></c></row>',
  "<row r='5'><c r='A5' t='s'><v>1</v></c><c r='C5'><v>0.1</v></c></row>",
  '<row><c t="str"><v>no refs</v></c><c><v>7</v></c></row>',
  '<row r="7"><c r="A7" s="1"/><c r="B7" s="1"/><c r="E7" t="s"><v>0</v></c></row>',
  '</sheetData><mergeCells count="1"><mergeCell ref="A7:B7"/></mergeCells></worksheet>',
].join('');

function readInPieces(cuts: readonly number[]) {
  const rows = new GridRows();
  const scanner = new SheetScanner(
    {
      sharedStrings: ['Scheme', 'Budget £m'],
      styles: [{ date: false }, { format: '0.0', date: false }],
      date1904: false,
    },
    rows,
  );
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut > at) scanner.write(SHEET.slice(at, cut));
    at = Math.max(at, cut);
  }
  scanner.write(SHEET.slice(at));
  const tail = scanner.end();
  const merged = tail.merged.map(areaOf).filter((area): area is CellArea => area !== undefined);
  return rows.build('S', merged);
}

describe('SheetScanner in pieces', () => {
  const whole = readInPieces([]);

  it('reads the sheet in one piece as ExcelJS would', () => {
    expect(whole.values).toEqual([
      ['Scheme', 'Budget £m', '', 2.5, ''],
      ['a & b', -12.25, '', -24.5, ''],
      ['', true, '#REF!', 1e21, ''],
      ['', '', '', '', ''],
      ['Budget £m', '', 0.1, '', ''],
      ['no refs', 7, '', '', ''],
      ['', '', '', '', 'Scheme'],
    ]);
    expect(whole.numberFormats?.[0]).toEqual(['General', 'General', 'General', '0.0', 'General']);
    // A formatted blank enters the grid only inside a merged area, not at its top-left (A7).
    expect(whole.numberFormats?.[6]).toEqual(['General', '0.0', 'General', 'General', 'General']);
    expect(whole.numberFormats?.[3]).toEqual(new Array(5).fill('General'));
  });

  it('gives the same grid however the XML is cut into pieces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: SHEET.length }), { maxLength: 12 }),
        (cuts) => {
          expect(readInPieces(cuts)).toEqual(whole);
        },
      ),
      { numRuns: 2_000 },
    );
    // Every single cut, one character at a time.
    for (let cut = 0; cut <= SHEET.length; cut++) expect(readInPieces([cut])).toEqual(whole);
  });
});

describe('SharedStringsReader: plain items read by the short way, others in full', () => {
  it('reads plain, spaced, escaped, entity, rich and line-end items as ExcelJS does', () => {
    const items = [
      '<si><t>Roof replacement 12</t></si>',
      '<si><t xml:space="preserve"> lead space </t></si>',
      '<si><t>a_x0041_b</t></si>',
      '<si><t>x &amp; y</t></si>',
      '<si><t>one\r\ntwo</t></si>',
      '<si><r><t>Tech</t></r><r><t>nology</t></r></si>',
      '<si><t></t></si>',
      '<si/>',
      '<si><t>snake_case</t></si>',
    ];
    const expected = [
      'Roof replacement 12',
      ' lead space ',
      'aAb',
      'x & y',
      'one\ntwo',
      'Technology',
      '',
      '',
      'snake_case',
    ];
    const xml = `<sst>${items.join('')}</sst>`;
    for (const size of [1, 7, 64, xml.length]) {
      const reader = new SharedStringsReader();
      for (let at = 0; at < xml.length; at += size) reader.write(xml.slice(at, at + size));
      expect(reader.end()).toEqual(expected);
    }
  });
});

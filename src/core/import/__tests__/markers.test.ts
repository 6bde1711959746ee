import fc from 'fast-check';
import {
  MONTH_NAMES,
  formatFiscalYear,
  quarterFromIndex,
  quarterIndex,
  type Month,
} from '../../calendar';
import { parsePhasing } from '../../phasing';
import { readMarker } from '../markers';
import { phraseForMarkedQuarters } from '../markerPhrase';
import { readPeriodHeading } from '../periodHeadings';
import { readPrintedProgramme } from '../printedProgramme';

const year2016 = [0, 1, 2, 3].map((i) => quarterIndex({ year: 2016, quarter: 1 }) + i);
const q2016 = (...quarters: number[]) => quarters.map((q) => year2016[q - 1]);

describe('reading a quarter marker under a year column', () => {
  it.each([
    ['Q1', q2016(1)],
    ['Q2-4', q2016(2, 3, 4)],
    ['Q1-4', q2016(1, 2, 3, 4)],
    ['Q4', q2016(4)],
    ['Q1, Q3', q2016(1, 3)],
    ['Q2-Q4', q2016(2, 3, 4)],
    ['q1 & q3', q2016(1, 3)],
    ['Q1 to Q2', q2016(1, 2)],
    ['Q1\u2013Q2', q2016(1, 2)],
    ['✓', q2016(1, 2, 3, 4)],
    ['x', q2016(1, 2, 3, 4)],
    ['●', q2016(1, 2, 3, 4)],
    ['•', q2016(1, 2, 3, 4)],
    ['2016/17 Q2-4', q2016(2, 3, 4)],
  ])('reads %p as its quarters of 2016/17', (marker, quarters) => {
    expect(readMarker(marker, year2016)).toEqual({ kind: 'quarters', quarters });
  });

  it('reads TBC as not phased, and blank or a dash as nothing marked', () => {
    expect(readMarker('TBC', year2016)).toEqual({ kind: 'not phased' });
    expect(readMarker('', year2016)).toEqual({ kind: 'none' });
    expect(readMarker(' - ', year2016)).toEqual({ kind: 'none' });
    expect(readMarker(null, year2016)).toEqual({ kind: 'none' });
  });

  it('reads a tick under a quarter column as that quarter only', () => {
    expect(readMarker('✓', q2016(3))).toEqual({ kind: 'quarters', quarters: q2016(3) });
  });

  it.each([
    ['soon', "Cannot read the marker 'soon' under 2016/17: write e.g. 'Q1', 'Q2-4'"],
    ['Q5', 'Q5 is not a quarter'],
    ['Q4-1', "the quarters run backwards (Q4 to Q1); write 'Q1-4'"],
    [2.6, 'a figure is not a quarter marker'],
    ['2017/18 Q1', 'Q1 of 2017/18 is not in this column (2016/17)'],
  ])('says why it cannot read %p', (marker, message) => {
    const read = readMarker(marker, year2016);
    expect(read.kind).toBe('unreadable');
    expect(read.kind === 'unreadable' && read.message).toContain(message);
  });
});

describe('reading the period a column heading covers', () => {
  it('reads years, quarters, quarters by months and single months', () => {
    expect(readPeriodHeading('2016/17')).toEqual({ kind: 'period', quarters: year2016 });
    expect(readPeriodHeading('2016/17 Q2')).toEqual({ kind: 'period', quarters: q2016(2) });
    expect(readPeriodHeading('Apr 2016')).toEqual({ kind: 'period', quarters: q2016(1) });
    expect(readPeriodHeading('Jan-Mar 2017')).toEqual({ kind: 'period', quarters: q2016(4) });
    const months = readPeriodHeading('Jul-Sep');
    expect(months.kind === 'needs year' && months.place(2016)).toEqual(q2016(2));
    const month = readPeriodHeading('February');
    expect(month.kind === 'needs year' && month.place(2016)).toEqual(q2016(4));
    expect(readPeriodHeading('Impact')).toEqual({ kind: 'none' });
  });
});

describe('writing marked quarters back as a phrase', () => {
  const quarters = (...indexes: number[]) => indexes.map(quarterFromIndex);
  it.each([
    [quarters(...q2016(1, 2)), '2016/17 Q1-2'],
    [quarters(...q2016(1, 2, 3, 4)), '2016/17 Q1-4'],
    [quarters(...q2016(4), quarterIndex({ year: 2019, quarter: 4 })), '2016/17 Q4 and 2019/20 Q4'],
    [
      quarters(
        ...Array.from({ length: 12 }, (_, i) => quarterIndex({ year: 2017, quarter: 1 }) + i),
      ),
      '2017-20',
    ],
    [
      quarters(
        ...Array.from({ length: 9 }, (_, i) => quarterIndex({ year: 2017, quarter: 1 }) + i),
      ),
      '2017/18 Q1 - 2019/20 Q1',
    ],
    [
      quarters(...q2016(1, 2, 3, 4), quarterIndex({ year: 2018, quarter: 2 })),
      '2016/17 Q1-4 and 2018/19 Q2',
    ],
    [[], 'TBC'],
  ])('writes %j as %p', (marked, phrase) => {
    expect(phraseForMarkedQuarters(marked)).toBe(phrase);
  });
});

/** A marker a council might print for a set of quarters (1..4) of one year column. */
function markerFor(quarters: number[], style: number): string {
  if (quarters.length === 4 && style % 3 !== 0) return ['✓', 'x', '●', '•'][style % 4];
  const runs: string[] = [];
  for (let i = 0; i < quarters.length;) {
    let j = i;
    while (j + 1 < quarters.length && quarters[j + 1] === quarters[j] + 1) j++;
    runs.push(j > i ? `Q${quarters[i]}-${style % 2 ? 'Q' : ''}${quarters[j]}` : `Q${quarters[i]}`);
    i = j + 1;
  }
  return runs.join(style % 2 ? ' & ' : ', ');
}

const SHORT_MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3));

describe('marker grid -> phrase -> quarters', () => {
  it('gives back exactly the quarters marked, on a scheme row and its continuation rows, under year, quarter or month columns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2060 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom<'years' | 'quarters' | 'months'>('years', 'quarters', 'months'),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.array(fc.subarray([1, 2, 3, 4]), { minLength: 5, maxLength: 5 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.nat(11),
        (firstYear, years, layout, month, rows, style) => {
          const startMonth = month as Month;
          const yearsList = Array.from({ length: years }, (_, i) => firstYear + i);
          let band: string[] | undefined;
          let headings: string[];
          let cellsOf: (marked: number[][]) => string[];
          if (layout === 'years') {
            headings = yearsList.map((y) => formatFiscalYear(y, startMonth));
            cellsOf = (marked) => yearsList.map((_, i) => markerFor(marked[i], style + i));
          } else {
            const labels = (y: number) =>
              [1, 2, 3, 4].map((q) =>
                layout === 'quarters'
                  ? `${formatFiscalYear(y, startMonth)} Q${q}`
                  : `${SHORT_MONTHS[(startMonth - 1 + 3 * (q - 1)) % 12]}-${SHORT_MONTHS[(startMonth + 1 + 3 * (q - 1)) % 12]}`,
              );
            headings = yearsList.flatMap(labels);
            if (layout === 'months')
              band = [
                '',
                '',
                ...yearsList.flatMap((y) => [formatFiscalYear(y, startMonth), '', '', '']),
              ];
            cellsOf = (marked) =>
              yearsList.flatMap((_, i) =>
                [1, 2, 3, 4].map((q) =>
                  marked[i].includes(q) ? ['✓', 'x', '•'][(style + q) % 3] : '',
                ),
              );
          }
          const values = [
            ...(band ? [band] : []),
            ['Scheme', 'Capital £m', ...headings],
            ['Compliance', 2.6, ...cellsOf(rows[0])],
            ...rows.slice(1).map((marked) => ['', '', ...cellsOf(marked)]),
          ];
          const expected = new Set<number>();
          rows.forEach((marked) =>
            yearsList.forEach((y, i) =>
              marked[i].forEach((q) => expected.add(quarterIndex({ year: y, quarter: q as 1 }))),
            ),
          );
          const read = readPrintedProgramme({ values }, { startMonth });
          if (expected.size === 0) {
            // Nothing marked at all is not a marker table; marked nowhere on this scheme is unphased.
            return read === undefined || read.schemes[0].phrase === '';
          }
          expect(read).toBeDefined();
          const phrase = read!.schemes[0].phrase;
          const back = parsePhasing(phrase, startMonth);
          expect(
            back.ok && back.value.kind === 'phased' && back.value.quarters.map(quarterIndex),
          ).toEqual([...expected].sort((a, b) => a - b));
          expect(read!.findings).toEqual([]);
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});

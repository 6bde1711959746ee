import fc from 'fast-check';
import type { Finding } from '../../findings';
import { checkGrid } from '../checkGrid';

const ofRule = (findings: Finding[], rule: Finding['rule']) =>
  findings.filter((finding) => finding.rule === rule);

/** Column letters and row number of a 0-based cell, for the expected addresses. */
const a1 = (row: number, column: number) => `${String.fromCharCode(65 + column)}${row + 1}`;

describe('checking tables bigger than the rules first make room for', () => {
  it('judges every sub-total when a table has a total after nearly every scheme', () => {
    // 300 groups of two schemes, each closed by a sub-total: 300 totals in 901 rows, far more
    // than the room first made for them (a total every 16 rows).
    const values: unknown[][] = [['Scheme', 'Budget £m']];
    let wrongRow = -1;
    let grand = 0;
    for (let g = 0; g < 300; g++) {
      const first = 10 + (g % 7);
      const second = 3 + (g % 5);
      values.push([`Scheme ${g}a`, first], [`Scheme ${g}b`, second]);
      const printed = g === 250 ? first + second + 4 : first + second;
      if (g === 250) wrongRow = values.length;
      values.push(['Sub-total', printed]);
      grand += first + second;
    }
    values.push(['Grand total', grand]);
    const errors = checkGrid({ values }).findings.filter((f) => f.severity === 'error');
    expect(errors.map((finding) => [finding.rule, finding.cell])).toEqual([
      ['total-mismatch', a1(wrongRow, 1)],
    ]);
    expect(errors[0].actual).toBe(String(10 + (250 % 7) + 3 + (250 % 5) + 4));
  });

  it('finds exactly the repeated refs among thousands of schemes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 2000, maxLength: 2500 }),
        (numbers) => {
          const values: unknown[][] = [['Ref', 'Scheme', 'Budget']];
          numbers.forEach((n, i) => values.push([`CP-${n}`, `Scheme ${i}`, 1]));
          // The repeats, found the plain way: every row whose ref an earlier row already used.
          const seen = new Set<string>();
          const repeats: string[] = [];
          numbers.forEach((n, i) => {
            if (seen.has(`CP-${n}`)) repeats.push(a1(i + 1, 0));
            seen.add(`CP-${n}`);
          });
          const found = ofRule(checkGrid({ values }).findings, 'duplicate-ref');
          expect(found.map((finding) => finding.cell)).toEqual(repeats);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("adds a scheme's quarters when the quarter columns are not side by side", () => {
    const values: unknown[][] = [
      [
        'Scheme',
        'Budget £m',
        '2016/17 Q1',
        'Notes',
        '2016/17 Q2',
        '2016/17 Q3',
        'Lead',
        '2016/17 Q4',
      ],
      ['Roof', 4, 1, 'on track', 1, '', 'AB', 2],
      ['Boiler', 5, 1, '', '', 1, 'CD', 1],
    ];
    const mismatches = ofRule(checkGrid({ values }).findings, 'phasing-mismatch');
    expect(mismatches.map((finding) => [finding.cell, finding.expected, finding.actual])).toEqual([
      ['B3', '3', '5'],
    ]);
  });
});

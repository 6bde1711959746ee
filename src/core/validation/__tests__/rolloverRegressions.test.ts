import { checkGrid } from '../checkGrid';

describe('checks met by a workbook one year on (issue 14)', () => {
  it('regression: a Revisions log naming a scheme on several dated lines is not a duplicate-ref', () => {
    const log = [
      ['Ref', 'Date', 'Kind', 'Amount', 'Signed amount', 'Reason'],
      ['CP-003', 42628, 'addition', 0.42, 0.42, 'New module'],
      ['CP-003', 42825, 're-profile', 0, 0, 'Slippage carried forward from 2016/17 to 2017/18'],
      ['CP-005', 42747, 'reduction', 0.15, -0.15, 'Re-tendered'],
    ];
    expect(checkGrid({ values: log }).findings.map((finding) => finding.rule)).not.toContain(
      'duplicate-ref',
    );
    // A programme (no Date column) still may not repeat a ref.
    const programme = [
      ['Ref', 'Scheme', 'Budget'],
      ['CP-003', 'A', 1],
      ['CP-003', 'B', 2],
    ];
    expect(checkGrid({ values: programme }).findings.map((finding) => finding.rule)).toContain(
      'duplicate-ref',
    );
  });

  it('regression: one year is not read as the sum of two others by chance', () => {
    // The revenue consequences by year: 2019/20 happens to equal 2017/18 + 2018/19 on these rows.
    const revenue = [
      ['Revenue consequences', '2017/18', '2018/19', '2019/20', '2020/21'],
      ['MRP', 1.0, 2.0, 3.0, 3.5],
      ['Interest', 0.5, 0.25, 0.75, 0.5],
      ['Debt outstanding', 10.0, 5.0, 15.2, 12.0],
    ];
    const findings = checkGrid({ values: revenue }).findings;
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});

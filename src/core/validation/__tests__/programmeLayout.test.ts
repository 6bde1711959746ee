import { checkGrid } from '../checkGrid';
import { recogniseTable } from '../../grid';

// The task pane's own sheets, read back by the checks (regressions found by `capital-planner demo`).
describe('checks on the sheets the add-in builds', () => {
  it('does not call a reduction in a revisions log a negative budget', () => {
    const revisions = [
      ['Ref', 'Date', 'Kind', 'Signed amount', 'Reason'],
      ['CP-01', '2016-06-01', 'addition', 0.42, 'New module'],
      ['CP-01', '2016-09-01', 'reduction', -0.15, 'Scope cut'],
    ];
    const { findings } = checkGrid({ sheet: 'Revisions', values: revisions });
    expect(findings.filter((finding) => finding.rule === 'negative-budget')).toEqual([]);
    expect(recogniseTable({ values: revisions })?.columns[3].role).toBe('amount');
  });

  it('still warns about a negative approved budget', () => {
    const programme = [
      ['Scheme', 'Approved budget'],
      ['Compliance', -2.6],
    ];
    const { findings } = checkGrid({ values: programme });
    expect(findings.map((finding) => finding.rule)).toContain('negative-budget');
  });

  it('names the scheme, not the area, when a table has both', () => {
    const programme = [
      ['Ref', 'Area', 'Scheme', 'Approved budget'],
      ['CP-01', 'Technology', 'Desktop refresh', 2.6],
      ['CP-02', 'Technology', 'Network upgrade', -1.1],
    ];
    expect(recogniseTable({ values: programme })?.labelColumn).toBe(2);
    const negative = checkGrid({ values: programme }).findings.find(
      (finding) => finding.rule === 'negative-budget',
    );
    expect(negative?.cell).toBe('D3');
    expect(negative?.message).toContain('Network upgrade');
    expect(negative?.message).not.toContain('Technology');
  });
});

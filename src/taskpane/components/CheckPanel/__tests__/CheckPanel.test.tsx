/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import type { Finding } from '../../../../core/findings';
import { fakeActions } from '../../../__tests__/fakeActions';
import { renderApp } from '../../../__tests__/renderApp';

const findings: Finding[] = [
  {
    rule: 'total-mismatch',
    severity: 'error',
    sheet: 'Programme',
    cell: 'G13',
    message: 'Total 41.0 does not match its rows (44.5): 3.5 more than rounding can explain',
  },
  {
    rule: 'number-as-text',
    severity: 'warning',
    sheet: 'Programme',
    cell: 'G4',
    message: 'A number is stored as text',
  },
  {
    rule: 'unphased',
    severity: 'warning',
    sheet: 'Programme',
    cell: 'I14',
    message: 'Business transformation is TBC',
  },
  {
    rule: 'variance-threshold',
    severity: 'info',
    message: 'Variances over 10% need an explanation',
  },
];

function checkReturning(list: Finding[]) {
  return fakeActions({
    check: async () => ({
      ok: true,
      value: { sheet: 'Programme', address: 'Programme!A1:W14', findings: list },
      summary: 'Checked.',
    }),
  });
}

describe('Check', () => {
  it.each([
    ['The Programme table', 'programme'],
    ['The selected range', 'selection'],
    ['The active sheet', 'sheet'],
  ])('checks %s', async (label, scope) => {
    const actions = checkReturning([]);
    await renderApp(actions, 'check');
    fireEvent.click(screen.getByLabelText(label));
    fireEvent.click(screen.getByRole('button', { name: 'Run check' }));
    await screen.findByText('Checked.');
    expect(actions.check).toHaveBeenCalledWith(scope, expect.anything());
  });

  it('groups findings by severity with a count for each group', async () => {
    await renderApp(checkReturning(findings), 'check');
    fireEvent.click(screen.getByRole('button', { name: 'Run check' }));
    const errors = await screen.findByRole('region', { name: /Errors/ });
    const warnings = screen.getByRole('region', { name: /Warnings/ });
    const notes = screen.getByRole('region', { name: /Notes/ });
    expect(within(errors).getByLabelText('1 errors')).toBeTruthy();
    expect(within(warnings).getByLabelText('2 warnings')).toBeTruthy();
    expect(within(warnings).getAllByRole('listitem')).toHaveLength(2);
    expect(within(notes).getByText('Variances over 10% need an explanation')).toBeTruthy();
  });

  it('selects the cell of a finding when it is pressed', async () => {
    const actions = checkReturning(findings);
    await renderApp(actions, 'check');
    fireEvent.click(screen.getByRole('button', { name: 'Run check' }));
    fireEvent.click(await screen.findByRole('button', { name: /Total 41.0 does not match/ }));
    expect(actions.selectCell).toHaveBeenCalledWith('Programme', 'G13');
  });

  it('highlights only findings that have a cell, clears, and writes the Checks sheet', async () => {
    const actions = checkReturning(findings);
    await renderApp(actions, 'check');
    fireEvent.click(screen.getByRole('button', { name: 'Run check' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Highlight cells' }));
    await screen.findByText('Done.');
    expect(actions.highlightFindings.mock.calls[0][0].map((finding) => finding.cell)).toEqual([
      'G13',
      'G4',
      'I14',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Clear highlight' }));
    await screen.findByText('Clear highlight');
    expect(actions.clearHighlights).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Write Checks sheet' }));
    await screen.findByText('Write Checks sheet');
    expect(actions.writeChecksSheet.mock.calls[0][0]).toHaveLength(4);
  });

  it('says plainly when nothing was found', async () => {
    await renderApp(checkReturning([]), 'check');
    fireEvent.click(screen.getByRole('button', { name: 'Run check' }));
    expect(await screen.findByText('No problems found in Programme!A1:W14.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Highlight cells' })).toBeNull();
  });

  it('lists what was checked under the results, and what was not with why', async () => {
    const { checkGridWithReading } = await import('../../../../core/validation');
    const { reading } = checkGridWithReading({
      sheet: 'Outturn',
      values: [
        ['Scheme', 'Revised Programme', 'Actual', '(Under) / Over Spend', 'Notes'],
        ['Roads', 100, 90, '(10)', 'Rephased'],
        ['Schools', 50, 60, 10, '3/4'],
        ['Libraries', 20, 20, 0, ''],
        ['Total', 170, 170, 0, ''],
      ],
    });
    const actions = fakeActions({
      check: async () => ({
        ok: true,
        value: { sheet: 'Outturn', address: 'Outturn!A1:E5', findings: [], reading },
        summary: 'Checked.',
      }),
    });
    await renderApp(actions, 'check');
    fireEvent.click(screen.getByRole('button', { name: 'Run check' }));
    const list = await screen.findByRole('region', { name: 'What was checked' });
    expect(
      within(list).getByText(/7 figures checked: 7 exact, 0 within rounding, 0 wrong/),
    ).toBeTruthy();
    expect(within(list).getByText(/Variance D = C - B/)).toBeTruthy();
    expect(within(list).getByText(/Column E 'Notes' not checked: holds words/)).toBeTruthy();
  });
});

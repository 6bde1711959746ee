/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import { fakeActions } from '../../../__tests__/fakeActions';
import { renderApp } from '../../../__tests__/renderApp';
import type { RolloverPreview } from '../../../services';

const preview: RolloverPreview = {
  closing: '2016/17',
  next: '2017/18',
  schemes: 1,
  lines: [
    {
      ref: 'CP-003',
      kind: 're-profile',
      amount: 0.12,
      fromYear: '2016/17',
      toYear: '2017/18',
      reason: 'Slippage carried forward from 2016/17 to 2017/18',
      reference: 'Outturn 2016/17',
    },
  ],
  cells: [
    { sheet: 'Programme', cell: 'N4', what: 'CP-003 2016/17 Q4', now: '0.3', becomes: '0.18' },
    { sheet: 'Programme', cell: 'O4', what: 'CP-003 2017/18 Q1', now: '', becomes: '0.12' },
  ],
};

describe('Close year', () => {
  it('shows every change before closing, then closes and links to the new Revisions lines', async () => {
    const actions = fakeActions({
      previewRollover: async () => ({ ok: true, value: preview, summary: 'Preview ready.' }),
      closeTheYear: async () => ({
        ok: true,
        value: { preview, revisionsSheet: 'Revisions', revisionsAddress: 'A12:K12' },
        summary: '2016/17 closed: 1 line added to Revisions (A12:K12).',
      }),
    });
    await renderApp(actions, 'close');
    expect(screen.queryByRole('button', { name: 'Close 2016/17' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Preview closing the year' }));
    expect(
      await screen.findByText('Slippage carried forward from 2016/17 to 2017/18'),
    ).toBeTruthy();
    expect(screen.getByText('2016/17 → 2017/18')).toBeTruthy();
    expect(screen.getByText('Programme!N4')).toBeTruthy();
    expect(screen.getByText('0.18')).toBeTruthy();
    expect(
      screen.getByText('Closing 2016/17: 2017/18 becomes the year being monitored.'),
    ).toBeTruthy();
    expect(actions.closeTheYear).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Close 2016/17' }));
    expect(
      await screen.findByText('2016/17 closed: 1 line added to Revisions (A12:K12).'),
    ).toBeTruthy();
    expect(actions.closeTheYear).toHaveBeenCalledTimes(1);
    expect(screen.getByText('The new Revisions lines (A12:K12)')).toBeTruthy();
    // Closed: the preview is gone, so it cannot be closed twice from a stale list.
    expect(screen.queryByRole('button', { name: 'Close 2016/17' })).toBeNull();
  });

  it('says why the year cannot be closed, and offers no Close button', async () => {
    const actions = fakeActions({
      previewRollover: async () => ({
        ok: false,
        message:
          'The monitoring is at 2016/17 period 8: a year is closed after its outturn (period 12).',
      }),
    });
    await renderApp(actions, 'close');
    fireEvent.click(screen.getByRole('button', { name: 'Preview closing the year' }));
    expect(await screen.findByText(/a year is closed after its outturn/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Close 20/ })).toBeNull();
    expect(actions.closeTheYear).not.toHaveBeenCalled();
  });
});

/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { fakeActions } from '../../../__tests__/fakeActions';
import { renderApp } from '../../../__tests__/renderApp';
import type { PhaseReport } from '../../../services';

const report: PhaseReport = {
  phased: 8,
  unphased: [{ ref: 'ICT-10', scheme: 'Business transformation', sheet: 'Programme', cell: 'I14' }],
  errors: [
    {
      ref: 'ICT-03',
      scheme: 'Technology refresh',
      sheet: 'Programme',
      cell: 'I5',
      message: "Cannot read phasing 'next spring': write e.g. '2016/17 Q2-4'",
    },
  ],
};

describe('Phase', () => {
  it.each([
    ['All schemes', 'all'],
    ['Selected rows', 'selected'],
  ])('phases %s', async (label, scope) => {
    const actions = fakeActions();
    await renderApp(actions, 'phase');
    fireEvent.click(screen.getByLabelText(label));
    fireEvent.click(screen.getByRole('button', { name: 'Phase' }));
    await screen.findByText('Done.');
    expect(actions.phase).toHaveBeenCalledWith(scope, expect.anything());
  });

  it('reports how many were phased and lists TBC rows and rows it could not read', async () => {
    const actions = fakeActions({
      phase: async () => ({ ok: true, value: report, summary: 'Phased.' }),
    });
    await renderApp(actions, 'phase');
    fireEvent.click(screen.getByRole('button', { name: 'Phase' }));
    expect(
      await screen.findByText('8 schemes phased, 1 not yet phased (TBC), 1 could not be read'),
    ).toBeTruthy();
    const tbc = screen.getByRole('list', { name: 'Schemes not yet phased' });
    expect(within(tbc).getByRole('button').textContent).toBe(
      'Programme!I14ICT-10 Business transformation',
    );
    const errors = screen.getByRole('list', { name: 'Schemes that could not be phased' });
    expect(within(errors).getByRole('button').textContent).toContain(
      "Cannot read phasing 'next spring'",
    );
  });

  it('selects the phrase cell of an unphased scheme when its row is pressed', async () => {
    const actions = fakeActions({
      phase: async () => ({ ok: true, value: report, summary: 'Phased.' }),
    });
    await renderApp(actions, 'phase');
    fireEvent.click(screen.getByRole('button', { name: 'Phase' }));
    fireEvent.click(await screen.findByRole('button', { name: /Programme!I14/ }));
    expect(actions.selectCell).toHaveBeenCalledWith('Programme', 'I14');
  });

  it('says when a cell cannot be selected any more', async () => {
    const actions = fakeActions({
      phase: async () => ({ ok: true, value: report, summary: 'Phased.' }),
      selectCell: async () => ({
        ok: false,
        message: 'There is no sheet called Programme any more.',
      }),
    });
    await renderApp(actions, 'phase');
    fireEvent.click(screen.getByRole('button', { name: 'Phase' }));
    fireEvent.click(await screen.findByRole('button', { name: /Programme!I14/ }));
    expect(await screen.findByText('There is no sheet called Programme any more.')).toBeTruthy();
  });
});

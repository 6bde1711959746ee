/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import { fakeActions } from '../../../__tests__/fakeActions';
import { renderApp } from '../../../__tests__/renderApp';

describe('Chart', () => {
  it.each([
    ['Chart quarterly phasing', 'phasing'],
    ['Chart budget against forecast', 'budget-forecast'],
  ])('%s adds that native chart', async (label, kind) => {
    const actions = fakeActions({
      createChart: async () => ({
        ok: true,
        value: { sheet: 'Programme' },
        summary: 'Chart added on Programme.',
      }),
    });
    await renderApp(actions, 'chart');
    fireEvent.click(screen.getByRole('button', { name: label }));
    expect(await screen.findByText('Chart added on Programme.')).toBeTruthy();
    expect(actions.createChart).toHaveBeenCalledWith(kind, expect.anything());
  });

  it('passes on why a chart could not be made', async () => {
    const actions = fakeActions({
      createChart: async () => ({
        ok: false,
        message: 'Gather forecasts first: there is no Monitoring sheet.',
      }),
    });
    await renderApp(actions, 'chart');
    fireEvent.click(screen.getByRole('button', { name: 'Chart budget against forecast' }));
    expect(
      await screen.findByText('Gather forecasts first: there is no Monitoring sheet.'),
    ).toBeTruthy();
  });
});

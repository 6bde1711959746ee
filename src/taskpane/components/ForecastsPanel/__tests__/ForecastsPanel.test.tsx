/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { fakeActions } from '../../../__tests__/fakeActions';
import { renderApp } from '../../../__tests__/renderApp';
import type { MonitoringSummary } from '../../../services';
import { showFigure } from '../ForecastsPanel';

const summary: MonitoringSummary = {
  sheet: 'Monitoring',
  schemes: 5,
  byStatus: { 'On target': 2, Underspend: 1, Overspend: 1, 'No forecast': 1 },
  byRag: { Green: 2, Amber: 1, Red: 1 },
  totalBudget: 9.5,
  totalForecast: 9.7,
  totalVariance: -0.2,
  withForecast: 4,
  missingForecast: 1,
  programmeBudget: 10.5,
  offTarget: [
    { ref: 'ICT-03', name: 'Technology refresh', status: 'Overspend', rag: 'Red', variance: -0.4 },
    {
      ref: 'ICT-05',
      name: 'Ongoing service stability',
      status: 'Underspend',
      rag: 'Amber',
      variance: 0.2,
    },
  ],
};

describe('Forecasts', () => {
  it('lists one forecast sheet per budget holder, each one click away', async () => {
    const actions = fakeActions({
      generateForecastSheets: async () => ({
        ok: true,
        value: [
          { holder: 'Head of ICT', sheet: 'Forecast - Head of ICT', schemes: 3 },
          { holder: 'Programme lead', sheet: 'Forecast - Programme lead', schemes: 1 },
        ],
        summary: '2 forecast sheets made.',
      }),
    });
    await renderApp(actions, 'forecasts');
    fireEvent.click(screen.getByRole('button', { name: 'Make forecast sheets' }));
    const list = await screen.findByRole('list', { name: 'Forecast sheets' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual([
      "'Forecast - Head of ICT'!A1Head of ICT: 3 schemes",
      "'Forecast - Programme lead'!A1Programme lead: 1 scheme",
    ]);
    fireEvent.click(within(list).getAllByRole('button')[1]);
    expect(actions.selectCell).toHaveBeenCalledWith('Forecast - Programme lead', 'A1');
  });

  it('summarises the gathered forecasts by status and RAG', async () => {
    const actions = fakeActions({
      gatherForecasts: async () => ({ ok: true, value: summary, summary: 'Gathered.' }),
    });
    await renderApp(actions, 'forecasts');
    fireEvent.click(screen.getByRole('button', { name: 'Gather into Monitoring' }));
    const byStatus = await screen.findByLabelText('Schemes by status');
    expect(byStatus.textContent).toBe('On target: 2Underspend: 1Overspend: 1No forecast: 1');
    expect(screen.getByLabelText('Schemes by RAG rating').textContent).toBe(
      'Green: 2Amber: 1Red: 1',
    );
    expect(screen.getByText('-£0.2m')).toBeTruthy();
    const offTarget = screen.getByRole('list', { name: 'Schemes off target' });
    expect(within(offTarget).getAllByRole('listitem')[0].textContent).toBe(
      'ICT-03 Technology refresh: Overspend (Red), variance -£0.4m',
    );
  });

  it('says when no budget holders were found', async () => {
    await renderApp(fakeActions(), 'forecasts');
    fireEvent.click(screen.getByRole('button', { name: 'Make forecast sheets' }));
    expect(await screen.findByText(/No budget holders found/)).toBeTruthy();
  });

  it.each([
    [1250.5, '£', 0, '£1,251'],
    [-0.25, '£m', 1, '-£0.3m'],
    [-0.04, '£m', 1, '£0.0m'],
    [null, '£k', 0, '—'],
    [12.4, '£k', 2, '£12.40k'],
  ])('shows %p in %s to %i places as %s', (value, unit, decimals, expected) => {
    expect(showFigure(value, unit, decimals)).toBe(expected);
  });
});

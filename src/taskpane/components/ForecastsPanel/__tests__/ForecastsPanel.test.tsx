/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { fakeActions } from '../../../__tests__/fakeActions';
import { renderApp } from '../../../__tests__/renderApp';
import { DEFAULT_SETTINGS, type MonitoringSummary } from '../../../services';
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

  it('shows what the gathering did to the in-year sheets, each problem one click from its cell', async () => {
    const actions = fakeActions({
      gatherForecasts: async () => ({
        ok: true,
        value: {
          ...summary,
          inYear: {
            period: '2016/17 P6',
            updated: 4,
            appended: 5,
            refused: [],
            problems: [
              {
                text: "the in-year forecast for CP-001 ('Forecast - Head of ICT'!I5) is not a figure: type it as a number, e.g. 2.4",
                sheet: 'Forecast - Head of ICT',
                cell: 'I5',
              },
            ],
            added: [],
            movedFrom: '2016/17 P3',
          },
        },
        summary: 'Gathered.',
      }),
    });
    await renderApp(actions, 'forecasts');
    fireEvent.click(screen.getByRole('button', { name: 'Gather into Monitoring' }));
    const result = await screen.findByRole('region', { name: 'In-year monitoring result' });
    expect(
      within(result).getByRole('heading', { name: 'In-year monitoring 2016/17 P6' }),
    ).toBeTruthy();
    expect(within(result).getByLabelText('In-year gathering').textContent).toBe(
      'Schemes updated4Snapshots added5',
    );
    expect(within(result).getByText(/Moved on from 2016\/17 P3/)).toBeTruthy();
    const problems = within(result).getByRole('list', { name: 'In-year problems' });
    fireEvent.click(within(problems).getByRole('button'));
    expect(actions.selectCell).toHaveBeenCalledWith('Forecast - Head of ICT', 'I5');
    // The next steps of the cycle.
    expect(screen.getByRole('button', { name: 'Chart the trend' })).toBeTruthy();
  });

  it('says why a second gathering at the same period added no snapshot', async () => {
    const actions = fakeActions({
      gatherForecasts: async () => ({
        ok: true,
        value: {
          ...summary,
          inYear: {
            period: '2016/17 P3',
            updated: 5,
            appended: 0,
            refused: ['CP-001 already has a snapshot at 2016/17 P3: the history is append-only'],
            problems: [],
            added: [],
          },
        },
        summary: 'Gathered.',
      }),
    });
    await renderApp(actions, 'forecasts');
    fireEvent.click(screen.getByRole('button', { name: 'Gather into Monitoring' }));
    const refused = await screen.findByRole('list', { name: 'Snapshots not added' });
    expect(refused.textContent).toMatch(/already has a snapshot at 2016\/17 P3/);
  });

  it('names the period monitored, or points to Settings when there is none', async () => {
    await renderApp(fakeActions(), 'forecasts');
    expect((await screen.findByLabelText('Period monitored')).textContent).toMatch(
      /set the year and period being monitored in Settings/,
    );
    expect(screen.getByRole('button', { name: 'Set the period monitored' })).toBeTruthy();
  });

  it('says the in-year sheets follow the period the settings name', async () => {
    const actions = fakeActions({
      loadSettings: async () => ({
        ...DEFAULT_SETTINGS,
        monitoringYear: 2016,
        monitoringPeriod: 3,
      }),
    });
    await renderApp(actions, 'forecasts');
    expect((await screen.findByLabelText('Period monitored')).textContent).toMatch(
      /^Monitoring 2016\/17 P3: both steps add the Actuals, Monitoring history, In-year monitoring and Capital budget position sheets/,
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

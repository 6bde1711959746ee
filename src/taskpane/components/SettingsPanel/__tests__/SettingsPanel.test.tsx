/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeActions } from '../../../__tests__/fakeActions';
import { renderApp } from '../../../__tests__/renderApp';
import { DEFAULT_SETTINGS, type PaneSettings } from '../../../services';
import { settingsToForm, validateSettings } from '../validateSettings';

const saved: PaneSettings = {
  fiscalYearStartMonth: 7,
  unit: '£k',
  decimals: 0,
  thresholdAbsolute: 100,
  thresholdPercent: null,
  amberPercent: 5,
  redPercent: 20,
  convention: 'forecast-minus-budget',
};

function type(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('Settings', () => {
  it('locks the unit of a workbook that has a Programme and says why (regression: £41.5m shown as £41.5k)', async () => {
    await renderApp(fakeActions(), 'settings');
    expect(await screen.findByText(/relabel them, not convert them/)).toBeTruthy();
    expect((screen.getByLabelText('£k') as HTMLInputElement).disabled).toBe(true);
  });

  it('lets the unit be chosen while the workbook has no Programme', async () => {
    await renderApp(
      fakeActions({
        describeWorkbook: async () => ({
          programme: false,
          schemes: 0,
          forecastSheets: 0,
          monitoring: false,
        }),
      }),
      'settings',
    );
    await waitFor(() =>
      expect((screen.getByLabelText('£k') as HTMLInputElement).disabled).toBe(false),
    );
    expect(screen.queryByText(/relabel them/)).toBeNull();
  });

  it('shows the settings saved in the workbook', async () => {
    await renderApp(fakeActions({ loadSettings: async () => saved }), 'settings');
    await waitFor(() =>
      expect((screen.getByLabelText(/Explain variances over/) as HTMLInputElement).value).toBe(
        '100',
      ),
    );
    expect(screen.getByRole('combobox', { name: /Financial year starts in/ }).textContent).toBe(
      'July',
    );
    expect((screen.getByLabelText('£k') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/Forecast − budget/) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/or over/) as HTMLInputElement).value).toBe('');
  });

  it('saves the changed settings in the workbook', async () => {
    const actions = fakeActions();
    await renderApp(actions, 'settings');
    fireEvent.click(screen.getByRole('combobox', { name: /Financial year starts in/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'October' }));
    type(/Decimal places/, '2');
    type(/Explain variances over/, '£250k');
    type(/or over/, '');
    fireEvent.click(screen.getByLabelText(/Forecast − budget/));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Done.');
    expect(actions.saveSettings).toHaveBeenCalledWith(
      {
        ...DEFAULT_SETTINGS,
        fiscalYearStartMonth: 10,
        decimals: 2,
        thresholdAbsolute: 0.25,
        thresholdPercent: null,
        convention: 'forecast-minus-budget',
      },
      expect.anything(),
    );
  });

  it('shows what is wrong on each field and saves nothing', async () => {
    const actions = fakeActions();
    await renderApp(actions, 'settings');
    // Once the workbook has been read (its Programme locks the unit), as a user would see it.
    await screen.findByText(/relabel them, not convert them/);
    type(/Decimal places/, '1.5');
    type(/Amber above/, '30');
    type(/Red above/, '20');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/whole number of decimal places from 0 to 4/)).toBeTruthy();
    expect(screen.getByText(/Red starts at or above Amber \(30%\)/)).toBeTruthy();
    expect(actions.saveSettings).not.toHaveBeenCalled();
  });

  it.each([
    ['a negative threshold', { thresholdAbsolute: '-0.1' }, 'thresholdAbsolute', /without a minus/],
    [
      'a threshold in words',
      { thresholdAbsolute: 'a lot' },
      'thresholdAbsolute',
      /Cannot read 'a lot' as money/,
    ],
    ['a percentage in words', { thresholdPercent: 'ten' }, 'thresholdPercent', /e.g. 10 for 10%/],
    ['no amber percentage', { amberPercent: '' }, 'amberPercent', /e.g. 5/],
  ] as const)('refuses %s', (_case, change, field, message) => {
    const checked = validateSettings({ ...settingsToForm(DEFAULT_SETTINGS), ...change });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors[field]).toMatch(message);
  });

  it('reads a percentage written with a % sign', () => {
    const checked = validateSettings({
      ...settingsToForm(DEFAULT_SETTINGS),
      thresholdPercent: '12.5%',
    });
    expect(checked.ok && checked.settings.thresholdPercent).toBe(12.5);
  });
});

describe('Settings: the year and period being monitored', () => {
  it('saves the year as the calendar year it starts in and the period as 1..12', async () => {
    const actions = fakeActions();
    await renderApp(actions, 'settings');
    fireEvent.change(screen.getByLabelText(/Year being monitored/), {
      target: { value: '2016/17' },
    });
    fireEvent.click(screen.getByRole('combobox', { name: /Period/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'P8 (November)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(actions.saveSettings).toHaveBeenCalled());
    expect(actions.saveSettings.mock.calls[0][0]).toMatchObject({
      monitoringYear: 2016,
      monitoringPeriod: 8,
    });
  });

  it('says how to write a year it cannot read', () => {
    const checked = validateSettings({
      ...settingsToForm(DEFAULT_SETTINGS),
      monitoringYear: 'next',
    });
    expect(!checked.ok && checked.errors.monitoringYear).toMatch(/2016\/17/);
  });
});

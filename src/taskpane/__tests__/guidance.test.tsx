/** @jest-environment jsdom */
/**
 * The pane tells a finance officer where they are and what comes next: empty states before any
 * click, the next step as the primary button, hints in the programme's own years, and a record
 * of what was done that survives a tab change.
 */
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { PaneTab } from '../App.types';
import type { WorkbookInfo } from '../services';
import { fakeActions } from './fakeActions';
import { renderApp } from './renderApp';

const EMPTY_WORKBOOK: WorkbookInfo = {
  programme: false,
  schemes: 0,
  forecastSheets: 0,
  monitoring: false,
};
const PROGRAMME: WorkbookInfo = {
  programme: true,
  sheet: 'Programme',
  schemes: 9,
  firstYear: 2026,
  lastYear: 2028,
  forecastSheets: 0,
  monitoring: false,
};

/** Fluent's classes do not name the appearance: compare with a primary button rendered alone. */
function primaryClass(): string {
  const { container, unmount } = render(
    <FluentProvider theme={webLightTheme}>
      <Button appearance="primary">Reference</Button>
    </FluentProvider>,
  );
  const className = container.querySelector('button')?.className ?? '';
  unmount();
  return className;
}

describe('empty states', () => {
  it.each(['phase', 'revise', 'forecasts', 'chart'] as PaneTab[])(
    'the %s tab says there is no Programme before any click, and offers the way to one',
    async (tab) => {
      const actions = fakeActions({ describeWorkbook: async () => EMPTY_WORKBOOK });
      await renderApp(actions, tab);
      expect(await screen.findByText('No Programme table yet')).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Set up a programme' }));
      expect(screen.getByRole('tab', { name: 'Set up', selected: true })).toBeTruthy();
    },
  );

  it('Check works without a Programme: the active sheet is chosen and the Programme is greyed', async () => {
    await renderApp(fakeActions({ describeWorkbook: async () => EMPTY_WORKBOOK }), 'check');
    const sheet = (await screen.findByLabelText('The active sheet')) as HTMLInputElement;
    await screen.findByLabelText(/none in this workbook yet/);
    expect(sheet.checked).toBe(true);
    expect((screen.getByLabelText(/The Programme table/) as HTMLInputElement).disabled).toBe(true);
  });

  it('does not chart an empty programme (regression: it succeeded silently)', async () => {
    const actions = fakeActions({ describeWorkbook: async () => ({ ...PROGRAMME, schemes: 0 }) });
    await renderApp(actions, 'chart');
    expect(await screen.findByText(/has no schemes yet, so a chart would be empty/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Chart quarterly phasing' })).toBeNull();
  });
});

describe('next steps', () => {
  it('after set up, phasing is the primary step and Set up is secondary (regression: a second click failed)', async () => {
    await renderApp(fakeActions({ describeWorkbook: async () => PROGRAMME }), 'setup');
    expect(await screen.findByText(/Programme holds 9 schemes, 2026\/27 to 2028\/29/)).toBeTruthy();
    const next = screen.getByRole('button', { name: 'Next: phase schemes' });
    const primary = primaryClass();
    expect(next.className).toBe(primary);
    expect(screen.getByRole('button', { name: 'Set up programme' }).className).not.toBe(primary);
    fireEvent.click(next);
    expect(screen.getByRole('tab', { name: 'Phase', selected: true })).toBeTruthy();
  });

  it('Import says a Programme exists before any mapping (regression: it said so only at the end)', async () => {
    await renderApp(fakeActions({ describeWorkbook: async () => PROGRAMME }), 'import');
    expect(await screen.findByText('This workbook already has a Programme table')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Read selected range' }).className).not.toBe(
      primaryClass(),
    );
  });

  it('once forecast sheets exist, Gather is primary and Make is secondary', async () => {
    await renderApp(
      fakeActions({ describeWorkbook: async () => ({ ...PROGRAMME, forecastSheets: 2 }) }),
      'forecasts',
    );
    const gather = await screen.findByRole('button', { name: 'Gather into Monitoring' });
    await screen.findByText(/Makes one sheet per budget holder/);
    const primary = primaryClass();
    expect(gather.className).toBe(primary);
    expect(screen.getByRole('button', { name: 'Make forecast sheets' }).className).not.toBe(
      primary,
    );
  });

  it('writes the Phase hint in the programme’s own years (regression: 2016/17 in a 2026/27 programme)', async () => {
    await renderApp(fakeActions({ describeWorkbook: async () => PROGRAMME }), 'phase');
    expect(await screen.findByText(/e\.g\.\s*2026\/27 Q2-4/)).toBeTruthy();
    expect(screen.queryByText(/2016\/17/)).toBeNull();
  });
});

describe('what was done stays visible', () => {
  it('keeps each action in the activity list, with its cell link, after the notice is gone', async () => {
    const actions = fakeActions({
      recordRevision: async () => ({
        ok: true,
        value: { row: 7, signedAmount: 0.42 },
        summary: 'Addition recorded on row 7 of Revisions.',
      }),
      listSchemes: async () => ({
        ok: true,
        value: [{ ref: 'CP-001', scheme: 'Laptops' }],
        summary: '1 scheme.',
      }),
    });
    await renderApp(actions, 'chart');
    fireEvent.click(await screen.findByRole('button', { name: 'Chart quarterly phasing' }));
    await screen.findByText('Done.');
    fireEvent.click(screen.getByRole('tab', { name: 'Check' }));
    expect(screen.queryByText('Done.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Activity \(1\)/ }));
    const list = await screen.findByRole('list', { name: 'What the add-in did, newest first' });
    expect(within(list).getByText('Chart quarterly phasing')).toBeTruthy();
    expect(within(list).getByRole('button', { name: /Programme!A1/ })).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: /Programme!A1/ }));
    expect(actions.selectCell).toHaveBeenCalledWith('Programme', 'A1');
  });

  it('dismisses a notice with a button that says what it does (no bare ✕)', async () => {
    await renderApp(fakeActions(), 'chart');
    fireEvent.click(await screen.findByRole('button', { name: 'Chart quarterly phasing' }));
    await screen.findByText('Done.');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Done.')).toBeNull();
    expect(screen.queryByText('✕')).toBeNull();
  });
});

describe('monitoring totals', () => {
  it('say how many schemes have no forecast and what the totals cover', async () => {
    const actions = fakeActions({
      gatherForecasts: async () => ({
        ok: true,
        summary: 'Monitoring sheet written.',
        value: {
          sheet: 'Monitoring',
          schemes: 9,
          byStatus: { 'On target': 1, Underspend: 0, Overspend: 0, 'No forecast': 8 },
          byRag: { Green: 1, Amber: 0, Red: 0 },
          totalBudget: 2.6,
          totalForecast: 2.7,
          totalVariance: -0.1,
          withForecast: 1,
          missingForecast: 8,
          programmeBudget: 41.5,
          offTarget: [],
        },
      }),
    });
    await renderApp(actions, 'forecasts');
    fireEvent.click(await screen.findByRole('button', { name: 'Gather into Monitoring' }));
    expect(
      await screen.findByText(
        /8 of 9 schemes have no forecast yet: the totals below cover the 1 that do/,
      ),
    ).toBeTruthy();
    expect(screen.getByText('Budget of schemes with a forecast')).toBeTruthy();
    expect(screen.queryByText('£31.5')).toBeNull();
  });
});

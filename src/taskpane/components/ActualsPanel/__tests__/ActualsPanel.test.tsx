/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeActions } from '../../../__tests__/fakeActions';
import { renderApp } from '../../../__tests__/renderApp';
import type { ActualsPreview } from '../../../services';
import { mappingProblems, withRole } from '../ActualsPanel.types';

const PREVIEW: ActualsPreview = {
  source: 'Pasted text',
  header: ['Scheme ref', 'Period', 'Amount'],
  mapping: { ref: 0, period: 1, amount: 2 },
  guessed: true,
  ledgerUnit: '£',
  unit: '£m',
  lines: 3,
  total: '0.2',
  unknownRefs: 1,
  unknownTotal: '0.01',
  repeats: 1,
  alreadyIn: 0,
  unreadable: 1,
  problems: [
    {
      kind: 'unknown-ref',
      severity: 'error',
      row: 3,
      message: "Row 3: the ref 'CP-099' is not a scheme",
    },
    { kind: 'duplicate', severity: 'warning', row: 4, message: 'Row 4: the same line as row 2' },
    {
      kind: 'bad-amount',
      severity: 'error',
      row: 5,
      message: 'Row 5: the amount TBC is not money',
    },
  ],
  actualsExist: false,
  year: '2016/17',
};

const LEDGER =
  'Scheme ref,Period,Amount\nCP-001,P3,100\nCP-099,P3,10\nCP-001,P3,100\nCP-002,P3,TBC\n';

describe('Actuals', () => {
  it('sits in the Monitor group between Forecasts and Chart', async () => {
    await renderApp(fakeActions(), 'actuals');
    const tabs = screen.getByRole('tablist', { name: 'Monitor tasks' });
    expect(Array.from(tabs.querySelectorAll('[role="tab"]')).map((tab) => tab.id)).toEqual([
      'tab-forecasts',
      'tab-actuals',
      'tab-chart',
      'tab-close',
    ]);
  });

  it('reads pasted CSV, shows the mapping and every row to look at, and brings in what the officer chose', async () => {
    const actions = fakeActions({
      previewActuals: async () => ({ ok: true, value: PREVIEW, summary: '3 ledger lines' }),
    });
    await renderApp(actions, 'actuals');
    fireEvent.change(screen.getByLabelText(/Ledger export/), { target: { value: LEDGER } });
    fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    await screen.findByRole('table', { name: 'Ledger columns' });
    const request = actions.previewActuals.mock.calls[0][0];
    expect(request.ledger.rows[1]).toEqual(['CP-001', 'P3', 100]);
    expect(request.ledgerUnit).toBe('£');
    expect(screen.getByRole('combobox', { name: 'Role of column Amount' }).textContent).toBe(
      'Amount',
    );
    const rows = screen.getByRole('list', { name: 'Ledger rows to look at' });
    expect(rows.textContent).toMatch(/CP-099/);
    expect(rows.textContent).toMatch(/Row 5/);
    // Unknown refs left out by default: 3 lines, the repeat brought in, the unknown one not.
    const bringIn = screen.getByRole('button', { name: 'Bring in 3 lines' });
    fireEvent.click(screen.getByLabelText(/Leave out the repeat/));
    fireEvent.click(screen.getByLabelText(/under their own ref/));
    expect(bringIn.textContent).toBe('Bring in 3 lines');
    fireEvent.click(bringIn);
    await waitFor(() => expect(actions.bringInActuals).toHaveBeenCalled());
    expect(actions.bringInActuals.mock.calls[0][1]).toEqual({
      unknownRefs: 'bring-in',
      repeats: 'leave-out',
      alreadyIn: 'leave-out',
    });
  });

  it('reads a chosen CSV file and names it as the source', async () => {
    const actions = fakeActions({
      previewActuals: async () => ({ ok: true, value: PREVIEW, summary: '3 ledger lines' }),
    });
    await renderApp(actions, 'actuals');
    const file = new File([LEDGER], 'ledger-p3.csv', { type: 'text/csv' });
    // jsdom's File may lack text(): give it the one browsers have.
    Object.defineProperty(file, 'text', { value: async () => LEDGER });
    fireEvent.change(screen.getByTestId('ledger-file'), { target: { files: [file] } });
    await waitFor(() => expect(actions.previewActuals).toHaveBeenCalled());
    const request = actions.previewActuals.mock.calls[0][0];
    expect(request.ledger.source).toBe('ledger-p3.csv');
    expect(request.ledger.rows).toHaveLength(5);
  });

  it('points to Settings when periods have no year because none is set', async () => {
    const actions = fakeActions({
      previewActuals: async () => ({
        ok: true,
        value: {
          ...PREVIEW,
          year: undefined,
          problems: [
            {
              kind: 'bad-date',
              severity: 'error',
              row: 2,
              message: "Row 2: Cannot read period 'P3': it does not say which year",
            },
          ],
        },
        summary: '0 ledger lines',
      }),
    });
    await renderApp(actions, 'actuals');
    fireEvent.change(screen.getByLabelText(/Ledger export/), { target: { value: LEDGER } });
    fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Go to Settings' }));
    expect(await screen.findByRole('button', { name: 'Save settings' })).toBeTruthy();
  });

  it('says what is wrong with text that is not CSV, without asking the workbook', async () => {
    const actions = fakeActions();
    await renderApp(actions, 'actuals');
    fireEvent.change(screen.getByLabelText(/Ledger export/), {
      target: { value: 'Ref,Amount\n"CP-001,5\n' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
    expect(await screen.findByText(/quote opened on line 2/)).toBeTruthy();
    expect(actions.previewActuals).not.toHaveBeenCalled();
  });

  it('asks for a Programme first', async () => {
    await renderApp(
      fakeActions({
        describeWorkbook: async () => ({
          programme: false,
          schemes: 0,
          forecastSheets: 0,
          monitoring: false,
        }),
      }),
      'actuals',
    );
    expect(await screen.findByText(/bring in actuals/)).toBeTruthy();
  });
});

describe('ledger mapping', () => {
  it('moves a role from the column that had it, and says what is still missing', () => {
    expect(withRole({ ref: 0, period: 1, amount: 2 }, 1, 'date')).toEqual({
      ref: 0,
      date: 1,
      amount: 2,
    });
    expect(withRole({ ref: 0, period: 1, amount: 2 }, 0, 'amount')).toEqual({
      period: 1,
      amount: 0,
    });
    expect(mappingProblems({ period: 1, amount: 0 })).toEqual([
      'Choose the column with the scheme ref or cost code of each line.',
    ]);
  });
});

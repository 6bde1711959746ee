/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import { fakeActions } from '../../../__tests__/fakeActions';
import { renderApp } from '../../../__tests__/renderApp';
import type { ImportPreview } from '../../../services';
import { checkMapping } from '../checkMapping';

const preview: ImportPreview = {
  sheet: 'Report',
  address: 'Report!A1:D13',
  headerRow: 0,
  schemeRows: 9,
  unit: '£m',
  columns: [
    { index: 0, header: 'Area for investment', role: 'scheme' },
    { index: 1, header: 'Capital £m', role: 'approvedBudget' },
    { index: 2, header: 'Impact', role: 'impact' },
    { index: 3, header: 'Phase', role: 'ignore' },
  ],
};

describe('Import', () => {
  it('shows what each column was recognised as', async () => {
    const actions = fakeActions({
      previewImport: async () => ({ ok: true, value: preview, summary: 'Read.' }),
    });
    await renderApp(actions, 'import');
    fireEvent.click(screen.getByRole('button', { name: 'Read selected range' }));
    expect(
      await screen.findByText(/Report!A1:D13: 9 scheme rows, 4 columns, figures in £m/),
    ).toBeTruthy();
    expect(
      screen.getByRole('combobox', { name: 'Role of column Area for investment' }).textContent,
    ).toBe('Scheme');
    expect(screen.getByRole('combobox', { name: 'Role of column Capital £m' }).textContent).toBe(
      'Approved budget',
    );
  });

  it('builds the table with the roles the user corrected', async () => {
    const actions = fakeActions({
      previewImport: async () => ({ ok: true, value: preview, summary: 'Read.' }),
    });
    await renderApp(actions, 'import');
    fireEvent.click(screen.getByRole('button', { name: 'Read selected range' }));
    fireEvent.click(await screen.findByRole('combobox', { name: 'Role of column Phase' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Phasing' }));
    fireEvent.click(screen.getByRole('button', { name: 'Build Programme table' }));
    await screen.findByText('Done.');
    const sent = actions.importProgramme.mock.calls[0][0];
    expect(sent.columns.map((column) => column.role)).toEqual([
      'scheme',
      'approvedBudget',
      'impact',
      'phasing',
    ]);
    expect(sent.address).toBe('Report!A1:D13');
  });

  it('will not build a table without a budget column and says which to choose', async () => {
    const actions = fakeActions({
      previewImport: async () => ({ ok: true, value: preview, summary: 'Read.' }),
    });
    await renderApp(actions, 'import');
    fireEvent.click(screen.getByRole('button', { name: 'Read selected range' }));
    fireEvent.click(await screen.findByRole('combobox', { name: 'Role of column Capital £m' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Leave out' }));
    expect(screen.getByText(/Choose the column that holds the approved budget/)).toBeTruthy();
    // Disabled but focusable, so keyboard users can still reach it and hear why.
    expect(
      screen.getByRole('button', { name: 'Build Programme table' }).getAttribute('aria-disabled'),
    ).toBe('true');
  });

  it('shows the message when the selection cannot be read', async () => {
    const actions = fakeActions({
      previewImport: async () => ({ ok: false, message: 'Select the table, headers included.' }),
    });
    await renderApp(actions, 'import');
    fireEvent.click(screen.getByRole('button', { name: 'Read selected range' }));
    expect(await screen.findByText('Select the table, headers included.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('names both columns when two claim the same role', () => {
    const problems = checkMapping([
      { index: 0, header: 'Scheme', role: 'scheme' },
      { index: 1, header: 'Budget', role: 'approvedBudget' },
      { index: 2, header: 'Original budget', role: 'approvedBudget' },
      { index: 3, header: '2016/17 Q1', role: 'period' },
      { index: 4, header: '2016/17 Q2', role: 'period' },
    ]);
    expect(problems).toEqual([
      '"Budget" and "Original budget" are both marked Approved budget: keep one and mark the other "Leave out".',
    ]);
  });

  it('shows year columns read as quarters marked, and what the table could not give', async () => {
    const printed: ImportPreview = {
      ...preview,
      address: 'Table 1!A1:H20',
      columns: [
        ...preview.columns.slice(0, 3),
        { index: 3, header: '2016/17', role: 'markers', periodLabel: '2016/17' },
        { index: 4, header: '2017/18', role: 'markers', periodLabel: '2017/18' },
      ],
      notes: ["E9: Cannot read the marker 'soon' under 2016/17: write e.g. 'Q1', 'Q2-4'"],
    };
    const actions = fakeActions({
      previewImport: async () => ({ ok: true, value: printed, summary: 'Read.' }),
    });
    await renderApp(actions, 'import');
    fireEvent.click(screen.getByRole('button', { name: 'Read selected range' }));
    expect(await screen.findByText('quarters of 2016/17')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Role of column 2017/18' }).textContent).toBe(
      'Quarters marked (Q1-4, ✓)',
    );
    expect(screen.getByRole('list', { name: 'Not read from the table' }).textContent).toContain(
      "E9: Cannot read the marker 'soon' under 2016/17",
    );
    // Several marker columns are one phasing, not a clash of roles.
    expect(checkMapping(printed.columns)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Build Programme table' }));
    await screen.findByText('Done.');
    expect(actions.importProgramme.mock.calls[0][0].columns.map((c) => c.role)).toEqual([
      'scheme',
      'approvedBudget',
      'impact',
      'markers',
      'markers',
    ]);
  });
});

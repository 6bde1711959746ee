/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import { fakeActions } from '../../../__tests__/fakeActions';
import { renderApp } from '../../../__tests__/renderApp';
import { currentFiscalYear, validateSetUp } from '../validateSetUp';

function type(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('Set up', () => {
  it('sets up the chosen years, columns, unit and sample', async () => {
    const actions = fakeActions({
      setUpProgramme: async () => ({
        ok: true,
        value: { sheet: 'Programme', rows: 9, periodHeaders: ['2016/17', '2017/18'] },
        summary: 'Programme sheet ready with 2 year columns.',
      }),
    });
    await renderApp(actions, 'setup');
    type(/First financial year/, '2016');
    type(/Number of years/, '2');
    fireEvent.click(screen.getByLabelText('Years'));
    fireEvent.click(screen.getByLabelText('£k'));
    fireEvent.click(screen.getByLabelText(/Fill with sample schemes/));
    fireEvent.click(screen.getByRole('button', { name: 'Set up programme' }));
    expect(await screen.findByText('Programme sheet ready with 2 year columns.')).toBeTruthy();
    expect(actions.setUpProgramme).toHaveBeenCalledWith(
      { firstYear: 2016, lastYear: 2017, periods: 'year', unit: '£k', fillWithSample: true },
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
  });

  it.each([
    ['a word as the first year', 'next year', '3', /Write the first financial year/],
    ['a year out of range', '1890', '3', /from 2000 to 2099/],
    ['no years', '2024', '0', /whole number of years from 1 to 10/],
    ['too many years', '2024', '11', /whole number of years from 1 to 10/],
  ])('says how to fix %s and changes nothing', async (_case, firstYear, years, message) => {
    const actions = fakeActions();
    await renderApp(actions, 'setup');
    type(/First financial year/, firstYear);
    type(/Number of years/, years);
    fireEvent.click(screen.getByRole('button', { name: 'Set up programme' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(actions.setUpProgramme).not.toHaveBeenCalled();
  });

  it('accepts a first year written as 2024/25', () => {
    const checked = validateSetUp({
      firstYear: '2024/25',
      years: '3',
      periods: 'quarter',
      unit: '£m',
      fillWithSample: false,
    });
    expect(checked).toEqual({
      ok: true,
      request: {
        firstYear: 2024,
        lastYear: 2026,
        periods: 'quarter',
        unit: '£m',
        fillWithSample: false,
      },
    });
  });

  it.each([
    { label: '15 January 2025', today: new Date(2025, 0, 15), startMonth: 4, expected: 2024 },
    { label: '1 April 2025', today: new Date(2025, 3, 1), startMonth: 4, expected: 2025 },
    { label: '31 March 2025', today: new Date(2025, 2, 31), startMonth: 4, expected: 2024 },
    { label: '1 July 2025', today: new Date(2025, 6, 1), startMonth: 7, expected: 2025 },
  ])(
    'puts $label in the fiscal year starting $expected when years start in month $startMonth',
    ({ today, startMonth, expected }) => {
      expect(currentFiscalYear(today, startMonth)).toBe(expected);
    },
  );
});

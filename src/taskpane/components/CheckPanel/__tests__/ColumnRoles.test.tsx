/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { checkGridWithReading } from '../../../../core/validation';
import { fakeActions } from '../../../__tests__/fakeActions';
import { renderApp } from '../../../__tests__/renderApp';
import type { CheckReport, Outcome } from '../../../services';
import { roleChoices } from '../columnRoleChoices';

/**
 * An outturn table as councils print it: the total of column B (41.0) is wrong by more than
 * rounding, and D 'Movement' is Actual less Budget, which no heading says.
 */
const VALUES = [
  ['Scheme', 'Budget', 'Actual', 'Movement'],
  ['Roads', 40, 38, -2],
  ['Schools', 4.5, 5.5, 1],
  ['Total', 41, 43.5, -1],
];

/** The engine itself, as the adapter runs it: with the user's columns when there are any. */
function engineCheck(columns: Readonly<Record<string, string>>): Outcome<CheckReport> {
  const entries = Object.keys(columns).length;
  const { findings, reading } = checkGridWithReading(
    { sheet: 'Outturn', values: VALUES },
    entries > 0 ? { columns: { ...columns } } : {},
  );
  return {
    ok: true,
    summary: `${findings.length} findings.`,
    value: {
      sheet: 'Outturn',
      address: 'Outturn!A1:D4',
      findings,
      reading,
      ...(entries > 0
        ? {
            correction: {
              columns: { ...columns },
              text: Object.entries(columns)
                .map(([c, v]) => `${c}=${v}`)
                .join('; '),
            },
          }
        : {}),
    },
  };
}

function outturnActions(notice?: string) {
  return fakeActions({
    check: async () => {
      const outcome = engineCheck({});
      if (outcome.ok && notice) outcome.value.readingNotice = notice;
      return outcome;
    },
    correctReading: async (_scope, _sheet, columns) => engineCheck(columns),
  });
}

async function checkOutturn(actions: ReturnType<typeof outturnActions>) {
  await renderApp(actions, 'check');
  fireEvent.click(screen.getByLabelText('The active sheet'));
  fireEvent.click(screen.getByRole('button', { name: 'Run check' }));
  const roles = await screen.findByRole('region', { name: 'Column roles' });
  const toggle = within(roles).getByRole('button', { name: 'Correct column roles' });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(within(roles).queryByLabelText(/Role of column/)).toBeNull();
  fireEvent.click(toggle);
  expect(
    within(roles).getByRole('button', { name: 'Hide column roles' }).getAttribute('aria-expanded'),
  ).toBe('true');
  return roles;
}

describe('the column role pickers', () => {
  it('offers the CLI roles, skip, and a variance or sum of two figure columns to the left', () => {
    const { reading } = checkGridWithReading({ sheet: 'Outturn', values: VALUES });
    const choices = roleChoices(reading!, 'D', undefined);
    expect(choices.map((c) => c.value)).toEqual(
      expect.arrayContaining(['', 'label', 'variance', 'percentage', 'notes', 'skip']),
    );
    expect(choices).toEqual(
      expect.arrayContaining([
        { value: 'C-B', text: 'variance = C − B (Actual − Budget)' },
        { value: 'B-C', text: 'variance = B − C (Budget − Actual)' },
        { value: 'B+C', text: 'revised = B + C (Budget + Actual)' },
      ]),
    );
    // Nothing is left of A to work it out from.
    expect(roleChoices(reading!, 'A', undefined).some((c) => /[-+]/.test(c.value))).toBe(false);
    // A saved choice the list does not offer is still shown, as saved.
    expect(roleChoices(reading!, 'D', 'A+B+C').at(-1)).toEqual({
      value: 'A+B+C',
      text: '= A + B + C',
    });
  });

  it('names each picker by column letter and heading', async () => {
    const roles = await checkOutturn(outturnActions());
    for (const name of ['A (Scheme)', 'B (Budget)', 'C (Actual)', 'D (Movement)'])
      expect(within(roles).getByLabelText(`Role of column ${name}`)).toBeTruthy();
  });

  it('checks again with the role picked, shows the new findings, and says the reading is corrected', async () => {
    const actions = outturnActions();
    const roles = await checkOutturn(actions);
    expect(await screen.findByRole('region', { name: /Errors/ })).toBeTruthy();
    expect(screen.getByText(/Total 41\.0 does not match/)).toBeTruthy();

    fireEvent.change(within(roles).getByLabelText('Role of column B (Budget)'), {
      target: { value: 'skip' },
    });
    await waitFor(() =>
      expect(actions.correctReading).toHaveBeenCalledWith(
        'sheet',
        'Outturn',
        { B: 'skip' },
        expect.anything(),
      ),
    );
    // Column B is no longer added up: its wrong total is no longer reported.
    await waitFor(() => expect(screen.queryByText(/Total 41\.0 does not match/)).toBeNull());
    expect(screen.getByText(/Reading corrected by you: B = skip/)).toBeTruthy();
    expect((screen.getByLabelText('Role of column B (Budget)') as HTMLSelectElement).value).toBe(
      'skip',
    );
  });

  it('adds a second correction to the first, one a variance of two columns', async () => {
    const actions = outturnActions();
    const roles = await checkOutturn(actions);
    fireEvent.change(within(roles).getByLabelText('Role of column D (Movement)'), {
      target: { value: 'C-B' },
    });
    await screen.findByText(/Reading corrected by you: D = C − B/);
    fireEvent.change(screen.getByLabelText('Role of column B (Budget)'), {
      target: { value: 'original' },
    });
    await screen.findByText(/Reading corrected by you: B = original, D = C − B/);
    expect(actions.correctReading).toHaveBeenLastCalledWith(
      'sheet',
      'Outturn',
      { D: 'C-B', B: 'original' },
      expect.anything(),
    );
    expect(screen.getByText(/Variance D = C - B/)).toBeTruthy();
  });

  it('Reset forgets the correction and the sheet is read as before', async () => {
    const actions = outturnActions();
    const roles = await checkOutturn(actions);
    fireEvent.change(within(roles).getByLabelText('Role of column B (Budget)'), {
      target: { value: 'skip' },
    });
    await screen.findByText(/Reading corrected by you: B = skip/);
    fireEvent.click(screen.getByRole('button', { name: 'Reset the reading of Outturn' }));
    await waitFor(() =>
      expect(actions.correctReading).toHaveBeenLastCalledWith(
        'sheet',
        'Outturn',
        {},
        expect.anything(),
      ),
    );
    expect(await screen.findByText(/Total 41\.0 does not match/)).toBeTruthy();
    expect(screen.queryByText(/Reading corrected by you/)).toBeNull();
    expect((screen.getByLabelText('Role of column B (Budget)') as HTMLSelectElement).value).toBe(
      '',
    );
  });

  it('picking "as read" again takes that column out of the correction', async () => {
    const actions = outturnActions();
    const roles = await checkOutturn(actions);
    fireEvent.change(within(roles).getByLabelText('Role of column B (Budget)'), {
      target: { value: 'skip' },
    });
    await screen.findByText(/Reading corrected by you: B = skip/);
    fireEvent.change(screen.getByLabelText('Role of column B (Budget)'), {
      target: { value: '' },
    });
    await waitFor(() =>
      expect(actions.correctReading).toHaveBeenLastCalledWith(
        'sheet',
        'Outturn',
        {},
        expect.anything(),
      ),
    );
  });

  it('shows why a saved reading was not used', async () => {
    await checkOutturn(
      outturnActions("Your saved reading of the columns of 'Outturn' was ignored: it is not text."),
    );
    expect(screen.getByText('Saved reading not used')).toBeTruthy();
    expect(screen.getByText(/was ignored: it is not text/)).toBeTruthy();
  });

  it('keeps the findings shown when saving the correction is refused', async () => {
    const actions = outturnActions();
    actions.correctReading.mockResolvedValue({
      ok: false,
      message: 'The settings sheet is protected: unprotect it and pick again.',
    });
    const roles = await checkOutturn(actions);
    fireEvent.change(within(roles).getByLabelText('Role of column B (Budget)'), {
      target: { value: 'skip' },
    });
    expect(await screen.findByText(/settings sheet is protected/)).toBeTruthy();
    expect(screen.getByText(/Total 41\.0 does not match/)).toBeTruthy();
    expect(screen.queryByText(/Reading corrected by you/)).toBeNull();
  });
});

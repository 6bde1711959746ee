/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { checkGridWithReading } from '../../../../core/validation';
import { fakeActions } from '../../../__tests__/fakeActions';
import { renderApp } from '../../../__tests__/renderApp';
import type { CheckReport, Outcome } from '../../../services';

/**
 * An outturn table whose column B total (41.0) is wrong by more than rounding: skipping B (a
 * corrected reading) makes that finding go, so the officer can see which reading is in force.
 */
const VALUES = [
  ['Scheme', 'Budget', 'Actual', 'Movement'],
  ['Roads', 40, 38, -2],
  ['Schools', 4.5, 5.5, 1],
  ['Total', 41, 43.5, -1],
];
const WRONG_TOTAL = /Total 41\.0 does not match/;
const OUT_OF_DATE = /The workbook has changed since this check/;

/** The engine itself, reading the sheet with the saved reading, as the adapter does. */
function engineCheck(columns: Readonly<Record<string, string>>): Outcome<CheckReport> {
  const corrected = Object.keys(columns).length > 0;
  const { findings, reading } = checkGridWithReading(
    { sheet: 'Outturn', values: VALUES },
    corrected ? { columns: { ...columns } } : {},
  );
  return {
    ok: true,
    summary: `${findings.length} findings.`,
    value: {
      sheet: 'Outturn',
      address: 'Outturn!A1:D4',
      findings,
      reading,
      ...(corrected ? { correction: { columns: { ...columns }, text: 'saved' } } : {}),
    },
  };
}

/**
 * A workbook with the add-in's undo history, as src/excel/undo.ts keeps it: every write adds a
 * named entry (the reading saved on the settings sheet too), Undo takes the newest back.
 */
function workbookWithUndo() {
  let saved: Record<string, string> = {};
  const changes: { label: string; undo(): void }[] = [];
  const done = <T,>(value: T): Outcome<T> => ({ ok: true, value, summary: 'Done.' });
  return fakeActions({
    check: async () => engineCheck(saved),
    correctReading: async (_scope, sheet, columns) => {
      const before = saved;
      saved = { ...columns };
      const verb = Object.keys(columns).length === 0 ? 'Reset' : 'Correct';
      changes.push({ label: `${verb} the reading of ${sheet}`, undo: () => (saved = before) });
      return engineCheck(saved);
    },
    phase: async () => {
      changes.push({ label: 'Phase schemes', undo: () => undefined });
      return done({ phased: 3, unphased: [], errors: [] });
    },
    highlightFindings: async (findings) => {
      changes.push({ label: 'Highlight cells', undo: () => undefined });
      return done(findings.length);
    },
    lastChange: async () => changes.at(-1)?.label,
    changeHistory: async () =>
      changes
        .map((change, at) => ({ label: change.label, next: at === changes.length - 1 }))
        .reverse(),
    undoLastChange: async () => {
      const change = changes.pop();
      if (!change) return { ok: false, message: 'Nothing to undo.' };
      change.undo();
      return { ok: true, value: change.label, summary: `${change.label} undone.` };
    },
  });
}

type Workbook = ReturnType<typeof workbookWithUndo>;

async function checkOutturn(actions: Workbook) {
  await renderApp(actions, 'check');
  fireEvent.click(screen.getByLabelText('The active sheet'));
  fireEvent.click(screen.getByRole('button', { name: 'Run check' }));
  expect(await screen.findByText(WRONG_TOTAL)).toBeTruthy();
}

async function correctColumnB() {
  fireEvent.click(screen.getByRole('button', { name: 'Correct column roles' }));
  fireEvent.change(screen.getByLabelText('Role of column B (Budget)'), {
    target: { value: 'skip' },
  });
  await screen.findByText(/Reading corrected by you: B = skip/);
  expect(screen.queryByText(WRONG_TOTAL)).toBeNull();
}

/** Goes to a tab of the Programme group and back to Check, doing `what` there. */
async function elsewhere(tab: string, what: () => Promise<void>) {
  fireEvent.click(screen.getByRole('tab', { name: 'Programme' }));
  fireEvent.click(screen.getByRole('tab', { name: tab }));
  await what();
  fireEvent.click(screen.getByRole('tab', { name: 'Check' }));
}

describe('Check results after the workbook changes', () => {
  it('regression: Undo of "Correct the reading" no longer leaves the corrected results shown, it checks again', async () => {
    const actions = workbookWithUndo();
    await checkOutturn(actions);
    await correctColumnB();

    fireEvent.click(
      await screen.findByRole('button', { name: 'Undo Correct the reading of Outturn' }),
    );

    // Checked again on the same scope: the reading went back, and so did its finding.
    expect(await screen.findByText('Check again after Undo')).toBeTruthy();
    await waitFor(() => expect(actions.check).toHaveBeenCalledTimes(2));
    expect(actions.check).toHaveBeenLastCalledWith('sheet', expect.anything());
    expect(await screen.findByText(WRONG_TOTAL)).toBeTruthy();
    expect(screen.queryByText(/Reading corrected by you/)).toBeNull();
    expect(screen.queryByText(OUT_OF_DATE)).toBeNull();
    expect(screen.queryByText(/Out of date/)).toBeNull();
  });

  it('an Undo of the reading made on another tab checks again when the Check tab is shown', async () => {
    const actions = workbookWithUndo();
    await checkOutturn(actions);
    await correctColumnB();
    await elsewhere('Phase', async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Undo Correct the reading of Outturn' }));
      await screen.findByText('Correct the reading of Outturn undone.');
      // Not behind the officer's back on another tab.
      expect(actions.check).toHaveBeenCalledTimes(1);
    });
    await waitFor(() => expect(actions.check).toHaveBeenCalledTimes(2));
    expect(await screen.findByText(WRONG_TOTAL)).toBeTruthy();
    expect(screen.queryByText(/Reading corrected by you/)).toBeNull();
    expect(screen.queryByText(OUT_OF_DATE)).toBeNull();
  });

  it('marks the results out of date after another action writes, and "Check again" brings them up to date', async () => {
    const actions = workbookWithUndo();
    await checkOutturn(actions);
    await elsewhere('Phase', async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Phase' }));
      await waitFor(() => expect(actions.phase).toHaveBeenCalled());
      await screen.findByRole('button', { name: 'Undo Phase schemes' });
    });

    const notice = await screen.findByText(OUT_OF_DATE);
    expect(notice.textContent).toContain(
      'The workbook has changed since this check (Phase schemes). Run the check again to see current results.',
    );
    // The old results are still there to read, but labelled as from before the change.
    expect(screen.getByText(WRONG_TOTAL)).toBeTruthy();
    expect(screen.getByText('Out of date: from before Phase schemes')).toBeTruthy();
    // The notice is announced (polite live region) and its button can be reached by keyboard.
    expect(notice.closest('[aria-live="polite"]')).not.toBeNull();
    const again = screen.getByRole('button', { name: 'Check again' });
    again.focus();
    expect(document.activeElement).toBe(again);

    fireEvent.click(again);
    await waitFor(() => expect(actions.check).toHaveBeenCalledTimes(2));
    expect(actions.check).toHaveBeenLastCalledWith('sheet', expect.anything());
    await waitFor(() => expect(screen.queryByText(OUT_OF_DATE)).toBeNull());
    expect(screen.queryByText(/Out of date/)).toBeNull();
    expect(screen.getByText(WRONG_TOTAL)).toBeTruthy();
  });

  it('an Undo of something else marks the results out of date, naming the Undo, without checking again', async () => {
    const actions = workbookWithUndo();
    await checkOutturn(actions);
    await elsewhere('Phase', async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Phase' }));
      await screen.findByRole('button', { name: 'Undo Phase schemes' });
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(screen.queryByText(OUT_OF_DATE)).toBeNull());
    expect(actions.check).toHaveBeenCalledTimes(2);

    fireEvent.click(screen.getByRole('button', { name: 'Undo Phase schemes' }));
    expect(
      await screen.findByText(/The workbook has changed since this check \(Undo: Phase schemes\)/),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
    expect(actions.check).toHaveBeenCalledTimes(2);
  });

  it('a read-only action (reading a range, selecting a cell) leaves the results current', async () => {
    const actions = workbookWithUndo();
    await checkOutturn(actions);
    fireEvent.click(screen.getByRole('button', { name: WRONG_TOTAL }));
    await waitFor(() => expect(actions.selectCell).toHaveBeenCalled());
    await elsewhere('Import', async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Read selected range' }));
      await screen.findByText('Select a range first.');
    });
    expect(actions.previewImport).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(OUT_OF_DATE)).toBeNull();
    expect(screen.queryByText(/Out of date/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Check again' })).toBeNull();
  });

  it("the panel's own writes (a corrected reading, highlighting) do not make its results out of date", async () => {
    const actions = workbookWithUndo();
    await checkOutturn(actions);
    await correctColumnB();
    expect(
      screen.getByRole('button', { name: 'Undo Correct the reading of Outturn' }),
    ).toBeTruthy();
    expect(screen.queryByText(OUT_OF_DATE)).toBeNull();

    const results = screen.getByRole('region', { name: 'What was checked' });
    expect(within(results).getByText(/Reading corrected by you: B = skip/)).toBeTruthy();
    // Reset, then highlight the findings: both write, both from this panel.
    fireEvent.click(screen.getByRole('button', { name: 'Reset the reading of Outturn' }));
    await screen.findByText(WRONG_TOTAL);
    fireEvent.click(screen.getByRole('button', { name: 'Highlight cells' }));
    await screen.findByRole('button', { name: 'Undo Highlight cells' });
    expect(screen.queryByText(OUT_OF_DATE)).toBeNull();
    expect(actions.check).toHaveBeenCalledTimes(1);
  });
});

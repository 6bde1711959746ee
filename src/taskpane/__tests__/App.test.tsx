/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../App';
import { TAB_LABELS } from '../App.types';
import type { ActionContext, Outcome } from '../services';
import { fakeActions } from './fakeActions';
import { renderApp } from './renderApp';

describe('the task pane shell', () => {
  it('shows every task as a tab and the chosen tab as the panel', async () => {
    await renderApp(fakeActions(), 'check');
    for (const label of Object.values(TAB_LABELS))
      expect(screen.getByRole('tab', { name: label })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Check', selected: true })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run check' })).toBeTruthy();
  });

  it('switches panel when another tab is chosen and keeps the earlier panel’s results', async () => {
    const actions = fakeActions({
      phase: async () => ({
        ok: true,
        value: { phased: 7, unphased: [], errors: [] },
        summary: '7 schemes phased.',
      }),
    });
    await renderApp(actions, 'phase');
    fireEvent.click(screen.getByRole('button', { name: 'Phase' }));
    await screen.findByText('7 schemes phased');
    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(await screen.findByRole('button', { name: 'Save settings' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Phase' }));
    expect(screen.getByText('7 schemes phased')).toBeTruthy();
  });

  it('asks in a dialog before overwriting and passes on a Replace', async () => {
    let answer: boolean | undefined;
    const actions = fakeActions({
      phase: async (_scope, context: ActionContext) => {
        answer = await context.confirmOverwrite({
          title: 'Replace 3 filled cells on Programme?',
          message: 'They hold figures.',
        });
        return { ok: true, value: { phased: 1, unphased: [], errors: [] }, summary: 'Phased.' };
      },
    });
    await renderApp(actions, 'phase');
    fireEvent.click(screen.getByRole('button', { name: 'Phase' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('They hold figures.');
    fireEvent.click(screen.getByRole('button', { name: 'Replace' }));
    await screen.findByText('Phased.');
    expect(answer).toBe(true);
  });

  it('passes on a Cancel in the dialog as "do not overwrite"', async () => {
    let answer: boolean | undefined;
    const actions = fakeActions({
      phase: async (_scope, context: ActionContext) => {
        answer = await context.confirmOverwrite({
          title: 'Replace 3 filled cells?',
          message: 'Figures.',
        });
        return { ok: false, message: 'Nothing was changed.' };
      },
    });
    await renderApp(actions, 'phase');
    fireEvent.click(screen.getByRole('button', { name: 'Phase' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Nothing was changed.');
    expect(answer).toBe(false);
  });

  it('shows progress while an action runs and aborts it on Cancel', async () => {
    let signal: AbortSignal | undefined;
    const actions = fakeActions({
      phase: (_scope, context: ActionContext) =>
        new Promise<Outcome<{ phased: number; unphased: []; errors: [] }>>((resolve) => {
          signal = context.signal;
          context.onProgress({ fraction: 0.5, label: 'Writing quarters' });
          context.signal.addEventListener('abort', () =>
            resolve({ ok: false, cancelled: true, message: 'Stopped; nothing was written.' }),
          );
        }),
    });
    await renderApp(actions, 'phase');
    fireEvent.click(screen.getByRole('button', { name: 'Phase' }));
    expect(await screen.findByText('Phase schemes: Writing quarters')).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel Phase schemes' }));
    await screen.findByText('Stopped; nothing was written.');
    expect(signal?.aborted).toBe(true);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows an error message instead of throwing when Excel fails', async () => {
    const actions = fakeActions({
      phase: async () => {
        throw Object.assign(new Error('The sheet is protected'), { code: 'AccessDenied' });
      },
    });
    await renderApp(actions, 'phase');
    fireEvent.click(screen.getByRole('button', { name: 'Phase' }));
    expect(await screen.findByText('Phase schemes: failed')).toBeTruthy();
    expect(screen.getByText(/unprotect it/)).toBeTruthy();
  });

  it('offers "Undo last change" only when there is a change to undo, and undoes it', async () => {
    let last: string | undefined = 'Phase schemes';
    const actions = fakeActions({
      lastChange: async () => last,
      undoLastChange: async () => {
        last = undefined;
        return { ok: true, value: 'Phase schemes', summary: 'Phase schemes undone.' };
      },
    });
    await renderApp(actions, 'setup');
    const undo = screen.getByRole('button', { name: 'Undo last change' });
    await waitFor(() => expect(undo.hasAttribute('disabled')).toBe(false));
    fireEvent.click(undo);
    await screen.findByText('Phase schemes undone.');
    expect(actions.undoLastChange).toHaveBeenCalledTimes(1);
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Undo last change' }).hasAttribute('disabled'),
      ).toBe(true),
    );
  });

  it('keeps the pane usable when reading the settings fails', async () => {
    const actions = fakeActions({
      loadSettings: async () => Promise.reject(new Error('no settings sheet')),
    });
    await renderApp(actions, 'settings');
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeTruthy();
  });

  it('renders in the dark theme when asked', async () => {
    await act(async () => {
      render(<App actions={fakeActions()} theme="dark" />);
    });
    expect(screen.getByRole('heading', { name: 'Capital Planner' })).toBeTruthy();
  });

  it('leaves the last action’s message behind when another tab is chosen', async () => {
    await renderApp(fakeActions(), 'chart');
    fireEvent.click(screen.getByRole('button', { name: 'Chart quarterly phasing' }));
    await screen.findByText('Done.');
    fireEvent.click(screen.getByRole('tab', { name: 'Check' }));
    expect(screen.queryByText('Done.')).toBeNull();
  });
});

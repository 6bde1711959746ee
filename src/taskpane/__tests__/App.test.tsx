/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../App';
import { TAB_GROUPS, TAB_LABELS } from '../App.types';
import type { ActionContext, Outcome } from '../services';
import { fakeActions } from './fakeActions';
import { renderApp } from './renderApp';

describe('the task pane shell', () => {
  it('shows the four steps of the cycle in one tab row, and the chosen group’s tasks below', async () => {
    await renderApp(fakeActions(), 'phase');
    const steps = screen.getByRole('tablist', { name: 'Steps of the capital cycle' });
    expect(within(steps).getAllByRole('tab')).toHaveLength(TAB_GROUPS.length);
    for (const group of TAB_GROUPS)
      expect(within(steps).getByRole('tab', { name: group.label })).toBeTruthy();
    expect(within(steps).getByRole('tab', { name: 'Programme', selected: true })).toBeTruthy();
    const tasks = screen.getByRole('tablist', { name: 'Programme tasks' });
    expect(within(tasks).getAllByRole('tab')).toHaveLength(4);
    for (const tab of ['setup', 'import', 'phase', 'revise'] as const)
      expect(within(tasks).getByRole('tab', { name: TAB_LABELS[tab] })).toBeTruthy();
    expect(within(tasks).getByRole('tab', { name: 'Phase', selected: true })).toBeTruthy();
    // The panel is labelled by the task it shows.
    expect(screen.getByRole('tabpanel', { name: 'Phase' })).toBeTruthy();
  });

  it('shows a one-task group (Check) as a single tab with no second row', async () => {
    await renderApp(fakeActions(), 'check');
    expect(screen.getByRole('tab', { name: 'Check', selected: true })).toBeTruthy();
    expect(screen.getAllByRole('tablist')).toHaveLength(1);
    expect(screen.getByRole('tabpanel', { name: 'Check' })).toBeTruthy();
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
    // Back to the group: it opens on the task left open in it.
    fireEvent.click(screen.getByRole('tab', { name: 'Programme' }));
    expect(screen.getByRole('tab', { name: 'Phase', selected: true })).toBeTruthy();
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

  it('offers Undo only when there is a change to undo, names it, and undoes it', async () => {
    let last: string | undefined = 'Phase schemes';
    const actions = fakeActions({
      lastChange: async () => last,
      changeHistory: async () => (last ? [{ label: last, next: true }] : []),
      undoLastChange: async () => {
        last = undefined;
        return { ok: true, value: 'Phase schemes', summary: 'Phase schemes undone.' };
      },
    });
    await renderApp(actions, 'setup');
    const undo = await screen.findByRole('button', { name: 'Undo Phase schemes' });
    expect(undo.getAttribute('aria-disabled')).not.toBe('true');
    fireEvent.click(undo);
    await screen.findByText('Phase schemes undone.');
    expect(actions.undoLastChange).toHaveBeenCalledTimes(1);
    const nothing = await screen.findByRole('button', { name: 'Nothing to undo' });
    expect(nothing.getAttribute('aria-disabled')).toBe('true');
  });

  it('after a revision, still reaches the change before it and explains the revision (regression: undo was a dead end)', async () => {
    const actions = fakeActions({
      lastChange: async () => 'Phase schemes',
      changeHistory: async () => [
        {
          label: 'Record revision of CP-003',
          next: false,
          irreversible:
            'The revision log is append-only, so the revision of CP-003 stays. To reverse it, record a revision of the opposite amount.',
        },
        { label: 'Phase schemes', next: true },
      ],
    });
    await renderApp(actions, 'setup');
    expect(await screen.findByRole('button', { name: 'Undo Phase schemes' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Changes made in this session' }));
    const menu = await screen.findByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(
        /^Record revision of CP-003Cannot be undone\. .*record a revision of the opposite amount/,
      ),
      expect.stringMatching(/^Phase schemes/),
    ]);
    expect(items[0].getAttribute('aria-disabled')).toBe('true');
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

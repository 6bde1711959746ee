/**
 * Runs one workbook action at a time for the whole pane: shows progress, offers Cancel through an
 * AbortController, turns outcomes and thrown errors into a notice, and keeps "Undo last change" in
 * step with the workbook. Nothing an action throws reaches the user unhandled.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type {
  ActionContext,
  ActionProgress,
  OverwriteQuestion,
  Outcome,
  PaneActions,
} from '../services';
import { describeError, isAbort } from './describeError';

/** A message shown after an action, in a Fluent MessageBar. */
export interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  title: string;
  text: string;
}

/** What the pane knows about the action under way and the last one. */
export interface ActionRunner {
  /** Label of the running action, or undefined when idle. */
  busyLabel?: string;
  progress: ActionProgress;
  notice?: Notice;
  /** What "Undo last change" would revert, or undefined when there is nothing to undo. */
  undoDescription?: string;
  /**
   * Runs `action` unless another is running; resolves to its outcome, or undefined when it threw or
   * could not start (the notice says why).
   */
  run<T>(
    label: string,
    action: (context: ActionContext) => Promise<Outcome<T>>,
  ): Promise<Outcome<T> | undefined>;
  cancel(): void;
  /** Shows a notice without running an action (e.g. when selecting a cell fails). */
  showNotice(notice: Notice): void;
  dismissNotice(): void;
  undo(): Promise<void>;
}

/** Shared so that every panel sees the same busy state and notice. */
export const ActionRunnerContext = createContext<ActionRunner | undefined>(undefined);

/**
 * The runner of the nearest provider.
 *
 * @example
 * const { run, busyLabel } = useRunner();
 */
export function useRunner(): ActionRunner {
  const runner = useContext(ActionRunnerContext);
  if (!runner)
    throw new Error('useRunner needs an ActionRunnerContext provider (App provides one).');
  return runner;
}

/**
 * Creates the runner state for the App.
 *
 * @example
 * const runner = useActionRunner(actions, confirm);
 * <ActionRunnerContext.Provider value={runner}>...</ActionRunnerContext.Provider>
 */
export function useActionRunner(
  actions: PaneActions,
  confirmOverwrite: (question: OverwriteQuestion) => Promise<boolean>,
): ActionRunner {
  const [busyLabel, setBusyLabel] = useState<string>();
  const [progress, setProgress] = useState<ActionProgress>({});
  const [notice, setNotice] = useState<Notice>();
  const [undoDescription, setUndoDescription] = useState<string>();
  const controller = useRef<AbortController | undefined>(undefined);
  const running = useRef(false);

  const refreshUndo = useCallback(async () => {
    try {
      setUndoDescription(await actions.lastChange());
    } catch {
      // Not knowing what can be undone only disables the button: never worth an error notice.
      setUndoDescription(undefined);
    }
  }, [actions]);

  useEffect(() => {
    void refreshUndo();
  }, [refreshUndo]);

  const run = useCallback(
    async <T>(
      label: string,
      action: (context: ActionContext) => Promise<Outcome<T>>,
    ): Promise<Outcome<T> | undefined> => {
      if (running.current) {
        setNotice({
          intent: 'info',
          title: 'Please wait',
          text: 'Another action is still running: wait for it or press Cancel.',
        });
        return undefined;
      }
      running.current = true;
      const abort = new AbortController();
      controller.current = abort;
      setBusyLabel(label);
      setProgress({});
      setNotice(undefined);
      try {
        const outcome = await action({
          signal: abort.signal,
          onProgress: setProgress,
          confirmOverwrite,
        });
        if (outcome.ok) {
          setNotice({ intent: 'success', title: label, text: outcome.summary });
        } else if (outcome.cancelled || abort.signal.aborted) {
          setNotice({
            intent: 'info',
            title: `${label}: cancelled`,
            text: outcome.message || 'Nothing was changed.',
          });
        } else {
          setNotice({ intent: 'warning', title: `${label}: not done`, text: outcome.message });
        }
        return outcome;
      } catch (error) {
        if (isAbort(error) || abort.signal.aborted) {
          setNotice({
            intent: 'info',
            title: `${label}: cancelled`,
            text: 'Stopped before the next batch of cells.',
          });
        } else {
          setNotice({ intent: 'error', title: `${label}: failed`, text: describeError(error) });
        }
        return undefined;
      } finally {
        running.current = false;
        controller.current = undefined;
        setBusyLabel(undefined);
        setProgress({});
        await refreshUndo();
      }
    },
    [confirmOverwrite, refreshUndo],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismissNotice = useCallback(() => setNotice(undefined), []);
  const showNotice = useCallback((next: Notice) => setNotice(next), []);
  const undo = useCallback(async () => {
    await run('Undo last change', (context) => actions.undoLastChange(context));
  }, [actions, run]);

  return useMemo(
    () => ({
      busyLabel,
      progress,
      notice,
      undoDescription,
      run,
      cancel,
      showNotice,
      dismissNotice,
      undo,
    }),
    [busyLabel, progress, notice, undoDescription, run, cancel, showNotice, dismissNotice, undo],
  );
}

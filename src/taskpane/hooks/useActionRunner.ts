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
  ChangeRecord,
  OverwriteQuestion,
  Outcome,
  PaneActions,
} from '../services';
import { describeError, isAbort } from './describeError';

/** A cell an outcome points at, e.g. the row a revision was written to. */
export interface NoticeLink {
  sheet: string;
  cell: string;
  /** What is there, e.g. "Revisions row 7". */
  label: string;
}

/** A message shown after an action, in a Fluent MessageBar. */
export interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  title: string;
  text: string;
  /** Cells the outcome names, shown as links. */
  links?: NoticeLink[];
}

/** One line of the activity list: what an action did, kept after its notice is dismissed. */
export interface Activity extends Notice {
  /** Increasing number, for React keys. */
  id: number;
  /** When it finished, as hh:mm in the pane's clock (display only). */
  time: string;
}

/** How many finished actions the activity list keeps. */
export const ACTIVITY_LIMIT = 20;

/** What the pane knows about the action under way and the last one. */
export interface ActionRunner {
  /** Label of the running action, or undefined when idle. */
  busyLabel?: string;
  progress: ActionProgress;
  notice?: Notice;
  /** What "Undo last change" would revert, or undefined when there is nothing to undo. */
  undoDescription?: string;
  /** The add-in's own changes in this session, newest first. */
  history: ChangeRecord[];
  /** What the add-in did in this session, newest first (at most {@link ACTIVITY_LIMIT}). */
  activity: Activity[];
  /** Goes up after every finished action: panels re-read the workbook's state on it. */
  changeCount: number;
  /**
   * Runs `action` unless another is running; resolves to its outcome, or undefined when it threw or
   * could not start (the notice says why).
   */
  run<T>(
    label: string,
    action: (context: ActionContext) => Promise<Outcome<T>>,
    linksOf?: (value: T) => NoticeLink[],
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
  const [history, setHistory] = useState<ChangeRecord[]>([]);
  const [activity, setActivity] = useState<Activity[]>([]);
  const [changeCount, setChangeCount] = useState(0);
  const activityId = useRef(0);
  const controller = useRef<AbortController | undefined>(undefined);
  const running = useRef(false);

  const refreshUndo = useCallback(async () => {
    try {
      const [next, changes] = await Promise.all([actions.lastChange(), actions.changeHistory()]);
      setUndoDescription(next);
      setHistory(changes);
    } catch {
      // Not knowing what can be undone only disables the button: never worth an error notice.
      setUndoDescription(undefined);
      setHistory([]);
    }
  }, [actions]);

  /** Shows the notice and keeps it in the activity list (a cancelled or refused action too). */
  const report = useCallback((next: Notice) => {
    setNotice(next);
    const now = new Date();
    const time = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
    activityId.current += 1;
    const id = activityId.current;
    setActivity((current) => [{ ...next, id, time }, ...current].slice(0, ACTIVITY_LIMIT));
  }, []);

  useEffect(() => {
    void refreshUndo();
  }, [refreshUndo]);

  const run = useCallback(
    async <T>(
      label: string,
      action: (context: ActionContext) => Promise<Outcome<T>>,
      linksOf?: (value: T) => NoticeLink[],
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
          const links = linksOf?.(outcome.value) ?? [];
          report({
            intent: 'success',
            title: label,
            text: outcome.summary,
            ...(links.length ? { links } : {}),
          });
        } else if (outcome.cancelled || abort.signal.aborted) {
          report({
            intent: 'info',
            title: `${label}: cancelled`,
            text: outcome.message || 'Nothing was changed.',
          });
        } else {
          report({ intent: 'warning', title: `${label}: not done`, text: outcome.message });
        }
        return outcome;
      } catch (error) {
        if (isAbort(error) || abort.signal.aborted) {
          report({
            intent: 'info',
            title: `${label}: cancelled`,
            text: 'Stopped before the next batch of cells.',
          });
        } else {
          report({ intent: 'error', title: `${label}: failed`, text: describeError(error) });
        }
        return undefined;
      } finally {
        running.current = false;
        controller.current = undefined;
        setBusyLabel(undefined);
        setProgress({});
        await refreshUndo();
        setChangeCount((count) => count + 1);
      }
    },
    [confirmOverwrite, refreshUndo, report],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismissNotice = useCallback(() => setNotice(undefined), []);
  const showNotice = useCallback((next: Notice) => setNotice(next), []);
  const undo = useCallback(async () => {
    await run(undoDescription ? `Undo ${undoDescription}` : 'Undo last change', (context) =>
      actions.undoLastChange(context),
    );
  }, [actions, run, undoDescription]);

  return useMemo(
    () => ({
      busyLabel,
      progress,
      notice,
      undoDescription,
      history,
      activity,
      changeCount,
      run,
      cancel,
      showNotice,
      dismissNotice,
      undo,
    }),
    [
      busyLabel,
      progress,
      notice,
      undoDescription,
      history,
      activity,
      changeCount,
      run,
      cancel,
      showNotice,
      dismissNotice,
      undo,
    ],
  );
}

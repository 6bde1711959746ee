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

/**
 * The newest change the add-in made to the workbook in this session: an action that wrote (it
 * changed the undo history) or an Undo. Panels that show results read from the workbook compare
 * `count` with the count their results were read at, to say when those results may be out of date.
 */
export interface WorkbookChange {
  /** Goes up by one per change; 0 is never used (no change yet means no WorkbookChange). */
  count: number;
  /** The action in the officer's words, e.g. "Phase schemes" or "Undo: Correct the reading of Outturn". */
  label: string;
  /** For an Undo: what it undid, e.g. "Correct the reading of Outturn". */
  undid?: string;
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
   * The newest action that changed the workbook (wrote, or undid), unlike `changeCount` which also
   * goes up after read-only actions (a check, listing schemes); undefined before any change.
   */
  workbookChange?: WorkbookChange;
  /**
   * The count of workbook changes so far, up to date as soon as `run` resolves (before React
   * re-renders): a panel stamps its own results with it, so its own write does not make them look
   * out of date.
   */
  changesSoFar(): number;
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
  const [workbookChange, setWorkbookChange] = useState<WorkbookChange>();
  const changes = useRef(0);
  // The undo history as last read, as a key: a write adds an entry, an Undo removes one.
  const historyKey = useRef<string | undefined>(undefined);
  const activityId = useRef(0);
  const controller = useRef<AbortController | undefined>(undefined);
  const running = useRef(false);

  /** Reads what can be undone; resolves to the history's key, or undefined when it could not be read. */
  const refreshUndo = useCallback(async (): Promise<string | undefined> => {
    try {
      const [next, records] = await Promise.all([actions.lastChange(), actions.changeHistory()]);
      setUndoDescription(next);
      setHistory(records);
      const key = JSON.stringify([next ?? null, records]);
      historyKey.current = key;
      return key;
    } catch {
      // Not knowing what can be undone only disables the button: never worth an error notice.
      setUndoDescription(undefined);
      setHistory([]);
      return undefined;
    }
  }, [actions]);

  /** Counts a change of the workbook, synchronously for `changesSoFar`. */
  const noteChange = useCallback((label: string, undid?: string) => {
    changes.current += 1;
    setWorkbookChange({ count: changes.current, label, ...(undid ? { undid } : {}) });
  }, []);
  const changesSoFar = useCallback(() => changes.current, []);

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
      undoing?: string,
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
      const before = historyKey.current;
      // What an Undo undid, once it has (the action names it; the button's label otherwise).
      let undone: string | undefined;
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
          if (undoing !== undefined)
            undone = typeof outcome.value === 'string' && outcome.value ? outcome.value : undoing;
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
        const after = await refreshUndo();
        // Every write is in the undo history (an append-only revision too) and an Undo takes one
        // out, so a changed history means the workbook changed; a read-only action leaves it alone.
        if (undone !== undefined) noteChange(`Undo: ${undone}`, undone);
        else if (before !== undefined && after !== undefined && after !== before) noteChange(label);
        setChangeCount((count) => count + 1);
      }
    },
    [confirmOverwrite, noteChange, refreshUndo, report],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismissNotice = useCallback(() => setNotice(undefined), []);
  const showNotice = useCallback((next: Notice) => setNotice(next), []);
  const undo = useCallback(async () => {
    await run(
      undoDescription ? `Undo ${undoDescription}` : 'Undo last change',
      (context) => actions.undoLastChange(context),
      undefined,
      undoDescription ?? 'the last change',
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
      workbookChange,
      changesSoFar,
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
      workbookChange,
      changesSoFar,
      run,
      cancel,
      showNotice,
      dismissNotice,
      undo,
    ],
  );
}

import {
  FluentProvider,
  Subtitle1,
  Tab,
  TabList,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  TAB_GROUPS,
  TAB_LABELS,
  groupOf,
  type AppProps,
  type PaneGroup,
  type PaneTab,
} from './App.types';
import { ActionStatus } from './components/ActionStatus/ActionStatus';
import { ActivityList } from './components/ActivityList/ActivityList';
import { ActualsPanel } from './components/ActualsPanel/ActualsPanel';
import { ChartPanel } from './components/ChartPanel/ChartPanel';
import { CheckPanel } from './components/CheckPanel/CheckPanel';
import { ClosePanel } from './components/ClosePanel/ClosePanel';
import { ConfirmProvider, useConfirm } from './components/ConfirmDialog/useConfirm';
import { ErrorBoundary } from './components/ErrorBoundary/ErrorBoundary';
import { ForecastsPanel } from './components/ForecastsPanel/ForecastsPanel';
import { ImportPanel } from './components/ImportPanel/ImportPanel';
import { PhasePanel } from './components/PhasePanel/PhasePanel';
import { RevisePanel } from './components/RevisePanel/RevisePanel';
import { SettingsPanel } from './components/SettingsPanel/SettingsPanel';
import { SetUpPanel } from './components/SetUpPanel/SetUpPanel';
import { UndoMenu } from './components/UndoMenu/UndoMenu';
import { ActionRunnerContext, useActionRunner } from './hooks/useActionRunner';
import { WorkbookInfoContext, useWorkbookInfoState } from './hooks/useWorkbookInfo';
import { PaneActionsContext, SettingsContext, type SettingsState } from './paneContext';
import { DEFAULT_SETTINGS, type PaneActions, type PaneSettings } from './services';
import { currentPaneTheme, type PaneThemeName } from './theme';
import { useAppStyles, useGlobalStyles } from './useAppStyles';

const TABS = Object.keys(TAB_LABELS) as PaneTab[];

function usePaneTheme(fixed: PaneThemeName | undefined): PaneThemeName {
  const [name, setName] = useState<PaneThemeName>(() => fixed ?? currentPaneTheme());
  useEffect(() => {
    if (fixed) {
      setName(fixed);
      return undefined;
    }
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => setName(currentPaneTheme());
    query.addEventListener?.('change', follow);
    return () => query.removeEventListener?.('change', follow);
  }, [fixed]);
  return name;
}

function useWorkbookSettings(actions: PaneActions): SettingsState {
  const [settings, setSettings] = useState<PaneSettings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    actions.loadSettings().then(
      (read) => {
        if (live) {
          setSettings(read);
          setLoaded(true);
        }
      },
      // A workbook without saved settings (or a failed read) keeps the defaults.
      () => live && setLoaded(true),
    );
    return () => {
      live = false;
    };
  }, [actions]);
  return useMemo(() => ({ settings, loaded, setSettings }), [settings, loaded]);
}

function PaneShell({ actions, initialTab }: { actions: PaneActions; initialTab: PaneTab }) {
  const styles = useAppStyles();
  const confirm = useConfirm();
  const runner = useActionRunner(actions, confirm);
  const settingsState = useWorkbookSettings(actions);
  const workbookInfo = useWorkbookInfoState(actions, runner.changeCount);
  const [tab, setTab] = useState<PaneTab>(initialTab);
  // The tab last open in each group, so coming back to a group lands where the user left it.
  const [lastInGroup, setLastInGroup] = useState<Partial<Record<PaneGroup, PaneTab>>>(() => ({
    [groupOf(initialTab)]: initialTab,
  }));
  // Visited panels stay mounted (hidden) so that results survive switching tabs.
  const [visited, setVisited] = useState<ReadonlySet<PaneTab>>(() => new Set([initialTab]));
  const { busyLabel, dismissNotice } = runner;
  const select = useCallback(
    (next: PaneTab) => {
      setTab(next);
      setLastInGroup((current) => ({ ...current, [groupOf(next)]: next }));
      setVisited((current) => (current.has(next) ? current : new Set([...current, next])));
      // A finished action's message belongs to its own tab (the Activity list keeps it).
      if (busyLabel === undefined) dismissNotice();
    },
    [busyLabel, dismissNotice],
  );
  const group = groupOf(tab);
  const groupTabs = TAB_GROUPS.find((entry) => entry.group === group)?.tabs ?? [];
  const selectGroup = (next: PaneGroup) => {
    const entry = TAB_GROUPS.find((candidate) => candidate.group === next);
    if (entry) select(lastInGroup[next] ?? entry.tabs[0]);
  };

  const panels: Record<PaneTab, ReactNode> = {
    setup: <SetUpPanel onNext={select} />,
    import: <ImportPanel onNext={select} />,
    phase: <PhasePanel onNext={select} />,
    revise: <RevisePanel active={tab === 'revise'} onNext={select} />,
    forecasts: <ForecastsPanel onNext={select} />,
    check: <CheckPanel active={tab === 'check'} />,
    actuals: <ActualsPanel onNext={select} />,
    chart: <ChartPanel onNext={select} />,
    close: <ClosePanel />,
    settings: <SettingsPanel />,
  };

  // A group of one tab is itself the tab that labels the panel; a larger group has a second row.
  const tabId = (value: PaneTab) => `tab-${value}`;
  const groupTabId = (entry: (typeof TAB_GROUPS)[number]) =>
    entry.tabs.length === 1 ? tabId(entry.tabs[0]) : `group-${entry.group}`;

  return (
    <PaneActionsContext.Provider value={actions}>
      <SettingsContext.Provider value={settingsState}>
        <WorkbookInfoContext.Provider value={workbookInfo}>
          <ActionRunnerContext.Provider value={runner}>
            <main className={styles.root}>
              <header className={styles.header}>
                <Subtitle1 as="h1" className={styles.title}>
                  Capital Planner
                </Subtitle1>
                <UndoMenu
                  next={runner.undoDescription}
                  history={runner.history}
                  busy={runner.busyLabel !== undefined}
                  onUndo={() => void runner.undo()}
                />
              </header>
              <nav aria-label="Capital Planner tasks" className={styles.nav}>
                <TabList
                  className={styles.tabs}
                  size="small"
                  selectedValue={group}
                  onTabSelect={(_e, data) => selectGroup(data.value as PaneGroup)}
                  aria-label="Steps of the capital cycle"
                >
                  {TAB_GROUPS.map((entry) => (
                    <Tab
                      key={entry.group}
                      value={entry.group}
                      id={groupTabId(entry)}
                      aria-controls={entry.tabs.length === 1 ? `panel-${entry.tabs[0]}` : undefined}
                    >
                      {entry.label}
                    </Tab>
                  ))}
                </TabList>
                {groupTabs.length > 1 && (
                  <TabList
                    className={styles.subTabs}
                    size="small"
                    appearance="subtle"
                    selectedValue={tab}
                    onTabSelect={(_e, data) => select(data.value as PaneTab)}
                    aria-label={`${TAB_GROUPS.find((entry) => entry.group === group)?.label ?? ''} tasks`}
                  >
                    {groupTabs.map((value) => (
                      <Tab
                        key={value}
                        value={value}
                        id={tabId(value)}
                        aria-controls={`panel-${value}`}
                      >
                        {TAB_LABELS[value]}
                      </Tab>
                    ))}
                  </TabList>
                )}
              </nav>
              <ActionStatus
                busyLabel={runner.busyLabel}
                progress={runner.progress}
                notice={runner.notice}
                onCancel={runner.cancel}
                onDismiss={runner.dismissNotice}
              />
              {TABS.filter((value) => visited.has(value)).map((value) => (
                <div
                  key={value}
                  role="tabpanel"
                  id={`panel-${value}`}
                  aria-labelledby={tabId(value)}
                  hidden={value !== tab}
                  className={styles.panel}
                >
                  {panels[value]}
                </div>
              ))}
              <ActivityList activity={runner.activity} />
            </main>
          </ActionRunnerContext.Provider>
        </WorkbookInfoContext.Provider>
      </SettingsContext.Provider>
    </PaneActionsContext.Provider>
  );
}

/**
 * The task pane: Fluent theme from Office, an error boundary, the confirmation dialog and the
 * tabs. All workbook work goes through `actions`.
 *
 * @example
 * createRoot(container).render(<App actions={createExcelActions()} />);
 */
export function App({ actions, initialTab = 'setup', theme }: AppProps) {
  useGlobalStyles();
  const styles = useAppStyles();
  const themeName = usePaneTheme(theme);
  return (
    <FluentProvider theme={themeName === 'dark' ? webDarkTheme : webLightTheme}>
      <div className={styles.page}>
        <ErrorBoundary>
          <ConfirmProvider>
            <PaneShell actions={actions} initialTab={initialTab} />
          </ConfirmProvider>
        </ErrorBoundary>
      </div>
    </FluentProvider>
  );
}

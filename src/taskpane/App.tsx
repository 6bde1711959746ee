import {
  Button,
  FluentProvider,
  Subtitle1,
  Tab,
  TabList,
  Tooltip,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { TAB_LABELS, type AppProps, type PaneTab } from './App.types';
import { ActionStatus } from './components/ActionStatus/ActionStatus';
import { ChartPanel } from './components/ChartPanel/ChartPanel';
import { CheckPanel } from './components/CheckPanel/CheckPanel';
import { ConfirmProvider, useConfirm } from './components/ConfirmDialog/useConfirm';
import { ErrorBoundary } from './components/ErrorBoundary/ErrorBoundary';
import { ForecastsPanel } from './components/ForecastsPanel/ForecastsPanel';
import { ImportPanel } from './components/ImportPanel/ImportPanel';
import { PhasePanel } from './components/PhasePanel/PhasePanel';
import { RevisePanel } from './components/RevisePanel/RevisePanel';
import { SettingsPanel } from './components/SettingsPanel/SettingsPanel';
import { SetUpPanel } from './components/SetUpPanel/SetUpPanel';
import { ActionRunnerContext, useActionRunner } from './hooks/useActionRunner';
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
  const [tab, setTab] = useState<PaneTab>(initialTab);
  // Visited panels stay mounted (hidden) so that results survive switching tabs.
  const [visited, setVisited] = useState<ReadonlySet<PaneTab>>(() => new Set([initialTab]));
  const { busyLabel, dismissNotice } = runner;
  const select = useCallback(
    (next: PaneTab) => {
      setTab(next);
      setVisited((current) => (current.has(next) ? current : new Set([...current, next])));
      // A finished action's message belongs to its own tab; a running one keeps its progress.
      if (busyLabel === undefined) dismissNotice();
    },
    [busyLabel, dismissNotice],
  );

  const panels: Record<PaneTab, ReactNode> = {
    setup: <SetUpPanel />,
    import: <ImportPanel />,
    phase: <PhasePanel />,
    revise: <RevisePanel active={tab === 'revise'} />,
    forecasts: <ForecastsPanel />,
    check: <CheckPanel />,
    chart: <ChartPanel />,
    settings: <SettingsPanel />,
  };

  const undoLabel = runner.undoDescription
    ? `Undo ${runner.undoDescription}`
    : 'Nothing to undo yet';

  return (
    <PaneActionsContext.Provider value={actions}>
      <SettingsContext.Provider value={settingsState}>
        <ActionRunnerContext.Provider value={runner}>
          <main className={styles.root}>
            <header className={styles.header}>
              <Subtitle1 as="h1" className={styles.title}>
                Capital Planner
              </Subtitle1>
              <Tooltip content={undoLabel} relationship="description">
                <Button
                  size="small"
                  disabled={runner.undoDescription === undefined || runner.busyLabel !== undefined}
                  onClick={() => void runner.undo()}
                >
                  Undo last change
                </Button>
              </Tooltip>
            </header>
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={tab}
              onTabSelect={(_e, data) => select(data.value as PaneTab)}
              aria-label="Capital Planner tasks"
            >
              {TABS.map((value) => (
                <Tab key={value} value={value} id={`tab-${value}`} aria-controls={`panel-${value}`}>
                  {TAB_LABELS[value]}
                </Tab>
              ))}
            </TabList>
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
                aria-labelledby={`tab-${value}`}
                hidden={value !== tab}
                className={styles.panel}
              >
                {panels[value]}
              </div>
            ))}
          </main>
        </ActionRunnerContext.Provider>
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

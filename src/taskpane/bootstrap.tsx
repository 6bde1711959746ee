/**
 * Starts the pane: waits for Office, then shows the App when there is an Excel workbook to work
 * on (real Excel, or an in-memory `Excel` stand-in in end-to-end tests), and a readable message
 * otherwise. Marks the first render so that tests can measure time to first render.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import * as excel from '../excel';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary/ErrorBoundary';
import { OutsideExcel } from './components/OutsideExcel/OutsideExcel';
import { createExcelActions } from './excelActions';
import { paneMode, type PaneMode } from './paneMode';
import { currentPaneTheme } from './theme';

/** Name of the performance mark set once the pane has first rendered. */
export const FIRST_RENDER_MARK = 'capital-planner:first-render';

function FirstRenderMark({ children }: { children: ReactNode }) {
  useEffect(() => {
    if (typeof performance !== 'undefined' && typeof performance.mark === 'function')
      performance.mark(FIRST_RENDER_MARK);
  }, []);
  return <>{children}</>;
}

function show(container: HTMLElement, mode: PaneMode, host?: string | null): void {
  const root = createRoot(container);
  if (mode === 'outside') {
    const theme = currentPaneTheme() === 'dark' ? webDarkTheme : webLightTheme;
    root.render(
      <FirstRenderMark>
        <FluentProvider theme={theme}>
          <OutsideExcel host={host ?? undefined} />
        </FluentProvider>
      </FirstRenderMark>,
    );
    return;
  }
  root.render(
    <FirstRenderMark>
      <ErrorBoundary>
        <App actions={createExcelActions(excel)} />
      </ErrorBoundary>
    </FirstRenderMark>,
  );
}

/**
 * Renders the pane into `container` once Office is ready (at once when office.js did not load).
 *
 * @example
 * startPane(document.getElementById('root')!);
 */
export function startPane(container: HTMLElement): void {
  const excelDefined = typeof Excel !== 'undefined';
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    // office.js did not load (blocked or missing): a stand-in may still be there in tests.
    show(container, paneMode(undefined, excelDefined));
    return;
  }
  Office.onReady().then(
    (info) => {
      const host = info.host === null || info.host === undefined ? null : String(info.host);
      show(container, paneMode(host, typeof Excel !== 'undefined'), host);
    },
    () => show(container, paneMode(undefined, typeof Excel !== 'undefined')),
  );
}

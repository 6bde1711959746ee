import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ErrorInfo } from 'react';
import type { ErrorBoundaryProps, ErrorBoundaryState } from './ErrorBoundary.types';
import { useErrorBoundaryStyles } from './useErrorBoundaryStyles';

function Fallback({ onRetry }: { onRetry(): void }) {
  const styles = useErrorBoundaryStyles();
  return (
    <div className={styles.root} role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The pane hit a problem</MessageBarTitle>
          Your workbook has not been changed by this. Press "Reload the pane" to carry on; if it
          happens again, close and reopen the add-in.
        </MessageBarBody>
      </MessageBar>
      <Button appearance="primary" onClick={onRetry}>
        Reload the pane
      </Button>
    </div>
  );
}

/**
 * Catches rendering errors so that a bug shows a readable message instead of a blank pane.
 *
 * @example
 * <ErrorBoundary><App /></ErrorBoundary>
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = {};

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for whoever opens the developer tools; the user sees the fallback.
    console.error('Capital Planner pane error', error, info.componentStack);
  }

  override render() {
    if (this.state.error !== undefined)
      return <Fallback onRetry={() => this.setState({ error: undefined })} />;
    return this.props.children;
  }
}

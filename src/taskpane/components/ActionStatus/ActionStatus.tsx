import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from '@fluentui/react-components';
import type { ActionStatusProps } from './ActionStatus.types';
import { useActionStatusStyles } from './useActionStatusStyles';

/**
 * Progress (with Cancel) of the running action, then the outcome as a MessageBar. The region is
 * `aria-live` so that screen readers announce results without moving focus.
 *
 * @example
 * <ActionStatus busyLabel="Phase" progress={{ fraction: 0.4 }} onCancel={cancel} onDismiss={dismiss} />
 */
export function ActionStatus({
  busyLabel,
  progress,
  notice,
  onCancel,
  onDismiss,
}: ActionStatusProps) {
  const styles = useActionStatusStyles();
  return (
    <div className={styles.root} aria-live="polite" role="status">
      {busyLabel !== undefined && (
        <div className={styles.busy}>
          <div className={styles.busyRow}>
            <Text className={styles.label} size={200}>
              {progress.label ? `${busyLabel}: ${progress.label}` : `${busyLabel}…`}
            </Text>
            <Button size="small" onClick={onCancel} aria-label={`Cancel ${busyLabel}`}>
              Cancel
            </Button>
          </div>
          <ProgressBar
            value={progress.fraction}
            thickness="large"
            aria-label={`${busyLabel} progress`}
          />
        </div>
      )}
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                aria-label="Dismiss message"
                onClick={onDismiss}
              >
                ✕
              </Button>
            }
          />
        </MessageBar>
      )}
    </div>
  );
}

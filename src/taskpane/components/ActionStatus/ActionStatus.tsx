import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from '@fluentui/react-components';
import { CellLink } from '../CellLink/CellLink';
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
        // Multiline with the action below the text: a close column beside it would squeeze the
        // text to half a 320px pane. The button says what it does (no "✕" with a hidden label).
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.text}
            {notice.links && notice.links.length > 0 && (
              <ul className={styles.links}>
                {notice.links.map((link) => (
                  <li key={`${link.sheet}!${link.cell}`}>
                    <CellLink sheet={link.sheet} cell={link.cell}>
                      {link.label}
                    </CellLink>
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="secondary" size="small" onClick={onDismiss}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}

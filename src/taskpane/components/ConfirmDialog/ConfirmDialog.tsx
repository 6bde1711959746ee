import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { ConfirmDialogProps } from './ConfirmDialog.types';
import { useConfirmDialogStyles } from './useConfirmDialogStyles';

/**
 * The Fluent dialog shown before overwriting cells. `window.confirm` throws inside Office, so
 * every "are you sure" goes through this. It opens on Cancel, and lists a few cells as they are
 * now and as they would become.
 *
 * @example
 * <ConfirmDialog question={{ title: 'Replace 12 cells?', message: '...' }} onAnswer={setAnswer} />
 */
export function ConfirmDialog({ question, onAnswer }: ConfirmDialogProps) {
  const styles = useConfirmDialogStyles();
  const cancel = useRef<HTMLButtonElement>(null);
  // Focus starts on the safe choice, so Enter or Space on opening never replaces cells. After the
  // dialog's own focus handling, which would otherwise settle on its surface.
  useEffect(() => {
    if (!question) return undefined;
    const timer = setTimeout(() => cancel.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [question]);
  return (
    <Dialog
      open={question !== undefined}
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open) onAnswer(false);
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{question?.title}</DialogTitle>
          <DialogContent className={styles.message}>
            {question?.message}
            {question?.examples && question.examples.length > 0 && (
              <table className={styles.examples}>
                <caption className={styles.caption}>Cells that would be replaced</caption>
                <thead>
                  <tr>
                    <th scope="col">Cell</th>
                    <th scope="col">Now</th>
                    <th scope="col">Becomes</th>
                  </tr>
                </thead>
                <tbody>
                  {question.examples.map((example) => (
                    <tr key={example.cell}>
                      <th scope="row" className={styles.cell}>
                        {example.cell}
                      </th>
                      <td>{example.was}</td>
                      <td>{example.becomes ?? '(changed)'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {question?.confirmLabel ?? 'Replace'}
            </Button>
            <Button appearance="secondary" ref={cancel} onClick={() => onAnswer(false)}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { ConfirmDialogProps } from './ConfirmDialog.types';
import { useConfirmDialogStyles } from './useConfirmDialogStyles';

/**
 * The Fluent dialog shown before overwriting cells. `window.confirm` throws inside Office, so
 * every "are you sure" goes through this.
 *
 * @example
 * <ConfirmDialog question={{ title: 'Replace 12 cells?', message: '...' }} onAnswer={setAnswer} />
 */
export function ConfirmDialog({ question, onAnswer }: ConfirmDialogProps) {
  const styles = useConfirmDialogStyles();
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
              <ul className={styles.examples} aria-label="Cells that would be replaced">
                {question.examples.map((example) => (
                  <li key={example.cell}>
                    <span className={styles.cell}>{example.cell}</span> {example.was}
                  </li>
                ))}
              </ul>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {question?.confirmLabel ?? 'Replace'}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

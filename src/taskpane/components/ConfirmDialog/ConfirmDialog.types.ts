import type { OverwriteQuestion } from '../../services';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  /** The question to ask; the dialog is closed when undefined. */
  question?: OverwriteQuestion;
  /** Called once with the user's answer (false for Cancel or Escape). */
  onAnswer(answer: boolean): void;
}

/** Asks before overwriting: resolves true when the user agrees. */
export type Confirm = (question: OverwriteQuestion) => Promise<boolean>;

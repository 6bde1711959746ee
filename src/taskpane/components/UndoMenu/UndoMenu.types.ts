import type { ChangeRecord } from '../../services';

/** Props of {@link UndoMenu}. */
export interface UndoMenuProps {
  /** The change Undo would revert now, if any. */
  next?: string;
  /** The add-in's changes in this session, newest first. */
  history: readonly ChangeRecord[];
  /** True while an action runs: nothing can be undone meanwhile. */
  busy: boolean;
  onUndo(): void;
}

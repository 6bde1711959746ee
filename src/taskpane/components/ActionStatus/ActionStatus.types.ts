import type { ActionProgress } from '../../services';
import type { Notice } from '../../hooks/useActionRunner';

/** Props of {@link ActionStatus}. */
export interface ActionStatusProps {
  /** Label of the running action; nothing is shown for progress when undefined. */
  busyLabel?: string;
  progress: ActionProgress;
  notice?: Notice;
  onCancel(): void;
  onDismiss(): void;
}

import type { Activity } from '../../hooks/useActionRunner';

/** Props of {@link ActivityList}. */
export interface ActivityListProps {
  /** What the add-in did, newest first. */
  activity: readonly Activity[];
}

import type { PaneTab } from '../../App.types';

/** Props every panel that can point to the next step takes. */
export interface NextStepProps {
  /** Opens another tab: the next step of the cycle, or Set up from an empty state. */
  onNext?(tab: PaneTab): void;
}

/** Props of {@link NoProgramme}. */
export interface NoProgrammeProps extends NextStepProps {
  /** What this panel would do, e.g. "phase schemes": "Set up a programme before you phase schemes". */
  purpose: string;
}

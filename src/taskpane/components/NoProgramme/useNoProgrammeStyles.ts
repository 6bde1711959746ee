import { makeStyles, tokens } from '@fluentui/react-components';
import { buttonRow, emptyState, panelRoot } from '../panelStyles';

/** Styles of the "no Programme yet" empty state. */
export const useNoProgrammeStyles = makeStyles({
  root: panelRoot,
  heading: { margin: 0 },
  hint: emptyState,
  buttons: { ...buttonRow, marginTop: tokens.spacingVerticalXS },
});

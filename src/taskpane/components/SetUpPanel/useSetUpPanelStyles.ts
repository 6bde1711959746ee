import { makeStyles } from '@fluentui/react-components';
import { buttonRow, emptyState, fieldPair, panelRoot } from '../panelStyles';

/** Styles of the set-up panel. */
export const useSetUpPanelStyles = makeStyles({
  root: panelRoot,
  pair: fieldPair,
  buttons: buttonRow,
  hint: emptyState,
});

import { makeStyles } from '@fluentui/react-components';
import { buttonRow, emptyState, panelRoot, plainList, results } from '../panelStyles';

/** Styles of the phasing panel. */
export const usePhasePanelStyles = makeStyles({
  root: panelRoot,
  buttons: buttonRow,
  hint: emptyState,
  list: plainList,
  results,
});

import { makeStyles } from '@fluentui/react-components';
import { buttonRow, emptyState, fieldPair, panelRoot } from '../panelStyles';

/** Styles of the revision form. */
export const useRevisePanelStyles = makeStyles({
  root: panelRoot,
  pair: fieldPair,
  buttons: buttonRow,
  hint: emptyState,
  combobox: { minWidth: '0', width: '100%' },
});

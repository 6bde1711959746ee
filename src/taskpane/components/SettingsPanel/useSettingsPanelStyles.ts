import { makeStyles } from '@fluentui/react-components';
import { buttonRow, emptyState, fieldPair, panelRoot } from '../panelStyles';

/** Styles of the settings panel. */
export const useSettingsPanelStyles = makeStyles({
  root: panelRoot,
  pair: fieldPair,
  buttons: buttonRow,
  hint: emptyState,
  dropdown: { minWidth: '0', width: '100%' },
});

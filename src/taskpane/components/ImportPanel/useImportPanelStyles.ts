import { makeStyles, tokens } from '@fluentui/react-components';
import { buttonRow, emptyState, panelRoot } from '../panelStyles';

/** Styles of the import panel. */
export const useImportPanelStyles = makeStyles({
  root: panelRoot,
  buttons: buttonRow,
  hint: emptyState,
  table: { tableLayout: 'fixed', width: '100%' },
  header: { overflowWrap: 'anywhere' },
  sample: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  roleCell: { width: '55%' },
  dropdown: { minWidth: '0', width: '100%' },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

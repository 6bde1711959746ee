import { makeStyles, tokens } from '@fluentui/react-components';
import { buttonRow, emptyState, panelRoot, plainList } from '../panelStyles';

/** Styles of the actuals panel. */
export const useActualsPanelStyles = makeStyles({
  root: panelRoot,
  buttons: buttonRow,
  hint: emptyState,
  table: { tableLayout: 'fixed', width: '100%' },
  header: { overflowWrap: 'anywhere' },
  roleCell: { width: '55%' },
  dropdown: { minWidth: '0', width: '100%' },
  textArea: { width: '100%', fontFamily: tokens.fontFamilyMonospace },
  problems: plainList,
  choice: { display: 'flex', flexDirection: 'column' },
  // The file input stays reachable by keyboard and screen reader, drawn by its own label button.
  file: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
  },
});

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
  // Opened by the "Choose a CSV file" button; a file input need not be displayed to open.
  file: { display: 'none' },
});

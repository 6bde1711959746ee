import { makeStyles, tokens } from '@fluentui/react-components';
import { buttonRow, emptyState, panelRoot } from '../panelStyles';

/** Styles of the Close year panel: a narrow pane, so the tables scroll sideways when needed. */
export const useClosePanelStyles = makeStyles({
  root: panelRoot,
  hint: emptyState,
  buttons: buttonRow,
  scroll: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      textAlign: 'left',
      paddingRight: tokens.spacingHorizontalS,
      verticalAlign: 'top',
    },
  },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold },
  number: { textAlign: 'right' },
});

import { makeStyles, tokens } from '@fluentui/react-components';
import { emptyState, panelRoot } from '../panelStyles';

/** Styles of the chart panel. */
export const useChartPanelStyles = makeStyles({
  root: panelRoot,
  hint: emptyState,
  chart: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
  },
});

import { makeStyles, tokens } from '@fluentui/react-components';
import { buttonRow, emptyState, panelRoot, plainList, results } from '../panelStyles';

/** Styles of the forecasts panel. */
export const useForecastsPanelStyles = makeStyles({
  root: panelRoot,
  buttons: buttonRow,
  hint: emptyState,
  list: plainList,
  results,
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  figure: { margin: 0, fontVariantNumeric: 'tabular-nums', textAlign: 'right' },
});

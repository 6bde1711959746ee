import { makeStyles, tokens } from '@fluentui/react-components';
import { plainList } from '../panelStyles';

/** Styles of the activity list at the foot of the pane. */
export const useActivityListStyles = makeStyles({
  list: plainList,
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  empty: { color: tokens.colorNeutralForeground3 },
});

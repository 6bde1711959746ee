import { makeStyles, tokens } from '@fluentui/react-components';
import { buttonRow, emptyState, panelRoot, plainList, results } from '../panelStyles';

/** Styles of the check panel. */
export const useCheckPanelStyles = makeStyles({
  root: panelRoot,
  buttons: buttonRow,
  hint: emptyState,
  list: plainList,
  results,
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  /** Results of a check made before the workbook last changed: a warning bar down their left. */
  outOfDate: {
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorStatusWarningBorder2}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  outOfDateBadge: { alignSelf: 'flex-start', whiteSpace: 'normal', height: 'auto' },
  rule: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

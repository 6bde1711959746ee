/**
 * Style rules every panel shares (spread into each panel's own `use...Styles` hook): a single
 * column that fits a 320px pane and grows to 450px.
 */
import { tokens, type GriffelStyle } from '@fluentui/react-components';

/** The panel's outer column. */
export const panelRoot: GriffelStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalM,
  paddingTop: tokens.spacingVerticalS,
};

/** A row of buttons that wraps on a narrow pane. */
export const buttonRow: GriffelStyle = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: tokens.spacingHorizontalS,
  alignItems: 'center',
};

/** The grey explanation shown before anything has been run. */
export const emptyState: GriffelStyle = {
  color: tokens.colorNeutralForeground3,
};

/** A list of results without bullets. */
export const plainList: GriffelStyle = {
  listStyleType: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalXS,
};

/** A result button that reads like a row of text and can wrap: its cell above, the message below. */
export const rowButton: GriffelStyle = {
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'flex-start',
  justifyContent: 'flex-start',
  gap: tokens.spacingVerticalXXS,
  textAlign: 'left',
  width: '100%',
  height: 'auto',
  minHeight: '32px',
  paddingTop: tokens.spacingVerticalXS,
  paddingBottom: tokens.spacingVerticalXS,
  fontWeight: tokens.fontWeightRegular,
  whiteSpace: 'normal',
};

/** A column of results under a panel's buttons. */
export const results: GriffelStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalS,
  '& h3': { margin: `${tokens.spacingVerticalS} 0 0` },
};

/** Two fields side by side, each allowed to shrink to half the pane, tops aligned. */
export const fieldPair: GriffelStyle = {
  display: 'grid',
  gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
  columnGap: tokens.spacingHorizontalS,
  rowGap: tokens.spacingVerticalM,
  alignItems: 'start',
  '& .fui-Input, & .fui-Dropdown, & .fui-Combobox': {
    minWidth: 0,
    width: '100%',
    boxSizing: 'border-box',
  },
};

import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the confirmation dialog: narrow enough for a 320px task pane. */
export const useConfirmDialogStyles = makeStyles({
  surface: { maxWidth: 'calc(100vw - 24px)' },
  message: { whiteSpace: 'pre-line', color: tokens.colorNeutralForeground2 },
  examples: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    whiteSpace: 'normal',
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalXS },
});

import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the confirmation dialog: narrow enough for a 320px task pane. */
export const useConfirmDialogStyles = makeStyles({
  surface: { maxWidth: 'calc(100vw - 24px)' },
  message: { whiteSpace: 'pre-line', color: tokens.colorNeutralForeground2 },
  examples: {
    marginTop: tokens.spacingVerticalS,
    borderCollapse: 'collapse',
    whiteSpace: 'normal',
    width: '100%',
    '& th, & td': {
      textAlign: 'left',
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      verticalAlign: 'top',
      overflowWrap: 'anywhere',
    },
  },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightRegular },
});

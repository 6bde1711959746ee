import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the fallback shown when rendering fails. */
export const useErrorBoundaryStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';

/** The page itself: no margin, so the pane's background fills the task pane. */
export const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});

/** Styles of the pane shell: header, wrapping tab list, status strip and the panel. */
export const useAppStyles = makeStyles({
  // On a wrapper, not on FluentProvider: its classes are copied to portal nodes (tooltips,
  // dialogs), which would then cover the pane.
  page: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: '560px',
    boxSizing: 'border-box',
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0 },
  tabs: { flexWrap: 'wrap', marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  panel: { minHeight: '200px' },
});

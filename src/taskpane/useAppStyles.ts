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
  nav: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  // Four groups fit one row at 320px; the group's own tasks sit on a lighter second row.
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  subTabs: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  panel: { minHeight: '200px' },
});

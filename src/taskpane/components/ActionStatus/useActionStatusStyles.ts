import { makeStyles, tokens } from '@fluentui/react-components';
import { plainList } from '../panelStyles';

/** Styles of the status strip under the tabs. */
export const useActionStatusStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  busy: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  busyRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  label: { color: tokens.colorNeutralForeground2 },
  links: plainList,
});

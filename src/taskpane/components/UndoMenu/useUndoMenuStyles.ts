import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the undo history menu: wide enough to read a sentence on a 320px pane. */
export const useUndoMenuStyles = makeStyles({
  popover: { maxWidth: '300px' },
  label: { display: 'block' },
  why: {
    display: 'block',
    whiteSpace: 'normal',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

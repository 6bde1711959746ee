import { makeStyles, tokens } from '@fluentui/react-components';
import { rowButton } from '../panelStyles';

/** Styles of a result row that selects its cell. */
export const useCellLinkStyles = makeStyles({
  button: rowButton,
  address: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForeground1,
  },
});

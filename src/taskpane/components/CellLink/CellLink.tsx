import { Button } from '@fluentui/react-components';
import { useRunner } from '../../hooks/useActionRunner';
import { usePaneActions } from '../../paneContext';
import { sheetReference } from '../../sheetReference';
import type { CellLinkProps } from './CellLink.types';
import { useCellLinkStyles } from './useCellLinkStyles';

/**
 * A result row that selects its cell in the workbook when pressed (Enter or Space from the keyboard).
 *
 * @example
 * <CellLink sheet="Programme" cell="E10">Total does not match its rows</CellLink>
 */
export function CellLink({ sheet, cell, children }: CellLinkProps) {
  const styles = useCellLinkStyles();
  const actions = usePaneActions();
  const { showNotice } = useRunner();
  const where = sheet ? `${sheetReference(sheet)}!${cell}` : cell;
  const select = async () => {
    const fallback = 'The sheet may have been renamed or deleted since then: run the action again.';
    try {
      const outcome = await actions.selectCell(sheet, cell);
      if (!outcome.ok)
        showNotice({
          intent: 'warning',
          title: `Cannot go to ${where}`,
          text: outcome.message || fallback,
        });
    } catch {
      showNotice({ intent: 'warning', title: `Cannot go to ${where}`, text: fallback });
    }
  };
  return (
    <Button
      appearance="subtle"
      className={styles.button}
      onClick={() => void select()}
      title={`Select ${where}`}
    >
      <span className={styles.address}>{where}</span>
      <span>{children}</span>
    </Button>
  );
}

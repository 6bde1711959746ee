import {
  Menu,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  SplitButton,
  type MenuButtonProps,
} from '@fluentui/react-components';
import type { UndoMenuProps } from './UndoMenu.types';
import { useUndoMenuStyles } from './useUndoMenuStyles';

/**
 * "Undo" and the short history behind it: the button undoes the newest change that can be undone
 * (looking past recorded revisions, which are append-only), the menu names every change of this
 * session and, for one that cannot be undone, says what to do instead.
 *
 * @example
 * <UndoMenu next="Phase schemes" history={runner.history} busy={false} onUndo={runner.undo} />
 */
export function UndoMenu({ next, history, busy, onUndo }: UndoMenuProps) {
  const styles = useUndoMenuStyles();
  const label = next ? `Undo ${next}` : 'Nothing to undo';
  return (
    <Menu positioning="below-end">
      <MenuTrigger disableButtonEnhancement>
        {(triggerProps: MenuButtonProps) => (
          <SplitButton
            size="small"
            menuButton={{ ...triggerProps, 'aria-label': 'Changes made in this session' }}
            primaryActionButton={{
              onClick: onUndo,
              disabledFocusable: next === undefined || busy,
              'aria-label': label,
              title: label,
            }}
          >
            Undo
          </SplitButton>
        )}
      </MenuTrigger>
      <MenuPopover className={styles.popover}>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>Changes in this session, newest first</MenuGroupHeader>
            {history.length === 0 && <MenuItem disabled>No changes yet</MenuItem>}
            {history.map((change, position) => (
              <MenuItem
                key={`${change.label}-${position}`}
                disabled={!change.next || busy}
                onClick={change.next ? onUndo : undefined}
                secondaryContent={change.next ? 'Undo' : undefined}
              >
                <span className={styles.label}>{change.label}</span>
                {change.irreversible && (
                  <span className={styles.why}>Cannot be undone. {change.irreversible}</span>
                )}
              </MenuItem>
            ))}
          </MenuGroup>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

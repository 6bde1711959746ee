import { Button, Field, Select, Subtitle2, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { TableReading } from '../../../core';
import { choiceInWords, columnName, pickableColumns, roleChoices } from './columnRoleChoices';
import { useCheckPanelStyles } from './useCheckPanelStyles';

/** Props of {@link ColumnRoles}. */
export interface ColumnRolesProps {
  reading: TableReading;
  /** The sheet whose reading is corrected (for the Reset button's name). */
  sheet: string;
  /** The user's saved correction as applied, by column letters. */
  correction?: Readonly<Record<string, string>>;
  /** True while an action runs: Reset waits. */
  busy: boolean;
  /** Saves the corrected reading and checks again; `{}` forgets it (Reset). */
  onCorrect(columns: Record<string, string>): void;
}

/**
 * A role picker per column, so the user can correct how Check read the table ("G is the
 * variance", "H = E − D"); the correction is remembered for the sheet, and a line says it is in
 * force, with Reset to forget it (issue 12).
 *
 * @example
 * <ColumnRoles reading={report.reading} sheet="Outturn" correction={{ G: 'variance' }} busy={false} onCorrect={save} />
 */
export function ColumnRoles({ reading, sheet, correction, busy, onCorrect }: ColumnRolesProps) {
  const styles = useCheckPanelStyles();
  // Closed at first: a Programme has twenty-odd columns, and most readings need no correction.
  const [open, setOpen] = useState(false);
  const saved = correction ?? {};
  // Left to right, as the sheet has them (`B` before `AA`).
  const entries = Object.entries(saved).sort(
    ([a], [b]) => a.length - b.length || a.localeCompare(b),
  );
  const choose = (letters: string, value: string) => {
    const next: Record<string, string> = { ...saved };
    if (value === '') delete next[letters];
    else next[letters] = value;
    onCorrect(next);
  };
  return (
    <section aria-labelledby="column-roles" className={styles.group}>
      <Subtitle2 as="h4" id="column-roles" className={styles.heading}>
        Column roles
      </Subtitle2>
      {entries.length > 0 && (
        <div className={styles.heading}>
          <Text size={200}>
            Reading corrected by you:{' '}
            {entries.map(([letters, value]) => `${letters} = ${choiceInWords(value)}`).join(', ')}
          </Text>
          <Button
            size="small"
            appearance="subtle"
            aria-label={`Reset the reading of ${sheet}`}
            onClick={() => onCorrect({})}
            disabledFocusable={busy}
          >
            Reset
          </Button>
        </div>
      )}
      <div className={styles.buttons}>
        <Button
          size="small"
          aria-expanded={open}
          aria-controls="column-role-pickers"
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide column roles' : 'Correct column roles'}
        </Button>
      </div>
      {open && (
        <div id="column-role-pickers" className={styles.group}>
          <Text size={200} className={styles.rule}>
            If a column was read wrongly, pick its role: Check runs again and remembers it for this
            sheet.
          </Text>
          <ul className={styles.list}>
            {pickableColumns(reading).map((column) => (
              <li key={column.column}>
                <Field label={`Role of column ${columnName(column)}`} size="small">
                  {/* Not disabled while a check runs: that would take the keyboard focus away;
                      a pick made meanwhile is refused by the runner ("Please wait"). */}
                  <Select
                    size="small"
                    value={saved[column.column] ?? ''}
                    onChange={(_event, data) => choose(column.column, data.value)}
                  >
                    {roleChoices(reading, column.column, saved[column.column]).map((choice) => (
                      <option key={choice.value} value={choice.value}>
                        {choice.text}
                      </option>
                    ))}
                  </Select>
                </Field>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

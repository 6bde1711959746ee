import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { summariseReading, type TableReading } from '../../../core';
import { ColumnRoles, type ColumnRolesProps } from './ColumnRoles';
import { useCheckPanelStyles } from './useCheckPanelStyles';

/** Props of {@link WhatWasChecked}. */
export interface WhatWasCheckedProps {
  reading: TableReading;
  /** Why the sheet's saved reading was not applied, when it was not. */
  notice?: string;
  /** The column role pickers, when the reading can be corrected. */
  roles?: Omit<ColumnRolesProps, 'reading'>;
}

/**
 * A short list under the results saying what the check read and checked, and what it left
 * unchecked and why, so nothing is skipped silently (issue 12).
 *
 * @example
 * <WhatWasChecked reading={report.reading} notice={report.readingNotice} roles={{ sheet, correction, busy, onCorrect }} />
 */
export function WhatWasChecked({ reading, notice, roles }: WhatWasCheckedProps) {
  const styles = useCheckPanelStyles();
  return (
    <section aria-labelledby="what-was-checked" className={styles.group}>
      <Subtitle2 as="h3" id="what-was-checked" className={styles.heading}>
        What was checked
      </Subtitle2>
      <ul className={styles.list}>
        {summariseReading(reading).map((line) => (
          <li key={line}>
            <Text size={200}>{line}</Text>
          </li>
        ))}
      </ul>
      {notice && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Saved reading not used</MessageBarTitle>
            {notice}
          </MessageBarBody>
        </MessageBar>
      )}
      {roles && <ColumnRoles reading={reading} {...roles} />}
    </section>
  );
}

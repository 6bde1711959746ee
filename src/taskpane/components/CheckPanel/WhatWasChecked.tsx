import { Subtitle2, Text } from '@fluentui/react-components';
import { summariseReading, type TableReading } from '../../../core';
import { useCheckPanelStyles } from './useCheckPanelStyles';

/** Props of {@link WhatWasChecked}. */
export interface WhatWasCheckedProps {
  reading: TableReading;
}

/**
 * A short list under the results saying what the check read and checked, and what it left
 * unchecked and why, so nothing is skipped silently (issue 12).
 *
 * @example
 * <WhatWasChecked reading={report.reading} />
 */
export function WhatWasChecked({ reading }: WhatWasCheckedProps) {
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
    </section>
  );
}

import { Button, Text } from '@fluentui/react-components';
import type { NoProgrammeProps } from './NoProgramme.types';
import { useNoProgrammeStyles } from './useNoProgrammeStyles';

/**
 * The empty state of a panel that needs a Programme table: says so before any click, and offers
 * the two ways to get one.
 *
 * @example
 * <NoProgramme purpose="phase schemes" onNext={select} />
 */
export function NoProgramme({ purpose, onNext }: NoProgrammeProps) {
  const styles = useNoProgrammeStyles();
  return (
    <div className={styles.root} role="group" aria-labelledby="no-programme-heading">
      <Text as="h3" weight="semibold" id="no-programme-heading" className={styles.heading}>
        No Programme table yet
      </Text>
      <Text className={styles.hint}>
        There is no Programme table in this workbook. Set one up, or bring in an existing table,
        before you {purpose}.
      </Text>
      {onNext && (
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={() => onNext('setup')}>
            Set up a programme
          </Button>
          <Button onClick={() => onNext('import')}>Bring in a table</Button>
        </div>
      )}
    </div>
  );
}

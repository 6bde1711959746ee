import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Text,
} from '@fluentui/react-components';
import { CellLink } from '../CellLink/CellLink';
import type { ActivityListProps } from './ActivityList.types';
import { useActivityListStyles } from './useActivityListStyles';

const OUTCOME_WORD = {
  success: 'Done',
  info: 'Note',
  warning: 'Not done',
  error: 'Failed',
} as const;

/**
 * What the add-in did in this session, newest first, with links to the cells it names: the record
 * that stays when a notice is dismissed or the tab changes. Collapsed until opened.
 *
 * @example
 * <ActivityList activity={runner.activity} />
 */
export function ActivityList({ activity }: ActivityListProps) {
  const styles = useActivityListStyles();
  return (
    <Accordion collapsible>
      <AccordionItem value="activity">
        <AccordionHeader as="h2" size="small">
          Activity ({activity.length})
        </AccordionHeader>
        <AccordionPanel>
          {activity.length === 0 ? (
            <Text className={styles.empty}>Nothing done yet in this session.</Text>
          ) : (
            <ol className={styles.list} aria-label="What the add-in did, newest first">
              {activity.map((entry) => (
                <li key={entry.id} className={styles.item}>
                  <Text className={styles.meta}>
                    {entry.time} · {OUTCOME_WORD[entry.intent]}
                  </Text>
                  <Text weight="semibold">{entry.title}</Text>
                  <Text>{entry.text}</Text>
                  {entry.links?.map((link) => (
                    <CellLink
                      key={`${link.sheet}!${link.cell}`}
                      sheet={link.sheet}
                      cell={link.cell}
                    >
                      {link.label}
                    </CellLink>
                  ))}
                </li>
              ))}
            </ol>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

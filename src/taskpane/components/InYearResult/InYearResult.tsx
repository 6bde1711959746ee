import { Subtitle2, Text } from '@fluentui/react-components';
import { CellLink } from '../CellLink/CellLink';
import { useForecastsPanelStyles } from '../ForecastsPanel/useForecastsPanelStyles';
import type { InYearResultProps } from './InYearResult.types';

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * What a gathering did to the in-year sheets: the period, schemes updated, snapshots added to the
 * Monitoring history (or why not), the sheets added for the period, and each problem with a link
 * to its cell.
 *
 * @example
 * <InYearResult inYear={{ period: '2016/17 P3', updated: 9, appended: 9, refused: [], problems: [], added: [] }} />
 */
export function InYearResult({ inYear }: InYearResultProps) {
  const styles = useForecastsPanelStyles();
  return (
    <section aria-label="In-year monitoring result">
      <Subtitle2 as="h3">In-year monitoring{inYear.period ? ` ${inYear.period}` : ''}</Subtitle2>
      <div role="group" aria-label="In-year gathering">
        <dl className={styles.figures}>
          <dt>Schemes updated</dt>
          <dd className={styles.figure}>{inYear.updated}</dd>
          <dt>Snapshots added</dt>
          <dd className={styles.figure}>{inYear.appended}</dd>
        </dl>
      </div>
      {inYear.added.length > 0 && <Text>Sheets added: {inYear.added.join(', ')}.</Text>}
      {inYear.movedFrom && (
        <Text>Moved on from {inYear.movedFrom}: the forecasts and explanations carried over.</Text>
      )}
      {inYear.refused.length > 0 && (
        <>
          <Text>Not added to the Monitoring history:</Text>
          <ul className={styles.list} aria-label="Snapshots not added">
            {inYear.refused.slice(0, 10).map((text, i) => (
              <li key={i}>
                <Text>{text}</Text>
              </li>
            ))}
          </ul>
          {inYear.refused.length > 10 && (
            <Text>{count(inYear.refused.length - 10, 'more')} like these.</Text>
          )}
        </>
      )}
      {inYear.problems.length > 0 && (
        <>
          <Subtitle2 as="h3">{count(inYear.problems.length, 'problem')}</Subtitle2>
          <ul className={styles.list} aria-label="In-year problems">
            {inYear.problems.map((problem, i) => (
              <li key={i}>
                {problem.cell ? (
                  <CellLink sheet={problem.sheet} cell={problem.cell}>
                    {problem.text}
                  </CellLink>
                ) : (
                  <Text>{problem.text}</Text>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

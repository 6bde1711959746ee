import { Button, Field, Radio, RadioGroup, Subtitle2, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useRunner } from '../../hooks/useActionRunner';
import { examplePhrase, useWorkbookInfo } from '../../hooks/useWorkbookInfo';
import { usePaneActions } from '../../paneContext';
import type { PhaseReport, SchemeScope, UnphasedScheme } from '../../services';
import { CellLink } from '../CellLink/CellLink';
import { NoProgramme } from '../NoProgramme/NoProgramme';
import type { NextStepProps } from '../NoProgramme/NoProgramme.types';
import type { PhaseResultProps } from './PhasePanel.types';
import { usePhasePanelStyles } from './usePhasePanelStyles';

function SchemeRows({ schemes, label }: { schemes: readonly UnphasedScheme[]; label: string }) {
  const styles = usePhasePanelStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {schemes.map((scheme, position) => {
        const text = `${scheme.ref ? `${scheme.ref} ` : ''}${scheme.scheme}${scheme.message ? `: ${scheme.message}` : ''}`;
        return (
          <li key={`${scheme.ref}-${scheme.cell ?? position}`}>
            {scheme.cell ? (
              <CellLink sheet={scheme.sheet} cell={scheme.cell}>
                {text}
              </CellLink>
            ) : (
              <Text>{text}</Text>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * What phasing did: how many schemes were phased, which are still TBC, which could not be read.
 *
 * @example
 * <PhaseResult report={{ phased: 8, unphased: [], errors: [] }} />
 */
export function PhaseResult({ report }: PhaseResultProps) {
  return (
    <>
      <Text weight="semibold">
        {report.phased === 1 ? '1 scheme phased' : `${report.phased} schemes phased`}
        {report.unphased.length > 0 ? `, ${report.unphased.length} not yet phased (TBC)` : ''}
        {report.errors.length > 0 ? `, ${report.errors.length} could not be read` : ''}
      </Text>
      {report.errors.length > 0 && (
        <>
          <Subtitle2 as="h3">Could not be phased</Subtitle2>
          <SchemeRows schemes={report.errors} label="Schemes that could not be phased" />
        </>
      )}
      {report.unphased.length > 0 && (
        <>
          <Subtitle2 as="h3">Not yet phased (TBC)</Subtitle2>
          <SchemeRows schemes={report.unphased} label="Schemes not yet phased" />
        </>
      )}
    </>
  );
}

/**
 * "Phase": writes the quarterly amounts of the selected (or all) schemes from their Phasing phrase.
 *
 * @example
 * <PhasePanel />
 */
export function PhasePanel({ onNext }: NextStepProps) {
  const styles = usePhasePanelStyles();
  const actions = usePaneActions();
  const { info } = useWorkbookInfo();
  const { run, busyLabel } = useRunner();
  const [scope, setScope] = useState<SchemeScope>('all');
  const [report, setReport] = useState<PhaseReport>();

  const phase = async () => {
    const outcome = await run('Phase schemes', (context) => actions.phase(scope, context));
    if (outcome?.ok) setReport(outcome.value);
  };

  if (info && !info.programme) return <NoProgramme purpose="phase schemes" onNext={onNext} />;

  return (
    <section className={styles.root} aria-label="Phase schemes">
      <Text className={styles.hint}>
        Spreads each budget over the quarter columns from its Phasing phrase (e.g.{' '}
        {examplePhrase(info)}), to the penny. The phrase is kept, so you can re-phase after changing
        it.
      </Text>
      <Field label="Schemes">
        <RadioGroup
          layout="horizontal"
          value={scope}
          onChange={(_e, data) => setScope(data.value as SchemeScope)}
        >
          <Radio value="all" label="All schemes" />
          <Radio value="selected" label="Selected rows" />
        </RadioGroup>
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          onClick={() => void phase()}
          disabledFocusable={busyLabel !== undefined}
        >
          Phase
        </Button>
      </div>
      <div aria-live="polite" className={styles.results}>
        {report && <PhaseResult report={report} />}
      </div>
      {report && report.phased > 0 && onNext && (
        <div className={styles.buttons}>
          <Button onClick={() => onNext('forecasts')}>Next: collect forecasts</Button>
          <Button onClick={() => onNext('revise')}>Record a revision</Button>
        </div>
      )}
    </section>
  );
}

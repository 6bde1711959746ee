import {
  Badge,
  Button,
  Field,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Severity } from '../../../core';
import { useRunner } from '../../hooks/useActionRunner';
import { useWorkbookInfo } from '../../hooks/useWorkbookInfo';
import { usePaneActions } from '../../paneContext';
import type { CheckReport, CheckScope } from '../../services';
import { CellLink } from '../CellLink/CellLink';
import { SEVERITY_HEADINGS, type FindingsListProps } from './CheckPanel.types';
import { useCheckPanelStyles } from './useCheckPanelStyles';
import { WhatWasChecked } from './WhatWasChecked';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const BADGE_COLOURS: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

/**
 * Findings grouped by severity with a count per group; each one selects its cell when pressed.
 *
 * @example
 * <FindingsList address="Programme!A1:H12" findings={report.findings} />
 */
export function FindingsList({ findings, address }: FindingsListProps) {
  const styles = useCheckPanelStyles();
  if (findings.length === 0) {
    return <Text weight="semibold">No problems found in {address}.</Text>;
  }
  return (
    <>
      {SEVERITIES.map((severity) => {
        const group = findings.filter((finding) => finding.severity === severity);
        if (group.length === 0) return null;
        const headingId = `findings-${severity}`;
        return (
          <section key={severity} className={styles.group} aria-labelledby={headingId}>
            <Subtitle2 as="h3" id={headingId} className={styles.heading}>
              {SEVERITY_HEADINGS[severity]}
              <Badge
                appearance="filled"
                color={BADGE_COLOURS[severity]}
                aria-label={`${group.length} ${SEVERITY_HEADINGS[severity].toLowerCase()}`}
              >
                {group.length}
              </Badge>
            </Subtitle2>
            <ul className={styles.list}>
              {group.map((finding, position) => (
                <li
                  key={`${finding.rule}-${finding.sheet ?? ''}-${finding.cell ?? ''}-${position}`}
                >
                  {finding.cell ? (
                    <CellLink sheet={finding.sheet} cell={finding.cell}>
                      {finding.message}
                    </CellLink>
                  ) : (
                    <Text>{finding.message}</Text>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/**
 * "Check": runs every check of the engine on the programme, the selection or the active sheet.
 *
 * @example
 * <CheckPanel />
 */
export function CheckPanel() {
  const styles = useCheckPanelStyles();
  const actions = usePaneActions();
  const { info } = useWorkbookInfo();
  const { run, busyLabel } = useRunner();
  const [chosenScope, setScope] = useState<CheckScope>();
  // Any table can be checked: without a Programme the active sheet is the natural default.
  const noProgramme = info !== undefined && !info.programme;
  const scope: CheckScope = chosenScope ?? (noProgramme ? 'sheet' : 'programme');
  const [report, setReport] = useState<CheckReport>();
  // The scope the shown report came from: a corrected reading is checked again on it.
  const [checkedScope, setCheckedScope] = useState<CheckScope>(scope);
  const busy = busyLabel !== undefined;

  const check = async () => {
    const outcome = await run('Check', (context) => actions.check(scope, context));
    if (outcome?.ok) {
      setReport(outcome.value);
      setCheckedScope(scope);
    }
  };
  const correct = async (sheet: string, columns: Record<string, string>) => {
    const label = Object.keys(columns).length === 0 ? 'Reset the reading' : 'Correct the reading';
    const outcome = await run(label, (context) =>
      actions.correctReading(checkedScope, sheet, columns, context),
    );
    if (outcome?.ok) setReport(outcome.value);
  };
  const findings = report?.findings ?? [];
  const located = findings.filter((finding) => finding.cell);

  return (
    <section className={styles.root} aria-label="Check a table">
      <Text className={styles.hint}>
        Checks totals against their rows (allowing for rounding), variances, phasing, revisions,
        numbers stored as text and duplicate refs. Works on any table, including one pasted from a
        report.
      </Text>
      <Field label="Check">
        <RadioGroup value={scope} onChange={(_e, data) => setScope(data.value as CheckScope)}>
          <Radio
            value="programme"
            label={
              noProgramme
                ? 'The Programme table (none in this workbook yet)'
                : 'The Programme table'
            }
            disabled={noProgramme}
          />
          <Radio value="selection" label="The selected range" />
          <Radio value="sheet" label="The active sheet" />
        </RadioGroup>
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void check()} disabledFocusable={busy}>
          Run check
        </Button>
      </div>
      <div aria-live="polite" className={styles.results}>
        {report && <FindingsList findings={findings} address={report.address} />}
        {report?.reading && (
          <WhatWasChecked
            reading={report.reading}
            notice={report.readingNotice}
            roles={{
              sheet: report.sheet,
              correction: report.correction?.columns,
              busy,
              onCorrect: (columns) => void correct(report.sheet, columns),
            }}
          />
        )}
      </div>
      {report && findings.length > 0 && (
        <div className={styles.buttons}>
          <Button
            onClick={() =>
              void run('Highlight cells', (context) => actions.highlightFindings(located, context))
            }
            disabledFocusable={busy || located.length === 0}
          >
            Highlight cells
          </Button>
          <Button
            onClick={() =>
              void run('Clear highlight', (context) => actions.clearHighlights(context))
            }
            disabledFocusable={busy}
          >
            Clear highlight
          </Button>
          <Button
            onClick={() =>
              void run('Write Checks sheet', (context) =>
                actions.writeChecksSheet(findings, context),
              )
            }
            disabledFocusable={busy}
          >
            Write Checks sheet
          </Button>
        </div>
      )}
    </section>
  );
}

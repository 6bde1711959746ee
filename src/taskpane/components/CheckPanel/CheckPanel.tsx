import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Severity } from '../../../core';
import { useRunner } from '../../hooks/useActionRunner';
import { useWorkbookInfo } from '../../hooks/useWorkbookInfo';
import { usePaneActions } from '../../paneContext';
import type { ActionContext, CheckReport, CheckScope, Outcome } from '../../services';
import { CellLink } from '../CellLink/CellLink';
import {
  SEVERITY_HEADINGS,
  type CheckPanelProps,
  type FindingsListProps,
} from './CheckPanel.types';
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
 * Whether an Undo took back a correction of the reading of `sheet` (its label is the one
 * src/excel/columnReadings.ts gives the change), e.g. "Correct the reading of Outturn".
 */
function undidReadingOf(undid: string | undefined, sheet: string): boolean {
  return undid === `Correct the reading of ${sheet}` || undid === `Reset the reading of ${sheet}`;
}

/**
 * "Check": runs every check of the engine on the programme, the selection or the active sheet.
 * When the workbook changes after a check (another action writes, or Undo), the results are marked
 * out of date with "Check again"; an Undo of the reading the results were corrected with checks
 * again by itself, so the officer sees the reading go back.
 *
 * @example
 * <CheckPanel active={tab === 'check'} />
 */
export function CheckPanel({ active = true }: CheckPanelProps) {
  const styles = useCheckPanelStyles();
  const actions = usePaneActions();
  const { info } = useWorkbookInfo();
  const { run, busyLabel, workbookChange, changesSoFar } = useRunner();
  const [chosenScope, setScope] = useState<CheckScope>();
  // Any table can be checked: without a Programme the active sheet is the natural default.
  const noProgramme = info !== undefined && !info.programme;
  const scope: CheckScope = chosenScope ?? (noProgramme ? 'sheet' : 'programme');
  const [report, setReport] = useState<CheckReport>();
  // The scope the shown report came from: a corrected reading is checked again on it.
  const [checkedScope, setCheckedScope] = useState<CheckScope>(scope);
  // How many workbook changes there had been when the shown report was read (the panel's own
  // writes included): a later change makes it out of date.
  const [readAt, setReadAt] = useState(0);
  const busy = busyLabel !== undefined;
  const outOfDate =
    report !== undefined && workbookChange !== undefined && workbookChange.count > readAt;

  const check = useCallback(
    async (on: CheckScope, label = 'Check') => {
      const outcome = await run(label, (context) => actions.check(on, context));
      if (outcome?.ok) {
        setReport(outcome.value);
        setCheckedScope(on);
        setReadAt(changesSoFar());
      }
    },
    [actions, changesSoFar, run],
  );
  const correct = async (sheet: string, columns: Record<string, string>) => {
    const label = Object.keys(columns).length === 0 ? 'Reset the reading' : 'Correct the reading';
    const outcome = await run(label, (context) =>
      actions.correctReading(checkedScope, sheet, columns, context),
    );
    // Its own write: the report it returns is read after it, so it is current.
    if (outcome?.ok) {
      setReport(outcome.value);
      setReadAt(changesSoFar());
    }
  };
  /** Highlighting or writing the Checks sheet from these findings leaves them as current as they were. */
  const fromTheseFindings = async <T,>(
    label: string,
    action: (context: ActionContext) => Promise<Outcome<T>>,
  ) => {
    const current = !outOfDate;
    await run(label, action);
    if (current) setReadAt(changesSoFar());
  };

  // Undo of the correction the results were read with: check again once, on the same scope.
  const autoChecked = useRef(0);
  useEffect(() => {
    if (!outOfDate || !active || busy || !report || !workbookChange) return;
    if (!undidReadingOf(workbookChange.undid, report.sheet)) return;
    if (autoChecked.current === workbookChange.count) return;
    autoChecked.current = workbookChange.count;
    void check(checkedScope, 'Check again after Undo');
  }, [active, busy, check, checkedScope, outOfDate, report, workbookChange]);

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
        <Button appearance="primary" onClick={() => void check(scope)} disabledFocusable={busy}>
          Run check
        </Button>
      </div>
      <div aria-live="polite">
        {outOfDate && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody id="check-out-of-date">
              <MessageBarTitle>Results out of date</MessageBarTitle>
              The workbook has changed since this check ({workbookChange?.label}). Run the check
              again to see current results.
            </MessageBarBody>
            <MessageBarActions>
              <Button
                appearance="primary"
                size="small"
                onClick={() => void check(checkedScope, 'Check again')}
                disabledFocusable={busy}
              >
                Check again
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      <div
        aria-live="polite"
        className={outOfDate ? `${styles.results} ${styles.outOfDate}` : styles.results}
        aria-describedby={outOfDate ? 'check-out-of-date' : undefined}
      >
        {report && outOfDate && (
          <Badge appearance="outline" color="warning" className={styles.outOfDateBadge}>
            Out of date: from before {workbookChange?.label}
          </Badge>
        )}
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
              void fromTheseFindings('Highlight cells', (context) =>
                actions.highlightFindings(located, context),
              )
            }
            disabledFocusable={busy || located.length === 0}
          >
            Highlight cells
          </Button>
          <Button
            onClick={() =>
              void fromTheseFindings('Clear highlight', (context) =>
                actions.clearHighlights(context),
              )
            }
            disabledFocusable={busy}
          >
            Clear highlight
          </Button>
          <Button
            onClick={() =>
              void fromTheseFindings('Write Checks sheet', (context) =>
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

import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useId, useState, type ChangeEvent } from 'react';
import { readLedgerText } from '../../../core';
import { useRunner } from '../../hooks/useActionRunner';
import { useWorkbookInfo } from '../../hooks/useWorkbookInfo';
import { usePaneActions } from '../../paneContext';
import type {
  ActualsChoices,
  ActualsPreview,
  LedgerMapping,
  LedgerRequest,
  LedgerRows,
  PaneUnit,
} from '../../services';
import { CellLink } from '../CellLink/CellLink';
import { NoProgramme } from '../NoProgramme/NoProgramme';
import type { NextStepProps } from '../NoProgramme/NoProgramme.types';
import {
  CAREFUL_CHOICES,
  LEDGER_ROLE_LABELS,
  mappingProblems,
  rolesOf,
  withRole,
  type LedgerRole,
} from './ActualsPanel.types';
import { useActualsPanelStyles } from './useActualsPanelStyles';

const ROLES = Object.keys(LEDGER_ROLE_LABELS) as LedgerRole[];
const LEDGER_UNITS: PaneUnit[] = ['£', '£k', '£m'];

/**
 * "Actuals": brings in actual spend from a ledger export (pasted, a CSV file, or the selected
 * range). A preview shows which column is which (changeable) and every row that is unreadable,
 * unknown, repeated or already in Actuals; the officer decides, then the lines are appended to
 * the Actuals sheet in one undoable change.
 *
 * @example
 * <ActualsPanel onNext={select} />
 */
export function ActualsPanel({ onNext }: NextStepProps) {
  const styles = useActualsPanelStyles();
  const actions = usePaneActions();
  const { info } = useWorkbookInfo();
  const { run, busyLabel } = useRunner();
  const fileId = useId();
  const [text, setText] = useState('');
  const [textProblem, setTextProblem] = useState<string>();
  const [ledger, setLedger] = useState<LedgerRows>();
  const [ledgerUnit, setLedgerUnit] = useState<PaneUnit>('£');
  const [mapping, setMapping] = useState<LedgerMapping>();
  const [preview, setPreview] = useState<ActualsPreview>();
  const [choices, setChoices] = useState<ActualsChoices>(CAREFUL_CHOICES);
  const busy = busyLabel !== undefined;

  if (info && !info.programme) return <NoProgramme purpose="bring in actuals" onNext={onNext} />;

  const showPreview = async (request: LedgerRequest) => {
    const outcome = await run('Preview actuals', (context) =>
      actions.previewActuals(request, context),
    );
    if (outcome?.ok) {
      setPreview(outcome.value);
      setMapping(outcome.value.mapping);
      setChoices(CAREFUL_CHOICES);
    } else setPreview(undefined);
  };

  const readText = async (source: string, content: string) => {
    const read = readLedgerText(content);
    if (!read.ok) {
      setTextProblem(read.message);
      return;
    }
    setTextProblem(undefined);
    const rows: LedgerRows = { source, rows: read.value, rowOffset: 0 };
    setLedger(rows);
    await showPreview({ ledger: rows, ledgerUnit });
  };

  const readSelection = async () => {
    setTextProblem(undefined);
    const outcome = await run('Read the ledger', (context) => actions.readLedgerSelection(context));
    if (!outcome?.ok) return;
    setLedger(outcome.value);
    await showPreview({ ledger: outcome.value, ledgerUnit });
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      await readText(file.name, await file.text());
    } catch {
      setTextProblem(
        `${file.name} could not be read: save the ledger export as CSV and choose it again.`,
      );
    }
  };

  const remap = (column: number, role: LedgerRole) => {
    if (!mapping || !ledger) return;
    const next = withRole(mapping, column, role);
    setMapping(next);
    if (mappingProblems(next).length === 0) void showPreview({ ledger, mapping: next, ledgerUnit });
  };

  const changeUnit = (unit: PaneUnit) => {
    setLedgerUnit(unit);
    if (ledger && mapping && mappingProblems(mapping).length === 0)
      void showPreview({ ledger, mapping, ledgerUnit: unit });
  };

  const bringIn = async () => {
    if (!ledger || !mapping) return;
    const outcome = await run(
      'Bring in actuals',
      (context) => actions.bringInActuals({ ledger, mapping, ledgerUnit }, choices, context),
      (value) => [
        {
          sheet: value.sheet,
          cell: `A${value.firstRow}`,
          label: `The lines added on ${value.sheet}`,
        },
      ],
    );
    if (outcome?.ok) setPreview(undefined);
  };

  const header = preview?.header ?? [];
  const roles = mapping ? rolesOf(mapping, header.length) : [];
  const missing = mapping ? mappingProblems(mapping) : [];
  const willBringIn = preview
    ? preview.lines -
      (choices.alreadyIn === 'leave-out' ? preview.alreadyIn : 0) -
      (choices.repeats === 'leave-out' ? preview.repeats : 0) +
      (choices.unknownRefs === 'bring-in' ? preview.unknownRefs : 0)
    : 0;

  return (
    <section className={styles.root} aria-label="Bring in actuals">
      <Text className={styles.hint}>
        Bring in actual spend from the ledger: paste its export (CSV, headings first), choose the
        CSV file, or select the lines in a sheet. Each line needs a scheme ref or cost code, a date
        or period, and an amount.
      </Text>
      <Field label="Ledger export (CSV)" validationMessage={textProblem}>
        <Textarea
          className={styles.textArea}
          resize="vertical"
          rows={4}
          value={text}
          onChange={(_e, data) => setText(data.value)}
          placeholder="Scheme ref,Period,Amount,Description"
        />
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabledFocusable={busy || text.trim() === ''}
          onClick={() => void readText('Pasted text', text)}
        >
          Read pasted text
        </Button>
        {/* Not displayed: the button below opens it, so there is one control for one action. */}
        <input
          id={fileId}
          className={styles.file}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={(event) => void chooseFile(event)}
          data-testid="ledger-file"
        />
        <Button disabledFocusable={busy} onClick={() => document.getElementById(fileId)?.click()}>
          Choose a CSV file
        </Button>
        <Button disabledFocusable={busy} onClick={() => void readSelection()}>
          Read selected range
        </Button>
      </div>
      <Field label="Ledger amounts are in">
        <Dropdown
          aria-label="Unit of the ledger's amounts"
          value={ledgerUnit}
          selectedOptions={[ledgerUnit]}
          onOptionSelect={(_e, data) =>
            data.optionValue && changeUnit(data.optionValue as PaneUnit)
          }
        >
          {LEDGER_UNITS.map((unit) => (
            <Option key={unit} value={unit}>
              {unit}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {preview && (
        <>
          <Text weight="semibold">
            {preview.source}: {preview.lines} lines for schemes ({preview.total} {preview.unit})
            {preview.year ? `; periods without a year are ${preview.year}` : ''}
          </Text>
          <Table size="small" className={styles.table} aria-label="Ledger columns">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Column</TableHeaderCell>
                <TableHeaderCell className={styles.roleCell}>Holds</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {header.map((title, column) => (
                <TableRow key={column}>
                  <TableCell>
                    <div className={styles.header}>{title || `(column ${column + 1})`}</div>
                  </TableCell>
                  <TableCell className={styles.roleCell}>
                    <Dropdown
                      className={styles.dropdown}
                      size="small"
                      aria-label={`Role of column ${title || column + 1}`}
                      value={LEDGER_ROLE_LABELS[roles[column] ?? 'ignore']}
                      selectedOptions={[roles[column] ?? 'ignore']}
                      onOptionSelect={(_e, data) =>
                        data.optionValue && remap(column, data.optionValue as LedgerRole)
                      }
                    >
                      {ROLES.map((role) => (
                        <Option key={role} value={role}>
                          {LEDGER_ROLE_LABELS[role]}
                        </Option>
                      ))}
                    </Dropdown>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {!preview.year && preview.problems.some((p) => p.kind === 'bad-date') && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Which year?</MessageBarTitle>
                Periods written without a year (P3) belong to the year being monitored: set it in
                Settings, then read the ledger again.
              </MessageBarBody>
              {onNext && (
                <Button size="small" onClick={() => onNext('settings')}>
                  Go to Settings
                </Button>
              )}
            </MessageBar>
          )}
          {missing.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{missing.join(' ')}</MessageBarBody>
            </MessageBar>
          )}
          {preview.problems.length > 0 && (
            <MessageBar
              intent={preview.unreadable + preview.unknownRefs > 0 ? 'warning' : 'info'}
              layout="multiline"
            >
              <MessageBarBody>
                <MessageBarTitle>
                  {preview.problems.length} {preview.problems.length === 1 ? 'row' : 'rows'} to look
                  at
                </MessageBarTitle>
                <ul className={styles.problems} aria-label="Ledger rows to look at">
                  {preview.problems.map((problem) => (
                    <li key={`${problem.row}-${problem.kind}`}>
                      {problem.sheet && problem.cell ? (
                        <CellLink sheet={problem.sheet} cell={problem.cell}>
                          {problem.message}
                        </CellLink>
                      ) : (
                        problem.message
                      )}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {preview.unknownRefs > 0 && (
            <RadioGroup
              aria-label={`${preview.unknownRefs} lines with a ref not in the programme`}
              value={choices.unknownRefs}
              onChange={(_e, data) =>
                setChoices((c) => ({
                  ...c,
                  unknownRefs: data.value as ActualsChoices['unknownRefs'],
                }))
              }
            >
              <Text weight="semibold">
                {preview.unknownRefs} {preview.unknownRefs === 1 ? 'line has' : 'lines have'} a ref
                not in the programme ({preview.unknownTotal} {preview.unit})
              </Text>
              <Radio
                value="leave-out"
                label="Leave them out (correct the ledger and bring them in again)"
              />
              <Radio
                value="bring-in"
                label="Bring them in under their own ref (they count towards no scheme until corrected)"
              />
            </RadioGroup>
          )}
          {preview.repeats > 0 && (
            <RadioGroup
              aria-label={`${preview.repeats} repeated lines`}
              value={choices.repeats}
              onChange={(_e, data) =>
                setChoices((c) => ({ ...c, repeats: data.value as ActualsChoices['repeats'] }))
              }
            >
              <Text weight="semibold">
                {preview.repeats} {preview.repeats === 1 ? 'line repeats' : 'lines repeat'} an
                earlier line of this ledger
              </Text>
              <Radio value="bring-in" label="Bring in both (they are separate payments)" />
              <Radio value="leave-out" label="Leave out the repeat (it was exported twice)" />
            </RadioGroup>
          )}
          {preview.alreadyIn > 0 && (
            <RadioGroup
              aria-label={`${preview.alreadyIn} lines already in Actuals`}
              value={choices.alreadyIn}
              onChange={(_e, data) =>
                setChoices((c) => ({ ...c, alreadyIn: data.value as ActualsChoices['alreadyIn'] }))
              }
            >
              <Text weight="semibold">
                {preview.alreadyIn} {preview.alreadyIn === 1 ? 'line is' : 'lines are'} already in
                the Actuals sheet
              </Text>
              <Radio value="leave-out" label="Leave them out (this ledger was brought in before)" />
              <Radio value="bring-in" label="Bring them in again" />
            </RadioGroup>
          )}
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              disabledFocusable={busy || missing.length > 0 || willBringIn <= 0}
              onClick={() => void bringIn()}
            >
              Bring in {willBringIn} {willBringIn === 1 ? 'line' : 'lines'}
            </Button>
          </div>
          {preview.unreadable > 0 && (
            <Text size={200} className={styles.hint}>
              {preview.unreadable} {preview.unreadable === 1 ? 'row cannot' : 'rows cannot'} be read
              and will not be brought in: they are listed above.
            </Text>
          )}
        </>
      )}
    </section>
  );
}

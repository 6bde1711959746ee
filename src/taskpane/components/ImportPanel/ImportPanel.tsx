import {
  Button,
  Dropdown,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useRunner } from '../../hooks/useActionRunner';
import { programmeInWords, useWorkbookInfo } from '../../hooks/useWorkbookInfo';
import type { NextStepProps } from '../NoProgramme/NoProgramme.types';
import { usePaneActions } from '../../paneContext';
import type { ColumnRole, ImportPreview } from '../../services';
import { checkMapping } from './checkMapping';
import { ROLE_LABELS } from './ImportPanel.types';
import { useImportPanelStyles } from './useImportPanelStyles';

const ROLES = Object.keys(ROLE_LABELS) as ColumnRole[];

/**
 * "Import": reads the selected range, shows the role recognised for each column (editable), and
 * builds the `Programme` table from it. The original range is never changed.
 *
 * @example
 * <ImportPanel />
 */
export function ImportPanel({ onNext }: NextStepProps) {
  const styles = useImportPanelStyles();
  const actions = usePaneActions();
  const { info } = useWorkbookInfo();
  const existing = info?.programme ? info : undefined;
  const { run, busyLabel } = useRunner();
  const [preview, setPreview] = useState<ImportPreview>();

  const read = async () => {
    const outcome = await run('Read selected range', (context) => actions.previewImport(context));
    if (outcome?.ok) setPreview(outcome.value);
  };

  const setRole = (index: number, role: ColumnRole) =>
    setPreview(
      (current) =>
        current && {
          ...current,
          columns: current.columns.map((column) =>
            column.index === index ? { ...column, role } : column,
          ),
        },
    );

  const problems = preview ? checkMapping(preview.columns) : [];

  const build = async () => {
    if (!preview || problems.length > 0) return;
    await run(
      'Build Programme table',
      (context) => actions.importProgramme(preview, context),
      (value) => [
        { sheet: value.sheet, cell: 'A1', label: `The Programme table on ${value.sheet}` },
      ],
    );
  };

  return (
    <section className={styles.root} aria-label="Bring in an existing table">
      <Text className={styles.hint}>
        Select the table your council already keeps (headers included), then read it. Check the role
        of each column before building the Programme table; your range stays as it is.
      </Text>
      {existing && (
        // Said before any mapping work: building would be refused at the end.
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This workbook already has a Programme table</MessageBarTitle>
            {programmeInWords(existing)}. Bring a table into a new workbook, or rename the existing
            Programme table first.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        {existing && onNext && (
          <Button appearance="primary" onClick={() => onNext('phase')}>
            Work on the existing programme
          </Button>
        )}
        <Button
          appearance={preview || existing ? 'secondary' : 'primary'}
          onClick={() => void read()}
          disabledFocusable={busyLabel !== undefined}
        >
          Read selected range
        </Button>
      </div>
      {preview && (
        <>
          <Text weight="semibold">
            {preview.address}: {preview.schemeRows} scheme rows, {preview.columns.length} columns,
            figures in {preview.unit}
          </Text>
          <Table size="small" className={styles.table} aria-label="Column roles">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Column</TableHeaderCell>
                <TableHeaderCell className={styles.roleCell}>Holds</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.columns.map((column) => (
                <TableRow key={column.index}>
                  <TableCell>
                    <div className={styles.header}>
                      {column.header || `(column ${column.index + 1})`}
                    </div>
                    {column.role === 'period' && column.periodLabel && (
                      <div className={styles.sample}>becomes {column.periodLabel}</div>
                    )}
                    {column.role === 'markers' && column.periodLabel && (
                      <div className={styles.sample}>quarters of {column.periodLabel}</div>
                    )}
                  </TableCell>
                  <TableCell className={styles.roleCell}>
                    <Dropdown
                      className={styles.dropdown}
                      size="small"
                      aria-label={`Role of column ${column.header || column.index + 1}`}
                      value={ROLE_LABELS[column.role]}
                      selectedOptions={[column.role]}
                      onOptionSelect={(_e, data) =>
                        data.optionValue && setRole(column.index, data.optionValue as ColumnRole)
                      }
                    >
                      {ROLES.map((role) => (
                        <Option key={role} value={role}>
                          {ROLE_LABELS[role]}
                        </Option>
                      ))}
                    </Dropdown>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {preview.notes && preview.notes.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <ul className={styles.problems} aria-label="Not read from the table">
                  {preview.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {problems.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <ul className={styles.problems}>
                  {problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              onClick={() => void build()}
              disabledFocusable={busyLabel !== undefined || problems.length > 0}
            >
              Build Programme table
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

import { Button, Combobox, Dropdown, Field, Input, Option, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useRunner } from '../../hooks/useActionRunner';
import { useWorkbookInfo } from '../../hooks/useWorkbookInfo';
import { NoProgramme } from '../NoProgramme/NoProgramme';
import { usePaneActions, usePaneSettings } from '../../paneContext';
import { formatFiscalYear, type Month } from '../../../core';
import type { RevisionKind, SchemeChoice } from '../../services';
import {
  REVISION_KIND_LABELS,
  type RevisePanelProps,
  type RevisionFormErrors,
  type RevisionFormValues,
} from './RevisePanel.types';
import { useRevisePanelStyles } from './useRevisePanelStyles';
import { todayForInput, validateRevision } from './validateRevision';

const KINDS = Object.keys(REVISION_KIND_LABELS) as RevisionKind[];

const AMOUNT_HINTS: Record<RevisionKind, string> = {
  addition: 'Money added, e.g. new grant or s106',
  reduction: 'Money taken off (either sign)',
  virement: 'Negative moves money out of this scheme',
  're-profile': 'Moved between years; the all-years total stays',
};

/** The financial years of the Programme's period columns, earliest first (none when unknown). */
function programmeYears(firstYear?: number, lastYear?: number): number[] {
  if (firstYear === undefined || lastYear === undefined || lastYear < firstYear) return [];
  return Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
}

function schemeText(scheme: SchemeChoice): string {
  return scheme.ref ? `${scheme.ref} · ${scheme.scheme}` : scheme.scheme;
}

/**
 * "Revise": records a budget revision in the append-only `Revisions` table.
 *
 * @example
 * <RevisePanel active={tab === 'revise'} />
 */
export function RevisePanel({ active = true, onNext }: RevisePanelProps) {
  const styles = useRevisePanelStyles();
  const actions = usePaneActions();
  const { info } = useWorkbookInfo();
  const { settings } = usePaneSettings();
  const { run, busyLabel } = useRunner();
  const [schemes, setSchemes] = useState<SchemeChoice[]>();
  const [schemesMessage, setSchemesMessage] = useState<string>();
  const [schemeQuery, setSchemeQuery] = useState('');
  const [values, setValues] = useState<RevisionFormValues>(() => ({
    ref: '',
    date: todayForInput(new Date()),
    kind: 'addition',
    amount: '',
    reason: '',
    reference: '',
    approvedBy: '',
    fromYear: '',
    toYear: '',
  }));
  const years = useMemo(
    () => programmeYears(info?.firstYear, info?.lastYear),
    [info?.firstYear, info?.lastYear],
  );
  const startMonth = settings.fiscalYearStartMonth as Month;
  const yearLabel = (year: string) => (year ? formatFiscalYear(Number(year), startMonth) : '');
  const [errors, setErrors] = useState<RevisionFormErrors>({});
  const update = (change: Partial<RevisionFormValues>) =>
    setValues((current) => ({ ...current, ...change }));

  const loadSchemes = useCallback(async () => {
    try {
      const outcome = await actions.listSchemes();
      if (outcome.ok) {
        setSchemes(outcome.value);
        setSchemesMessage(undefined);
      } else {
        setSchemes([]);
        setSchemesMessage(outcome.message);
      }
    } catch {
      setSchemes([]);
      setSchemesMessage(
        'Could not read the schemes from the workbook: press "Refresh schemes" to try again.',
      );
    }
  }, [actions]);

  // Schemes change as the programme is set up or imported: read them each time the tab is shown.
  useEffect(() => {
    if (active) void loadSchemes();
  }, [active, loadSchemes]);

  const matching = useMemo(() => {
    const query = schemeQuery.trim().toLowerCase();
    const all = schemes ?? [];
    return query ? all.filter((scheme) => schemeText(scheme).toLowerCase().includes(query)) : all;
  }, [schemes, schemeQuery]);

  const submit = async () => {
    const checked = validateRevision(values, schemes ?? [], settings.unit, years, startMonth);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const outcome = await run(
      'Record revision',
      (context) => actions.recordRevision(checked.revision, context),
      (receipt) => [
        { sheet: 'Revisions', cell: `A${receipt.row}`, label: `Revisions row ${receipt.row}` },
      ],
    );
    if (outcome?.ok) update({ amount: '', reason: '', reference: '' });
  };

  const fieldState = (field: keyof RevisionFormErrors) => ({
    validationMessage: errors[field],
    validationState: errors[field] ? ('error' as const) : ('none' as const),
  });

  if (info && !info.programme) return <NoProgramme purpose="record revisions" onNext={onNext} />;
  if (schemes !== undefined && schemes.length === 0) {
    return (
      <section className={styles.root} aria-label="Record a budget revision">
        <Text className={styles.hint}>
          {schemesMessage ??
            'No schemes yet: set up or import a programme first, then come back to record revisions.'}
        </Text>
        <div className={styles.buttons}>
          <Button onClick={() => void loadSchemes()}>Refresh schemes</Button>
        </div>
      </section>
    );
  }

  return (
    <form
      className={styles.root}
      aria-label="Record a budget revision"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Text className={styles.hint}>
        Adds a line to the Revisions log (entries are never edited). The revised budget column sums
        the log, so the bridge from approved to revised budget stays visible in the workbook.
      </Text>
      <Field label="Scheme" required {...fieldState('ref')}>
        <Combobox
          className={styles.combobox}
          placeholder={schemes === undefined ? 'Reading schemes…' : 'Type part of a name or ref'}
          value={schemeQuery}
          selectedOptions={values.ref ? [values.ref] : []}
          onChange={(event) => {
            setSchemeQuery(event.target.value);
            update({ ref: '' });
          }}
          onOptionSelect={(_e, data) => {
            const chosen = schemes?.find((scheme) => scheme.ref === data.optionValue);
            update({ ref: chosen?.ref ?? '' });
            setSchemeQuery(chosen ? schemeText(chosen) : '');
          }}
        >
          {matching.map((scheme) => (
            <Option key={scheme.ref} value={scheme.ref} text={schemeText(scheme)}>
              {schemeText(scheme)}
            </Option>
          ))}
          {matching.length === 0 && schemes !== undefined && (
            <Option disabled text="">
              No scheme matches
            </Option>
          )}
        </Combobox>
      </Field>
      <div className={styles.pair}>
        <Field label="Date approved" required {...fieldState('date')}>
          <Input
            type="date"
            value={values.date}
            onChange={(_e, data) => update({ date: data.value })}
          />
        </Field>
        <Field label="Kind" required>
          <Dropdown
            value={REVISION_KIND_LABELS[values.kind]}
            selectedOptions={[values.kind]}
            onOptionSelect={(_e, data) =>
              data.optionValue && update({ kind: data.optionValue as RevisionKind })
            }
          >
            {KINDS.map((kind) => (
              <Option key={kind} value={kind}>
                {REVISION_KIND_LABELS[kind]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field
        label={`Amount (${settings.unit})`}
        required
        hint={AMOUNT_HINTS[values.kind]}
        {...fieldState('amount')}
      >
        <Input
          value={values.amount}
          inputMode="decimal"
          onChange={(_e, data) => update({ amount: data.value })}
        />
      </Field>
      {values.kind === 're-profile' &&
        (years.length > 0 ? (
          <div className={styles.pair}>
            {(
              [
                ['fromYear', 'From year', 'Year money leaves'],
                ['toYear', 'To year', 'Year money moves into'],
              ] as const
            ).map(([field, label, placeholder]) => (
              <Field key={field} label={label} required {...fieldState(field)}>
                <Dropdown
                  placeholder={placeholder}
                  value={yearLabel(values[field])}
                  selectedOptions={values[field] ? [values[field]] : []}
                  onOptionSelect={(_e, data) => update({ [field]: data.optionValue ?? '' })}
                >
                  {years.map((year) => (
                    <Option key={year} value={String(year)}>
                      {formatFiscalYear(year, startMonth)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            ))}
          </div>
        ) : (
          <Text className={styles.hint}>
            The Programme has no period columns, so this re-profile is recorded without years and
            moves no in-year budget: phase the programme first to say which years it moves between.
          </Text>
        ))}
      <Field label="Reason" required {...fieldState('reason')}>
        <Input value={values.reason} onChange={(_e, data) => update({ reason: data.value })} />
      </Field>
      <div className={styles.pair}>
        <Field label="Reference" required {...fieldState('reference')}>
          <Input
            value={values.reference}
            onChange={(_e, data) => update({ reference: data.value })}
          />
        </Field>
        <Field label="Approved by" {...fieldState('approvedBy')}>
          <Input
            value={values.approvedBy}
            onChange={(_e, data) => update({ approvedBy: data.value })}
          />
        </Field>
      </div>
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabledFocusable={busyLabel !== undefined}>
          Record revision
        </Button>
        <Button onClick={() => void loadSchemes()}>Refresh schemes</Button>
      </div>
    </form>
  );
}

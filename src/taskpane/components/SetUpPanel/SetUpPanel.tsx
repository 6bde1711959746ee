import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useRunner } from '../../hooks/useActionRunner';
import { programmeInWords, useWorkbookInfo } from '../../hooks/useWorkbookInfo';
import { usePaneActions, usePaneSettings } from '../../paneContext';
import type { PeriodKind } from '../../services';
import type { SetUpFormErrors, SetUpFormValues, SetUpPanelProps } from './SetUpPanel.types';
import { useSetUpPanelStyles } from './useSetUpPanelStyles';
import { currentFiscalYear, validateSetUp } from './validateSetUp';
import { UnitField } from '../UnitField/UnitField';

/**
 * "Set up": builds the `Programme` table with one column per quarter or year.
 *
 * @example
 * <SetUpPanel initialFirstYear={2024} />
 */
export function SetUpPanel({ initialFirstYear, onNext }: SetUpPanelProps) {
  const styles = useSetUpPanelStyles();
  const { info } = useWorkbookInfo();
  // Once a programme exists the next step is phasing it; setting up again is the secondary choice.
  const existing = info?.programme ? info : undefined;
  const actions = usePaneActions();
  const { settings, loaded } = usePaneSettings();
  const { run, busyLabel } = useRunner();
  const [values, setValues] = useState<SetUpFormValues>(() => ({
    firstYear: String(
      initialFirstYear ?? currentFiscalYear(new Date(), settings.fiscalYearStartMonth),
    ),
    years: '3',
    periods: 'quarter',
    unit: settings.unit,
    fillWithSample: false,
  }));
  const [errors, setErrors] = useState<SetUpFormErrors>({});
  const [edited, setEdited] = useState(false);
  const update = (change: Partial<SetUpFormValues>) => {
    setEdited(true);
    setValues((current) => ({ ...current, ...change }));
  };

  // The workbook's unit arrives after the first render; the user's own choice wins.
  useEffect(() => {
    if (loaded && !edited) setValues((current) => ({ ...current, unit: settings.unit }));
  }, [loaded, edited, settings.unit]);

  const submit = async () => {
    const checked = validateSetUp(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    await run('Set up programme', (context) => actions.setUpProgramme(checked.request, context));
  };

  return (
    <form
      className={styles.root}
      aria-label="Set up a capital programme"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {existing && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This workbook has a programme</MessageBarTitle>
            {programmeInWords(existing)}. Next, phase its schemes over the quarters; setting up
            another needs a workbook without a Programme table.
          </MessageBarBody>
        </MessageBar>
      )}
      <Text className={styles.hint}>
        Builds a Programme sheet with an Excel table, a totals row, £ formats and drop-downs for
        Status and Profile. Existing sheets are left alone.
      </Text>
      <div className={styles.pair}>
        <Field
          label="First financial year"
          hint="2024 means 2024/25"
          validationMessage={errors.firstYear}
          validationState={errors.firstYear ? 'error' : 'none'}
        >
          <Input
            value={values.firstYear}
            inputMode="numeric"
            onChange={(_e, data) => update({ firstYear: data.value })}
          />
        </Field>
        <Field
          label="Number of years"
          validationMessage={errors.years}
          validationState={errors.years ? 'error' : 'none'}
        >
          <Input
            value={values.years}
            inputMode="numeric"
            onChange={(_e, data) => update({ years: data.value })}
          />
        </Field>
      </div>
      <Field label="Columns">
        <RadioGroup
          layout="horizontal"
          value={values.periods}
          onChange={(_e, data) => update({ periods: data.value as PeriodKind })}
        >
          <Radio value="quarter" label="Quarters" />
          <Radio value="year" label="Years" />
        </RadioGroup>
      </Field>
      <UnitField value={values.unit} onChange={(unit) => update({ unit })} />
      <Checkbox
        checked={values.fillWithSample}
        label="Fill with sample schemes (a council ICT programme)"
        onChange={(_e, data) => update({ fillWithSample: data.checked === true })}
      />
      <div className={styles.buttons}>
        {existing && onNext && (
          <Button appearance="primary" onClick={() => onNext('phase')}>
            Next: phase schemes
          </Button>
        )}
        <Button
          appearance={existing ? 'secondary' : 'primary'}
          type="submit"
          disabledFocusable={busyLabel !== undefined}
        >
          Set up programme
        </Button>
      </div>
    </form>
  );
}

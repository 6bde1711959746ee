import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Text,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { MONTH_NAMES } from '../../../core';
import { useRunner } from '../../hooks/useActionRunner';
import { useWorkbookInfo } from '../../hooks/useWorkbookInfo';
import { usePaneActions, usePaneSettings } from '../../paneContext';
import type { VarianceConvention } from '../../services';
import type { SettingsFormErrors, SettingsFormValues } from './SettingsPanel.types';
import { useSettingsPanelStyles } from './useSettingsPanelStyles';
import { settingsToForm, validateSettings } from './validateSettings';
import { UnitField } from '../UnitField/UnitField';
import { DiagnosticsSection } from './DiagnosticsSection';

const PERIODS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** `P8 (November)` for period 8 of a year starting in April; `Not set` for blank. */
function periodLabel(period: string, startMonth: number): string {
  if (period === '') return 'Not set';
  const month = (startMonth - 1 + Number(period) - 1) % 12;
  return `P${period} (${MONTH_NAMES[month]})`;
}

/**
 * "Settings": fiscal year start, unit, decimals, variance thresholds and sign convention, saved in
 * the workbook so that they travel with it.
 *
 * @example
 * <SettingsPanel />
 */
export function SettingsPanel() {
  const styles = useSettingsPanelStyles();
  const actions = usePaneActions();
  const { settings, setSettings, loaded } = usePaneSettings();
  const { info } = useWorkbookInfo();
  const { run, busyLabel } = useRunner();
  const [values, setValues] = useState<SettingsFormValues>(() => settingsToForm(settings));
  const [errors, setErrors] = useState<SettingsFormErrors>({});
  const [edited, setEdited] = useState(false);
  const update = (change: Partial<SettingsFormValues>) => {
    setEdited(true);
    setValues((current) => ({ ...current, ...change }));
  };

  // The workbook's settings arrive after the first render: show them, unless the user has
  // already started typing (their edits win).
  useEffect(() => {
    if (loaded && !edited) setValues(settingsToForm(settings));
  }, [loaded, settings, edited]);

  const save = async () => {
    const checked = validateSettings(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const outcome = await run('Save settings', (context) =>
      actions.saveSettings(checked.settings, context),
    );
    if (outcome?.ok) {
      setSettings(checked.settings);
      setEdited(false);
    }
  };

  const fieldState = (field: keyof SettingsFormErrors) => ({
    validationMessage: errors[field],
    validationState: errors[field] ? ('error' as const) : ('none' as const),
  });

  return (
    <form
      className={styles.root}
      aria-label="Settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Text className={styles.hint}>
        Saved in this workbook, so they travel with it to colleagues.
      </Text>
      <div className={styles.pair}>
        <Field label="Financial year starts in">
          <Dropdown
            className={styles.dropdown}
            value={MONTH_NAMES[values.fiscalYearStartMonth - 1]}
            selectedOptions={[String(values.fiscalYearStartMonth)]}
            onOptionSelect={(_e, data) =>
              data.optionValue && update({ fiscalYearStartMonth: Number(data.optionValue) })
            }
          >
            {MONTH_NAMES.map((month, index) => (
              <Option key={month} value={String(index + 1)}>
                {month}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Decimal places" {...fieldState('decimals')}>
          <Input
            value={values.decimals}
            inputMode="numeric"
            onChange={(_e, data) => update({ decimals: data.value })}
          />
        </Field>
      </div>
      <UnitField
        value={values.unit}
        onChange={(unit) => update({ unit })}
        lockedBecause={
          info?.programme
            ? `The Programme's figures are in ${settings.unit}: a new unit would relabel them, not convert them, so it stays ${settings.unit} in this workbook.`
            : undefined
        }
      />
      <div className={styles.pair}>
        <Field
          label={`Explain variances over (${values.unit})`}
          hint="Blank for none"
          {...fieldState('thresholdAbsolute')}
        >
          <Input
            value={values.thresholdAbsolute}
            inputMode="decimal"
            onChange={(_e, data) => update({ thresholdAbsolute: data.value })}
          />
        </Field>
        <Field
          label="or over (% of budget)"
          hint="Blank for none"
          {...fieldState('thresholdPercent')}
        >
          <Input
            value={values.thresholdPercent}
            inputMode="decimal"
            onChange={(_e, data) => update({ thresholdPercent: data.value })}
          />
        </Field>
      </div>
      <div className={styles.pair}>
        <Field label="Amber above (%)" {...fieldState('amberPercent')}>
          <Input
            value={values.amberPercent}
            inputMode="decimal"
            onChange={(_e, data) => update({ amberPercent: data.value })}
          />
        </Field>
        <Field label="Red above (%)" {...fieldState('redPercent')}>
          <Input
            value={values.redPercent}
            inputMode="decimal"
            onChange={(_e, data) => update({ redPercent: data.value })}
          />
        </Field>
      </div>
      <Field label="Variance is">
        <RadioGroup
          value={values.convention}
          onChange={(_e, data) => update({ convention: data.value as VarianceConvention })}
        >
          <Radio
            value="budget-minus-forecast"
            label="Budget − forecast (an overspend is negative)"
          />
          <Radio
            value="forecast-minus-budget"
            label="Forecast − budget (an overspend is positive)"
          />
        </RadioGroup>
      </Field>
      <div className={styles.pair}>
        <Field label="Year being monitored" hint="e.g. 2016/17" {...fieldState('monitoringYear')}>
          <Input
            value={values.monitoringYear}
            onChange={(_e, data) => update({ monitoringYear: data.value })}
          />
        </Field>
        <Field label="Period" hint="As at the end of">
          <Dropdown
            className={styles.dropdown}
            value={periodLabel(values.monitoringPeriod, values.fiscalYearStartMonth)}
            selectedOptions={[values.monitoringPeriod]}
            onOptionSelect={(_e, data) => update({ monitoringPeriod: data.optionValue ?? '' })}
          >
            <Option value="">Not set</Option>
            {PERIODS.map((period) => (
              <Option key={period} value={String(period)}>
                {periodLabel(String(period), values.fiscalYearStartMonth)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabledFocusable={busyLabel !== undefined}>
          Save settings
        </Button>
      </div>
      <DiagnosticsSection />
    </form>
  );
}

import * as React from 'react';
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { PaneUnit } from '../../services';

/** The units a programme's figures are shown in (the pane offers these three; £bn is read, not set). */
const UNITS: readonly PaneUnit[] = ['£', '£k', '£m'];

export interface UnitFieldProps {
  value: PaneUnit;
  onChange: (unit: PaneUnit) => void;
  /** Why the unit cannot be changed here (shown under the choice, which is then locked). */
  lockedBecause?: string;
}

/**
 * The £ / £k / £m choice, shared by Set up and Settings so both offer the same units.
 *
 * @example
 * <UnitField value={values.unit} onChange={(unit) => update({ unit })} />
 */
export function UnitField({ value, onChange, lockedBecause }: UnitFieldProps): React.ReactElement {
  return (
    <Field label="Unit" hint={lockedBecause}>
      <RadioGroup
        layout="horizontal"
        value={value}
        disabled={lockedBecause !== undefined}
        onChange={(_e, data) => onChange(data.value as PaneUnit)}
      >
        {UNITS.map((unit) => (
          <Radio key={unit} value={unit} label={unit} />
        ))}
      </RadioGroup>
    </Field>
  );
}

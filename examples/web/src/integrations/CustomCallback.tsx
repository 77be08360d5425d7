import type { AmInputValue, JourneyFormValue, JourneyNormalizedField } from '@journeykit/journey';
import { useState } from 'react';

/**
 * A callback of a custom node: each AM input as a control of its JSON type (number, text,
 * checkbox), answered by the input's name with that type kept.
 */
export function CustomCallback({
  field,
  setValue,
}: {
  field: JourneyNormalizedField;
  setValue: (id: string, value: JourneyFormValue) => void;
}) {
  const inputs = field.raw.raw.input ?? [];
  const [values, setValues] = useState<Record<string, AmInputValue>>(() =>
    Object.fromEntries(inputs.map((i) => [i.name, i.value as AmInputValue])),
  );
  const set = (name: string, value: AmInputValue) => {
    const next = { ...values, [name]: value };
    setValues(next);
    setValue(field.id, { inputs: next });
  };
  return (
    <fieldset>
      <legend>{field.prompt || field.ref.type}</legend>
      {inputs.map(({ name, value }) => (
        <label key={name} className={typeof value === 'boolean' ? 'check' : undefined}>
          {inputs.length > 1 && name}
          {typeof value === 'boolean' ? (
            <input
              type="checkbox"
              checked={values[name] === true}
              onChange={(e) => set(name, e.target.checked)}
            />
          ) : (
            <input
              aria-label={field.prompt || name}
              type={typeof value === 'number' ? 'number' : 'text'}
              value={String(values[name] ?? '')}
              onChange={(e) =>
                set(name, typeof value === 'number' ? e.target.valueAsNumber : e.target.value)
              }
            />
          )}
        </label>
      ))}
    </fieldset>
  );
}

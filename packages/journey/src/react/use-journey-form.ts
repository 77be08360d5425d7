import {
  buildNextInput,
  normalizeCallbacks,
  type JourneyBuildResult,
  type JourneyFormIssue,
  type JourneyFormValue,
  type JourneyNextInput,
  type JourneyNode,
  type JourneyNormalizedField,
} from '@journeykit/journey';
import { useCallback, useMemo, useState } from 'react';

export type JourneyFormValues = Record<string, JourneyFormValue | undefined>;
/** A patch of values, or a function of the current values that returns one (`setValues`). */
export type JourneyFormValuesUpdater =
  JourneyFormValues | ((values: JourneyFormValues) => JourneyFormValues);

export interface JourneyFormOptions {
  /** Integration callbacks the app completes itself; they no longer block `canSubmit`. */
  handledCallbackTypes?: ReadonlySet<string>;
}

export interface JourneyFormMeta {
  hasManual: boolean;
  hasOutputOnly: boolean;
  hasAutoCapable: boolean;
  hasIntegrationRequired: boolean;
  hasUnsupported: boolean;
  hasRequiredConsentMissing: boolean;
}

export interface JourneyFormResult {
  fields: JourneyNormalizedField[];
  /** By field id; seeded with the defaults, and reset to them for every new node. */
  values: JourneyFormValues;
  input: JourneyNextInput;
  canSubmit: boolean;
  issues: JourneyFormIssue[];
  meta: JourneyFormMeta;
  setValue(id: string, value: JourneyFormValue | undefined): void;
  /** Shallow-merges a patch (or what `update(values)` returns); no re-render when nothing changes. */
  setValues(patch: JourneyFormValuesUpdater): void;
  clearValue(id: string): void;
  /** Back to `base`, with defaults for the ids it leaves out. */
  reset(base?: JourneyFormValues): void;
  /** `next()` input for the values with `overrides` applied, honouring `handledCallbackTypes`. */
  buildInput(overrides?: JourneyFormValues): JourneyBuildResult;
  getField(id: string): JourneyNormalizedField | undefined;
  getFieldsByType(type: string): JourneyNormalizedField[];
  getFieldByType(type: string, index?: number): JourneyNormalizedField | undefined;
  /** Sets the value of the index-th field of that type; false when there is none. */
  setValueByType(type: string, value: JourneyFormValue | undefined, index?: number): boolean;
}

const noFields: JourneyNormalizedField[] = [];
const fieldCache = new WeakMap<JourneyNode, JourneyNormalizedField[]>();

/** Normalised once per node object, so every hook over the same node shares the fields. */
function fieldsOf(node: JourneyNode | null | undefined): JourneyNormalizedField[] {
  if (node?.type !== 'ContinueNode') return noFields;
  let fields = fieldCache.get(node);
  if (!fields) fieldCache.set(node, (fields = normalizeCallbacks(node)));
  return fields;
}

function defaultsOf(fields: JourneyNormalizedField[]): JourneyFormValues {
  const values: JourneyFormValues = {};
  for (const f of fields) if (f.defaultValue !== undefined) values[f.id] = f.defaultValue;
  return values;
}

const sameValues = (a: JourneyFormValues, b: JourneyFormValues) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && a[k] === b[k]);
};

interface FormState {
  fields: JourneyNormalizedField[];
  values: JourneyFormValues;
}

/**
 * The headless form of a node (rn-journey-api §3.7): its fields, the values the user gave, and
 * whether they make a valid `next()` input. It never submits or advances by itself.
 */
export function useJourneyForm(
  node: JourneyNode | null | undefined,
  options: JourneyFormOptions = {},
): JourneyFormResult {
  const { handledCallbackTypes } = options;
  const fields = fieldsOf(node);
  const [state, setState] = useState<FormState>(() => ({ fields, values: defaultsOf(fields) }));
  let current = state;
  if (state.fields !== fields) {
    // A new node: start again from its defaults (React's way to adjust state to new props).
    current = { fields, values: defaultsOf(fields) };
    setState(current);
  }
  const { values } = current;

  const update = useCallback(
    (change: (values: JourneyFormValues, fields: JourneyNormalizedField[]) => JourneyFormValues) =>
      setState((s) => {
        const next = change(s.values, s.fields);
        return sameValues(next, s.values) ? s : { fields: s.fields, values: next };
      }),
    [],
  );
  const setValue = useCallback(
    (id: string, value: JourneyFormValue | undefined) => update((v) => ({ ...v, [id]: value })),
    [update],
  );

  const built = useMemo(
    () => buildNextInput(node, values, handledCallbackTypes),
    [node, values, handledCallbackTypes],
  );

  const byType = useCallback(
    (type: string) => current.fields.filter((f) => f.ref.type === type),
    [current.fields],
  );

  return useMemo(() => {
    const has = (test: (f: JourneyNormalizedField) => boolean) => current.fields.some(test);
    const mode = (m: JourneyNormalizedField['executionMode']) => has((f) => f.executionMode === m);
    const fieldByType = (type: string, index = 0) => (index < 0 ? undefined : byType(type)[index]);
    return {
      fields: current.fields,
      values,
      ...built,
      meta: {
        hasManual: has((f) => f.requiresUserInput),
        hasOutputOnly: mode('output_only'),
        hasAutoCapable: mode('auto_capable'),
        hasIntegrationRequired: mode('integration_required'),
        hasUnsupported: mode('unsupported'),
        hasRequiredConsentMissing: built.issues.some((i) => i.code === 'REQUIRED_CONSENT_MISSING'),
      },
      setValue,
      setValues: (patch) =>
        update((v) => ({ ...v, ...(typeof patch === 'function' ? patch(v) : patch) })),
      clearValue: (id) =>
        update((v) => {
          const rest = { ...v };
          delete rest[id];
          return rest;
        }),
      reset: (base = {}) => update((_, f) => ({ ...defaultsOf(f), ...base })),
      buildInput: (overrides = {}) =>
        buildNextInput(node, { ...values, ...overrides }, handledCallbackTypes),
      getField: (id) => current.fields.find((f) => f.id === id),
      getFieldsByType: byType,
      getFieldByType: fieldByType,
      setValueByType: (type, value, index = 0) => {
        const field = fieldByType(type, index);
        if (field) setValue(field.id, value);
        return field !== undefined;
      },
    };
  }, [current.fields, values, built, node, handledCallbackTypes, byType, setValue, update]);
}

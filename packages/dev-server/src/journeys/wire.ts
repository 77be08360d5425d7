import { jsonType, type ReceivedInput } from '../hooks/journey-log.js';
import { isRecord } from '../is-record.js';
import type {
  CallbackOutput,
  CallbackSpec,
  InputSpec,
  JsonValue,
  PageNode,
  SharedState,
} from './types.js';

/** A callback as AM sends it (am-protocol §3.3). Output-only callbacks have no `input`. */
export interface AmCallback {
  type: string;
  output: CallbackOutput[];
  input?: { name: string; value: JsonValue }[];
  _id: number;
}

/** `IDToken<N><suffix>`, N the 1-based position among all callbacks of the page, output-only ones included. */
function inputName(position: number, suffix: string): string {
  return `IDToken${position}${suffix}`;
}

/** A page's inputs with their names, in page order. */
function namedInputs(page: PageNode): { index: number; name: string; input: InputSpec }[] {
  return page.callbacks.flatMap((callback, index) =>
    callback.inputs.map((input) => ({ index, name: inputName(index + 1, input.suffix), input })),
  );
}

/** What a page shows again after a failed validation: the values given, and what failed. */
export interface Redisplay {
  /** Submitted inputs by name; transient ones and `validateOnly` flags are never echoed. */
  readonly values: ReadonlyMap<string, JsonValue>;
  /** `failedPolicies` by callback position. */
  readonly failed: ReadonlyMap<number, readonly string[]>;
}

const echoes = (input: InputSpec) => input.transient !== true && input.suffix !== 'validateOnly';

export function renderCallbacks(
  callbacks: readonly CallbackSpec[],
  again?: Redisplay,
  state: SharedState = {},
): AmCallback[] {
  return callbacks.map((callback, index) => {
    const valueOf = (input: InputSpec) => {
      const given = again?.values.get(inputName(index + 1, input.suffix));
      return given !== undefined && echoes(input) ? given : input.value;
    };
    // IDM-validated callbacks (those with a validateOnly input) show their value in `value` too.
    const mainInput = callback.inputs.find((input) => input.suffix === '');
    const mirrored = callback.inputs.some((input) => input.suffix === 'validateOnly');
    const output = callback.output.map(({ name, value: given, fromState }) => {
      const value = (fromState === undefined ? undefined : state[fromState]) ?? given;
      if (name === 'failedPolicies' && again)
        return { name, value: [...(again.failed.get(index) ?? [])] };
      if (name === 'value' && mainInput && mirrored) return { name, value: valueOf(mainInput) };
      return { name, value };
    });
    return {
      type: callback.type,
      output,
      ...(callback.inputs.length === 0
        ? {}
        : {
            input: callback.inputs.map((input) => ({
              name: inputName(index + 1, input.suffix),
              value: valueOf(input),
            })),
          }),
      _id: index,
    };
  });
}

/**
 * Every input of a continue body, by name. Clients echo everything, add keys, or drop output-only
 * callbacks (am-protocol §3.4), so positions and outputs are ignored; anything malformed is skipped.
 */
export function submittedInputs(body: unknown): ReadonlyMap<string, JsonValue> {
  const inputs = new Map<string, JsonValue>();
  const callbacks = isRecord(body) && Array.isArray(body.callbacks) ? body.callbacks : [];
  for (const callback of callbacks) {
    if (!isRecord(callback) || !Array.isArray(callback.input)) continue;
    for (const input of callback.input) {
      if (isRecord(input) && typeof input.name === 'string') {
        inputs.set(input.name, (input.value ?? null) as JsonValue);
      }
    }
  }
  return inputs;
}

/** The page's inputs as received: names, JSON types, and values unless transient. */
export function receivedInputs(
  page: PageNode,
  submitted: ReadonlyMap<string, JsonValue>,
): ReceivedInput[] {
  return namedInputs(page).map(({ name, input }) => {
    const value = submitted.get(name);
    return {
      name,
      type: jsonType(value),
      ...(value === undefined || input.transient === true ? {} : { value }),
    };
  });
}

/** A submitted main input, or the value the page sent when the client left it out. */
export function submittedValue(
  page: PageNode,
  index: number,
  submitted: ReadonlyMap<string, JsonValue>,
): JsonValue | undefined {
  return submitted.get(inputName(index + 1, '')) ?? page.callbacks[index]?.inputs[0]?.value;
}

/** Whether the client asked only to validate (`IDToken<N>validateOnly: true` on any callback). */
export function validateOnly(page: PageNode, submitted: ReadonlyMap<string, JsonValue>): boolean {
  return namedInputs(page).some(
    ({ name, input }) => input.suffix === 'validateOnly' && submitted.get(name) === true,
  );
}

export interface CollectedInputs {
  readonly shared: Record<string, JsonValue>;
  readonly transient: Record<string, JsonValue>;
}

/** Stores the page's submitted inputs under their `saveAs` keys; a missing input keeps its initial value. */
export function collectInputs(
  page: PageNode,
  submitted: ReadonlyMap<string, JsonValue>,
): CollectedInputs {
  const collected: CollectedInputs = { shared: {}, transient: {} };
  for (const { name, input } of namedInputs(page)) {
    if (input.saveAs === undefined) continue;
    collected[input.transient === true ? 'transient' : 'shared'][input.saveAs] =
      submitted.get(name) ?? input.value;
  }
  return collected;
}

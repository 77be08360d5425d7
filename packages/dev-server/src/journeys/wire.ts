import { isRecord } from '../is-record.js';
import type { CallbackOutput, CallbackSpec, JsonValue, PageNode } from './types.js';

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

export function renderCallbacks(callbacks: readonly CallbackSpec[]): AmCallback[] {
  return callbacks.map((callback, index) => ({
    type: callback.type,
    output: [...callback.output],
    ...(callback.inputs.length === 0
      ? {}
      : {
          input: callback.inputs.map((input) => ({
            name: inputName(index + 1, input.suffix),
            value: input.value,
          })),
        }),
    _id: index,
  }));
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
  page.callbacks.forEach((callback, index) => {
    for (const input of callback.inputs) {
      if (input.saveAs === undefined) continue;
      const value = submitted.get(inputName(index + 1, input.suffix)) ?? input.value;
      collected[input.transient === true ? 'transient' : 'shared'][input.saveAs] = value;
    }
  });
  return collected;
}

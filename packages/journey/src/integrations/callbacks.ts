// What the integration entries share: finding their callbacks in a node and naming AM's inputs.
// Bundled into each entry that uses it; the core never imports it.
import type {
  AmCallback,
  AmInputValue,
  JourneyCallback,
  JourneyCallbackInput,
  JourneyNode,
} from '@journeykit/journey';

/** A callback of a node, with what `next()` and the form helpers need to address it. */
export interface FoundCallback {
  callback: JourneyCallback;
  /** Its position among the node's callbacks of its type (`JourneyCallbackInput.index`). */
  index: number;
  /** The form field id of the callback (`${type}:${index}`). */
  fieldId: string;
}

/** The node's callbacks that pass `test`, in node order; [] for any node but a ContinueNode. */
export function findCallbacks(
  node: JourneyNode | null | undefined,
  test: (callback: JourneyCallback) => boolean,
): FoundCallback[] {
  if (node?.type !== 'ContinueNode') return [];
  const counters = new Map<string, number>();
  return node.callbacks.flatMap((callback) => {
    const index = counters.get(callback.type) ?? 0;
    counters.set(callback.type, index + 1);
    return test(callback) ? [{ callback, index, fieldId: `${callback.type}:${index}` }] : [];
  });
}

/** The AM name of the input whose name ends in `suffix` after `IDToken<N>`; '' is the main input. */
export function inputName(raw: AmCallback, suffix: string): string | undefined {
  return raw.input?.find((i) => new RegExp(`^IDToken\\d+${suffix}$`).test(i.name))?.name;
}

/**
 * A callback answered by its inputs: a `next()` entry, and a form value as it is
 * (`form.setValue(found.fieldId, answer)`).
 */
export type CallbackAnswer = JourneyCallbackInput & { inputs: Record<string, AmInputValue> };

/** The answer that sets these inputs of a found callback. */
export const answerOf = (
  found: FoundCallback,
  inputs: Record<string, AmInputValue>,
): CallbackAnswer => ({ type: found.callback.type, index: found.index, inputs });

/** An output of the raw callback (AM's name), or undefined. */
export const outputOf = (raw: AmCallback, name: string): unknown =>
  raw.output?.find((o) => o.name === name)?.value;

/** Text, or '' for anything else. */
export const text = (v: unknown): string => (typeof v === 'string' ? v : '');

import { JourneyError, type AmCallback, type JourneyNode } from '@journeykit/journey';

/** The node's raw AM callback of this type (also under the native SDKs' `Idp` spelling), or null. */
export function rawCallback(node: JourneyNode, type: string): AmCallback | null {
  if (node.type !== 'ContinueNode') return null;
  const alias = type.replace('IdP', 'Idp');
  return node.input.callbacks?.find((cb) => cb.type === type || cb.type === alias) ?? null;
}

/** An output of a raw callback by name. */
export const outputOf = (cb: AmCallback, name: string): unknown =>
  cb.output?.find((o) => o.name === name)?.value;

/**
 * Sets the input whose name ends with `suffix` (`''` for the main one) on the node itself, so the
 * next `client.next()` sends it: the client submits the step the node holds.
 */
export function setInput(cb: AmCallback, suffix: string, value: string): void {
  const input = cb.input?.find(
    (i) => /^IDToken\d+/.test(i.name) && i.name.replace(/^IDToken\d+/, '') === suffix,
  );
  if (!input) throw applyError(`${cb.type} has no input IDToken<N>${suffix}`);
  input.value = value;
}

/** A typed error for input the app cannot give this node; nothing was changed. */
export const applyError = (message: string) =>
  new JourneyError(message, 'JOURNEY_CALLBACK_APPLY_ERROR', 'argument_error');

/** The node has no callback of this type. */
export const missing = (type: string) =>
  new JourneyError(`The node has no ${type}`, 'JOURNEY_STATE_ERROR', 'state_error');

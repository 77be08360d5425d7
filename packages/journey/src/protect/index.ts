// @journeykit/journey/protect: PingOne Protect's two steps, initialize and risk evaluation, in
// both of AM's shapes (the PingOneProtect*Callbacks, and the marketplace nodes' MetadataCallback
// with HiddenValueCallbacks). The signals come from a provider the app passes in (Ping's Signals
// SDK, or anything with its `init` and `getData`).
import type { JourneyNode } from '@journeykit/journey';
import {
  answerOf,
  findCallbacks,
  inputName,
  outputOf,
  text,
  type CallbackAnswer,
  type FoundCallback,
} from '../integrations/callbacks';

export type { CallbackAnswer, FoundCallback } from '../integrations/callbacks';

/** Protect's settings as AM sends them at initialization (unknown keys kept). */
export interface ProtectSettings {
  envId: string;
  consoleLogEnabled?: boolean;
  deviceAttributesToIgnore?: string[];
  customHost?: string;
  lazyMetadata?: boolean;
  behavioralDataCollection?: boolean;
  deviceKeyRsyncIntervals?: number;
  enableTrust?: boolean;
  disableTags?: boolean;
  disableHub?: boolean;
  [key: string]: unknown;
}

/** A Protect step of a node. */
export type ProtectStep =
  | { action: 'initialize'; settings: ProtectSettings }
  | { action: 'evaluate'; pauseBehavioralData: boolean };

/** What the app passes in: Ping's Signals SDK (`window._pingOneSignals`) has this shape. */
export interface ProtectSignalsProvider {
  init(settings: ProtectSettings): Promise<unknown>;
  /** The signals for a risk evaluation. */
  getData(): Promise<string>;
  pauseBehavioralData?(): void;
}

interface Located {
  step: ProtectStep;
  /** Where the signals go (evaluation), and where an error goes. */
  signals?: { found: FoundCallback; name: string };
  clientError: { found: FoundCallback; name: string };
}

const ACTIONS: Record<string, ProtectStep['action']> = {
  PingOneProtectInitializeCallback: 'initialize',
  PingOneProtectEvaluationCallback: 'evaluate',
  protect_initialize: 'initialize',
  protect_risk_evaluation: 'evaluate',
};

const stepOf = (action: ProtectStep['action'], data: Record<string, unknown>): ProtectStep =>
  action === 'initialize'
    ? { action, settings: { ...(data as ProtectSettings), envId: text(data.envId) } }
    : { action, pauseBehavioralData: data.pauseBehavioralData === true };

/** A callback's outputs as an object. */
const outputs = (found: FoundCallback) =>
  Object.fromEntries((found.callback.raw.output ?? []).map((o) => [o.name, o.value]));

/** The hidden value callback of the node whose `id` output is `id`, and its input. */
function hidden(node: JourneyNode | null | undefined, id: string) {
  const [found] = findCallbacks(
    node,
    (cb) => cb.type === 'HiddenValueCallback' && outputOf(cb.raw, 'id') === id,
  );
  const name = found && inputName(found.callback.raw, '');
  return found && name ? { found, name } : undefined;
}

function locate(node: JourneyNode | null | undefined): Located | undefined {
  const [own] = findCallbacks(node, (cb) => cb.type in ACTIONS && cb.type.startsWith('PingOne'));
  if (own) {
    const action = ACTIONS[own.callback.type]!;
    const at = (suffix: string) => {
      const name = inputName(own.callback.raw, suffix);
      return name ? { found: own, name } : undefined;
    };
    const clientError = at('clientError');
    if (!clientError) return undefined;
    return { step: stepOf(action, outputs(own)), signals: at('signals'), clientError };
  }
  const [meta] = findCallbacks(node, (cb) => {
    const data = outputOf(cb.raw, 'data') as Record<string, unknown> | undefined;
    return cb.type === 'MetadataCallback' && data?._type === 'PingOneProtect';
  });
  const data = meta && (outputOf(meta.callback.raw, 'data') as Record<string, unknown>);
  const action = data && ACTIONS[text(data._action)];
  const clientError = hidden(node, 'clientError');
  if (!data || !action || !clientError) return undefined;
  // `_type` and `_action` are AM's markers, not settings.
  const settings = Object.fromEntries(Object.entries(data).filter(([key]) => key[0] !== '_'));
  return {
    step: stepOf(action, settings),
    signals: hidden(node, 'pingone_risk_evaluation_signals'),
    clientError,
  };
}

/** The Protect step the node asks for, in either of AM's shapes; undefined when none. */
export function protectStep(node: JourneyNode | null | undefined): ProtectStep | undefined {
  return locate(node)?.step;
}

/**
 * Runs the node's Protect step with the provider and gives the answers for `next()`: after
 * initialization an empty client error (success) or the provider's error; after evaluation the
 * signals, or the error. AM's node takes its client-error outcome when one is set.
 */
export async function answerProtect(
  node: JourneyNode | null | undefined,
  provider: ProtectSignalsProvider,
): Promise<CallbackAnswer[]> {
  const located = locate(node);
  if (!located) return [];
  const { step, signals, clientError } = located;
  const set = new Map<FoundCallback, Record<string, string>>();
  const put = (at: { found: FoundCallback; name: string }, value: string) =>
    set.set(at.found, { ...set.get(at.found), [at.name]: value });
  try {
    if (step.action === 'initialize') await provider.init(step.settings);
    else {
      if (!signals) throw new Error('The step has no place for signals');
      put(signals, await provider.getData());
      if (step.pauseBehavioralData) provider.pauseBehavioralData?.();
    }
    put(clientError, '');
  } catch (error) {
    put(clientError, error instanceof Error ? error.message : String(error));
  }
  return [...set].map(([found, inputs]) => answerOf(found, inputs));
}

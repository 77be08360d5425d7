import type { JourneyCallback, JourneyNode } from '@journeykit/journey';

import { creationOptions, requestOptions } from './metadata';
import { scriptCreationOptions, scriptRequestOptions } from './script';
import type { CreationOptions, RequestOptions } from './types';

interface StepCommon {
  /** Where AM put the options: its metadata, or the script of "return challenge as JavaScript". */
  source: 'metadata' | 'script';
  /** AM takes the JSON outcome (`{authenticatorAttachment, legacyData}`). */
  supportsJsonResponse: boolean;
  /** AM asks for passkey autofill (`mediation: "conditional"`). */
  mediation?: 'conditional';
  /** Which of the step's HiddenValueCallbacks takes the outcome. */
  outcomeIndex: number;
}

/** A WebAuthn step of AM's registration or authentication node, its options built. */
export type WebAuthnStep =
  | (StepCommon & { kind: 'registration'; publicKey: CreationOptions })
  | (StepCommon & { kind: 'authentication'; publicKey: RequestOptions });

/** The step's WebAuthn parts, or undefined when it has none. */
export function findWebAuthn(node: JourneyNode) {
  if (node.type !== 'ContinueNode') return undefined;
  const hidden = node.callbacks.filter((cb) => cb.type === 'HiddenValueCallback');
  const outcomeIndex = hidden.findIndex((cb) => cb.id === 'webAuthnOutcome');
  if (outcomeIndex < 0) return undefined;
  const metadata = node.callbacks.find(
    (cb) => cb.type === 'FidoRegistrationCallback' || cb.type === 'FidoAuthenticationCallback',
  );
  const script = node.callbacks.find(
    (cb: JourneyCallback) =>
      cb.type === 'TextOutputCallback' &&
      typeof cb.message === 'string' &&
      cb.message.includes('webAuthnOutcome') &&
      cb.message.includes('navigator.credentials'),
  );
  if (!metadata && !script) return undefined;
  return { outcomeIndex, metadata, script: script?.message };
}

/**
 * Reads a WebAuthn step: undefined when the node is none; throws a TypeError when AM's options
 * cannot be read (the caller turns it into AM's `DataError` outcome).
 */
export function readWebAuthn(found: NonNullable<ReturnType<typeof findWebAuthn>>): WebAuthnStep {
  const { outcomeIndex, metadata, script } = found;
  if (metadata) {
    const data = metadata.value as Record<string, unknown>;
    const common = {
      source: 'metadata' as const,
      supportsJsonResponse: data.supportsJsonResponse === true,
      outcomeIndex,
      ...(data.mediation === 'conditional' ? { mediation: 'conditional' as const } : {}),
    };
    return metadata.type === 'FidoRegistrationCallback'
      ? { ...common, kind: 'registration', publicKey: creationOptions(data) }
      : { ...common, kind: 'authentication', publicKey: requestOptions(data) };
  }
  const common = { source: 'script' as const, supportsJsonResponse: false, outcomeIndex };
  return script!.includes('navigator.credentials.create')
    ? { ...common, kind: 'registration', publicKey: scriptCreationOptions(script!) }
    : { ...common, kind: 'authentication', publicKey: scriptRequestOptions(script!) };
}

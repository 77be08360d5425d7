// @journeykit/journey/webauthn: AM's WebAuthn registration and authentication nodes (passkeys).
// Its own entry, so apps without passkeys never ship it.
import type { JourneyNextInput, JourneyNode } from '@journeykit/journey';

import { WebAuthnError } from './error';
import {
  authenticationOutcome,
  checked,
  errorOutcome,
  outcomeValue,
  registrationOutcome,
} from './outcome';
import { findWebAuthn, readWebAuthn, type WebAuthnStep } from './step';
import type { WebAuthnAuthenticator } from './types';

export { WebAuthnError } from './error';
export { passkeyModule, type PasskeyModule } from './passkey-module';
export type { WebAuthnStep } from './step';
export type {
  CreationOptions,
  CredentialDescriptor,
  RequestOptions,
  WebAuthnAuthenticator,
  WebAuthnCredential,
} from './types';

/** How a ceremony runs. */
export interface WebAuthnOptions {
  /** Default: the browser's `navigator.credentials`; on React Native `passkeyModule(...)`; in Node your own. */
  authenticator?: WebAuthnAuthenticator;
  /** Aborting cancels the ceremony; the journey stays at the step. */
  signal?: AbortSignal;
}

/** Options of `register()`. */
export interface RegisterOptions extends WebAuthnOptions {
  /** The name AM shows for the passkey (its "device name"), when the node asks for one. */
  deviceName?: string;
}

/** Options of `authenticate()`. */
export interface AuthenticateOptions extends WebAuthnOptions {
  /** Passkey autofill (browsers); AM may ask for it itself. */
  mediation?: 'conditional';
}

/**
 * The WebAuthn step of a node: registration or authentication, with the `PublicKeyCredential`
 * options AM's metadata (or script) asks for; undefined when the node is no WebAuthn step.
 * Throws a `WebAuthnError` (`DataError`, with AM's error outcome as `input`) when AM's options
 * cannot be read.
 */
export function webAuthnStep(node: JourneyNode): WebAuthnStep | undefined {
  const found = findWebAuthn(node);
  if (!found) return undefined;
  try {
    return readWebAuthn(found);
  } catch (error) {
    throw failed(
      found.outcomeIndex,
      'DataError',
      `AM's WebAuthn options are malformed: ${(error as Error).message}`,
      error,
    );
  }
}

/** Whether the browser offers passkey autofill (conditional mediation). */
export async function isConditionalMediationAvailable(): Promise<boolean> {
  const pkc = (
    globalThis as {
      PublicKeyCredential?: { isConditionalMediationAvailable?: () => Promise<boolean> };
    }
  ).PublicKeyCredential;
  return (
    typeof pkc?.isConditionalMediationAvailable === 'function' &&
    (await pkc.isConditionalMediationAvailable())
  );
}

const outcomeInput = (index: number, value: string): JourneyNextInput => ({
  callbacks: [{ type: 'HiddenValueCallback', index, value }],
});

const failed = (index: number, reason: string, message: string, cause?: unknown) =>
  new WebAuthnError(reason, message, outcomeInput(index, errorOutcome(reason, message)), cause);

function browserAuthenticator(): WebAuthnAuthenticator {
  const g = globalThis as {
    PublicKeyCredential?: unknown;
    navigator?: { credentials?: WebAuthnAuthenticator };
  };
  if (!g.PublicKeyCredential || !g.navigator?.credentials)
    throw Object.assign(new Error('WebAuthn is not available here'), { name: 'NotSupportedError' });
  return g.navigator.credentials;
}

async function ceremony(
  node: JourneyNode,
  kind: WebAuthnStep['kind'],
  options: AuthenticateOptions & RegisterOptions,
): Promise<JourneyNextInput> {
  const step = webAuthnStep(node);
  if (!step || step.kind !== kind)
    throw new WebAuthnError('InvalidStateError', `The node is no WebAuthn ${kind} step`);
  const { signal } = options;
  try {
    const authenticator = options.authenticator ?? browserAuthenticator();
    if (step.kind === 'registration') {
      const credential = checked(
        await authenticator.create({ publicKey: step.publicKey, signal }),
        ['attestationObject'],
      );
      const legacy = registrationOutcome(credential, options.deviceName);
      return outcomeInput(
        step.outcomeIndex,
        outcomeValue(credential, legacy, step.supportsJsonResponse),
      );
    }
    const mediation = options.mediation ?? step.mediation;
    if (mediation && !options.authenticator && !(await isConditionalMediationAvailable()))
      throw Object.assign(new Error('Passkey autofill is not available in this browser'), {
        name: 'NotSupportedError',
      });
    const credential = checked(
      await authenticator.get({
        publicKey: step.publicKey,
        signal,
        ...(mediation ? { mediation } : {}),
      }),
      ['authenticatorData', 'signature'],
    );
    const legacy = authenticationOutcome(credential);
    return outcomeInput(
      step.outcomeIndex,
      outcomeValue(credential, legacy, step.supportsJsonResponse),
    );
  } catch (error) {
    const { name, message } = error as Error;
    // The app gave up: nothing to tell AM, the journey stays where it is.
    if (signal?.aborted)
      throw new WebAuthnError('AbortError', 'The ceremony was aborted', undefined, error);
    throw failed(
      step.outcomeIndex,
      typeof name === 'string' && name !== 'Error' ? name : 'UnknownError',
      String(message ?? error),
      error,
    );
  }
}

/**
 * Runs AM's WebAuthn registration node: creates a passkey with the options AM sent and resolves
 * to the `next()` input carrying AM's outcome. A failed or cancelled ceremony rejects with a
 * `WebAuthnError` whose `input` sends AM's error outcome (the node's failure path).
 */
export const register = (node: JourneyNode, options: RegisterOptions = {}) =>
  ceremony(node, 'registration', options);

/**
 * Runs AM's WebAuthn authentication node: signs AM's challenge with a passkey and resolves to the
 * `next()` input carrying AM's outcome. Fails like `register()`.
 */
export const authenticate = (node: JourneyNode, options: AuthenticateOptions = {}) =>
  ceremony(node, 'authentication', options);

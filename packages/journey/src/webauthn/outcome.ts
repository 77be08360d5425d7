import { toSigned, utf8 } from './bytes';
import type { WebAuthnCredential } from './types';

// What AM's WebAuthn nodes read from the hidden `webAuthnOutcome` input.

const isBytes = (v: unknown): v is ArrayBuffer | Uint8Array =>
  v instanceof ArrayBuffer || v instanceof Uint8Array;

/** The credential of a ceremony, checked: a malformed one is an `EncodingError`, never sent. */
export function checked(
  value: unknown,
  parts: ('attestationObject' | 'authenticatorData' | 'signature')[],
) {
  const credential = value as WebAuthnCredential | null;
  const response = credential?.response as Record<string, unknown> | undefined;
  if (!credential || typeof credential.id !== 'string' || !credential.id || !response)
    throw Object.assign(new Error('The authenticator gave no credential'), {
      name: 'UnknownError',
    });
  if (!isBytes(response.clientDataJSON) || !parts.every((part) => isBytes(response[part])))
    throw Object.assign(new Error('The credential is not complete'), { name: 'EncodingError' });
  return credential;
}

/** `<clientDataJSON>::<attestationObject>::<credential id>[::<device name>]`. */
export const registrationOutcome = (credential: WebAuthnCredential, deviceName?: string) =>
  [
    utf8(credential.response.clientDataJSON),
    toSigned(credential.response.attestationObject!),
    credential.id,
    ...(deviceName ? [deviceName] : []),
  ].join('::');

/** `<clientDataJSON>::<authenticatorData>::<signature>::<credential id>[::<user handle>]`. */
export function authenticationOutcome(credential: WebAuthnCredential): string {
  const { clientDataJSON, authenticatorData, signature, userHandle } = credential.response;
  const handle = userHandle ? utf8(userHandle) : '';
  return [
    utf8(clientDataJSON),
    toSigned(authenticatorData!),
    toSigned(signature!),
    credential.id,
    ...(handle ? [handle] : []),
  ].join('::');
}

/**
 * The outcome as sent: AM's JSON form when the node accepts it and the authenticator said how it
 * is attached, else the legacy string (as Ping's web SDK decides).
 */
export const outcomeValue = (credential: WebAuthnCredential, legacy: string, json: boolean) =>
  json && 'authenticatorAttachment' in credential
    ? JSON.stringify({
        authenticatorAttachment: credential.authenticatorAttachment,
        legacyData: legacy,
      })
    : legacy;

/** AM's outcome for a failed ceremony; `unsupported` when there is no WebAuthn here. */
export const errorOutcome = (name: string, message: string) =>
  name === 'NotSupportedError' ? 'unsupported' : `ERROR::${name}:${message}`;

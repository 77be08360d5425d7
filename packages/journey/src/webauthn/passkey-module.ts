import { base64url } from '../platform/encoding';
import { fromBase64 } from './bytes';
import type { CreationOptions, RequestOptions, WebAuthnAuthenticator } from './types';

/**
 * A React Native passkey module: WebAuthn's JSON in (base64url bytes), the credential's JSON out.
 * `Passkey` of `react-native-passkey`, or `import * as passkeys from 'react-native-passkeys'`.
 */
export interface PasskeyModule {
  create(request: Record<string, unknown>): Promise<unknown>;
  get(request: Record<string, unknown>): Promise<unknown>;
}

const idsJson = (list?: { type: string; id: Uint8Array }[]) =>
  list && list.map((c) => ({ type: c.type, id: base64url(c.id) }));

const creationJson = (o: CreationOptions) => ({
  ...o,
  challenge: base64url(o.challenge),
  user: { ...o.user, id: base64url(o.user.id) },
  excludeCredentials: idsJson(o.excludeCredentials),
});

const requestJson = (o: RequestOptions) => ({
  ...o,
  challenge: base64url(o.challenge),
  allowCredentials: idsJson(o.allowCredentials),
});

/** The module's credential JSON with its base64url fields as bytes; anything else as it is. */
function fromJson(value: unknown): unknown {
  const credential = value as { id?: unknown; response?: Record<string, unknown> } | null;
  if (!credential || typeof credential !== 'object' || !credential.response) return value;
  const response: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(credential.response))
    response[key] = typeof field === 'string' && key !== 'transports' ? fromBase64(field) : field;
  return { ...credential, response };
}

/** The authenticator of a React Native passkey module (the app passes it in; we never import it). */
export const passkeyModule = (module: PasskeyModule): WebAuthnAuthenticator => ({
  create: async ({ publicKey }) => fromJson(await module.create(creationJson(publicKey))),
  get: async ({ publicKey }) => fromJson(await module.get(requestJson(publicKey))),
});

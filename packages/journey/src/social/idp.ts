import type { JourneyNode } from '@journeykit/journey';

import { applyError, missing, outputOf, rawCallback, setInput } from './callbacks';

/** What AM asks a native provider sign-in for (`IdPCallback` outputs). */
export interface IdpRequest {
  provider: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  nonce: string;
  acrValues: string[];
  /** A signed request object, when AM made one. */
  request: string;
  requestUri: string;
}

/** The token types AM takes back from a native sign-in. */
export type IdpTokenType = 'id_token' | 'access_token' | 'authorization_code';

/**
 * A native sign-in the app passes in (Google Sign-In, Sign in with Apple, …): it signs the user in
 * with AM's request and resolves with the provider's token.
 */
export type IdpSignIn = (
  request: IdpRequest,
) => Promise<{ token: string; tokenType: IdpTokenType }>;

const TOKEN_TYPES: readonly string[] = ['id_token', 'access_token', 'authorization_code'];

const strings = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const string = (value: unknown) => (typeof value === 'string' ? value : '');

/** The node's `IdPCallback` request, or null when it has none. */
export function idpRequest(node: JourneyNode): IdpRequest | null {
  const cb = rawCallback(node, 'IdPCallback');
  if (!cb) return null;
  const out = (name: string) => outputOf(cb, name);
  return {
    provider: string(out('provider')),
    clientId: string(out('clientId')),
    redirectUri: string(out('redirectUri')),
    scopes: strings(out('scopes')),
    nonce: string(out('nonce')),
    acrValues: strings(out('acrValues')),
    request: string(out('request')),
    requestUri: string(out('requestUri')),
  };
}

/**
 * Signs in with the provider's native module and puts its token and token type on the node's
 * `IdPCallback`; then `client.next()` sends them. A missing token or an unknown type is a
 * JOURNEY_CALLBACK_APPLY_ERROR and the node stays as it was.
 */
export async function signInWithIdp(node: JourneyNode, signIn: IdpSignIn): Promise<void> {
  const cb = rawCallback(node, 'IdPCallback');
  const request = idpRequest(node);
  if (!cb || !request) throw missing('IdPCallback');
  const { token, tokenType } = await signIn(request);
  if (typeof token !== 'string' || !token)
    throw applyError(`${request.provider} sign-in gave no token`);
  if (!TOKEN_TYPES.includes(tokenType)) throw applyError(`Unknown token type ${String(tokenType)}`);
  setInput(cb, 'token', token);
  setInput(cb, 'token_type', tokenType);
}

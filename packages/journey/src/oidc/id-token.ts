import { userError } from '../errors';
import { isObject, parseJson } from '../http/json';
import { base64Text } from '../platform/encoding';

/**
 * Verifies an ID token's signature after the SDK's own claim checks passed; rejects to refuse
 * the token (a `retryable` JourneyError when the keys could not be fetched).
 * `@journeykit/journey/jose` ships one on the discovery `jwks_uri`.
 */
export type IdTokenVerifier = (
  idToken: string,
  context: {
    issuer: string;
    jwksUri?: string;
    clientId: string;
    /** The server's time as the SDK estimates it (ms), for `exp`/`iat`. */
    now: number;
  },
) => Promise<void>;

/** The claims of a JWT, without verifying it; null when it is not a readable JWT. */
export function decodeJwt(token: string): Record<string, unknown> | null {
  const claims = parseJson(base64Text(token.split('.')[1] ?? '') ?? '');
  return isObject(claims) ? claims : null;
}

const leewaySeconds = 60;

/**
 * OIDC Core §3.1.3.7 checks: issuer, audience, authorized party, expiry, issue time and — for a
 * token from the authorize flow — the nonce we sent. `now` is the server's clock as we estimate it.
 */
export function checkIdToken(
  idToken: string,
  expected: { issuer: string; clientId: string; nonce?: string; now: number; subject?: string },
): Record<string, unknown> {
  const claims = decodeJwt(idToken);
  const fail = (why: string) => userError('auth_error', `Rejected the ID token: ${why}`);
  if (!claims) throw fail('not a JWT');
  // Unsigned is refused whether or not the app verifies signatures.
  const header = parseJson(base64Text(idToken.split('.')[0]!) ?? '');
  if (!isObject(header) || typeof header.alg !== 'string' || /^none$/i.test(header.alg))
    throw fail('unsigned');
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  const nowSeconds = expected.now / 1000;
  if (claims.iss !== expected.issuer) throw fail('unexpected issuer');
  if (!aud.includes(expected.clientId)) throw fail('not issued to this client');
  // With several audiences, or an `azp` at all, the authorized party must be this client.
  if ((aud.length > 1 || claims.azp !== undefined) && claims.azp !== expected.clientId)
    throw fail('unexpected authorized party');
  if (typeof claims.exp !== 'number' || claims.exp + leewaySeconds < nowSeconds)
    throw fail('expired');
  if (typeof claims.iat !== 'number' || claims.iat - leewaySeconds > nowSeconds)
    throw fail('issued in the future');
  if (expected.nonce !== undefined && claims.nonce !== expected.nonce) throw fail('nonce mismatch');
  if (expected.subject !== undefined && claims.sub !== expected.subject)
    throw fail('subject changed');
  return claims;
}

const protocolClaims =
  'iss aud exp iat nbf nonce azp at_hash c_hash s_hash auth_time jti sid acr amr';

/** The claims of an ID token that describe the user, for `userInfo` when userinfo is unavailable. */
export function profileClaims(idToken: string | undefined): Record<string, unknown> | undefined {
  const claims = idToken ? decodeJwt(idToken) : null;
  if (!claims) return undefined;
  for (const name of protocolClaims.split(' ')) delete claims[name];
  return claims;
}

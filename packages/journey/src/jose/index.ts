// @journeykit/journey/jose: ID token signatures checked with jose against the discovery jwks_uri.
// Its own entry, so apps that do not verify signatures never ship jose.
import { JourneyError, type FetchLike, type IdTokenVerifier } from '@journeykit/journey';
import { createRemoteJWKSet, customFetch, errors, jwtVerify } from 'jose';

export interface JoseVerifierOptions {
  /** Accepted signing algorithms; default: whatever the server's keys are for. */
  algorithms?: string[];
  /** The fetch for the key set; default the global one. */
  fetch?: FetchLike;
}

/** Error codes that mean the keys could not be had (try again), not that the token is bad. */
const unavailable = ['ERR_JWKS_TIMEOUT', 'ERR_JOSE_GENERIC'];

/**
 * `modules.oidc.idTokenVerifier: joseVerifier()`. The key set is fetched from the discovery
 * document's `jwks_uri` on first use, cached, and fetched again when a token names a key it does
 * not hold (key rotation). A bad signature is refused (`auth_error`); keys that cannot be fetched
 * give a `retryable` error, so no tokens are dropped for a network problem.
 */
export function joseVerifier(options: JoseVerifierOptions = {}): IdTokenVerifier {
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  return async (idToken, { issuer, jwksUri, clientId, now }) => {
    if (!jwksUri)
      throw new JourneyError(
        'The ID token cannot be verified: the server publishes no jwks_uri',
        'JOURNEY_USER_ERROR',
        'wellknown_error',
      );
    let keys = keySets.get(jwksUri);
    if (!keys) {
      const fetch = options.fetch && { [customFetch]: options.fetch };
      keys = createRemoteJWKSet(new URL(jwksUri), fetch);
      keySets.set(jwksUri, keys);
    }
    try {
      await jwtVerify(idToken, keys, {
        issuer,
        audience: clientId,
        algorithms: options.algorithms,
        currentDate: new Date(now),
        clockTolerance: 60,
      });
    } catch (cause) {
      const retryable = !(cause instanceof errors.JOSEError) || unavailable.includes(cause.code);
      const why = cause instanceof Error ? cause.message : String(cause);
      throw new JourneyError(
        `${retryable ? 'Could not check' : 'Rejected'} the ID token signature: ${why}`,
        'JOURNEY_USER_ERROR',
        retryable ? 'network_error' : 'auth_error',
        { cause, retryable },
      );
    }
  };
}

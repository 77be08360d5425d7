import { createHash, randomBytes } from 'node:crypto';

import { createRemoteJWKSet, jwtVerify } from 'jose';
import type Provider from 'oidc-provider';

import type { AppMiddleware } from '../http/context.js';
import { impliedConsentGrant } from '../oauth/implied-consent.js';
import { loadOidcProvider } from '../oauth/load-oidc-provider.js';
import { mountProvider } from '../oauth/mount.js';
import { ProviderStore } from '../oauth/provider-store.js';
import { newSigningKey } from '../oauth/signing-key.js';
import { SOCIAL_PATH } from '../urls.js';

/** What the provider says about the user who signed in there (ID token claims). */
export interface SocialClaims {
  readonly sub: string;
  readonly email: string;
  readonly name: string;
}

/** A sign-in begun at the provider: what AM sends the user to, and the state it comes back with. */
export interface SocialRedirect {
  readonly url: string;
  readonly state: string;
}

/** The social provider as AM's Social Provider Handler node sees it. */
export interface SocialProvider {
  readonly issuer: string;
  /** The redirect URI the provider sends users back to (AM's per-provider setting). */
  readonly redirectUri: string;
  /** Serves the provider below `/social`. */
  readonly middleware: AppMiddleware;
  /** An authorization request with PKCE, state and nonce, kept here until its return. */
  begin(): SocialRedirect;
  /**
   * The return: its code exchanged (once) and its ID token verified. Undefined for a return that
   * is refused, unknown, replayed or for another sign-in than `expected`.
   */
  complete(
    params: Record<string, string | undefined>,
    expected: string,
  ): Promise<SocialClaims | undefined>;
  /** Codes exchanged for tokens: sign-ins the provider completed. */
  readonly exchanges: number;
}

const CLIENT_ID = 'journeykit-am';
const random = () => randomBytes(32).toString('base64url');

/** The email a login at the provider has: itself when it is one, else `<login>@example.com`. */
const emailOf = (login: string) => (login.includes('@') ? login : `${login}@example.com`);

/**
 * A second, real OpenID provider (oidc-provider, in this process, at `<origin>/social`) standing in
 * for Google: its development login page takes any login and password, consent is implied, and AM
 * is its confidential client. The provider named `google` in the SocialLogin journey.
 */
export async function createSocialProvider(
  origin: string,
  redirectUri: string,
): Promise<SocialProvider> {
  const { default: OidcProvider, interactionPolicy } = await loadOidcProvider();
  // Consent is implied, also for the native client AM is here (see the client below).
  const policy = interactionPolicy.base();
  policy.get('consent')?.checks.remove('native_client_prompt');
  const issuer = `${origin}${SOCIAL_PATH}`;
  const secret = random();
  const signingKey = await newSigningKey();
  const provider: Provider = quietly(
    () =>
      new OidcProvider(issuer, {
        adapter: new ProviderStore().adapter,
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: secret,
            // Native: the app's return URI may be a custom scheme or an http loopback one.
            application_type: 'native',
            token_endpoint_auth_method: 'client_secret_post',
            grant_types: ['authorization_code'],
            response_types: ['code'],
            redirect_uris: [redirectUri],
          },
        ],
        jwks: { keys: [signingKey] },
        // Mounted in the dev server's Koa app, which has no cookie keys: plain cookies.
        cookies: { long: { signed: false }, short: { signed: false } },
        scopes: ['openid', 'email', 'profile'],
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        findAccount: (_ctx, sub) => ({
          accountId: sub,
          claims: () => ({ sub, email: emailOf(sub), email_verified: true, name: sub }),
        }),
        loadExistingGrant: impliedConsentGrant,
        pkce: { required: () => true },
        interactions: { policy },
        features: { devInteractions: { enabled: true } },
      }),
  );
  provider.on('server_error', (_ctx, error) => {
    console.error('journeykit dev-server: social provider error', error);
  });
  const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
  const pending = new Map<string, { verifier: string; nonce: string }>();
  let exchanges = 0;

  return {
    issuer,
    redirectUri,
    middleware: mountProvider(provider, SOCIAL_PATH),
    get exchanges() {
      return exchanges;
    },
    begin() {
      const [state, nonce, verifier] = [random(), random(), random()];
      pending.set(state, { verifier, nonce });
      const url = new URL(`${issuer}/auth`);
      url.search = new URLSearchParams({
        client_id: CLIENT_ID,
        response_type: 'code',
        scope: 'openid email profile',
        redirect_uri: redirectUri,
        state,
        nonce,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }).toString();
      return { url: url.href, state };
    },
    async complete({ code, state }, expected) {
      const request = state === expected ? pending.get(expected) : undefined;
      pending.delete(expected);
      if (request === undefined || code === undefined) return undefined;
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          code_verifier: request.verifier,
          client_id: CLIENT_ID,
          client_secret: secret,
        }),
      });
      const tokens = (await response.json()) as { id_token?: unknown };
      if (!response.ok || typeof tokens.id_token !== 'string') return undefined;
      exchanges += 1;
      const { payload } = await jwtVerify(tokens.id_token, jwks, { issuer, audience: CLIENT_ID });
      if (payload.nonce !== request.nonce || typeof payload.sub !== 'string') return undefined;
      return {
        sub: payload.sub,
        email: typeof payload.email === 'string' ? payload.email : emailOf(payload.sub),
        name: typeof payload.name === 'string' ? payload.name : payload.sub,
      };
    },
  };
}

/** oidc-provider warns that its development login page is on: here that is the point. */
function quietly<T>(create: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('devInteractions')) warn(...args);
  };
  try {
    return create();
  } finally {
    console.warn = warn;
  }
}

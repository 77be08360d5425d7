import type Provider from 'oidc-provider';
import type { ClientMetadata } from 'oidc-provider';

import type { SsoSessionStore } from '../am/sso-sessions.js';
import type { UserStore } from '../am/users.js';
import type { Settings } from '../options.js';
import { accountFinder, OPS_CLAIM } from './account.js';
import { impliedConsentGrant } from './implied-consent.js';
import { loadOidcProvider } from './load-oidc-provider.js';
import { amInteractionPolicy, xuiLoginUrl } from './interactions.js';
import type { ProviderStore } from './provider-store.js';
import { renderErrorAsJson } from './render-error.js';
import { keepRefreshTokens } from './refresh-rotation.js';
import { revokeLikeAm } from './revocation.js';
import { AM_OAUTH_ROUTES } from './routes.js';
import { otherClient } from './sdk-client.js';
import { newSigningKey } from './signing-key.js';

export interface ProviderDeps {
  readonly issuer: string;
  readonly settings: Settings;
  readonly client: ClientMetadata;
  readonly users: UserStore;
  readonly sessions: SsoSessionStore;
  readonly store: ProviderStore;
}

/** oidc-provider configured as an AM realm's OAuth 2.0 / OIDC side, with AM's route names. */
export async function createProvider(deps: ProviderDeps): Promise<Provider> {
  const { default: OidcProvider, interactionPolicy } = await loadOidcProvider();
  const { settings } = deps;
  const corsOrigins = new Set(settings.corsOrigins);
  const provider = new OidcProvider(deps.issuer, {
    adapter: deps.store.adapter,
    clients: [deps.client, otherClient(deps.client)],
    jwks: { keys: [await newSigningKey()] },
    routes: AM_OAUTH_ROUTES,
    responseTypes: ['code'],
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    claims: {
      openid: ['sub', 'subname', OPS_CLAIM],
      profile: ['name', 'given_name', 'family_name'],
      email: ['email'],
    },
    findAccount: accountFinder(deps.users, deps.sessions),
    loadExistingGrant: impliedConsentGrant,
    pkce: { required: () => true },
    // AM issues refresh tokens to clients with the grant type, whether or not offline_access was asked.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: settings.rotateRefreshTokens,
    // Tokens outlive the provider session, as AM's outlive the AM session.
    expiresWithSession: () => false,
    interactions: {
      policy: amInteractionPolicy(interactionPolicy),
      url: xuiLoginUrl(settings.realm),
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      revocation: { enabled: true, allowedPolicy: revokeLikeAm },
      introspection: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      rpInitiatedLogout: { enabled: true },
    },
    ttl: {
      AccessToken: settings.accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: settings.refreshTokenTtl,
      Grant: settings.refreshTokenTtl,
      Interaction: 600,
      Session: settings.sessionTtl,
    },
    clientBasedCORS: (_ctx, origin) => corsOrigins.has(origin),
    renderError: renderErrorAsJson,
  });
  if (!settings.rotateRefreshTokens) keepRefreshTokens(provider);
  // oidc-provider answers its own bugs with a 500; print them like ours (http/internal-error).
  provider.on('server_error', (_ctx, error) => {
    console.error('journeykit dev-server: oidc-provider error', error);
  });
  return provider;
}

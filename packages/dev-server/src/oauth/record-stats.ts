import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';

import type { OAuthStats } from '../hooks/oauth-stats.js';
import type { AppMiddleware } from '../http/context.js';

/** Feeds the grant and reuse counters from oidc-provider's events. */
export function recordProviderEvents(provider: Provider, stats: OAuthStats): void {
  const countGrant = (ctx: KoaContextWithOIDC) => {
    const type = grantType(ctx);
    if (type === 'authorization_code' || type === 'refresh_token') stats.grants[type] += 1;
  };
  provider.on('grant.success', countGrant);
  provider.on('grant.error', countGrant);
  // At the token endpoint a refresh grant revokes a whole grant only when a consumed (rotated)
  // refresh token comes back; revocations by /token/revoke or end session happen on other routes.
  provider.on('grant.revoked', (ctx: KoaContextWithOIDC) => {
    if (ctx.oidc.route === 'token' && grantType(ctx) === 'refresh_token')
      stats.reuseDetections += 1;
  });
}

/** Counts `/token/revoke` calls the provider answered 200 (a fault that answers instead never gets here). */
export function recordRevocations(stats: OAuthStats): AppMiddleware {
  return async (ctx, next) => {
    await next();
    if (ctx.state.route === 'revoke' && ctx.status === 200) stats.revocations += 1;
  };
}

function grantType(ctx: KoaContextWithOIDC): unknown {
  return ctx.oidc.params?.grant_type;
}

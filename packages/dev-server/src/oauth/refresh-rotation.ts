import type Provider from 'oidc-provider';

import { isRecord } from '../is-record.js';

/**
 * AM with "Issue Refresh Tokens on Refreshing Access Tokens" off: a refresh leaves the refresh token
 * as it is (oidc-provider's `rotateRefreshToken: false`), and, unlike oidc-provider, its reply does
 * not repeat it, so a client must keep the one it has.
 */
export function keepRefreshTokens(provider: Provider): void {
  provider.use(async (ctx, next) => {
    await next();
    const { oidc } = ctx as { oidc?: { route?: string; params?: Record<string, unknown> } };
    if (
      oidc?.route === 'token' &&
      oidc.params?.grant_type === 'refresh_token' &&
      isRecord(ctx.body)
    )
      delete ctx.body.refresh_token;
  });
}

import { decodeJwt } from 'jose';
import type Provider from 'oidc-provider';
import type { Client } from 'oidc-provider';

import type { SsoSessionStore } from '../am/sso-sessions.js';
import type { EndSessionRecord } from '../hooks/oauth-stats.js';
import type { AppContext, AppMiddleware } from '../http/context.js';
import { queryParam } from '../http/query.js';
import { OPS_CLAIM } from './account.js';
import type { ProviderStore } from './provider-store.js';

export interface EndSessionDeps {
  readonly provider: Provider;
  readonly store: ProviderStore;
  readonly sessions: SsoSessionStore;
  readonly record: (record: EndSessionRecord) => void;
}

/**
 * AM's end session, a single GET (am-protocol §6.6), in place of oidc-provider's page + POST:
 * validates `id_token_hint` (expired is fine), revokes the grants of that user and client with their
 * tokens, ends the AM session the id_token names, then answers 204, or 302 to a registered
 * `post_logout_redirect_uri` (with `state`).
 */
export function amEndSession(deps: EndSessionDeps): AppMiddleware {
  return async (ctx, next) => {
    if (ctx.state.route !== 'endSession' || ctx.method !== 'GET') {
      await next();
      return;
    }
    const hint = queryParam(ctx, 'id_token_hint');
    const validated = hint === undefined ? undefined : await validateHint(deps.provider, hint);
    if (validated === undefined) {
      deps.record({ idTokenHintValid: false, sessionsEnded: 0 });
      invalidRequest(ctx, hint === undefined ? 'missing id_token_hint' : 'invalid id_token_hint');
      return;
    }
    const { client, sub, ops } = validated;
    const redirectUri = queryParam(ctx, 'post_logout_redirect_uri');
    if (redirectUri !== undefined && !client.postLogoutRedirectUriAllowed(redirectUri)) {
      deps.record({ idTokenHintValid: true, sub, sessionsEnded: 0 });
      invalidRequest(ctx, 'post_logout_redirect_uri not registered');
      return;
    }
    await revokeGrants(deps, sub, client.clientId);
    const amSession = ops === undefined ? undefined : deps.sessions.findByUid(ops);
    const ended = amSession !== undefined && deps.sessions.end(amSession.token);
    deps.record({ idTokenHintValid: true, sub, sessionsEnded: ended ? 1 : 0 });
    if (redirectUri === undefined) {
      ctx.status = 204;
      return;
    }
    const target = new URL(redirectUri);
    const state = queryParam(ctx, 'state');
    if (state !== undefined) target.searchParams.set('state', state);
    ctx.redirect(target.href);
    ctx.status = 302;
  };
}

interface ValidatedHint {
  readonly client: Client;
  readonly sub: string;
  /** The AM session the id_token was minted from. */
  readonly ops: string | undefined;
}

async function validateHint(provider: Provider, hint: string): Promise<ValidatedHint | undefined> {
  try {
    const { aud } = decodeJwt(hint);
    const clientId = Array.isArray(aud) ? aud[0] : aud;
    const client = clientId === undefined ? undefined : await provider.Client.find(clientId);
    if (client === undefined) return undefined;
    const { payload } = await provider.IdToken.validate(hint, client);
    const ops = payload[OPS_CLAIM];
    return { client, sub: String(payload.sub), ops: typeof ops === 'string' ? ops : undefined };
  } catch {
    return undefined;
  }
}

async function revokeGrants(deps: EndSessionDeps, sub: string, clientId: string): Promise<void> {
  const { provider } = deps;
  const grants = deps.store.findAll('Grant', (g) => g.accountId === sub && g.clientId === clientId);
  for (const { jti } of grants) {
    if (jti === undefined) continue;
    await Promise.all([
      provider.AccessToken.revokeByGrantId(jti),
      provider.RefreshToken.revokeByGrantId(jti),
      provider.AuthorizationCode.revokeByGrantId(jti),
    ]);
    await (await provider.Grant.find(jti))?.destroy();
  }
}

function invalidRequest(ctx: AppContext, description: string): void {
  ctx.status = 400;
  ctx.body = { error: 'invalid_request', error_description: description };
}

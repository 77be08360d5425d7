import type Provider from 'oidc-provider';

import { presentedSsoToken } from '../am/session-token.js';
import type { SsoSession, SsoSessionStore } from '../am/sso-sessions.js';
import type { AppContext, AppMiddleware } from '../http/context.js';

/**
 * One-hop authorize from the AM session (toolchain.md §1). The SSO token, as cookie or as the header
 * named like the cookie, stands in for oidc-provider's own session cookie: that cookie is stripped
 * from requests and responses, so the AM session is the only session. oidc-provider's 303s become
 * AM's 302 (Android accepts nothing else, am-protocol §7.3).
 */
export function oneHopAuthorize(
  provider: Provider,
  sessions: SsoSessionStore,
  cookieName: string,
): AppMiddleware {
  const providerCookies = ['session', 'interaction', 'resume'].map((type) =>
    provider.cookieName(type),
  );
  const isProviderCookie = (cookie: string) => {
    const name = cookie.slice(0, cookie.indexOf('=')).trim();
    return providerCookies.some((ours) => name === ours || name.startsWith(`${ours}.`));
  };

  return async (ctx, next) => {
    if (ctx.state.route !== 'authorize') {
      await next();
      return;
    }
    const cookies = ctx
      .get('Cookie')
      .split(';')
      .map((cookie) => cookie.trim())
      .filter((cookie) => cookie !== '' && !isProviderCookie(cookie));
    const sso = sessions.find(presentedSsoToken(ctx, cookieName));
    if (sso !== undefined) {
      cookies.push(`${provider.cookieName('session')}=${await providerSessionId(provider, sso)}`);
    }
    ctx.req.headers.cookie = cookies.join('; ');
    await next();
    if (ctx.status === 303) ctx.status = 302;
    dropSetCookies(ctx, isProviderCookie);
  };
}

/** The oidc-provider session standing for an AM session: created on first use, for its remaining life. */
async function providerSessionId(provider: Provider, sso: SsoSession): Promise<string> {
  const existing =
    sso.providerSession === undefined
      ? undefined
      : await provider.Session.find(sso.providerSession.id);
  if (existing !== undefined) return existing.jti;
  const session = new provider.Session();
  session.loginAccount({ accountId: sso.userId, loginTs: sso.authTime, amr: ['pwd'] });
  await session.save(Math.max(1, Math.ceil((sso.expiresAt - Date.now()) / 1000)));
  sso.providerSession = { id: session.jti, uid: session.uid };
  return session.jti;
}

function dropSetCookies(ctx: AppContext, drop: (cookie: string) => boolean): void {
  const header: unknown = ctx.response.get('Set-Cookie');
  const cookies = Array.isArray(header) ? header : [header];
  const kept = cookies.filter(
    (cookie): cookie is string => typeof cookie === 'string' && cookie !== '' && !drop(cookie),
  );
  if (kept.length === 0) ctx.remove('Set-Cookie');
  else ctx.set('Set-Cookie', kept);
}

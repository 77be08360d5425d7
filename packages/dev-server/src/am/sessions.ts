import type { AppContext } from '../http/context.js';
import { isRecord } from '../is-record.js';
import { sendAmError } from './errors.js';
import { expireSessionCookie, presentedSsoToken } from './session-token.js';
import type { SsoSessionStore } from './sso-sessions.js';

export interface SessionsDeps {
  readonly cookieName: string;
  readonly sessions: SsoSessionStore;
}

/**
 * `POST /json/.../sessions?_action=logout|validate` (am-protocol §5). The token comes from the header
 * named like the cookie, the cookie, or the body's `tokenId`; validate prefers the body (it checks
 * someone's token), logout the caller's own.
 */
export function sessionsHandler(deps: SessionsDeps) {
  function logout(ctx: AppContext, token: string | undefined): void {
    if (token === undefined) {
      sendAmError(ctx, 401, 'Access Denied');
    } else if (deps.sessions.end(token)) {
      expireSessionCookie(ctx, deps.cookieName);
      ctx.body = { result: 'Successfully logged out' };
    } else {
      ctx.body = { result: 'Token has expired' };
    }
  }

  function validate(ctx: AppContext, token: string | undefined): void {
    const session = deps.sessions.find(token);
    ctx.body =
      session === undefined
        ? { valid: false }
        : { valid: true, sessionUid: session.uid, uid: session.userId, realm: session.realm };
  }

  return (ctx: AppContext, body: unknown): void => {
    const bodyToken = isRecord(body) && typeof body.tokenId === 'string' ? body.tokenId : undefined;
    const presented = presentedSsoToken(ctx, deps.cookieName);
    const action = ctx.query._action;
    if (action === 'logout') {
      logout(ctx, presented ?? bodyToken);
    } else if (action === 'validate') {
      validate(ctx, bodyToken ?? presented);
    } else {
      sendAmError(ctx, 501, `Action '${String(action)}' not implemented for this resource`);
    }
  };
}

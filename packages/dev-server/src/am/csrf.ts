import type { AppContext } from '../http/context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * AM's CSRF filter (am-protocol §2.2): a state-changing `/json` request that carries the session
 * cookie must also carry `X-Requested-With` or `Accept-API-Version`. The token header alone is fine.
 */
export function failsCsrfCheck(ctx: AppContext, cookieName: string): boolean {
  return (
    !SAFE_METHODS.has(ctx.method) &&
    ctx.cookies.get(cookieName) !== undefined &&
    ctx.get('X-Requested-With') === '' &&
    ctx.get('Accept-API-Version') === ''
  );
}

import type { AppContext } from '../http/context.js';

/**
 * The SSO token a request presents: the header named like the cookie (Android, am-protocol §2.1),
 * else the cookie itself (browsers).
 */
export function presentedSsoToken(ctx: AppContext, cookieName: string): string | undefined {
  const header = ctx.get(cookieName);
  if (header !== '') return header;
  return ctx.cookies.get(cookieName);
}

/** Set on success. http loopback: no `Secure`, so `SameSite=Lax` (am-protocol §9.5). */
export function setSessionCookie(ctx: AppContext, cookieName: string, token: string): void {
  ctx.append('Set-Cookie', `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Lax`);
}

/** Sent on logout; browsers drop the HttpOnly cookie only because of it. */
export function expireSessionCookie(ctx: AppContext, cookieName: string): void {
  ctx.append(
    'Set-Cookie',
    `${cookieName}=; Expires=Thu, 01 Jan 1970 00:00:10 GMT; Path=/; HttpOnly; SameSite=Lax`,
  );
}

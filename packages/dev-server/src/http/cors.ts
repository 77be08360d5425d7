import type { AppMiddleware } from './context.js';

/** Headers the SDKs send (am-protocol §2.3), plus the SSO token header named like the cookie. */
const SDK_HEADERS = [
  'accept',
  'accept-api-version',
  'accept-language',
  'authorization',
  'content-type',
  'x-requested-with',
  'x-requested-platform',
];

/**
 * Credentialed CORS for an exact list of origins, on every endpoint. Other origins get no CORS headers
 * here (oidc-provider then applies its own client-based rule to its endpoints).
 */
export function cors(origins: readonly string[], cookieName: string): AppMiddleware {
  const allowed = new Set(origins);
  const allowHeaders = [...SDK_HEADERS, cookieName.toLowerCase()].join(', ');
  return async (ctx, next) => {
    const origin = ctx.get('Origin');
    if (allowed.has(origin)) {
      ctx.vary('Origin');
      ctx.set('Access-Control-Allow-Origin', origin);
      ctx.set('Access-Control-Allow-Credentials', 'true');
      if (ctx.method === 'OPTIONS' && ctx.get('Access-Control-Request-Method') !== '') {
        ctx.set('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
        ctx.set('Access-Control-Allow-Headers', allowHeaders);
        ctx.set('Access-Control-Max-Age', '600');
        ctx.status = 204;
        return;
      }
    }
    await next();
  };
}

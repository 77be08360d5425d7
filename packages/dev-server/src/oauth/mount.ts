import compose from 'koa-compose';
import type Provider from 'oidc-provider';

import type { AppMiddleware } from '../http/context.js';

/**
 * Runs oidc-provider's middleware inside our app, below `prefix`, on the same Koa context, so the
 * request log, faults and CORS see its responses like any other. oidc-provider reads the mount
 * path from `ctx.mountPath` when it builds absolute URLs (discovery, redirects).
 */
export function mountProvider(provider: Provider, prefix: string): AppMiddleware {
  const run = compose(provider.middleware);
  return async (ctx, next) => {
    const path = ctx.path;
    ctx.mountPath = prefix;
    ctx.path = path.slice(prefix.length) || '/';
    try {
      await run(ctx, next);
    } finally {
      ctx.path = path;
    }
  };
}

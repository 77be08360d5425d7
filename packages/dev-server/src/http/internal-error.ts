import { amErrorBody } from '../am/errors.js';
import type { AppMiddleware } from './context.js';

/** A bug in the server answers AM's 500 JSON and is printed, instead of Koa's plain text. */
export function internalError(): AppMiddleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      // A client that hung up mid-request (it aborted, or timed out) is not a server bug.
      if (ctx.req.destroyed) return;
      console.error('journeykit dev-server: internal error on', ctx.method, ctx.path, error);
      ctx.status = 500;
      ctx.body = amErrorBody(500, 'Internal Server Error');
    }
  };
}

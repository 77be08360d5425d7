import type { AppContext } from './context.js';

/** A query parameter given once and non-empty; anything else reads as absent. */
export function queryParam(ctx: AppContext, name: string): string | undefined {
  const value = ctx.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

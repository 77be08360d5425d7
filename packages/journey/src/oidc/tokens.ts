import type { OidcContext } from './context';
import { mintTokens } from './mint';
import { refreshTokens } from './refresh';
import { isFresh, type TokenSet } from './token-set';

/**
 * `user()`: the stored tokens while they are fresh — no request at all — otherwise one renewal
 * under the session lock: refresh when there is a refresh token, mint from the SSO session when
 * there is none or the server refused it. Waiters re-read storage once they hold the lock, so
 * concurrent callers share the first caller's renewal.
 */
export async function currentTokens(
  ctx: OidcContext,
  signal?: AbortSignal,
): Promise<TokenSet | null> {
  const stored = await ctx.tokens.read();
  if (stored && isFresh(stored, ctx.clock(), ctx.refreshThreshold)) return stored;
  return ctx.lock(async () => {
    const tokens = await ctx.tokens.read();
    if (tokens && isFresh(tokens, ctx.clock(), ctx.refreshThreshold)) return tokens;
    const refreshed = tokens ? await refreshTokens(ctx, tokens, signal) : null;
    return refreshed ?? mintTokens(ctx, signal);
  }, signal);
}

/**
 * `refresh()`: a refresh grant now, whatever the expiry. Callers that queued behind another
 * renewal get its result instead of spending the new refresh token again.
 */
export async function renewTokens(
  ctx: OidcContext,
  signal?: AbortSignal,
): Promise<TokenSet | null> {
  const seen = await ctx.tokens.read();
  return ctx.lock(async () => {
    const tokens = await ctx.tokens.read();
    if (tokens && tokens.accessToken !== seen?.accessToken) return tokens;
    const refreshed = tokens ? await refreshTokens(ctx, tokens, signal) : null;
    return refreshed ?? mintTokens(ctx, signal);
  }, signal);
}

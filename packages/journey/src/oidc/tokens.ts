import type { JourneyError } from '../errors';
import { untilAborted } from '../http/transport';
import type { OidcContext } from './context';
import { mintTokens } from './mint';
import { refreshTokens } from './refresh';
import { isFresh, type TokenSet } from './token-set';
import { fetchUserInfo } from './userinfo';

/**
 * `user()`: the stored tokens while they are fresh — no request at all. Otherwise one renewal
 * (`renew`). When that fails but leaves the tokens stored and their access token has not expired
 * yet, it is still handed out (renewing early is a courtesy); listeners heard of the failure.
 */
export async function currentTokens(
  ctx: OidcContext,
  signal?: AbortSignal,
): Promise<TokenSet | null> {
  const stored = await ctx.tokens.read();
  if (stored && isFresh(stored, ctx.clock(), ctx.refreshThreshold)) return stored;
  try {
    return await renewal(ctx, stored, false, signal);
  } catch (error) {
    const left = (error as JourneyError).type !== 'abort_error' && (await ctx.tokens.read());
    if (left && left.accessToken === stored?.accessToken && isFresh(left, ctx.clock(), 0))
      return left;
    throw error;
  }
}

/**
 * `refresh()`: new tokens now, whatever the expiry. A caller that finds the tokens renewed since
 * it looked (`seen`) takes those instead of spending the new refresh token again.
 */
export async function renewTokens(
  ctx: OidcContext,
  signal?: AbortSignal,
  seen?: TokenSet | null,
): Promise<TokenSet | null> {
  return renewal(ctx, seen === undefined ? await ctx.tokens.read() : seen, true, signal);
}

/**
 * Every concurrent caller of this client shares one renewal, which queues on the session lock
 * with the other clients over the same storage. It runs to its end whatever the callers' signals
 * say, so an answer the server gave is always saved.
 */
function renewal(
  ctx: OidcContext,
  seen: TokenSet | null,
  force: boolean,
  signal?: AbortSignal,
): Promise<TokenSet | null> {
  ctx.renewal ??= ctx
    .lock(() => renew(ctx, seen, force))
    .finally(() => {
      ctx.renewal = undefined;
    });
  return untilAborted(ctx.renewal, signal, 'Getting tokens');
}

/**
 * Under the lock, storage is read again: another client may have renewed already. Then a
 * refresh grant when there is a refresh token that is surely unspent, else a mint from the SSO
 * session. When neither is possible the access token is kept until it expires (without a
 * refresh token that may be spent), then forgotten.
 */
async function renew(
  ctx: OidcContext,
  seen: TokenSet | null,
  force: boolean,
): Promise<TokenSet | null> {
  const tokens = await ctx.tokens.read();
  const renewed = force
    ? tokens && tokens.accessToken !== seen?.accessToken
    : tokens && isFresh(tokens, ctx.clock(), ctx.refreshThreshold);
  if (renewed) return tokens;
  const usable = tokens?.refreshToken && !tokens.refreshing;
  const next = (usable ? await refreshTokens(ctx, tokens) : null) ?? (await mintTokens(ctx));
  if (next) return next;
  const left = await ctx.tokens.read();
  if (left && isFresh(left, ctx.clock(), 0)) {
    if (left.refreshing)
      await ctx.tokens.write({ ...left, refreshToken: undefined, refreshing: undefined });
    return force ? null : left;
  }
  if (left) {
    await ctx.tokens.remove();
    ctx.emit({ type: 'tokensChanged', saved: false, expiresAt: null });
  }
  return null;
}

/**
 * `userinfo()`: claims for the current tokens. If the server says the access token is no longer
 * good (revoked elsewhere), the tokens are renewed once and asked again.
 */
export async function currentUserInfo(
  ctx: OidcContext,
  signal?: AbortSignal,
): Promise<Record<string, unknown> | null> {
  const tokens = await currentTokens(ctx, signal);
  if (!tokens) return null;
  try {
    return await fetchUserInfo(ctx, tokens, signal);
  } catch (error) {
    if ((error as JourneyError).oauthError !== 'invalid_token') throw error;
    const renewed = await renewTokens(ctx, signal, tokens);
    return renewed && fetchUserInfo(ctx, renewed, signal);
  }
}

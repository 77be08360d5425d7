import type { JourneyError } from '../errors';
import { acceptTokens } from './accept';
import type { OidcContext } from './context';
import { notProcessed, tokenRequest, type TokenAnswer } from './token-endpoint';
import type { TokenSet } from './token-set';

/**
 * The refresh-token grant, under the session lock. Before the request the stored record is
 * marked `refreshing`: if no answer arrives (crash, timeout, lost connection, a 5xx after which
 * the server may have rotated), the mark stays and the refresh token is never sent again.
 * Resolves null when the refresh token can no longer be used (refused with `invalid_grant`, which
 * drops the tokens, or possibly spent), so the caller mints from the SSO session instead; throws
 * when it is still good but the server could not serve it now. New tokens are saved before they
 * are returned.
 */
export async function refreshTokens(ctx: OidcContext, tokens: TokenSet): Promise<TokenSet | null> {
  const discovery = await ctx.discovery();
  await ctx.tokens.write({ ...tokens, refreshing: true });
  let answer: TokenAnswer;
  try {
    answer = await tokenRequest(ctx.send, discovery.token_endpoint, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refreshToken!,
      client_id: ctx.clientId,
    });
  } catch (caught) {
    const error = caught as JourneyError;
    const refused = error.oauthError === 'invalid_grant';
    const unspent = !refused && notProcessed(error);
    // The server answered without acting on it: the refresh token is as good as before.
    if (unspent) await ctx.tokens.write(tokens);
    return failed(ctx, error, refused, unspent);
  }
  try {
    const renewed = await acceptTokens(ctx, discovery, answer, { previous: tokens });
    ctx.emit({ type: 'refreshed', expiresAt: renewed.expiresAt ?? null });
    return renewed;
  } catch (caught) {
    // The old refresh token is spent; new tokens whose ID token was refused are not kept either.
    const error = caught as JourneyError;
    return failed(ctx, error, !error.retryable, false);
  }
}

async function failed(
  ctx: OidcContext,
  error: JourneyError,
  final: boolean,
  rethrow: boolean,
): Promise<null> {
  ctx.log.warn('Refresh failed', { error, tokensKept: !final });
  ctx.emit({ type: 'refreshFailed', error, tokensKept: !final });
  if (rethrow) throw error;
  if (final) {
    await ctx.tokens.remove();
    ctx.emit({ type: 'tokensChanged', saved: false, expiresAt: null });
  }
  return null;
}

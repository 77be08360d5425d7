import type { JourneyError } from '../errors';
import { noteServerTime, saveTokens, type OidcContext } from './context';
import { checkIdToken, decodeJwt } from './id-token';
import { tokenRequest } from './token-endpoint';
import { toTokenSet, type TokenSet } from './token-set';
import { withUserInfo } from './userinfo';

/**
 * The refresh-token grant, under the session lock. A final refusal (an OAuth error such as
 * `invalid_grant`, or an ID token that fails its checks) drops the tokens and resolves null; a
 * transient failure keeps them and throws a retryable error. New tokens are saved before they
 * are returned.
 */
export async function refreshTokens(
  ctx: OidcContext,
  tokens: TokenSet,
  signal?: AbortSignal,
): Promise<TokenSet | null> {
  if (!tokens.refreshToken) return null;
  const discovery = await ctx.discovery(signal);
  let answer: Awaited<ReturnType<typeof tokenRequest>>;
  try {
    answer = await tokenRequest(
      ctx.send,
      discovery.token_endpoint,
      { grant_type: 'refresh_token', refresh_token: tokens.refreshToken, client_id: ctx.clientId },
      signal,
    );
  } catch (caught) {
    const error = caught as JourneyError;
    return failed(ctx, error, error.oauthError !== undefined && !error.retryable);
  }
  noteServerTime(ctx, answer.response.serverDate);
  const renewed = toTokenSet(answer.reply, ctx.clock(), tokens);
  ctx.log.secret(renewed.accessToken, renewed.refreshToken, renewed.idToken);
  if (answer.reply.id_token) {
    const subject = tokens.idToken ? decodeJwt(tokens.idToken)?.sub : undefined;
    try {
      checkIdToken(answer.reply.id_token, {
        issuer: discovery.issuer,
        clientId: ctx.clientId,
        now: ctx.clock() + ctx.skew.offset,
        subject: typeof subject === 'string' ? subject : undefined,
      });
    } catch (caught) {
      return failed(ctx, caught as JourneyError, true);
    }
  }
  await saveTokens(ctx, renewed);
  ctx.emit({ type: 'refreshed', expiresAt: renewed.expiresAt ?? 0 });
  const userInfo = await withUserInfo(ctx, renewed, signal);
  return userInfo ? saveTokens(ctx, { ...renewed, userInfo }) : renewed;
}

async function failed(ctx: OidcContext, error: JourneyError, final: boolean): Promise<null> {
  ctx.log.warn('Refresh failed', { error, tokensKept: !final });
  ctx.emit({ type: 'refreshFailed', error, tokensKept: !final });
  if (!final) throw error;
  await ctx.tokens.remove();
  ctx.emit({ type: 'tokensChanged', expiresAt: null });
  return null;
}

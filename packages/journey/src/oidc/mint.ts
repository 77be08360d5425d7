import { JourneyError } from '../errors';
import { authorize } from './authorize';
import { noteServerTime, saveTokens, type OidcContext } from './context';
import { checkIdToken } from './id-token';
import { createPkce, randomString } from './pkce';
import { tokenRequest } from './token-endpoint';
import { toTokenSet, type TokenSet } from './token-set';
import { withUserInfo } from './userinfo';

/** Authorize errors that mean the SSO session itself is no longer accepted. */
const sessionRefusals = new Set(['login_required', 'interaction_required']);

/**
 * Turns the SSO session into OAuth tokens (design.md §2): a silent authorize with PKCE S256,
 * state and nonce, the code exchange, the ID token checks, then save. Runs under the session lock.
 * Resolves null when there is no SSO session or the server no longer accepts it.
 */
export async function mintTokens(ctx: OidcContext, signal?: AbortSignal): Promise<TokenSet | null> {
  const ssoToken = await ctx.ssoToken();
  if (!ssoToken) return null;
  const discovery = await ctx.discovery(signal);
  const pkce = await createPkce(ctx.crypto);
  const state = randomString(ctx.crypto, 16);
  const nonce = randomString(ctx.crypto, 16);
  ctx.log.secret(pkce.verifier);

  const answer = await authorize(ctx.send, discovery, {
    clientId: ctx.clientId,
    redirectUri: ctx.redirectUri,
    scopes: ctx.scopes,
    codeChallenge: pkce.challenge,
    state,
    nonce,
    ssoToken,
    cookie: ctx.server.cookie,
    serverOrigin: ctx.server.origin,
    strategy: ctx.strategy,
    extraParameters: ctx.authorizeParameters,
    signal,
  });
  if ('error' in answer) {
    if (sessionRefusals.has(answer.error)) {
      ctx.log.info('The server no longer accepts the SSO session', { error: answer.error });
      await ctx.dropSsoToken();
      ctx.emit({ type: 'sessionEnded', reason: 'expired' });
      return null;
    }
    throw new JourneyError(
      'JOURNEY_USER_ERROR',
      'auth_error',
      `Authorize refused: ${answer.error}`,
      {
        oauthError: answer.error,
      },
    );
  }
  ctx.log.secret(answer.code);

  const { reply, response } = await tokenRequest(
    ctx.send,
    discovery.token_endpoint,
    {
      grant_type: 'authorization_code',
      code: answer.code,
      redirect_uri: ctx.redirectUri,
      client_id: ctx.clientId,
      code_verifier: pkce.verifier,
    },
    signal,
  );
  noteServerTime(ctx, response.serverDate);
  const tokens = toTokenSet(reply, ctx.clock());
  ctx.log.secret(tokens.accessToken, tokens.refreshToken, tokens.idToken);
  if (tokens.idToken) {
    checkIdToken(tokens.idToken, {
      issuer: discovery.issuer,
      clientId: ctx.clientId,
      nonce,
      now: ctx.clock() + ctx.skew.offset,
    });
    await ctx.verifyIdToken?.(tokens.idToken, {
      issuer: discovery.issuer,
      jwksUri: discovery.jwks_uri,
      clientId: ctx.clientId,
    });
  }
  await saveTokens(ctx, tokens);
  ctx.log.info('Minted tokens from the SSO session');
  const userInfo = await withUserInfo(ctx, tokens, signal);
  return userInfo ? saveTokens(ctx, { ...tokens, userInfo }) : tokens;
}

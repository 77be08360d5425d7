import { JourneyError, userError } from '../errors';
import { parseJson } from '../http/json';
import { joinUrl } from '../http/url';
import { realmPath } from '../journey/realm';
import { acceptTokens } from './accept';
import { authorize } from './authorize';
import type { OidcContext } from './context';
import { createPkce, randomString } from './pkce';
import { tokenRequest, transientCodes } from './token-endpoint';
import type { TokenSet } from './token-set';

/** Authorize errors that mean the SSO session itself is no longer accepted. */
const sessionRefusals = ['login_required', 'interaction_required'];

/**
 * Turns the SSO session into OAuth tokens (design.md §2): a silent authorize with PKCE S256,
 * state and nonce, the code exchange, the ID token checks, then save. Runs under the session lock.
 * Resolves null when there is no SSO session or the server no longer accepts it.
 */
export async function mintTokens(ctx: OidcContext): Promise<TokenSet | null> {
  const ssoToken = (await ctx.sso.read())?.value;
  if (!ssoToken) return null;
  const discovery = await ctx.discovery();
  const pkce = await createPkce(ctx.crypto);
  const nonce = randomString(ctx.crypto, 16);
  ctx.log.secret(pkce.verifier);

  const answer = await authorize(ctx, discovery, ssoToken, pkce, nonce);
  if ('error' in answer) {
    if (sessionRefusals.includes(answer.error)) {
      await checkCookieName(ctx);
      ctx.log.info('The server no longer accepts the SSO session', { error: answer.error });
      await ctx.sso.remove();
      ctx.emit({ type: 'sessionEnded', reason: 'expired' });
      return null;
    }
    const retryable = transientCodes.includes(answer.error);
    throw userError(
      retryable ? 'exchange_error' : 'auth_error',
      `Authorize refused: ${answer.error}`,
      { oauthError: answer.error, retryable },
    );
  }
  ctx.log.secret(answer.code);
  const exchanged = await tokenRequest(ctx.send, discovery.token_endpoint, {
    grant_type: 'authorization_code',
    code: answer.code,
    redirect_uri: ctx.redirectUri,
    client_id: ctx.clientId,
    code_verifier: pkce.verifier,
  });
  const tokens = await acceptTokens(ctx, discovery, exchanged, { nonce });
  ctx.log.info('Minted tokens from the SSO session');
  return tokens;
}

/**
 * A session refused because the token went under the wrong header name (the usual AIC mistake)
 * is a configuration error, not an expiry: AM publishes its cookie name (`serverinfo`), asked
 * once per client, only here. When the server cannot say, the refusal stands.
 */
async function checkCookieName(ctx: OidcContext): Promise<void> {
  const { serverUrl, realm, cookie } = ctx.server;
  ctx.cookieName ??= ctx
    .send({
      url: joinUrl(serverUrl, `json/${realmPath(realm)}/serverinfo/*`),
      headers: { accept: 'application/json', 'accept-api-version': 'resource=1.1' },
      credentials: 'omit',
    })
    .then((response) => (parseJson(response.body) as { cookieName?: unknown } | null)?.cookieName)
    .catch(() => undefined);
  const name = await ctx.cookieName;
  if (typeof name === 'string' && name && name !== cookie)
    throw new JourneyError(
      'JOURNEY_CONFIG_ERROR',
      'argument_error',
      `The server's SSO cookie is ${name}, not ${cookie} (the cookie setting); the session was kept`,
    );
}

import { userError } from '../errors';
import { isObject, parseJson } from '../http/json';
import type { OidcContext } from './context';
import { endpointOf } from './discovery';
import { decodeJwt } from './id-token';
import { oauthError } from './token-endpoint';

/**
 * GET the userinfo endpoint with the access token (am-protocol §6.5). Claims about another user
 * than the ID token's are refused (OIDC Core §5.3.2).
 */
export async function fetchUserInfo(
  ctx: OidcContext,
  { accessToken, idToken }: { accessToken: string; idToken?: string },
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const response = await ctx.send({
    url: await endpointOf(ctx, 'userinfo', signal),
    headers: { accept: 'application/json', authorization: `Bearer ${accessToken}` },
    credentials: 'omit',
    signal,
    retry: 'safe',
  });
  const body = parseJson(response.body);
  const subject = idToken && decodeJwt(idToken)?.sub;
  if (response.status === 200 && isObject(body)) {
    if (subject !== undefined && body.sub !== subject)
      throw userError(
        'auth_error',
        "The userinfo claims are about another user than the ID token's",
      );
    return body;
  }
  if (response.status === 200)
    throw userError('parse_error', 'The userinfo endpoint sent an unreadable reply', {
      status: 200,
      retryable: true,
    });
  // A 401 may carry its error only in WWW-Authenticate; it always means this token is no good.
  const refusal = response.status === 401 && !(isObject(body) && typeof body.error === 'string');
  throw oauthError('Userinfo', response, refusal ? { error: 'invalid_token' } : body);
}

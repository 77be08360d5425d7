import { userError } from '../errors';
import { isObject, jsonBody } from '../http/transport';
import type { OidcContext } from './context';
import { oauthError } from './token-endpoint';

/** GET the userinfo endpoint with the access token (am-protocol §6.5). */
export async function fetchUserInfo(
  ctx: OidcContext,
  accessToken: string,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const discovery = await ctx.discovery(signal);
  if (!discovery.userinfo_endpoint)
    throw userError('wellknown_error', 'The server has no userinfo endpoint');
  const response = await ctx.send({
    url: discovery.userinfo_endpoint,
    headers: { accept: 'application/json', authorization: `Bearer ${accessToken}` },
    credentials: 'omit',
    signal,
    retry: 'safe',
  });
  const body = jsonBody(response);
  if (response.status === 200 && isObject(body)) return body;
  if (response.status === 200)
    throw userError('parse_error', 'The userinfo endpoint sent an unreadable reply', {
      status: 200,
      retryable: true,
    });
  // A 401 may carry its error only in WWW-Authenticate; it always means this token is no good.
  const refusal = response.status === 401 && !(isObject(body) && typeof body.error === 'string');
  throw oauthError('Userinfo', response, refusal ? { error: 'invalid_token' } : body);
}

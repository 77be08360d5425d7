import { JourneyError } from '../errors';
import { statusError, type Send } from '../http/transport';
import { withQuery } from '../http/url';
import { resolveStrategy, type AuthorizeStrategy } from './authorize';
import type { Discovery } from './discovery';

/**
 * AM's single-GET end session (am-protocol §6.6): 204, or a redirect to the sign-out URI, which
 * is not followed — reaching the server is all that matters here. Where fetch follows every
 * redirect (React Native: the form_post strategy) the sign-out URI is left out, since fetch would
 * chase it to the app's scheme and fail after the server had ended the session.
 */
export async function endOidcSession(
  send: Send,
  discovery: Discovery,
  request: {
    idToken: string;
    clientId: string;
    signOutRedirectUri?: string;
    strategy: AuthorizeStrategy;
  },
  signal?: AbortSignal,
): Promise<void> {
  if (!discovery.end_session_endpoint)
    throw new JourneyError(
      'JOURNEY_LOGOUT_ERROR',
      'wellknown_error',
      'The server has no end_session endpoint',
    );
  const response = await send({
    url: withQuery(discovery.end_session_endpoint, {
      id_token_hint: request.idToken,
      client_id: request.clientId,
      post_logout_redirect_uri:
        resolveStrategy(request.strategy) === 'form_post' ? undefined : request.signOutRedirectUri,
    }),
    headers: { accept: 'application/json' },
    redirect: 'manual',
    signal,
    retry: 'safe',
  });
  const reached =
    response.type === 'opaqueredirect' || (response.status >= 200 && response.status < 400);
  if (!reached) throw statusError('JOURNEY_LOGOUT_ERROR', 'End session', response);
}

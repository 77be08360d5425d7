import { statusError } from '../http/transport';
import { withQuery } from '../http/url';
import { resolveStrategy } from './authorize';
import type { OidcContext } from './context';
import { endpointOf } from './discovery';

/**
 * AM's single-GET end session (am-protocol §6.6): 204, or a redirect to the sign-out URI, which
 * is not followed — reaching the server is all that matters here. Where fetch follows every
 * redirect (React Native: the form_post strategy) the sign-out URI is left out, since fetch would
 * chase it to the app's scheme and fail after the server had ended the session.
 */
export async function endOidcSession(
  ctx: OidcContext,
  idToken: string,
  signal?: AbortSignal,
): Promise<void> {
  const response = await ctx.send({
    url: withQuery(await endpointOf(ctx, 'end_session', signal), {
      id_token_hint: idToken,
      client_id: ctx.clientId,
      post_logout_redirect_uri:
        resolveStrategy(ctx.authorizeStrategy) === 'form_post' ? undefined : ctx.signOutRedirectUri,
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

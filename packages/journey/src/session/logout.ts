import { statusError, type Send } from '../http/transport';
import { joinUrl } from '../http/url';
import { realmPath } from '../journey/realm';

/**
 * Ends the AM session (am-protocol §5.1): the token goes in the header named like the cookie.
 * AM answers 200 both for a live session and for one that has already ended, so any 2xx means the
 * session is gone; anything else throws.
 */
export async function endAmSession(
  send: Send,
  server: { serverUrl: string; realm: string; cookie: string; origin: string },
  token: string,
  signal?: AbortSignal,
): Promise<void> {
  const response = await send({
    url: `${joinUrl(server.serverUrl, `json/${realmPath(server.realm)}/sessions`)}/?_action=logout`,
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      'accept-api-version': 'resource=3.1, protocol=1.0',
      'x-requested-with': 'journeykit',
      [server.cookie]: token,
    },
    body: '{}',
    signal,
    retry: 'safe',
    stayOn: server.origin,
  });
  if (response.status < 200 || response.status >= 300)
    throw statusError('JOURNEY_LOGOUT_ERROR', 'AM session logout', response);
}

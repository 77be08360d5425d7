import { JourneyError, userError } from '../errors';
import { isObject, misfit, parseJson } from '../http/json';
import { statusError, type HttpResponse, type Send } from '../http/transport';
import { toQuery } from '../http/url';
import type { TokenReply } from './token-set';

export interface TokenAnswer {
  reply: TokenReply;
  response: HttpResponse;
}

/**
 * POSTs a grant to the token endpoint and checks the reply. Failures are classified by the OAuth
 * `error` code, never by its description (see `oauthError`); network errors, timeouts, 5xx, 429
 * and garbled replies are retryable. A grant is repeated only when the server said it did not
 * process it (429, 503): a spent code or refresh token must never be sent twice.
 */
export async function tokenRequest(
  send: Send,
  endpoint: string,
  form: Record<string, string>,
): Promise<TokenAnswer> {
  const response = await send({
    url: endpoint,
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: toQuery(form),
    credentials: 'omit',
    retry: 'unprocessed',
  });
  const body = parseJson(response.body);
  // A lifetime sent as a numeric string is read as the number it is.
  if (isObject(body) && typeof body.expires_in === 'string' && /^\d+$/.test(body.expires_in))
    body.expires_in = Number(body.expires_in);
  if (response.status >= 200 && response.status < 300) {
    if (isTokenReply(body)) return { reply: body, response };
    throw userError('parse_error', 'The token endpoint sent an unreadable reply', {
      status: response.status,
      retryable: true,
    });
  }
  throw oauthError('Token request', response, body);
}

/**
 * Whether a failed grant certainly left the server's state alone: it answered with a client
 * error (4xx, 429 included) or 503. Without an answer, or after a 200 we could not read or a
 * 500/502/504, the server may have acted on it (rotated the refresh token).
 */
export const notProcessed = (error: JourneyError) =>
  error.status === 503 || (error.status! >= 400 && error.status! < 500);

/** OAuth error codes that mean "try again later" rather than "no". */
export const transientCodes = ['server_error', 'temporarily_unavailable', 'slow_down'];

/**
 * An OAuth error reply (`{error, error_description}`) as a JourneyError carrying `oauthError`,
 * retryable only for the transient codes. 5xx, 429 and replies without a code go to `statusError`.
 */
export function oauthError(what: string, response: HttpResponse, body: unknown): JourneyError {
  const { status } = response;
  if (status >= 500 || status === 429 || !isObject(body) || typeof body.error !== 'string')
    return statusError('JOURNEY_USER_ERROR', what, response);
  const description =
    typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
  const retryable = transientCodes.includes(body.error);
  return userError(
    retryable ? 'exchange_error' : 'auth_error',
    `${what} refused: ${body.error}${description}`,
    { status, oauthError: body.error, retryable },
  );
}

function isTokenReply(body: unknown): body is TokenReply {
  return (
    isObject(body) &&
    !misfit(body, {
      access_token: 'text',
      token_type: 'string?',
      refresh_token: 'string?',
      id_token: 'string?',
      scope: 'string?',
      expires_in: 'number?',
    }) &&
    // Only Bearer tokens are ever sent on; a lifetime is never negative.
    /^bearer$/i.test(String(body.token_type)) &&
    !((body.expires_in as number) < 0)
  );
}

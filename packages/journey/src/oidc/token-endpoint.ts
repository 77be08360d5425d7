import { JourneyError } from '../errors';
import { isObject, jsonBody, statusError, type HttpResponse, type Send } from '../http/transport';
import { toQuery } from '../http/url';
import type { TokenReply } from './token-set';

/**
 * POSTs a grant to the token endpoint and checks the reply. Failures are classified by the OAuth
 * `error` code, never by its description: an OAuth error is final (`retryable: false`, with
 * `oauthError`); network, timeout, 5xx, 429 and garbled replies are retryable.
 */
export async function tokenRequest(
  send: Send,
  endpoint: string,
  form: Record<string, string>,
  signal?: AbortSignal,
): Promise<{ reply: TokenReply; response: HttpResponse }> {
  const response = await send({
    url: endpoint,
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: toQuery(form),
    credentials: 'omit',
    signal,
  });
  const body = jsonBody(response);
  if (response.status >= 200 && response.status < 300) {
    if (isTokenReply(body)) return { reply: body, response };
    throw new JourneyError(
      'JOURNEY_USER_ERROR',
      'parse_error',
      'The token endpoint sent an unreadable reply',
      {
        status: response.status,
        retryable: true,
      },
    );
  }
  throw oauthError('Token request', response, body);
}

/** An OAuth error reply (`{error, error_description}`) as a final JourneyError. */
export function oauthError(what: string, response: HttpResponse, body: unknown): JourneyError {
  if (
    response.status >= 500 ||
    response.status === 429 ||
    !isObject(body) ||
    typeof body.error !== 'string'
  )
    return statusError('JOURNEY_USER_ERROR', what, response);
  const description =
    typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
  return new JourneyError(
    'JOURNEY_USER_ERROR',
    'auth_error',
    `${what} refused: ${body.error}${description}`,
    {
      status: response.status,
      oauthError: body.error,
    },
  );
}

function isTokenReply(body: unknown): body is TokenReply {
  if (!isObject(body) || typeof body.access_token !== 'string' || !body.access_token) return false;
  const strings = ['token_type', 'refresh_token', 'id_token', 'scope'].every(
    (k) => body[k] === undefined || typeof body[k] === 'string',
  );
  return strings && (body.expires_in === undefined || typeof body.expires_in === 'number');
}

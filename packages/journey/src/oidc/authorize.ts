import { JourneyError, userError } from '../errors';
import { parseJson } from '../http/json';
import { type HttpResponse } from '../http/transport';
import { originOf, queryParams, withQuery } from '../http/url';
import { detectRuntime } from '../platform/runtime';
import type { OidcContext } from './context';
import type { Discovery } from './discovery';
import { randomString } from './pkce';
import { oauthError } from './token-endpoint';

/**
 * How the authorization code is read back (design.md §2):
 * - `redirect`, `follow`: stop at the 302 and read its Location (Node, Deno, Bun); where the
 *   runtime hides it (browsers), follow it to a redirect URI on the server's origin and read the URL;
 * - `form_post`: `response_mode=form_post`, read the code from the HTML form (React Native, whose
 *   fetch always follows redirects and fails on a custom-scheme redirect URI).
 */
export type AuthorizeStrategy = 'auto' | 'redirect' | 'follow' | 'form_post';

/** The authorize endpoint's answer: a code, or an OAuth error such as `login_required`. */
export type AuthorizeResult = { code: string } | { error: string; description?: string };

/**
 * One silent authorize with the SSO session (am-protocol §6.2), never a login page: PKCE S256,
 * a `state` checked here, and the `nonce` the ID token must carry.
 */
export async function authorize(
  ctx: OidcContext,
  discovery: Discovery,
  ssoToken: string,
  pkce: { challenge: string },
  nonce: string,
): Promise<AuthorizeResult> {
  const strategy = resolveStrategy(ctx.authorizeStrategy);
  const endpoint = discovery.authorization_endpoint;
  if (originOf(endpoint) !== ctx.server.origin)
    throw userError(
      'auth_error',
      'The authorization endpoint is not on the configured server; the SSO token is not sent elsewhere',
    );
  const state = randomString(ctx.crypto, 16);
  const url = withQuery(endpoint, {
    ...ctx.additionalParameters,
    acr_values: ctx.acrValues,
    login_hint: ctx.loginHint,
    ui_locales: ctx.uiLocales,
    client_id: ctx.clientId,
    response_type: 'code',
    scope: ctx.scopes.join(' '),
    redirect_uri: ctx.redirectUri,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    state,
    nonce,
    prompt: 'none',
    response_mode: strategy === 'form_post' ? 'form_post' : undefined,
  });
  const headers = {
    'accept-api-version': 'resource=2.1, protocol=1.0',
    [ctx.server.cookie]: ssoToken,
  };
  const send = (redirect: 'manual' | 'follow') =>
    // Retried only when the server asks for it (429, 503): a failed fetch here may be a runtime
    // refusing a custom-scheme redirect, and every repeat would only issue another code. An
    // answer from another origin (a fetch that follows whatever it is told) is refused.
    ctx.send({ url, headers, redirect, retry: 'unprocessed', stayOn: ctx.server.origin });
  // fetch follows with the SSO token header: only to a redirect URI on this server's origin.
  const follow = () => {
    if (originOf(ctx.redirectUri) !== ctx.server.origin)
      throw new JourneyError(
        'JOURNEY_CONFIG_ERROR',
        'argument_error',
        "This runtime can read the code only from a redirect URI on the server's origin; use another redirect URI or authorizeStrategy 'form_post'",
      );
    return send('follow');
  };
  // Stop at the redirect and read it; follow only where the runtime hid it. A browser ('auto')
  // always hides it, so there the request is followed at once.
  const browser = strategy === 'follow' && ctx.authorizeStrategy !== 'follow';
  let response = browser ? await follow() : await send('manual');
  if (strategy !== 'form_post' && response.type === 'opaqueredirect') response = await follow();
  const params = answerParams(response);
  if ((params.code !== undefined || params.state !== undefined) && params.state !== state)
    throw userError('auth_error', 'The authorize response does not match our request (state)');
  // RFC 9207: a server that says it names itself must, and only itself.
  const named = discovery.authorization_response_iss_parameter_supported === true;
  if (
    params.iss !== undefined
      ? params.iss !== discovery.issuer
      : named && (params.code || params.error)
  )
    throw userError('auth_error', 'The authorize response came from another issuer');
  if (params.error) return { error: params.error, description: params.error_description };
  if (params.code) return { code: params.code };
  // Sent to a login page instead of back to us (redirected, or a page fetch followed a redirect
  // to): the server does not accept the session.
  const path = (u: string) => u.split(/[?#]/)[0];
  const { status, url: reached } = response;
  const redirected = status >= 300 && status < 400 && response.headers.get('location');
  if (redirected || (status < 300 && reached && path(reached) !== path(url)))
    return { error: 'login_required', description: 'The server asked for an interactive login' };
  // An error page (a client the server does not know, a 5xx) or an unreadable answer says
  // nothing about the session.
  if (status >= 400) throw oauthError('Authorize', response, parseJson(response.body));
  throw userError('parse_error', 'The authorize endpoint sent an unreadable reply', {
    status,
    retryable: true,
  });
}

/** The strategy to use: the given one, or for 'auto' the one that works in this runtime. */
export function resolveStrategy(
  strategy: AuthorizeStrategy = 'auto',
): Exclude<AuthorizeStrategy, 'auto'> {
  if (strategy !== 'auto') return strategy;
  const runtime = detectRuntime();
  return runtime === 'react-native' ? 'form_post' : runtime === 'browser' ? 'follow' : 'redirect';
}

/** The parameters of the authorize answer, wherever this strategy finds them. */
function answerParams(response: HttpResponse): Record<string, string | undefined> {
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location) return queryParams(location);
  if (response.status === 200 && /<form/i.test(response.body)) return formInputs(response.body);
  return queryParams(response.url ?? '');
}

/** The hidden inputs of a form_post page: `<input type="hidden" name="code" value="…"/>`. */
export function formInputs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of html.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attribute(tag, 'name');
    const value = attribute(tag, 'value');
    if (name && value !== undefined && !(name in out)) out[name] = value;
  }
  return out;
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  if (!m) return undefined;
  return decodeEntities(m[1] ?? m[2] ?? m[3] ?? '');
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** HTML character references decoded: the named ones above, and numeric ones (`&#47;`, `&#x2F;`). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    const code = ref[0] === '#' ? Number(ref.slice(1).replace(/^x/i, '0x')) : NaN;
    return code <= 0x10ffff ? String.fromCodePoint(code) : (named[ref.toLowerCase()] ?? whole);
  });
}

import {
  acceptTokens,
  createPkce,
  JourneyError,
  randomString,
  tokenRequest,
  type OidcContext,
} from '@journeykit/journey';

import { queryParams, toQuery, withQuery } from '../http/url';

/** What rn-oidc's `authorize(options)` takes: per-request additions to the authorization request. */
export interface OidcAuthorizeOptions {
  acrValues?: string;
  state?: string;
  nonce?: string;
  uiLocales?: string;
  loginHint?: string;
  display?: string;
  prompt?: string;
  additionalParameters?: Record<string, string>;
}

/** An authorization request waiting for its return, kept in storage across a page load. */
export interface PendingAuthorize {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
}

const authorizeError = (type: 'state_error' | 'auth_error', message: string, oauthError?: string) =>
  new JourneyError(message, 'JOURNEY_USER_ERROR', type, { oauthError });

/**
 * The authorization URL for a login at the server's own pages: PKCE S256, state and nonce; sent
 * by pushed authorization request (RFC 9126) when discovery offers an endpoint for it.
 */
export async function authorizationUrl(
  ctx: OidcContext,
  redirectUri: string,
  options: OidcAuthorizeOptions = {},
): Promise<{ url: string; pending: PendingAuthorize }> {
  const discovery = await ctx.discovery();
  const pkce = await createPkce(ctx.crypto);
  const state = options.state ?? randomString(ctx.crypto, 16);
  const nonce = options.nonce ?? randomString(ctx.crypto, 16);
  ctx.log.secret(pkce.verifier);
  const params = {
    ...ctx.additionalParameters,
    ...options.additionalParameters,
    acr_values: options.acrValues ?? ctx.acrValues,
    ui_locales: options.uiLocales ?? ctx.uiLocales,
    login_hint: options.loginHint ?? ctx.loginHint,
    display: options.display,
    prompt: options.prompt,
    client_id: ctx.clientId,
    response_type: 'code',
    scope: ctx.scopes.join(' '),
    redirect_uri: redirectUri,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    state,
    nonce,
  };
  const pending = { state, nonce, verifier: pkce.verifier, redirectUri };
  const par = (discovery as { pushed_authorization_request_endpoint?: unknown })
    .pushed_authorization_request_endpoint;
  if (typeof par !== 'string')
    return { url: withQuery(discovery.authorization_endpoint, params), pending };
  const response = await ctx.send({
    url: par,
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: toQuery(params),
    credentials: 'omit',
    retry: 'unprocessed',
  });
  let requestUri: unknown;
  try {
    requestUri = (JSON.parse(response.body) as { request_uri?: unknown }).request_uri;
  } catch {
    requestUri = undefined;
  }
  if (response.status !== 201 || typeof requestUri !== 'string')
    throw authorizeError(
      'auth_error',
      `The pushed authorization request failed (HTTP ${response.status})`,
    );
  const url = withQuery(discovery.authorization_endpoint, {
    client_id: ctx.clientId,
    request_uri: requestUri,
  });
  return { url, pending };
}

/**
 * The return: checked against the request waiting for it (state, issuer, error), then the code is
 * exchanged under the session lock and the tokens are accepted as the journey client accepts
 * them (ID token checks, storage, userinfo, events). A return nobody waits for changes nothing.
 */
export async function completeAuthorize(
  ctx: OidcContext,
  pending: PendingAuthorize | null,
  url: string,
  forget: () => Promise<void>,
): Promise<void> {
  const params = queryParams(url);
  if (!pending || params.state !== pending.state)
    throw authorizeError('state_error', 'No authorization request waits for this return');
  await forget();
  const discovery = await ctx.discovery();
  if (params.iss !== undefined && params.iss !== discovery.issuer)
    throw authorizeError('auth_error', 'The authorization response came from another issuer');
  if (params.error || !params.code)
    throw authorizeError(
      'auth_error',
      `Authorization refused: ${params.error ?? 'no code'}`,
      params.error,
    );
  ctx.log.secret(params.code);
  await ctx.lock(async () => {
    const answer = await tokenRequest(ctx.send, discovery.token_endpoint, {
      grant_type: 'authorization_code',
      code: params.code!,
      redirect_uri: pending.redirectUri,
      client_id: ctx.clientId,
      code_verifier: pending.verifier,
    });
    await acceptTokens(ctx, discovery, answer, { nonce: pending.nonce });
  });
}

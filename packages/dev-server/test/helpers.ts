import { createHash, randomBytes } from 'node:crypto';

import type { DevServer } from '../src/index.js';

/** The headers the SDKs send to `/json/*` (am-protocol §2.1). */
export const AM_HEADERS = {
  Accept: 'application/json',
  'Accept-API-Version': 'protocol=1.0,resource=2.1',
  'Content-Type': 'application/json',
  'X-Requested-With': 'forgerock-sdk',
};

export function authenticateUrl(server: DevServer, query = ''): string {
  const realmPath = server.realm === 'root' ? 'realms/root' : `realms/root/realms/${server.realm}`;
  return `${server.url}/json/${realmPath}/authenticate${query}`;
}

export function sessionsUrl(server: DevServer, action: string): string {
  const realmPath = server.realm === 'root' ? 'realms/root' : `realms/root/realms/${server.realm}`;
  return `${server.url}/json/${realmPath}/sessions/?_action=${action}`;
}

export interface Step {
  authId: string;
  callbacks: {
    type: string;
    output: { name: string; value: unknown }[];
    input: { name: string; value: unknown }[];
  }[];
  [key: string]: unknown;
}

export async function startJourney(server: DevServer, name: string, query = ''): Promise<Step> {
  const response = await fetch(
    authenticateUrl(server, `?authIndexType=service&authIndexValue=${name}${query}`),
    { method: 'POST', headers: AM_HEADERS },
  );
  return (await response.json()) as Step;
}

export function startLogin(server: DevServer, query = ''): Promise<Step> {
  return startJourney(server, 'Login', query);
}

/** Sets inputs of a step by name, as a client fills it in. */
export function fill(step: Step, values: Record<string, unknown>): Step {
  for (const callback of step.callbacks)
    for (const input of callback.input ?? [])
      if (input.name in values) input.value = values[input.name];
  return step;
}

/** Fills the Login page the way the JS SDK does: the whole step echoed back, inputs set. */
export function fillLogin(step: Step, username: string, password: string): Step {
  step.callbacks[0]!.input[0]!.value = username;
  step.callbacks[1]!.input[0]!.value = password;
  return step;
}

export function submit(
  server: DevServer,
  step: unknown,
  query = '',
  headers = {},
): Promise<Response> {
  return fetch(authenticateUrl(server, query), {
    method: 'POST',
    headers: { ...AM_HEADERS, ...headers },
    body: JSON.stringify(step),
  });
}

/** Runs Login as the demo user; returns the SSO token. */
export async function login(server: DevServer): Promise<string> {
  const user = server.users[0]!;
  const response = await submit(
    server,
    fillLogin(await startLogin(server), user.username, user.password),
  );
  const body = (await response.json()) as { tokenId: string };
  return body.tokenId;
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(server: DevServer, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    client_id: server.clientId,
    response_type: 'code',
    scope: 'openid profile email',
    redirect_uri: server.redirectUri,
    code_challenge_method: 'S256',
    ...params,
  });
  return `${server.issuer}/authorize?${query.toString()}`;
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  id_token: string;
  scope: string;
  token_type: string;
  expires_in: number;
}

/** SSO token → one-hop authorize (token as the cookie-named header, like Android) → code exchange. */
export async function mintTokens(server: DevServer, ssoToken: string): Promise<Tokens> {
  const { verifier, challenge } = pkce();
  const authorize = await fetch(authorizeUrl(server, { code_challenge: challenge }), {
    redirect: 'manual',
    headers: { [server.cookieName]: ssoToken },
  });
  const code = new URL(authorize.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const response = await tokenRequest(server, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: server.redirectUri,
    code_verifier: verifier,
  });
  return (await response.json()) as Tokens;
}

export function tokenRequest(server: DevServer, params: Record<string, string>): Promise<Response> {
  return fetch(`${server.issuer}/access_token`, {
    method: 'POST',
    headers: { Accept: 'application/json' },
    body: new URLSearchParams({ client_id: server.clientId, ...params }),
  });
}

export function refresh(server: DevServer, refreshToken: string): Promise<Response> {
  return tokenRequest(server, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

export function jwtClaims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

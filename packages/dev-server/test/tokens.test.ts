import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startDevServer, type DevServer } from '../src/index.js';
import {
  authorizeUrl,
  jwtClaims,
  login,
  mintTokens,
  pkce,
  refresh,
  tokenRequest,
  type Tokens,
} from './helpers.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer();
});
afterAll(() => server.close());
beforeEach(() => server.resetLog());

async function authorizationCode(ssoToken: string, challenge: string): Promise<string> {
  const response = await fetch(authorizeUrl(server, { code_challenge: challenge }), {
    redirect: 'manual',
    headers: { iPlanetDirectoryPro: ssoToken },
  });
  return new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
}

function userinfo(accessToken: string): Promise<Response> {
  return fetch(`${server.issuer}/userinfo`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
}

function revoke(token: string): Promise<Response> {
  return fetch(`${server.issuer}/token/revoke`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: server.clientId, token }),
  });
}

describe('code exchange', () => {
  it('exchanges a code with the PKCE verifier for AM-shaped tokens', async () => {
    const ssoToken = await login(server);
    const { verifier, challenge } = pkce();
    const code = await authorizationCode(ssoToken, challenge);
    const response = await tokenRequest(server, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: server.redirectUri,
      code_verifier: verifier,
    });
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as Tokens;
    expect(Object.keys(tokens).sort()).toEqual(
      ['access_token', 'expires_in', 'id_token', 'refresh_token', 'scope', 'token_type'].sort(),
    );
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      scope: 'openid profile email',
      expires_in: 3600,
    });
    const idToken = jwtClaims(tokens.id_token);
    expect(idToken).toMatchObject({ iss: server.issuer, aud: server.clientId, sub: 'demo' });
    expect(server.grants).toEqual({ authorization_code: 1, refresh_token: 0 });
    expect(await server.isAccessTokenActive(tokens.access_token)).toBe(true);
    expect(await server.isRefreshTokenActive(tokens.refresh_token)).toBe(true);
  });

  it('refuses a wrong verifier (the code stays usable with the right one)', async () => {
    const ssoToken = await login(server);
    const { verifier, challenge } = pkce();
    const code = await authorizationCode(ssoToken, challenge);
    const params = { grant_type: 'authorization_code', code, redirect_uri: server.redirectUri };
    const wrong = await tokenRequest(server, { ...params, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    const right = await tokenRequest(server, { ...params, code_verifier: verifier });
    expect(right.status).toBe(200);
    expect(server.grants.authorization_code).toBe(2);
  });

  it('refuses a code used twice', async () => {
    const ssoToken = await login(server);
    const { verifier, challenge } = pkce();
    const params = {
      grant_type: 'authorization_code',
      code: await authorizationCode(ssoToken, challenge),
      redirect_uri: server.redirectUri,
      code_verifier: verifier,
    };
    expect((await tokenRequest(server, params)).status).toBe(200);
    expect((await tokenRequest(server, params)).status).toBe(400);
  });
});

describe('refresh', () => {
  it('rotates the refresh token; the old one is refused afterwards and its replay kills the grant', async () => {
    const first = await mintTokens(server, await login(server));
    const response = await refresh(server, first.refresh_token);
    expect(response.status).toBe(200);
    const second = (await response.json()) as Tokens;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(jwtClaims(second.id_token).sub).toBe('demo');
    expect(server.grants.refresh_token).toBe(1);
    expect(await server.isRefreshTokenActive(first.refresh_token)).toBe(false);
    expect(await server.isRefreshTokenActive(second.refresh_token)).toBe(true);
    expect(server.reuseDetections).toBe(0);

    const replay = await refresh(server, first.refresh_token);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
    expect(server.reuseDetections).toBe(1);
    expect(await server.isRefreshTokenActive(second.refresh_token)).toBe(false);
    expect(await server.isAccessTokenActive(second.access_token)).toBe(false);
    expect((await refresh(server, second.refresh_token)).status).toBe(400);
    expect(server.grants.refresh_token).toBe(3);
  });

  it('ignores the stray response_type Android sends', async () => {
    const tokens = await mintTokens(server, await login(server));
    const response = await tokenRequest(server, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      response_type: 'code',
    });
    expect(response.status).toBe(200);
  });
});

describe('userinfo and revoke', () => {
  it('returns the profile claims by scope', async () => {
    const tokens = await mintTokens(server, await login(server));
    const response = await userinfo(tokens.access_token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      sub: 'demo',
      subname: 'demo',
      name: 'Demo User',
      given_name: 'Demo',
      family_name: 'User',
      email: 'demo@example.com',
    });
  });

  it('revoking the access token makes userinfo 401 invalid_token', async () => {
    const tokens = await mintTokens(server, await login(server));
    const response = await revoke(tokens.access_token);
    expect(response.status).toBe(200);
    expect(server.revocations).toBe(1);
    expect(await server.isAccessTokenActive(tokens.access_token)).toBe(false);
    const after = await userinfo(tokens.access_token);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error: 'invalid_token' });
    // Revoking an access token leaves the rest of the grant alone: Android revokes it, then refreshes.
    expect(await server.isRefreshTokenActive(tokens.refresh_token)).toBe(true);
    expect((await refresh(server, tokens.refresh_token)).status).toBe(200);
  });

  it('keeps token families apart: revoking one refresh token leaves the next authorize’s tokens', async () => {
    const ssoToken = await login(server);
    const older = await mintTokens(server, ssoToken);
    const newer = await mintTokens(server, ssoToken);
    await revoke(older.refresh_token);
    expect(await server.isRefreshTokenActive(newer.refresh_token)).toBe(true);
    expect(await server.isAccessTokenActive(newer.access_token)).toBe(true);
  });

  it('revoking the refresh token revokes the whole grant; the AM session still mints new tokens', async () => {
    const ssoToken = await login(server);
    const tokens = await mintTokens(server, ssoToken);
    expect((await revoke(tokens.refresh_token)).status).toBe(200);
    expect(await server.isRefreshTokenActive(tokens.refresh_token)).toBe(false);
    expect(await server.isAccessTokenActive(tokens.access_token)).toBe(false);
    expect(server.reuseDetections).toBe(0);
    expect(server.isSessionValid(ssoToken)).toBe(true);
    const fresh = await mintTokens(server, ssoToken);
    expect((await userinfo(fresh.access_token)).status).toBe(200);
  });

  it('answers 200 to revoking an unknown token', async () => {
    expect((await revoke('nope')).status).toBe(200);
  });
});

describe('end session', () => {
  it('ends the AM session behind the id_token, revokes the tokens, answers 204', async () => {
    const ssoToken = await login(server);
    const tokens = await mintTokens(server, ssoToken);
    const response = await fetch(
      `${server.issuer}/connect/endSession?id_token_hint=${tokens.id_token}`,
      { redirect: 'manual' },
    );
    expect(response.status).toBe(204);
    expect(server.isSessionValid(ssoToken)).toBe(false);
    expect(await server.isAccessTokenActive(tokens.access_token)).toBe(false);
    expect(await server.isRefreshTokenActive(tokens.refresh_token)).toBe(false);
    expect(server.endSessions).toEqual([{ idTokenHintValid: true, sub: 'demo', sessionsEnded: 1 }]);
  });

  it('leaves the user’s other AM sessions alone', async () => {
    const other = await login(server);
    const tokens = await mintTokens(server, await login(server));
    await fetch(`${server.issuer}/connect/endSession?id_token_hint=${tokens.id_token}`);
    expect(server.isSessionValid(other)).toBe(true);
  });

  it('still ends the session after the tokens were revoked', async () => {
    const ssoToken = await login(server);
    const tokens = await mintTokens(server, ssoToken);
    await revoke(tokens.refresh_token);
    await fetch(`${server.issuer}/connect/endSession?id_token_hint=${tokens.id_token}`);
    expect(server.isSessionValid(ssoToken)).toBe(false);
  });

  it('302s to a registered post_logout_redirect_uri with the state', async () => {
    const ssoToken = await login(server);
    const tokens = await mintTokens(server, ssoToken);
    const query = new URLSearchParams({
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: server.signOutRedirectUri,
      state: 'bye',
    });
    const response = await fetch(`${server.issuer}/connect/endSession?${query.toString()}`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${server.signOutRedirectUri}?state=bye`);
    expect(server.isSessionValid(ssoToken)).toBe(false);
  });

  it('400s an unregistered post_logout_redirect_uri and keeps the session', async () => {
    const ssoToken = await login(server);
    const tokens = await mintTokens(server, ssoToken);
    const query = new URLSearchParams({
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: 'https://evil.example/',
    });
    const response = await fetch(`${server.issuer}/connect/endSession?${query.toString()}`);
    expect(response.status).toBe(400);
    expect(server.isSessionValid(ssoToken)).toBe(true);
  });

  it('400s a missing or forged id_token_hint with invalid_request, and records it', async () => {
    const tokens = await mintTokens(server, await login(server));
    const [header, payload] = tokens.id_token.split('.');
    for (const query of ['', `?id_token_hint=${header}.${payload}.AAAA`, '?id_token_hint=junk']) {
      const response = await fetch(`${server.issuer}/connect/endSession${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    }
    expect(server.endSessions).toEqual([
      { idTokenHintValid: false, sessionsEnded: 0 },
      { idTokenHintValid: false, sessionsEnded: 0 },
      { idTokenHintValid: false, sessionsEnded: 0 },
    ]);
  });
});
